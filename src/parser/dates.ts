// Dates as Vietnamese documents print them: 11/01/2024, 11-01-2024, ngày 11 tháng 01 năm 2024.

const pad = (n: number): string => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  // a Date only where it counts otherwise: months that roll over into another year, years 0–99
  // (read as 1900–1999), years it cannot hold, and not a whole number
  const days = Number.isInteger(year) && year >= 100 && year <= 200000 ? MONTH_DAYS[month - 1] : undefined;
  if (days === undefined) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return days;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function monthEnd(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return isoDate(year, month, daysInMonth(year, month));
}

export function quarterEnd(year: number, quarter: number): string | null {
  if (quarter < 1 || quarter > 4) return null;
  return monthEnd(year, quarter * 3);
}

/** dd/mm/yyyy, dd-mm-yyyy or dd.mm.yyyy (spaces around separators tolerated). */
export const NUMERIC_DATE = String.raw`(\d{1,2}) ?[/.\-–] ?(\d{1,2}) ?[/.\-–] ?(\d{4})`;
/** ngày dd tháng mm năm yyyy (folded text). */
export const WORDS_DATE = String.raw`ngày (\d{1,2}) {0,3}tháng (\d{1,2}) {0,3}năm (\d{4})`;

/** First date in a short folded text, as ISO, or null. */
const ANY_DATE = new RegExp(`${NUMERIC_DATE}|${WORDS_DATE}`, "g");

export function findDate(low: string): { iso: string; index: number; length: number } | null {
  const re = ANY_DATE;
  re.lastIndex = 0;
  for (let m = re.exec(low); m; m = re.exec(low)) {
    const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const iso = isoDate(Number(y), Number(mo), Number(d));
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  return null;
}
