// The trajectory from an indicator's baseline to its target: the value expected in each year, and
// whether the values reported so far are on track, judged the way Open SDG does (the growth achieved
// since the baseline against the growth still required to reach the target by its year).
//
// Expected path from the start S (baseline year y0) to the target year T, t = y − y0, n = T − y0:
//   min, max, exact, rate, rank  linear S → value: S + (value − S)·t/n. A min already met at the start
//                                (S ≥ value; for max and rank S ≤ value) is a floor/ceiling to keep,
//                                so the path is flat at the value.
//   range                        a band: each edge linear from S to low and to high (flat at low/high
//                                when S is already inside); the point value is the band's centre.
//   growth_per_year              compound: S·(1 + r/100)^t, r in percent; a low–high rate gives a band.
//   increment_per_year           linear: S + k·t.
//   multiple_of_baseline         compound toward the multiple m: S·m^(t/n) (the same rate every year).
// Ranks are positions: lower is better, paths may pass through fractional positions.
//
// The start is the baseline when it has both value and year; otherwise the first observed value
// (note "baseline_from_observation"). Observations before the start year are history and not used.
import type { TargetKind } from "../parser/schema.ts";
import { type ForecastMethod, trendAt, type YearValue } from "./forecast.ts";

export type { YearValue } from "./forecast.ts";

/** A target as the parser and the indicators table hold it; a parsed Target fits as is. */
export type TargetSpec = {
  kind: TargetKind;
  /** Target value; for growth_per_year the rate in percent; for increment_per_year the yearly step. */
  value?: number | null | undefined;
  low?: number | null | undefined;
  high?: number | null | undefined;
  /** "%" marks a share (differences, not rates); for growth_per_year it is the unit of the rate. */
  unit?: string | null | undefined;
  year: number | null;
  baseline?: { value?: number | undefined; year?: number | null | undefined } | null | undefined;
};

export type ExpectedPoint = { year: number; value: number; low: number; high: number };

export type Direction = "up" | "down" | "hold";

export type TrajectoryNote =
  | "baseline_from_observation"
  | "no_start"
  | "no_target_value"
  | "no_target_year"
  | "target_year_not_after_start"
  | "zero_baseline"
  | "no_elapsed_time"
  | "target_year_passed"
  | "non_positive_values"
  | "overshot_range";

/** Kinds whose path is compound: their rates compare as compound rates, forecasts are log-linear. */
export const COMPOUND_KINDS: readonly TargetKind[] = ["growth_per_year", "multiple_of_baseline"];
const STEP_KINDS: readonly TargetKind[] = [...COMPOUND_KINDS, "increment_per_year"];
const EPS = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Observations with finite values and whole years, by year; a later entry for a year wins. */
export function cleanSeries(observations: readonly YearValue[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const o of observations)
    if (Number.isInteger(o.year) && Number.isFinite(o.value)) byYear.set(o.year, o.value);
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

export type Start = { point: YearValue; fromBaseline: boolean };

/** The start of the trajectory: the baseline, or the first observation when the baseline is incomplete. */
export function startOf(target: TargetSpec, observations: readonly YearValue[]): Start | null {
  const b = target.baseline;
  if (b && typeof b.value === "number" && Number.isFinite(b.value) && Number.isInteger(b.year)) {
    return { point: { year: b.year as number, value: b.value }, fromBaseline: true };
  }
  const first = cleanSeries(observations)[0];
  return first ? { point: first, fromBaseline: false } : null;
}

type Spread = { lo: number; mid: number; hi: number };

/** The stated number(s): value, or low–high; the centre is the value when given. */
function spreadOf(t: TargetSpec): Spread | null {
  const num = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  const a = num(t.low) ?? num(t.value);
  const b = num(t.high) ?? num(t.value);
  if (a === null && b === null) return null;
  const lo = Math.min(a ?? (b as number), b ?? (a as number));
  const hi = Math.max(a ?? (b as number), b ?? (a as number));
  return { lo, hi, mid: num(t.value) ?? (lo + hi) / 2 };
}

/** Value of a single-number path at t years of n, for stated number k. */
function pathValue(kind: TargetKind, s: number, k: number, t: number, n: number): number {
  const linear = s + ((k - s) * t) / n;
  switch (kind) {
    case "min":
      return s >= k ? k : linear;
    case "max":
    case "rank":
      return s <= k ? k : linear;
    case "growth_per_year":
      return s * (1 + k / 100) ** t;
    case "increment_per_year":
      return s + k * t;
    case "multiple_of_baseline":
      return k > 0 ? s * k ** (t / n) : s + ((s * k - s) * t) / n;
    default:
      return linear;
  }
}

function pointAt(kind: TargetKind, s: number, sp: Spread, t: number, n: number, year: number): ExpectedPoint {
  if (kind === "range") {
    const inside = s >= sp.lo && s <= sp.hi;
    const low = inside ? sp.lo : s + ((sp.lo - s) * t) / n;
    const high = inside ? sp.hi : s + ((sp.hi - s) * t) / n;
    return { year, value: (low + high) / 2, low, high };
  }
  const a = pathValue(kind, s, sp.lo, t, n);
  const b = pathValue(kind, s, sp.hi, t, n);
  return { year, value: pathValue(kind, s, sp.mid, t, n), low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * The expected value for every year from the start year to the target year (both included).
 * Empty when there is no start, no stated value, no target year or the target year is not after
 * the start year.
 */
export function expectedPath(target: TargetSpec, observations: readonly YearValue[] = []): ExpectedPoint[] {
  const start = startOf(target, observations);
  const sp = spreadOf(target);
  if (start === null || sp === null || target.year === null) return [];
  const { year: y0, value: s } = start.point;
  const n = target.year - y0;
  const out: ExpectedPoint[] = [];
  for (let t = 0; t <= n; t++) out.push(pointAt(target.kind, s, sp, t, n, y0 + t));
  return out;
}

/** The expected point for one year of the path, or null when the year is off the path. */
export function expectedAt(
  target: TargetSpec,
  year: number,
  observations: readonly YearValue[] = [],
): ExpectedPoint | null {
  return expectedPath(target, observations).find((p) => p.year === year) ?? null;
}

export type Band = { lo: number; hi: number };

/**
 * The values that meet the target in the target year. For growth, increment and multiple kinds it
 * is computed from the start, which needs a target year after the start year and, for the compound
 * kinds, a start above zero.
 */
export function targetBand(target: TargetSpec, start: YearValue): Band | TrajectoryNote {
  const sp = spreadOf(target);
  if (sp === null) return "no_target_value";
  if (!STEP_KINDS.includes(target.kind)) return { lo: sp.lo, hi: sp.hi };
  if (target.year === null) return "no_target_year";
  const n = target.year - start.year;
  if (n <= 0) return "target_year_not_after_start";
  if (COMPOUND_KINDS.includes(target.kind) && start.value <= 0) return "zero_baseline";
  const a = pathValue(target.kind, start.value, sp.lo, n, n);
  const b = pathValue(target.kind, start.value, sp.hi, n, n);
  return { lo: Math.min(a, b), hi: Math.max(a, b) };
}

/** Which way the value must move: min up; max and rank down; others toward the band from the start. */
export function directionOf(kind: TargetKind, start: number, band: Band): Direction {
  if (kind === "min") return "up";
  if (kind === "max" || kind === "rank") return "down";
  if (start < band.lo && !nearlyEqual(start, band.lo)) return "up";
  if (start > band.hi && !nearlyEqual(start, band.hi)) return "down";
  return "hold";
}

/**
 * Whether a value meets the target. Going past counts as reaching (7 centres meet "build 5", growth
 * faster than the stated rate meets it) except for a range, whose upper and lower edges both bind.
 */
export function meets(kind: TargetKind, direction: Direction, band: Band, v: number): boolean {
  const atLeast = v >= band.lo || nearlyEqual(v, band.lo);
  const atMost = v <= band.hi || nearlyEqual(v, band.hi);
  if (direction === "hold" || kind === "range") return atLeast && atMost;
  return direction === "up" ? atLeast : atMost;
}

export type Forecast = {
  year: number;
  value: number;
  method: ForecastMethod;
  /** Observed points the fit used (the start included). */
  points: number;
  /** Whether the forecast value meets the target; null when the target has no value to meet. */
  meetsTarget: boolean | null;
};

/**
 * The value the trend of the points so far gives for the target year: least squares on the start
 * and the later observations, log-linear for compound kinds (linear when a value is not above zero).
 * Null with fewer than two distinct years or no target year.
 */
export function forecast(target: TargetSpec, observations: readonly YearValue[]): Forecast | null {
  const start = startOf(target, observations);
  if (start === null || target.year === null) return null;
  const later = cleanSeries(observations).filter((o) => o.year > start.point.year);
  const points = [start.point, ...later];
  const compound = COMPOUND_KINDS.includes(target.kind) && points.every((p) => p.value > 0);
  const method: ForecastMethod = compound ? "log_linear" : "linear";
  const value = trendAt(points, target.year, method);
  if (value === null) return null;
  const band = targetBand(target, start.point);
  const meetsTarget =
    typeof band === "string"
      ? null
      : meets(target.kind, directionOf(target.kind, start.point.value, band), band, value);
  return { year: target.year, value, method, points: points.length, meetsTarget };
}

// Assessment. The achieved rate runs from the start to the latest value; the required rate from the
// latest value to the goal (the nearest value that meets the target) over the years left, so
// "required" is what is still needed now, not what was needed at the baseline. Both are per year:
// compound rates ((to/from)^(1/years) − 1) where the quantity is a level, differences
// ((to − from)/years) where it is a share (unit "%"), a rank, or a yearly increment. A level with a
// value at or below zero falls back to differences (note "non_positive_values"). ratio = achieved ÷
// required is positive when the value moves the right way, whichever way that is.

export const ASSESSMENT_STATUSES = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "deteriorating",
  "insufficient_data",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/**
 * ratio ≥ onTrack → on_track; ≥ atRisk → at_risk; ≥ offTrack → off_track; below → deteriorating.
 * 0.95 leaves 5 % for rounded figures and uneven years, so a series on its path is not flagged;
 * 0.5 is half the pace still needed; below 0 the value has moved away from the target.
 */
export const ASSESSMENT_THRESHOLDS = { onTrack: 0.95, atRisk: 0.5, offTrack: 0 } as const;

export type Measure = "compound" | "difference";

export type Assessment = {
  status: AssessmentStatus;
  measure: Measure | null;
  direction: Direction | null;
  start: YearValue | null;
  latest: YearValue | null;
  /** The value still to reach (the nearest edge of the target band). */
  goal: number | null;
  /** Per year since the start: a fraction (0.05 = 5 %) when compound, else a difference. */
  achievedRate: number | null;
  /** Per year from the latest value to the goal by the target year. */
  requiredRate: number | null;
  ratio: number | null;
  forecast: Forecast | null;
  notes: TrajectoryNote[];
};

/** Grades a ratio by ASSESSMENT_THRESHOLDS. */
export function gradeRatio(ratio: number): AssessmentStatus {
  const t = ASSESSMENT_THRESHOLDS;
  if (ratio >= t.onTrack) return "on_track";
  if (ratio >= t.atRisk) return "at_risk";
  if (ratio >= t.offTrack) return "off_track";
  return "deteriorating";
}

function measureOf(target: TargetSpec, values: number[], notes: TrajectoryNote[]): Measure {
  const kind = target.kind;
  if (kind === "rank" || kind === "increment_per_year") return "difference";
  if (!COMPOUND_KINDS.includes(kind) && target.unit?.trim() === "%") return "difference";
  if (values.some((v) => v <= 0)) {
    notes.push("non_positive_values");
    return "difference";
  }
  return "compound";
}

function rate(measure: Measure, from: number, to: number, years: number): number {
  return measure === "compound" ? (to / from) ** (1 / years) - 1 : (to - from) / years;
}

/** Assesses the observations against the target; never throws, degenerate input gives insufficient_data. */
export function assess(target: TargetSpec, observations: readonly YearValue[]): Assessment {
  const notes: TrajectoryNote[] = [];
  const result: Assessment = {
    status: "insufficient_data",
    measure: null,
    direction: null,
    start: null,
    latest: null,
    goal: null,
    achievedRate: null,
    requiredRate: null,
    ratio: null,
    forecast: forecast(target, observations),
    notes,
  };
  const start = startOf(target, observations);
  if (start === null) return { ...result, notes: ["no_start"] };
  if (!start.fromBaseline) notes.push("baseline_from_observation");
  const s = start.point;
  const latest = cleanSeries(observations).findLast((o) => o.year > s.year) ?? s;
  Object.assign(result, { start: s, latest });
  const band = targetBand(target, s);
  if (typeof band === "string") {
    notes.push(band);
    return result;
  }
  const direction = directionOf(target.kind, s.value, band);
  const v = latest.value;
  const goal = direction === "up" || (direction === "hold" && v < band.lo) ? band.lo : band.hi;
  Object.assign(result, { direction, goal });
  const elapsed = latest.year - s.year;
  const measure = elapsed > 0 ? measureOf(target, [s.value, v, goal], notes) : null;
  if (measure !== null) Object.assign(result, { measure, achievedRate: rate(measure, s.value, v, elapsed) });
  if (meets(target.kind, direction, band, v)) return { ...result, status: "achieved" };
  if (
    target.kind === "range" &&
    ((direction === "up" && v > band.hi) || (direction === "down" && v < band.lo))
  ) {
    notes.push("overshot_range");
    return { ...result, goal: direction === "up" ? band.hi : band.lo, status: "off_track" };
  }
  if (measure === null) {
    notes.push("no_elapsed_time");
    return result;
  }
  if (target.year === null) {
    notes.push("no_target_year");
    return result;
  }
  const remaining = target.year - latest.year;
  if (remaining <= 0) {
    notes.push("target_year_passed");
    const awayFromGoal = (v - s.value) * (goal - v) < 0;
    return { ...result, status: awayFromGoal ? "deteriorating" : "off_track" };
  }
  const requiredRate = rate(measure, v, goal, remaining);
  const ratio = (result.achievedRate as number) / requiredRate;
  return { ...result, requiredRate, ratio, status: gradeRatio(ratio) };
}
