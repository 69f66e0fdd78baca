// Indicator values per body and period: entered one by one or in bulk, validated, versioned, audited.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { indicators, indicatorValues } from "../../db/schema/indicators.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { parsePeriod } from "../../domain/period.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { invalidInput, notFound, staleVersion } from "../errors.ts";
import { parseInput } from "../validation.ts";

export const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export const indicatorValueSchema = z.object({
  indicatorId: z.number().int().positive(),
  organisationId: z.number().int().positive(),
  period: z.string().regex(PERIOD, "kỳ dạng 2025, 2025-H1, 2025-Q3 hoặc 2025-07"),
  value: z.number().finite(),
  source: z.string().max(500).optional(),
  /** The version being replaced, when the value exists already. */
  expectedVersion: z.number().int().positive().optional(),
});
export type IndicatorValueInput = z.input<typeof indicatorValueSchema>;

/** Records values in one transaction: all or none. */
export async function recordIndicatorValues(
  db: Db,
  input: IndicatorValueInput[],
  actor: Actor,
  today: string,
): Promise<number> {
  const values = input.map((v, i) => parseInput(indicatorValueSchema, v, i + 1));
  // a period that has not begun has no value yet (2026-12 on 24 November 2026; 2026 itself has begun)
  for (const v of values)
    if ((parsePeriod(v.period)?.start ?? "") > today)
      throw invalidInput({ code: "period-not-begun", params: { period: v.period } });
  // rows are locked in one order whatever the input's: two bulk imports of the same values wait for
  // each other instead of deadlocking
  const ordered = values
    .map((v, i) => ({ v, i }))
    .sort(
      (a, b) =>
        a.v.indicatorId - b.v.indicatorId ||
        a.v.organisationId - b.v.organisationId ||
        (a.v.period < b.v.period ? -1 : a.v.period > b.v.period ? 1 : 0) ||
        a.i - b.i,
    )
    .map((x) => x.v);
  return db.transaction(async (tx) => {
    const current = (v: (typeof values)[number]) =>
      tx
        .select()
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.indicatorId, v.indicatorId),
            eq(indicatorValues.organisationId, v.organisationId),
            eq(indicatorValues.period, v.period),
          ),
        )
        .for("update");
    for (const v of ordered) {
      const [ind] = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(eq(indicators.id, v.indicatorId));
      if (!ind) throw notFound("indicator", v.indicatorId);
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, v.organisationId));
      if (!org) throw notFound("organisation", v.organisationId);
      let [existing] = await current(v);
      if (!existing) {
        // a concurrent writer may insert the same value first: then this one replaces it
        const inserted = await tx
          .insert(indicatorValues)
          .values({
            indicatorId: v.indicatorId,
            organisationId: v.organisationId,
            period: v.period,
            year: Number(v.period.slice(0, 4)),
            value: v.value,
            source: v.source ?? null,
            recordedBy: actor.id,
          })
          .onConflictDoNothing({
            target: [indicatorValues.indicatorId, indicatorValues.organisationId, indicatorValues.period],
          })
          .returning({ id: indicatorValues.id });
        if (inserted.length === 0) [existing] = await current(v);
      }
      if (existing) {
        const expected = v.expectedVersion ?? existing.version;
        if (expected !== existing.version)
          throw staleVersion("indicator_value", existing.id, expected, existing.version);
        await tx
          .update(indicatorValues)
          .set({
            value: v.value,
            source: v.source ?? null,
            recordedBy: actor.id,
            recordedAt: sql`now()`,
            version: existing.version + 1,
          })
          .where(eq(indicatorValues.id, existing.id));
      }
      await appendAudit(tx, actor, {
        action: "indicator.value",
        entity: "indicator",
        entityId: v.indicatorId,
        before: existing
          ? { organisationId: v.organisationId, period: v.period, value: existing.value }
          : null,
        after: { organisationId: v.organisationId, period: v.period, value: v.value },
      });
    }
    return values.length;
  });
}
