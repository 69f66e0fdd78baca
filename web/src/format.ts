// How figures read: dates dd/mm/yyyy, numbers with the language's separators (a decimal comma in
// Vietnamese), names sorted the Vietnamese way (ă, â, đ, ê, ô, ơ, ư after their base letters).
import type { Lang } from "./messages.ts";

const numberFormats = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-GB") };
const percentFormats = {
  vi: new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

export const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
export const byName =
  <T>(name: (x: T) => string | null) =>
  (a: T, b: T) =>
    collator.compare(name(a) ?? "", name(b) ?? "");

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** A share 0–1 as a percentage; null (nothing to divide by) as a dash. */
export function formatShare(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? "—" : percentFormats[lang].format(value);
}

/** "2026-11-24", or a timestamp, as 24/11/2026 (the calendar day in Vietnam for timestamps). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vietnamDay(value);
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function vietnamDay(timestamp: string): string {
  const t = new Date(timestamp.replace(" ", "T").replace(/\+00$/, "Z"));
  if (Number.isNaN(t.getTime())) return timestamp.slice(0, 10);
  return new Date(t.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `day` (both yyyy-mm-dd): negative when `day` is past. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
