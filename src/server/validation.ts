// Shared checks of service input: a Zod parse that fails as a typed, Vietnamese error, and dates.
import type { z } from "zod";
import { invalidInput } from "./errors.ts";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = ""): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw invalidInput(
      `${where}${parsed.error.issues.map((i) => `${i.path.join(".") || "?"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** The date exists in the calendar (not 2025-02-30). */
export function realDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export function checkDate(field: string, d: string, today: string, notBefore?: string | null): void {
  if (!realDate(d)) throw invalidInput(`${field}: ngày không tồn tại ${d}`);
  if (d > today) throw invalidInput(`${field}: ngày ${d} sau hôm nay`);
  if (notBefore && d < notBefore)
    throw invalidInput(`${field}: ngày ${d} trước ngày ban hành văn bản ${notBefore}`);
}
