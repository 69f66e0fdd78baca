// Shared checks of service input: a Zod parse that fails as a typed error, and dates.
import type { z } from "zod";
import { invalidInput } from "./errors.ts";

/** The input as the schema reads it; `row` (from 1) names the line of a bulk input in the error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, row?: number): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "?"}: ${i.message}`).join("; ");
    throw invalidInput(row === undefined ? detail : { code: "input-row", params: { row, detail } });
  }
  return parsed.data;
}

/** The date exists in the calendar (not 2025-02-30). */
export function realDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export function checkDate(field: string, d: string, today: string, notBefore?: string | null): void {
  if (!realDate(d)) throw invalidInput({ code: "date-not-real", params: { field, date: d } });
  if (d > today) throw invalidInput({ code: "date-after-today", params: { field, date: d } });
  if (notBefore && d < notBefore)
    throw invalidInput({ code: "date-before-document", params: { field, date: d, notBefore } });
}
