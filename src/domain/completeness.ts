// Reporting completeness, the DHIS2 way: a reporting duty yields one expected submission per body
// and period; each becomes a cell of a body × period matrix, and reporting rate and on-time rate
// follow from the cells.
//
// Rules:
//   due day     day `dueDay` of the period's month named by `dueMonthOfPeriod`: "first", "last", or
//               n = the n-th month counted from the period's first month (1 = first). n may pass the
//               period's end: "trước ngày 15 tháng đầu quý sau" is quarterly, dueDay 15, month 4.
//               A day the month lacks moves back to its last day (31 → 30; 29, 30, 31 → 28/29 in Feb).
//   periods     every period of the frequency that ends on or after the start date, begins on or
//               before today (and the end date, if any), and whose due day is not before the start
//               date: a duty set up after a due day cannot have been missed on it.
//   cells       a submission on or before the due day (the due day included) → on_time; after it →
//               late; none and today after the due day → missing; none and today on or before the due
//               day → not_yet_due. A body with validity dates owes only the periods whose due day
//               falls inside them; other cells are not_expected unless it reported anyway.
//               Several submissions for one cell: the earliest counts.
//   rates       expected = on_time + late + missing (not_yet_due and not_expected left out, an early
//               submission for a period not yet due counted); reporting rate = (on_time + late) ÷
//               expected; on-time rate = on_time ÷ expected; null when nothing is expected yet.
import {
  clampedDate,
  dayOf,
  daysBetween,
  type Frequency,
  monthsIn,
  nextPeriod,
  type Period,
  parsePeriod,
  periodOf,
  shiftMonth,
} from "./period.ts";

export type Id = string | number;

export type DueRule = {
  frequency: Frequency;
  dueDay: number;
  dueMonthOfPeriod: "first" | "last" | number;
};

export type ReportingBody = {
  id: Id;
  /** First day the body exists (null: always). */
  activeFrom?: string | null | undefined;
  /** Last day the body exists, e.g. 2025-06-30 for an abolished district (null: still). */
  activeUntil?: string | null | undefined;
};

export type Submission = { bodyId: Id; period: string; submittedAt: string };

export type CellState = "on_time" | "late" | "missing" | "not_yet_due" | "not_expected";

export type Cell = {
  bodyId: Id;
  period: string;
  due: string;
  state: CellState;
  submittedAt: string | null;
  /** Days after the due day: of the submission when late, up to today when missing; else null. */
  daysLate: number | null;
};

export type Rates = {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  notYetDue: number;
  notExpected: number;
  reportingRate: number | null;
  onTimeRate: number | null;
};

export type DuePeriod = Period & { due: string };

export type CompletenessInput = {
  rule: DueRule;
  bodies: readonly ReportingBody[];
  submissions: readonly Submission[];
  startDate: string;
  endDate?: string | null | undefined;
  today: string;
};

export type CompletenessMatrix = {
  periods: DuePeriod[];
  rows: { bodyId: Id; cells: Cell[]; rates: Rates }[];
  byPeriod: { period: string; rates: Rates }[];
  totals: Rates;
  /** Submissions for a body or period the matrix does not hold (kept so none vanishes unseen). */
  unmatched: Submission[];
};

/** The due day of a period under the rule. */
export function dueDate(rule: DueRule, period: Period): string {
  const m = rule.dueMonthOfPeriod;
  const offset =
    m === "first" ? 0 : m === "last" ? monthsIn(period.frequency) - 1 : Math.max(1, Math.trunc(m)) - 1;
  const month = shiftMonth(period.start, offset);
  return clampedDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)), rule.dueDay);
}

/** The periods a duty from `startDate` expects, up to `today` (and `endDate`), with their due days. */
export function expectedPeriods(
  rule: DueRule,
  startDate: string,
  today: string,
  endDate: string | null = null,
): DuePeriod[] {
  const last = endDate !== null && endDate < today ? endDate : today;
  const out: DuePeriod[] = [];
  for (let p = periodOf(rule.frequency, startDate); p.start <= last; p = nextPeriod(p)) {
    const due = dueDate(rule, p);
    if (due >= startDate) out.push({ ...p, due });
  }
  return out;
}

function stateOf(due: string, submitted: string | null, today: string, owes: boolean): CellState {
  if (submitted !== null) return submitted <= due ? "on_time" : "late";
  if (!owes) return "not_expected";
  return today > due ? "missing" : "not_yet_due";
}

function cellOf(body: ReportingBody, p: DuePeriod, submitted: string | null, today: string): Cell {
  const owes = (body.activeFrom ?? p.due) <= p.due && p.due <= (body.activeUntil ?? p.due);
  const state = stateOf(p.due, submitted, today, owes);
  const daysLate =
    state === "late"
      ? daysBetween(p.due, submitted as string)
      : state === "missing"
        ? daysBetween(p.due, today)
        : null;
  return { bodyId: body.id, period: p.key, due: p.due, state, submittedAt: submitted, daysLate };
}

/** Counts and rates over a set of cells. */
export function ratesOf(cells: readonly Cell[]): Rates {
  const n = (s: CellState) => cells.filter((c) => c.state === s).length;
  const onTime = n("on_time");
  const late = n("late");
  const missing = n("missing");
  const expected = onTime + late + missing;
  return {
    expected,
    onTime,
    late,
    missing,
    notYetDue: n("not_yet_due"),
    notExpected: n("not_expected"),
    reportingRate: expected === 0 ? null : (onTime + late) / expected,
    onTimeRate: expected === 0 ? null : onTime / expected,
  };
}

/** The body × period matrix of a reporting duty on `today`. */
export function completeness(input: CompletenessInput): CompletenessMatrix {
  const today = dayOf(input.today);
  const periods = expectedPeriods(input.rule, input.startDate, today, input.endDate ?? null);
  const periodKeys = new Set(periods.map((p) => p.key));
  const bodies: ReportingBody[] = [];
  const bodyIds = new Set<Id>();
  for (const b of input.bodies) {
    if (bodyIds.has(b.id)) continue; // a body listed twice owes one report, the first entry counts
    bodyIds.add(b.id);
    bodies.push(b);
  }
  const first = new Map<string, string>();
  const unmatched: Submission[] = [];
  for (const s of input.submissions) {
    const key = parsePeriod(s.period)?.key;
    if (key === undefined || !periodKeys.has(key) || !bodyIds.has(s.bodyId)) {
      unmatched.push(s);
      continue;
    }
    const cell = JSON.stringify([s.bodyId, key]);
    const day = dayOf(s.submittedAt);
    const seen = first.get(cell);
    if (seen === undefined || day < seen) first.set(cell, day);
  }
  const rows = bodies.map((b) => {
    const cells = periods.map((p) => cellOf(b, p, first.get(JSON.stringify([b.id, p.key])) ?? null, today));
    return { bodyId: b.id, cells, rates: ratesOf(cells) };
  });
  const all = rows.flatMap((r) => r.cells);
  const byPeriod = periods.map((p, i) => ({
    period: p.key,
    rates: ratesOf(rows.map((r) => r.cells[i] as Cell)),
  }));
  return { periods, rows, byPeriod, totals: ratesOf(all), unmatched };
}
