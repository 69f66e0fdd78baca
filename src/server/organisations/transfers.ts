// Open work of a dissolved body moves to its successor (DESIGN: "history must stay true and open work
// must move to the successor"). A body whose validity ended before today and that names successors
// has its open assignments offered for transfer; applying a transfer keeps the old assignment, with
// its progress updates, marked as transferred and pointing at the successor's assignment, which is
// created (or, when the successor already has the same duty, reused) and carries the work on. Rollups
// count the successor's row only. One transaction; every move is in the audit log.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { reportingCycleBodies, reportingCycles } from "../../db/schema/reporting.ts";
import { assignments } from "../../db/schema/tasks.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

export interface OrganisationRef {
  id: number;
  code: string | null;
  name: string;
}

export interface TransferOffer {
  assignmentId: number;
  documentId: number;
  documentSymbol: string | null;
  taskId: number;
  taskText: string;
  role: string;
  deadline: string | null;
  recurrence: string | null;
  percent: number;
  /** The dissolved body and the last day it was in force. */
  organisation: OrganisationRef & { validTo: string };
  /** Its successors in force today, following successors that were dissolved in turn. */
  successors: OrganisationRef[];
}

/**
 * The successors in force on `today` of each organisation: its own successors, or theirs when a
 * successor has ended in turn (a district board merged in March 2025, then the district abolished).
 */
export async function successorsInForce(
  db: Db,
  organisationIds: number[],
  today: string,
): Promise<Map<number, OrganisationRef[]>> {
  const out = new Map<number, OrganisationRef[]>();
  if (organisationIds.length === 0) return out;
  const list = await rows<{ origin: number; id: number; code: string | null; name: string }>(
    db,
    sql`with recursive chain(origin, id, depth) as (
          select s.predecessor_id, s.successor_id, 1
          from organisation_successors s
          where s.predecessor_id in (select unnest(${`{${organisationIds.join(",")}}`}::int[]))
          union all
          select c.origin, s.successor_id, c.depth + 1
          from chain c
          join organisations o on o.id = c.id
          join organisation_successors s on s.predecessor_id = c.id
          where o.valid_to < ${today}::date and c.depth < 10)
        select distinct c.origin, o.id, o.code, o.name
        from chain c join organisations o on o.id = c.id
        where (o.valid_from is null or o.valid_from <= ${today}::date)
          and (o.valid_to is null or o.valid_to >= ${today}::date)
        order by c.origin, o.name, o.id`,
  );
  for (const r of list)
    out.set(r.origin, [...(out.get(r.origin) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return out;
}

/** Open assignments of bodies dissolved before `today` that have a successor in force, with it. */
export async function transferOffers(db: Db, today: string): Promise<TransferOffer[]> {
  const list = await rows<{
    id: number;
    document_id: number;
    symbol: string | null;
    task_id: number;
    text: string;
    role: string;
    deadline_date: string | null;
    recurrence: string | null;
    percent: number;
    organisation_id: number;
    code: string | null;
    name: string;
    valid_to: string;
  }>(
    db,
    sql`select a.id, a.document_id, d.symbol, a.task_id, t.text, a.role, a.deadline_date::text as deadline_date,
               a.recurrence, a.percent, o.id as organisation_id, o.code, o.name, o.valid_to::text as valid_to
        from assignments a
        join organisations o on o.id = a.organisation_id
        join tasks t on t.id = a.task_id
        join documents d on d.id = a.document_id
        where o.valid_to < ${today}::date
          and a.completed_at is null and a.transferred_to_id is null
          and d.status <> 'rejected'
          and exists (select 1 from organisation_successors s where s.predecessor_id = o.id)
        order by o.name, o.id, a.document_id, a.id`,
  );
  const successors = await successorsInForce(db, [...new Set(list.map((r) => r.organisation_id))], today);
  return list.flatMap((r) => {
    const found = successors.get(r.organisation_id) ?? [];
    if (found.length === 0) return [];
    return [
      {
        assignmentId: r.id,
        documentId: r.document_id,
        documentSymbol: r.symbol,
        taskId: r.task_id,
        taskText: r.text,
        role: r.role,
        deadline: r.deadline_date,
        recurrence: r.recurrence,
        percent: Number(r.percent),
        organisation: { id: r.organisation_id, code: r.code, name: r.name, validTo: r.valid_to },
        successors: found,
      },
    ];
  });
}

const transferSchema = z.object({
  assignmentIds: z.array(z.number().int().positive()).min(1).max(100_000),
  toOrganisationId: z.number().int().positive(),
});
export type TransferInput = z.input<typeof transferSchema> & { actor: Actor };

export interface TransferResult {
  to: OrganisationRef;
  moved: {
    from: number;
    /** The successor's assignment that carries the work on. */
    to: number;
    /** The successor already had the same duty on this task: its assignment is reused. */
    merged: boolean;
  }[];
}

const label = (o: { code: string | null; name: string }): string =>
  o.code ? `${o.name} (${o.code})` : o.name;

/**
 * Moves open assignments of dissolved bodies to `toOrganisationId`, which must be a successor in
 * force on `today` of each one's body. All or nothing: any unknown id, finished or already moved
 * assignment, body still in force or wrong target refuses the whole request and changes nothing.
 */
export async function applyTransfer(db: Db, input: TransferInput, today: string): Promise<TransferResult> {
  const { assignmentIds, toOrganisationId } = parseInput(transferSchema, input);
  const ids = [...new Set(assignmentIds)];
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: organisations.id, code: organisations.code, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, toOrganisationId));
    if (!target) throw notFound("organisation", toOrganisationId);

    const found = await tx
      .select()
      .from(assignments)
      .where(inArray(assignments.id, ids))
      .orderBy(assignments.id)
      .for("update");
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length > 0)
      throw new DomainError("assignments-not-found", 404, { ids: missing.join(", ") }, { missing });

    const orgIds = [...new Set(found.map((a) => a.organisationId).filter((x): x is number => x !== null))];
    const orgs = new Map(
      (orgIds.length === 0
        ? []
        : await tx
            .select({
              id: organisations.id,
              code: organisations.code,
              name: organisations.name,
              validTo: organisations.validTo,
            })
            .from(organisations)
            .where(inArray(organisations.id, orgIds))
      ).map((o) => [o.id, o]),
    );
    const successors = await successorsInForce(tx, orgIds, today);
    for (const a of found) {
      if (a.transferredToId !== null)
        throw new DomainError("assignment-transferred", 409, { id: a.id, to: a.transferredToId });
      if (a.completedAt !== null) throw new DomainError("assignment-done", 409, { id: a.id });
      const org = a.organisationId === null ? undefined : orgs.get(a.organisationId);
      if (!org || org.validTo === null || org.validTo >= today)
        throw new DomainError("assignment-not-dissolved", 409, { id: a.id, name: org?.name ?? a.phrase });
      const allowed = successors.get(org.id) ?? [];
      if (!allowed.some((s) => s.id === target.id))
        throw new DomainError(
          "transfer-target-invalid",
          422,
          {
            target: label(target),
            name: label(org),
            id: a.id,
            successors: allowed.length > 0 ? allowed.map(label).join("; ") : "—",
          },
          { allowed: allowed.map((s) => s.id) },
        );
    }

    const moved: TransferResult["moved"] = [];
    for (const a of found) {
      const [existing] = await tx
        .select({ id: assignments.id, transferredToId: assignments.transferredToId })
        .from(assignments)
        .where(
          and(
            eq(assignments.taskId, a.taskId),
            eq(assignments.organisationId, target.id),
            eq(assignments.role, a.role),
          ),
        );
      let to: number;
      if (existing) to = existing.transferredToId ?? existing.id;
      else {
        const [inserted] = await tx
          .insert(assignments)
          .values({
            taskId: a.taskId,
            documentId: a.documentId,
            organisationId: target.id,
            phrase: a.phrase,
            role: a.role,
            resolution: a.resolution,
            // the work done so far goes on; its updates stay on the old row, reachable by the link
            percent: a.percent,
            deadlineDate: a.deadlineDate,
            recurrence: a.recurrence,
            isKey: a.isKey,
          })
          .returning({ id: assignments.id });
        to = (inserted as { id: number }).id;
      }
      await tx
        .update(assignments)
        .set({
          transferredToId: to,
          transferredAt: sql`now()`,
          updatedAt: sql`now()`,
          version: a.version + 1,
        })
        .where(eq(assignments.id, a.id));
      // the successor also owes the reports the dissolved body owed for this task
      const cycles = await tx
        .select({ id: reportingCycles.id })
        .from(reportingCycles)
        .innerJoin(reportingCycleBodies, eq(reportingCycleBodies.cycleId, reportingCycles.id))
        .where(
          and(
            eq(reportingCycles.taskId, a.taskId),
            eq(reportingCycleBodies.organisationId, a.organisationId as number),
          ),
        );
      if (cycles.length > 0)
        await tx
          .insert(reportingCycleBodies)
          .values(cycles.map((c) => ({ cycleId: c.id, organisationId: target.id })))
          .onConflictDoNothing();
      const org = orgs.get(a.organisationId as number);
      await appendAudit(tx, input.actor, {
        action: "assignment.transfer",
        entity: "assignment",
        entityId: a.id,
        before: { organisationId: a.organisationId, organisation: org?.name ?? null, version: a.version },
        after: {
          organisationId: target.id,
          organisation: target.name,
          assignmentId: to,
          merged: existing !== undefined,
          reportingCycles: cycles.map((c) => c.id),
          version: a.version + 1,
        },
      });
      moved.push({ from: a.id, to, merged: existing !== undefined });
    }
    return { to: target, moved };
  });
}
