// Progress updates on an assignment: versioned (each update is a new row and bumps the
// assignment's version; a stale version is refused), validated, audited.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { documents } from "../../db/schema/documents.ts";
import { assignments, progressUpdates } from "../../db/schema/tasks.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput, notFound, staleVersion } from "../errors.ts";
import { checkDate, parseInput } from "../validation.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày dạng YYYY-MM-DD");

export const progressInputSchema = z.object({
  percent: z.number().min(0).max(100),
  narrative: z.string().max(20_000).default(""),
  evidence: z
    .array(
      z.object({
        name: z.string().min(1).max(300),
        url: z.url().optional(),
        fileId: z.number().int().optional(),
      }),
    )
    .max(50)
    .default([]),
  /** When the task was completed; defaults to today when percent is 100. */
  completedAt: isoDate.optional(),
});
export type ProgressInput = z.input<typeof progressInputSchema>;

export async function recordProgress(
  db: Db,
  assignmentId: number,
  expectedVersion: number,
  input: ProgressInput,
  actor: Actor,
  today: string,
  /** When the update was made, for imports of past records; now by default. */
  at?: string,
): Promise<{ version: number; updateId: number }> {
  const p = parseInput(progressInputSchema, input);
  if (p.completedAt !== undefined) {
    checkDate("completedAt", p.completedAt, today);
    if (p.percent < 100) throw invalidInput("completedAt: chỉ ghi ngày hoàn thành khi đạt 100%");
  }
  const completedAt = p.percent >= 100 ? (p.completedAt ?? today) : null;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ a: assignments, documentDate: documents.date })
      .from(assignments)
      .innerJoin(documents, eq(documents.id, assignments.documentId))
      .where(eq(assignments.id, assignmentId));
    if (!current) throw notFound("assignment", assignmentId);
    const a = current.a;
    if (a.transferredToId !== null)
      throw new DomainError("assignment-transferred", 409, { id: assignmentId, to: a.transferredToId });
    if (
      completedAt &&
      current.documentDate &&
      completedAt < current.documentDate.padEnd(10, "-01").slice(0, 10)
    )
      throw invalidInput(`completedAt: ngày hoàn thành ${completedAt} trước ngày ban hành văn bản`);
    const version = expectedVersion + 1;
    const updated = await tx
      .update(assignments)
      .set({
        percent: p.percent,
        completedAt,
        lastUpdateAt: at ?? sql`now()`,
        updatedAt: sql`now()`,
        version,
      })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.version, expectedVersion)))
      .returning({ id: assignments.id });
    if (updated.length === 0) throw staleVersion("assignment", assignmentId, expectedVersion, a.version);
    const [row] = await tx
      .insert(progressUpdates)
      .values({
        assignmentId,
        version,
        percent: p.percent,
        narrative: p.narrative,
        evidence: p.evidence,
        completedAt,
        authorId: actor.id,
        ...(at ? { createdAt: at } : {}),
      })
      .returning({ id: progressUpdates.id });
    await appendAudit(tx, actor, {
      action: "assignment.progress",
      entity: "assignment",
      entityId: assignmentId,
      before: { percent: a.percent, completedAt: a.completedAt, version: a.version },
      after: { percent: p.percent, completedAt, version },
    });
    return { version, updateId: (row as { id: number }).id };
  });
}
