// Reviewing a draft: the officer corrects the fields the parser extracted, accepts or rejects the
// proposed tasks, indicators, links and parent-task suggestions, and maps the phrases no organisation
// matched; or throws the draft away. Each request is one transaction guarded by the document's
// version, bumps it once and audits every row it changes with its before and after.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { documentLinks, documents } from "../../db/schema/documents.ts";
import { indicators } from "../../db/schema/indicators.ts";
import { assignments, taskParentSuggestions, tasks } from "../../db/schema/tasks.ts";
import { nameKey, searchKey } from "../../domain/names.ts";
import { buildDirectory, resolveIssuer } from "../../domain/resolver.ts";
import { vietnameseDate } from "../../messages/dates.ts";
import { DOCUMENT_TYPES, signerSchema } from "../../parser/schema.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, notFound, staleVersion } from "../errors.ts";
import { loadDirectory } from "../organisations/repository.ts";
import type { DocumentRow } from "./repository.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive().max(2_147_483_647);

/** The fields a reviewer may correct; a date is as printed (year, year-month or a day). */
export const draftEditSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    system: z.enum(["party", "state"]).nullable(),
    symbol: text(100).nullable(),
    number: text(50).nullable(),
    issuerName: text(300).nullable(),
    issuerParent: text(300).nullable(),
    /** The issuing organisation; when only the name changes it is resolved again from the name. */
    issuerId: id.nullable(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .nullable(),
    place: text(200).nullable(),
    title: text(2000).nullable(),
    recipients: z.array(text(500)).max(300),
    distribution: z.array(text(500)).max(300),
    signer: signerSchema,
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: "no field to change" })
  .meta({ id: "DraftEdit" });
export type DraftEdit = z.infer<typeof draftEditSchema>;

const STATES = ["proposed", "accepted", "rejected"] as const;
const decision = z.object({ id, state: z.enum(STATES) }).strict();

export const reviewSchema = z
  .object({
    tasks: z.array(decision).max(5000).default([]),
    indicators: z.array(decision).max(5000).default([]),
    links: z.array(decision).max(5000).default([]),
    suggestions: z
      .array(z.object({ taskId: id, parentTaskId: id, state: z.enum(STATES) }).strict())
      .max(5000)
      .default([]),
    /** An assignment's phrase given to an organisation (unresolved phrases, or a wrong match). */
    mappings: z
      .array(z.object({ assignmentId: id, organisationId: id }).strict())
      .max(5000)
      .default([]),
  })
  .strict()
  .meta({ id: "ReviewDecisions" });
export type ReviewDecisions = z.infer<typeof reviewSchema>;

export interface ReviewOutcome {
  version: number;
  /** Rows whose state or organisation changed. */
  changed: number;
}

/** Days that exist: 2025-02-30 is refused even though it has the right shape. */
export function realDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (y < 1900 || y > 2100) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The draft, locked for this transaction, at the version the client edits. */
async function lockDraft(tx: Db, documentId: number, version: number): Promise<DocumentRow> {
  const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId)).for("update");
  if (!doc) throw notFound("document", documentId);
  if (doc.status === "published") throw new DomainError("document-not-draft", 409, { id: documentId });
  if (doc.status === "rejected") throw new DomainError("document-rejected", 409, { id: documentId });
  if (doc.version !== version) throw staleVersion("document", documentId, version, doc.version);
  return doc;
}

async function bump(tx: Db, documentId: number, set: Partial<typeof documents.$inferInsert> = {}) {
  const [r] = await tx
    .update(documents)
    .set({ ...set, version: sql`${documents.version} + 1`, updatedAt: sql`now()` })
    .where(eq(documents.id, documentId))
    .returning({ version: documents.version });
  return (r as { version: number }).version;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function editDraft(
  db: Db,
  documentId: number,
  version: number,
  edit: DraftEdit,
  actor: Actor,
): Promise<{ version: number }> {
  if (edit.date && !realDate(edit.date))
    throw new DomainError("document-date-invalid", 422, { date: edit.date });
  return db.transaction(async (tx) => {
    const doc = await lockDraft(tx, documentId, version);
    if (edit.issuerId !== undefined && edit.issuerId !== null) {
      const [o] = await rows<{ id: number }>(
        tx,
        sql`select id from organisations where id = ${edit.issuerId}`,
      );
      if (!o) throw notFound("organisation", edit.issuerId);
    }
    const next = { ...doc, ...edit };
    if (edit.issuerName !== undefined && edit.issuerId === undefined) {
      const dir = buildDirectory(await loadDirectory(tx));
      next.issuerId = resolveIssuer(dir, next.issuerName, next.issuerParent, next.date);
    }
    next.issuerKey = next.issuerName ? nameKey(next.issuerName) : "";
    next.searchKey = searchKey([next.symbol, next.title, next.issuerName].filter(Boolean).join(" "));
    const keys = [...Object.keys(edit), "issuerId", "issuerKey", "searchKey"] as (keyof DocumentRow)[];
    const changed = [...new Set(keys)].filter((k) => !same(doc[k], next[k]));
    if (changed.length === 0) return { version: doc.version };
    if (next.symbol !== null) {
      const [other] = await rows<{ id: number }>(
        tx,
        sql`select id from documents where issuer_key = ${next.issuerKey} and symbol = ${next.symbol}
          and date is not distinct from ${next.date} and status <> 'rejected' and id <> ${documentId} limit 1`,
      );
      if (other)
        throw new DomainError(
          next.date ? "duplicate-document" : "duplicate-document-undated",
          409,
          { symbol: next.symbol, date: vietnameseDate(next.date) ?? "", existingId: other.id },
          { existingId: other.id },
        );
    }
    const set = Object.fromEntries(changed.map((k) => [k, next[k]]));
    const after = await bump(tx, documentId, set);
    await appendAudit(tx, actor, {
      action: "document.edit",
      entity: "document",
      entityId: documentId,
      before: { version: doc.version, ...Object.fromEntries(changed.map((k) => [k, doc[k]])) },
      after: { version: after, ...set },
    });
    return { version: after };
  });
}

function unique<T>(list: T[], key: (x: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const x of list) {
    const k = key(x);
    if (seen.has(k)) throw new DomainError("document-review-repeated", 422, { entity: what, id: k });
    seen.add(k);
  }
}

/** Ids of `wanted` that are missing from `found`: the first one is reported. */
function requireAll(entity: string, wanted: number[], found: Set<number>): void {
  const missing = wanted.find((w) => !found.has(w));
  if (missing !== undefined) throw notFound(entity, missing);
}

interface StateRow {
  id: number;
  reviewState: string;
}

/** Sets review states of rows of one kind that belong to the document; audits each change. */
async function decideStates(
  tx: Db,
  actor: Actor,
  entity: "task" | "indicator" | "link",
  current: StateRow[],
  list: { id: number; state: string }[],
  update: (ids: number[], state: string) => Promise<unknown>,
): Promise<number> {
  requireAll(
    entity,
    list.map((d) => d.id),
    new Set(current.map((r) => r.id)),
  );
  const before = new Map(current.map((r) => [r.id, r.reviewState]));
  const changes = list.filter((d) => before.get(d.id) !== d.state);
  for (const state of STATES) {
    const ids = changes.filter((d) => d.state === state).map((d) => d.id);
    if (ids.length > 0) await update(ids, state);
  }
  for (const d of changes)
    await appendAudit(tx, actor, {
      action: "document.review",
      entity,
      entityId: d.id,
      before: { reviewState: before.get(d.id) },
      after: { reviewState: d.state },
    });
  return changes.length;
}

/** The organisation exists, stands for a body (or a group) in force on `day`, and is not a duplicate. */
async function checkMapping(
  tx: Db,
  m: { assignmentId: number; organisationId: number },
  a: { taskId: number; role: string },
  day: string,
): Promise<{ isGroup: boolean }> {
  const [o] = await rows<{ name: string; in_force: boolean; is_group: boolean }>(
    tx,
    sql`select name, is_group,
        (valid_from is null or valid_from <= ${day}::date) and (valid_to is null or valid_to >= ${day}::date) as in_force
      from organisations where id = ${m.organisationId}`,
  );
  if (!o) throw notFound("organisation", m.organisationId);
  if (!o.in_force)
    throw new DomainError("document-mapping-not-in-force", 422, {
      name: o.name,
      date: vietnameseDate(day) ?? day,
    });
  const [taken] = await rows<{ id: number }>(
    tx,
    sql`select id from assignments where task_id = ${a.taskId} and organisation_id = ${m.organisationId}
      and role = ${a.role} and id <> ${m.assignmentId} limit 1`,
  );
  if (taken)
    throw new DomainError("document-mapping-taken", 422, {
      name: o.name,
      id: m.assignmentId,
      existingId: taken.id,
    });
  return { isGroup: o.is_group };
}

export async function reviewDraft(
  db: Db,
  documentId: number,
  version: number,
  d: ReviewDecisions,
  actor: Actor,
  today: string,
): Promise<ReviewOutcome> {
  unique(d.tasks, (x) => String(x.id), "task");
  unique(d.indicators, (x) => String(x.id), "indicator");
  unique(d.links, (x) => String(x.id), "link");
  unique(d.suggestions, (x) => `${x.taskId}/${x.parentTaskId}`, "suggestion");
  unique(d.mappings, (x) => String(x.assignmentId), "assignment");
  const accepted = d.suggestions.filter((s) => s.state === "accepted");
  // a task concretizes one parent task
  unique(accepted, (x) => String(x.taskId), "task");
  return db.transaction(async (tx) => {
    const doc = await lockDraft(tx, documentId, version);
    let changed = 0;

    const taskIds = d.tasks.map((x) => x.id);
    changed += await decideStates(
      tx,
      actor,
      "task",
      taskIds.length
        ? await tx
            .select({ id: tasks.id, reviewState: tasks.reviewState })
            .from(tasks)
            .where(and(eq(tasks.documentId, documentId), inArray(tasks.id, taskIds)))
        : [],
      d.tasks,
      (ids, state) =>
        tx
          .update(tasks)
          .set({ reviewState: state, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
          .where(inArray(tasks.id, ids)),
    );

    const indicatorIds = d.indicators.map((x) => x.id);
    changed += await decideStates(
      tx,
      actor,
      "indicator",
      indicatorIds.length
        ? await tx
            .select({ id: indicators.id, reviewState: indicators.reviewState })
            .from(indicators)
            .where(and(eq(indicators.documentId, documentId), inArray(indicators.id, indicatorIds)))
        : [],
      d.indicators,
      (ids, state) =>
        tx
          .update(indicators)
          .set({ reviewState: state, version: sql`${indicators.version} + 1` })
          .where(inArray(indicators.id, ids)),
    );

    const linkIds = d.links.map((x) => x.id);
    changed += await decideStates(
      tx,
      actor,
      "link",
      linkIds.length
        ? await tx
            .select({ id: documentLinks.id, reviewState: documentLinks.reviewState })
            .from(documentLinks)
            .where(and(eq(documentLinks.fromDocumentId, documentId), inArray(documentLinks.id, linkIds)))
        : [],
      d.links,
      (ids, state) =>
        tx.update(documentLinks).set({ reviewState: state }).where(inArray(documentLinks.id, ids)),
    );

    for (const s of d.suggestions) {
      const [row] = await rows<{ state: string; parent_task_id: number | null }>(
        tx,
        sql`select s.state, t.parent_task_id from task_parent_suggestions s join tasks t on t.id = s.task_id
          where s.task_id = ${s.taskId} and s.parent_task_id = ${s.parentTaskId} and t.document_id = ${documentId}`,
      );
      if (!row) throw notFound("suggestion", `${s.taskId}/${s.parentTaskId}`);
      if (row.state === s.state) continue;
      const where = and(
        eq(taskParentSuggestions.taskId, s.taskId),
        eq(taskParentSuggestions.parentTaskId, s.parentTaskId),
      );
      let parent = row.parent_task_id;
      if (s.state === "accepted") {
        // the task's other accepted suggestion gives way to this one
        await tx
          .update(taskParentSuggestions)
          .set({ state: "proposed" })
          .where(
            and(
              eq(taskParentSuggestions.taskId, s.taskId),
              eq(taskParentSuggestions.state, "accepted"),
              ne(taskParentSuggestions.parentTaskId, s.parentTaskId),
            ),
          );
        parent = s.parentTaskId;
      } else if (parent === s.parentTaskId) parent = null;
      await tx.update(taskParentSuggestions).set({ state: s.state }).where(where);
      if (parent !== row.parent_task_id)
        await tx
          .update(tasks)
          .set({ parentTaskId: parent, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
          .where(eq(tasks.id, s.taskId));
      await appendAudit(tx, actor, {
        action: "document.review",
        entity: "task",
        entityId: s.taskId,
        before: { suggestion: s.parentTaskId, state: row.state, parentTaskId: row.parent_task_id },
        after: { suggestion: s.parentTaskId, state: s.state, parentTaskId: parent },
      });
      changed++;
    }

    const day = doc.date && doc.date.length === 10 ? doc.date : today;
    for (const m of d.mappings) {
      const [a] = await tx
        .select({
          taskId: assignments.taskId,
          role: assignments.role,
          organisationId: assignments.organisationId,
          resolution: assignments.resolution,
        })
        .from(assignments)
        .where(and(eq(assignments.id, m.assignmentId), eq(assignments.documentId, documentId)));
      if (!a) throw notFound("assignment", m.assignmentId);
      const o = await checkMapping(tx, m, a, day);
      const resolution = o.isGroup ? "group" : "resolved";
      if (a.organisationId === m.organisationId && a.resolution === resolution) continue;
      await tx
        .update(assignments)
        .set({
          organisationId: m.organisationId,
          resolution,
          version: sql`${assignments.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(assignments.id, m.assignmentId));
      await appendAudit(tx, actor, {
        action: "document.review",
        entity: "assignment",
        entityId: m.assignmentId,
        before: { organisationId: a.organisationId, resolution: a.resolution },
        after: { organisationId: m.organisationId, resolution },
      });
      changed++;
    }
    if (changed === 0) return { version: doc.version, changed };
    return { version: await bump(tx, documentId), changed };
  });
}

/** Throws a draft away: its rows stay for the record; the symbol and the file may be imported again. */
export async function rejectDraft(
  db: Db,
  documentId: number,
  version: number,
  actor: Actor,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const doc = await lockDraft(tx, documentId, version);
    const after = await bump(tx, documentId, { status: "rejected" });
    await appendAudit(tx, actor, {
      action: "document.reject",
      entity: "document",
      entityId: documentId,
      before: { status: doc.status, version: doc.version },
      after: { status: "rejected", version: after },
    });
    return { version: after };
  });
}
