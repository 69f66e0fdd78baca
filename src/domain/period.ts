// Calendar periods shared by recurring tasks, reporting cycles and indicator values: keys such as
// "2025-07" (month), "2025-Q3" (quarter), "2025-H1" (half year) and "2025" (year), the same keys the
// database stores. Dates are ISO "YYYY-MM-DD" strings, which compare correctly as strings; date-fns
// does the month arithmetic (month lengths, leap years) so that no rule here counts days by hand.
import { addMonths, differenceInCalendarDays, format, getDaysInMonth, isValid, parseISO } from "date-fns";

export const FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export type Period = {
  key: string;
  frequency: Frequency;
  /** First day of the period. */
  start: string;
  /** Last day of the period (inclusive). */
  end: string;
};

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** Number of months in one period of the frequency. */
export function monthsIn(frequency: Frequency): number {
  return MONTHS[frequency];
}

/**
 * The calendar day of an ISO date or timestamp: its first ten characters. Timestamps should be
 * converted to the local (Vietnam) date by the caller; this only drops the time part.
 */
export function dayOf(isoDateOrTimestamp: string): string {
  return isoDateOrTimestamp.slice(0, 10);
}

/** A valid "YYYY-MM-DD" string names a real calendar day (2025-02-29 does not). */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)) && format(parseISO(s), "yyyy-MM-dd") === s;
}

/** Day `day` of the month, moved back to the month's last day when the month is shorter (31 → 30, 28/29). */
export function clampedDate(year: number, month: number, day: number): string {
  const first = new Date(year, month - 1, 1);
  const d = Math.min(Math.max(1, Math.trunc(day)), getDaysInMonth(first));
  return format(new Date(year, month - 1, d), "yyyy-MM-dd");
}

/** The first day of the month `months` after the month of `date` (negative goes back). */
export function shiftMonth(date: string, months: number): string {
  return format(addMonths(parseISO(`${date.slice(0, 7)}-01`), months), "yyyy-MM-dd");
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(dayOf(to)), parseISO(dayOf(from)));
}

function keyOf(frequency: Frequency, year: number, index: number): string {
  switch (frequency) {
    case "monthly":
      return `${year}-${String(index).padStart(2, "0")}`;
    case "quarterly":
      return `${year}-Q${index}`;
    case "semiannual":
      return `${year}-H${index}`;
    case "annual":
      return `${year}`;
  }
}

function build(frequency: Frequency, year: number, index: number): Period {
  const len = MONTHS[frequency];
  const firstMonth = (index - 1) * len + 1;
  const lastMonth = firstMonth + len - 1;
  return {
    key: keyOf(frequency, year, index),
    frequency,
    start: clampedDate(year, firstMonth, 1),
    end: clampedDate(year, lastMonth, 31),
  };
}

/** The period of the frequency that contains `date`. */
export function periodOf(frequency: Frequency, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return build(frequency, year, Math.floor((month - 1) / MONTHS[frequency]) + 1);
}

/** Reads "2025-07", "2025-Q3", "2025-H1" or "2025" (q, h in any case); null otherwise ("2025-Q5"). */
export function parsePeriod(key: string): Period | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/i.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? build("monthly", year, month) : null;
  }
  if (m[3] !== undefined) return build("quarterly", year, Number(m[3]));
  if (m[4] !== undefined) return build("semiannual", year, Number(m[4]));
  return build("annual", year, 1);
}

/** The period right after `period`, of the same frequency. */
export function nextPeriod(period: Period): Period {
  return periodOf(period.frequency, shiftMonth(period.start, MONTHS[period.frequency]));
}

/** Every period of the frequency that overlaps [from, to], in order; empty when `to` < `from`. */
export function periodsBetween(frequency: Frequency, from: string, to: string): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  for (let p = periodOf(frequency, from); p.start <= to; p = nextPeriod(p)) out.push(p);
  return out;
}
