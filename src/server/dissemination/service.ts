// Dissemination sessions (quán triệt): a body records the session it held on a document.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { documents } from "../../db/schema/documents.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { disseminationSessions } from "../../db/schema/reporting.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { notFound } from "../errors.ts";
import { checkDate, parseInput } from "../validation.ts";

export const FORMS = ["conference", "online", "integrated", "document"] as const;

export const disseminationInputSchema = z.object({
  documentId: z.number().int().positive(),
  organisationId: z.number().int().positive(),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  form: z.enum(FORMS),
  attendance: z.number().int().min(0).max(1_000_000).optional(),
  notes: z.string().max(20_000).optional(),
});
export type DisseminationInput = z.input<typeof disseminationInputSchema>;

export async function recordDissemination(
  db: Db,
  input: DisseminationInput,
  actor: Actor,
  today: string,
): Promise<number> {
  const d = parseInput(disseminationInputSchema, input);
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ id: documents.id, date: documents.date })
      .from(documents)
      .where(eq(documents.id, d.documentId));
    if (!doc) throw notFound("document", d.documentId);
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, d.organisationId));
    if (!org) throw notFound("organisation", d.organisationId);
    checkDate("heldOn", d.heldOn, today, doc.date && doc.date.length === 10 ? doc.date : null);
    const [row] = await tx
      .insert(disseminationSessions)
      .values({ ...d, attendance: d.attendance ?? null, notes: d.notes ?? null, createdBy: actor.id })
      .returning({ id: disseminationSessions.id });
    const id = (row as { id: number }).id;
    await appendAudit(tx, actor, {
      action: "dissemination.record",
      entity: "dissemination",
      entityId: id,
      after: d,
    });
    return id;
  });
}
