// The status of an assignment on a given day, in the categories of official reporting (hoàn thành
// đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, chưa đến hạn, quá hạn, thường xuyên).
// Status is derived from dates and updates, never typed. src/server/rollups/status-sql.ts states the
// one-off and continuous rules again in SQL; a change here must be made there too.
//
// Which rules apply depends on the deadline:
//   recurring  — recurrence monthly, quarterly, semiannual, annual or periodic (a date, if any, only
//                places the due day inside each period);
//   one-off    — a deadline date and no such recurrence (recurrence once, continuous or none);
//   continuous — no deadline date and no recurring period (thường xuyên, or nothing stated).
//
// One-off rules, in order:
//   1. completedAt on or before the deadline date            → done_on_time (the deadline day is in time)
//   2. completedAt after the deadline date                   → done_late
//   3. not completed, today after the deadline date          → overdue (on the deadline day it is not)
//   4. not completed, percent > 0 or any update recorded     → in_progress
//   5. otherwise                                             → not_yet_due
//   Completion is what completedAt says: percent 100 without a completion date is still in progress.
// Continuous rules: completedAt set → done_on_time (there is no deadline to miss); else continuous.
// Recurring rules judge only the current period (the one containing today), from `updates`:
//   1. an update with percent ≥ 100 in the period, on or before the period's due day → done_on_time
//   2. such an update only after the due day (still inside the period)                → done_late
//   3. none, and today after the due day                                              → overdue
//   4. none, but some update inside the period                                        → in_progress
//   5. otherwise                                                                      → not_yet_due
//   A recurring duty is never finished once and for all, so completedAt, percent and lastUpdateAt
//   are not read for it; a new period starts as not_yet_due whatever happened in the last one.
//   "periodic" (định kỳ, period not named) is judged per calendar year, the longest usual cycle, so
//   that no body is called overdue for a shorter period the document never set.
import type { Recurrence } from "../parser/schema.ts";
import { clampedDate, dayOf, type Frequency, isIsoDate, monthsIn, type Period, periodOf } from "./period.ts";

export const STATUSES = [
  "done_on_time",
  "done_late",
  "in_progress",
  "not_yet_due",
  "overdue",
  "continuous",
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that count as done. */
export const DONE_STATUSES: readonly Status[] = ["done_on_time", "done_late"];

export type ProgressPoint = {
  /** Day (or timestamp) of the update. */
  at: string;
  /** 0–100. */
  percent: number;
};

export type StatusInput = {
  deadline: { date: string | null; recurrence: Recurrence | null } | null;
  /** Day the assignment was completed; one-off and continuous deadlines only. */
  completedAt: string | null;
  /** Latest reported percent; one-off deadlines only. */
  percent: number | null;
  /** Day (or timestamp) of the latest update; one-off deadlines only. */
  lastUpdateAt: string | null;
  /** Progress updates in any order; read only for recurring deadlines (absent = none). */
  updates?: readonly ProgressPoint[] | undefined;
};

export type DeadlineBasis = "one_off" | "recurring" | "continuous";

export type StatusDetail = {
  status: Status;
  basis: DeadlineBasis;
  /** The period judged (recurring only). */
  period: Period | null;
  /** The deadline that applied: the date, the period's due day, or null when continuous. */
  due: string | null;
};

const RECURRING: Partial<Record<Recurrence, Frequency>> = {
  monthly: "monthly",
  quarterly: "quarterly",
  semiannual: "semiannual",
  annual: "annual",
  periodic: "annual",
};

/** True for recurrences judged period by period. */
export function isRecurring(recurrence: Recurrence | null): boolean {
  return recurrence !== null && RECURRING[recurrence] !== undefined;
}

/** The period containing `today` for a recurring duty; null when the recurrence has no period. */
export function currentPeriod(recurrence: Recurrence | null, today: string): Period | null {
  const frequency = recurrence === null ? undefined : RECURRING[recurrence];
  return frequency === undefined ? null : periodOf(frequency, today);
}

/**
 * The due day of a recurring duty in `period`. Without an anchor date it is the period's last day.
 * With one ("trước ngày 15/12 hằng năm" → 2025-12-15) the anchor's place in its own period is kept:
 * the same month of the period and the same day, moved back to the month's end when the month is
 * shorter (an anchor on 31 March gives 30 June for the next quarter, 29 February gives 28 February).
 */
export function periodDue(period: Period, anchor: string | null): string {
  if (anchor === null || !isIsoDate(anchor)) return period.end;
  const len = monthsIn(period.frequency);
  const offset = (Number(anchor.slice(5, 7)) - 1) % len;
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7)) + offset;
  return clampedDate(year, month, Number(anchor.slice(8, 10)));
}

function basisOf(deadline: StatusInput["deadline"]): DeadlineBasis {
  if (deadline === null) return "continuous";
  if (isRecurring(deadline.recurrence)) return "recurring";
  return deadline.date === null ? "continuous" : "one_off";
}

function recurring(input: StatusInput, today: string): StatusDetail {
  const deadline = input.deadline as NonNullable<StatusInput["deadline"]>;
  const period = currentPeriod(deadline.recurrence, today) as Period;
  const due = periodDue(period, deadline.date);
  const inPeriod = (input.updates ?? [])
    .map((u) => ({ day: dayOf(u.at), percent: u.percent }))
    .filter((u) => u.day >= period.start && u.day <= period.end);
  const doneDays = inPeriod.filter((u) => u.percent >= 100).map((u) => u.day);
  const firstDone = doneDays.sort()[0] ?? null; // ISO days sort as strings
  let status: Status;
  if (firstDone !== null) status = firstDone <= due ? "done_on_time" : "done_late";
  else if (today > due) status = "overdue";
  else status = inPeriod.length > 0 ? "in_progress" : "not_yet_due";
  return { status, basis: "recurring", period, due };
}

/** Status with the deadline and period it was judged against. */
export function statusDetail(input: StatusInput, todayOrTimestamp: string): StatusDetail {
  const today = dayOf(todayOrTimestamp);
  const basis = basisOf(input.deadline);
  if (basis === "recurring") return recurring(input, today);
  const completed = input.completedAt === null ? null : dayOf(input.completedAt);
  if (basis === "continuous") {
    return { status: completed === null ? "continuous" : "done_on_time", basis, period: null, due: null };
  }
  const due = input.deadline?.date as string;
  let status: Status;
  if (completed !== null) status = completed <= due ? "done_on_time" : "done_late";
  else if (today > due) status = "overdue";
  else if ((input.percent ?? 0) > 0 || input.lastUpdateAt !== null) status = "in_progress";
  else status = "not_yet_due";
  return { status, basis, period: null, due };
}

/** The status of an assignment on `today` (ISO date). */
export function assignmentStatus(input: StatusInput, today: string): Status {
  return statusDetail(input, today).status;
}
