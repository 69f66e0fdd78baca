// Checks of a list's `sort`: each row against the next, by the sort's keys down to the id, and an
// unknown sort key refused.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

type Value = string | number | null;

/** Ascending, nulls last; strings by code point, as `collate "C"` and ISO dates and times order. */
export const asc = (a: Value, b: Value): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Descending, nulls first, as SQL's `desc`. */
export const desc = (a: Value, b: Value): number => asc(b, a);

/** Every row comes strictly before the next (the id breaks ties: no two rows are equal). */
export function expectOrdered<T>(items: T[], order: (a: T, b: T) => number): void {
  expect(items.length).toBeGreaterThan(2);
  for (let i = 1; i < items.length; i++)
    expect(order(items[i - 1] as T, items[i] as T), JSON.stringify([items[i - 1], items[i]])).toBeLessThan(0);
}

/** A sort key the list does not know is a 400 problem. */
export function expectUnknownSort(r: LightMyRequestResponse): void {
  expect(r.statusCode, r.body).toBe(400);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(r.json().code).toBe("invalid-input");
}
