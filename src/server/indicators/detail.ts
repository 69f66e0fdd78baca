// One indicator as a chart needs it: the definition, and for each body its values, the yearly series
// they make, the path from the start to the target with the value expected each year, the
// assessment of the latest value and the forecast for the target year (src/domain/trajectory.ts).
import { z } from "zod";
import {
  ASSESSMENT_STATUSES,
  type Assessment,
  assess,
  cleanSeries,
  type ExpectedPoint,
  expectedPath,
  type TargetSpec,
} from "../../domain/trajectory.ts";
import type { TargetKind } from "../../parser/schema.ts";
import type { IndicatorDefinition, ValueRow } from "./repository.ts";

const yearValueSchema = z.object({ year: z.number().int(), value: z.number() });

export const expectedPointSchema = z
  .object({ year: z.number().int(), value: z.number(), low: z.number(), high: z.number() })
  .meta({ id: "ExpectedPoint", description: "The value expected in a year on the path to the target" });

export const assessmentSchema = z
  .object({
    status: z.enum(ASSESSMENT_STATUSES),
    measure: z.enum(["compound", "difference"]).nullable(),
    direction: z.enum(["up", "down", "hold"]).nullable(),
    start: yearValueSchema.nullable(),
    latest: yearValueSchema.nullable(),
    goal: z.number().nullable(),
    achievedRate: z.number().nullable(),
    requiredRate: z.number().nullable(),
    ratio: z.number().nullable(),
    notes: z.array(z.string()),
  })
  .meta({ id: "Assessment", description: "The latest value against the target (Open SDG method)" });

export const forecastSchema = z
  .object({
    year: z.number().int(),
    value: z.number(),
    method: z.enum(["linear", "log_linear"]),
    points: z.number().int(),
    meetsTarget: z.boolean().nullable(),
  })
  .meta({ id: "Forecast", description: "The least-squares trend's value in the target year" });

export const bodySeriesSchema = z
  .object({
    organisationId: z.number().int(),
    organisationName: z.string(),
    values: z.array(
      z.object({
        id: z.number().int(),
        period: z.string(),
        year: z.number().int(),
        value: z.number(),
        source: z.string().nullable(),
        recordedAt: z.string(),
        version: z.number().int(),
      }),
    ),
    /** One value a year: the latest period's of that year. */
    series: z.array(yearValueSchema),
    latest: z.object({ period: z.string(), year: z.number().int(), value: z.number() }).nullable(),
    expected: z.array(expectedPointSchema),
    assessment: assessmentSchema,
    forecast: forecastSchema.nullable(),
  })
  .meta({ id: "IndicatorBodySeries" });

export const indicatorDetailSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    sectionId: z.number().int().nullable(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    parentIndicatorId: z.number().int().nullable(),
    name: z.string(),
    text: z.string(),
    kind: z.string(),
    unit: z.string().nullable(),
    per: z.number().nullable(),
    target: z.object({
      value: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      year: z.number().int().nullable(),
    }),
    baseline: z.object({
      value: z.number().nullable(),
      unit: z.string().nullable(),
      year: z.number().int().nullable(),
    }),
    reviewState: z.string(),
    version: z.number().int(),
    /** The path from the baseline alone (empty without a baseline: each body's path starts at its first value). */
    expected: z.array(expectedPointSchema),
    bodies: z.array(bodySeriesSchema),
  })
  .meta({ id: "IndicatorDetail" });
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

export function targetOf(d: IndicatorDefinition): TargetSpec {
  return {
    kind: d.kind as TargetKind,
    value: d.targetValue,
    low: d.targetLow,
    high: d.targetHigh,
    unit: d.unit,
    year: d.targetYear,
    baseline: d.baselineValue === null ? null : { value: d.baselineValue, year: d.baselineYear },
  };
}

// ratios divide by rates that can be zero; JSON has no infinity
const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);
const finitePath = (path: ExpectedPoint[]): ExpectedPoint[] =>
  path.filter((p) => [p.value, p.low, p.high].every(Number.isFinite));

function assessmentOut(a: Assessment): IndicatorDetail["bodies"][number]["assessment"] {
  return {
    status: a.status,
    measure: a.measure,
    direction: a.direction,
    start: a.start,
    latest: a.latest,
    goal: finite(a.goal),
    achievedRate: finite(a.achievedRate),
    requiredRate: finite(a.requiredRate),
    ratio: finite(a.ratio),
    notes: a.notes,
  };
}

/** `values` are ordered by body, then chronologically (as valuesOf returns them). */
export function indicatorDetail(d: IndicatorDefinition, values: ValueRow[]): IndicatorDetail {
  const target = targetOf(d);
  const byBody = new Map<number, ValueRow[]>();
  for (const v of values) {
    const list = byBody.get(v.organisationId);
    if (list) list.push(v);
    else byBody.set(v.organisationId, [v]);
  }
  const bodies = [...byBody.values()].map((list) => {
    const first = list[0] as ValueRow;
    // a later period of a year replaces an earlier one: the year's value is its latest period's
    const series = cleanSeries(list.map((v) => ({ year: v.year, value: v.value })));
    const last = list[list.length - 1] as ValueRow;
    const a = assess(target, series);
    const forecast = a.forecast && Number.isFinite(a.forecast.value) ? a.forecast : null;
    return {
      organisationId: first.organisationId,
      organisationName: first.organisationName,
      values: list.map((v) => ({
        id: v.id,
        period: v.period,
        year: v.year,
        value: v.value,
        source: v.source,
        recordedAt: v.recordedAt,
        version: v.version,
      })),
      series,
      latest: { period: last.period, year: last.year, value: last.value },
      expected: finitePath(expectedPath(target, series)),
      assessment: assessmentOut(a),
      forecast,
    };
  });
  return {
    id: d.id,
    documentId: d.documentId,
    documentSymbol: d.documentSymbol,
    sectionId: d.sectionId,
    organisationId: d.organisationId,
    organisationName: d.organisationName,
    parentIndicatorId: d.parentIndicatorId,
    name: d.name,
    text: d.text,
    kind: d.kind,
    unit: d.unit,
    per: d.per,
    target: { value: d.targetValue, low: d.targetLow, high: d.targetHigh, year: d.targetYear },
    baseline: { value: d.baselineValue, unit: d.baselineUnit, year: d.baselineYear },
    reviewState: d.reviewState,
    version: d.version,
    expected: finitePath(expectedPath(target)),
    bodies,
  };
}
