// The completeness matrix of a reporting cycle as the API returns it: periods with their due days,
// one row per body with a cell per period (on time, late, missing, not yet due, not expected), rates
// per body, per period and in total, and on request the reports the cells were judged from.
import { z } from "zod";
import type { CycleCompleteness } from "./repository.ts";

export const CELL_STATES = ["on_time", "late", "missing", "not_yet_due", "not_expected"] as const;

export const ratesSchema = z
  .object({
    expected: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    notYetDue: z.number().int(),
    notExpected: z.number().int(),
    reportingRate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
  })
  .meta({
    id: "ReportingRates",
    description:
      "expected = onTime + late + missing; reportingRate = (onTime + late) ÷ expected; onTimeRate = onTime ÷ expected",
  });

export const countedReportSchema = z
  .object({
    id: z.number().int(),
    cycleId: z.number().int(),
    organisationId: z.number().int(),
    period: z.string(),
    submittedAt: z.string(),
    submittedOn: z.string(),
  })
  .meta({ id: "CountedReport" });

export const cycleCompletenessSchema = z
  .object({
    cycleId: z.number().int(),
    name: z.string(),
    documentId: z.number().int().nullable(),
    frequency: z.string(),
    periods: z.array(z.object({ key: z.string(), start: z.string(), end: z.string(), due: z.string() })),
    rows: z.array(
      z.object({
        organisationId: z.number().int(),
        organisationName: z.string(),
        cells: z.array(
          z.object({
            period: z.string(),
            due: z.string(),
            state: z.enum(CELL_STATES),
            submittedAt: z.string().nullable(),
            daysLate: z.number().int().nullable(),
          }),
        ),
        rates: ratesSchema,
      }),
    ),
    byPeriod: z.array(z.object({ period: z.string(), rates: ratesSchema })),
    totals: ratesSchema,
    /** Reports for a period the cycle does not expect (kept in view, not counted). */
    unmatched: z.array(
      z.object({ organisationId: z.number().int(), period: z.string(), submittedAt: z.string() }),
    ),
    reports: z.array(countedReportSchema).optional(),
  })
  .meta({ id: "CycleCompleteness" });
export type CycleCompletenessOut = z.infer<typeof cycleCompletenessSchema>;

export function completenessOut(c: CycleCompleteness, withRows: boolean): CycleCompletenessOut {
  const names = new Map(c.bodies.map((b) => [b.organisationId, b.name]));
  const m = c.matrix;
  return {
    cycleId: c.cycleId,
    name: c.name,
    documentId: c.documentId,
    frequency: c.frequency,
    periods: m.periods.map((p) => ({ key: p.key, start: p.start, end: p.end, due: p.due })),
    rows: m.rows.map((r) => ({
      organisationId: Number(r.bodyId),
      organisationName: names.get(Number(r.bodyId)) ?? "",
      cells: r.cells.map((x) => ({
        period: x.period,
        due: x.due,
        state: x.state,
        submittedAt: x.submittedAt,
        daysLate: x.daysLate,
      })),
      rates: r.rates,
    })),
    byPeriod: m.byPeriod,
    totals: m.totals,
    unmatched: m.unmatched.map((u) => ({
      organisationId: Number(u.bodyId),
      period: u.period,
      submittedAt: u.submittedAt,
    })),
    ...(withRows ? { reports: c.reports } : {}),
  };
}
