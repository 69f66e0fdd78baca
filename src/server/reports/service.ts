// Periodic reports: a body submits its report for a period of a reporting cycle it owes.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { reportingCycleBodies, reportingCycles, reports } from "../../db/schema/reporting.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

const PERIOD_OF: Record<string, RegExp> = {
  annual: /^\d{4}$/,
  semiannual: /^\d{4}-H[12]$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
};

export const reportInputSchema = z.object({
  cycleId: z.number().int().positive(),
  organisationId: z.number().int().positive(),
  period: z.string().min(4).max(10),
  content: z.string().max(100_000).default(""),
  difficulties: z.string().max(20_000).optional(),
  proposals: z.string().max(20_000).optional(),
});
export type ReportInput = z.input<typeof reportInputSchema>;

export async function submitReport(db: Db, input: ReportInput, actor: Actor, at?: string): Promise<number> {
  const r = parseInput(reportInputSchema, input);
  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(reportingCycles).where(eq(reportingCycles.id, r.cycleId));
    if (!cycle) throw notFound("reporting_cycle", r.cycleId);
    if (!(PERIOD_OF[cycle.frequency] ?? /^$/).test(r.period))
      throw invalidInput({
        code: "period-not-of-cycle",
        params: { period: r.period, frequency: cycle.frequency },
      });
    const [owes] = await tx
      .select()
      .from(reportingCycleBodies)
      .where(
        and(
          eq(reportingCycleBodies.cycleId, r.cycleId),
          eq(reportingCycleBodies.organisationId, r.organisationId),
        ),
      );
    if (!owes) throw new DomainError("report-not-owed", 422, { organisationId: r.organisationId });
    const [existing] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.cycleId, r.cycleId),
          eq(reports.organisationId, r.organisationId),
          eq(reports.period, r.period),
        ),
      );
    if (existing)
      throw new DomainError("duplicate-report", 409, { period: r.period, existingId: existing.id });
    const [row] = await tx
      .insert(reports)
      .values({
        cycleId: r.cycleId,
        organisationId: r.organisationId,
        period: r.period,
        content: r.content,
        difficulties: r.difficulties ?? null,
        proposals: r.proposals ?? null,
        authorId: actor.id,
        submittedAt: at ?? sql`now()`,
      })
      .returning({ id: reports.id });
    const id = (row as { id: number }).id;
    await appendAudit(tx, actor, {
      action: "report.submit",
      entity: "report",
      entityId: id,
      after: { cycleId: r.cycleId, organisationId: r.organisationId, period: r.period },
    });
    return id;
  });
}
