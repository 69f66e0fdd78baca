// Inspections (kiểm tra, giám sát): findings about a body, and the follow-up tasks they give it.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { documents } from "../../db/schema/documents.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { inspections } from "../../db/schema/reporting.ts";
import { assignments, tasks } from "../../db/schema/tasks.ts";
import { searchKey } from "../../domain/names.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { invalidInput, notFound } from "../errors.ts";
import { checkDate, parseInput, realDate } from "../validation.ts";

export const inspectionInputSchema = z.object({
  documentId: z.number().int().positive(),
  inspectedOrganisationId: z.number().int().positive(),
  inspectingOrganisationId: z.number().int().positive().optional(),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  findings: z.string().min(1).max(50_000),
  followUps: z
    .array(
      z.object({
        text: z.string().min(1).max(5000),
        deadline: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type InspectionInput = z.input<typeof inspectionInputSchema>;

export async function recordInspection(
  db: Db,
  input: InspectionInput,
  actor: Actor,
  today: string,
): Promise<number> {
  const d = parseInput(inspectionInputSchema, input);
  for (const f of d.followUps) {
    if (f.deadline && !realDate(f.deadline))
      throw invalidInput({ code: "date-not-real", params: { field: "deadline", date: f.deadline } });
    if (f.deadline && f.deadline < d.heldOn)
      throw invalidInput({
        code: "deadline-before-inspection",
        params: { deadline: f.deadline, heldOn: d.heldOn },
      });
  }
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ id: documents.id, date: documents.date })
      .from(documents)
      .where(eq(documents.id, d.documentId));
    if (!doc) throw notFound("document", d.documentId);
    for (const id of [d.inspectedOrganisationId, d.inspectingOrganisationId].filter(
      (x): x is number => x !== undefined,
    )) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, id));
      if (!org) throw notFound("organisation", id);
    }
    checkDate("heldOn", d.heldOn, today, doc.date && doc.date.length === 10 ? doc.date : null);
    const [row] = await tx
      .insert(inspections)
      .values({
        documentId: d.documentId,
        inspectedOrganisationId: d.inspectedOrganisationId,
        inspectingOrganisationId: d.inspectingOrganisationId ?? null,
        heldOn: d.heldOn,
        findings: d.findings,
        createdBy: actor.id,
      })
      .returning({ id: inspections.id });
    const inspectionId = (row as { id: number }).id;
    for (const f of d.followUps) {
      const [t] = await tx
        .insert(tasks)
        .values({
          documentId: d.documentId,
          inspectionId,
          text: f.text,
          deadlineDate: f.deadline ?? null,
          recurrence: f.deadline ? "once" : null,
          origin: "inspection",
          reviewState: "accepted",
          searchKey: searchKey(f.text),
        })
        .returning({ id: tasks.id });
      await tx.insert(assignments).values({
        taskId: (t as { id: number }).id,
        documentId: d.documentId,
        organisationId: d.inspectedOrganisationId,
        phrase: "",
        role: "lead",
        resolution: "resolved",
        deadlineDate: f.deadline ?? null,
        recurrence: f.deadline ? "once" : null,
      });
    }
    await appendAudit(tx, actor, {
      action: "inspection.record",
      entity: "inspection",
      entityId: inspectionId,
      after: d,
    });
    return inspectionId;
  });
}
