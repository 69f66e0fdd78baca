import { describe, expect, it } from "vitest";
import {
  clampedDate,
  dayOf,
  daysBetween,
  isIsoDate,
  nextPeriod,
  parsePeriod,
  periodOf,
  periodsBetween,
  shiftMonth,
} from "../../src/domain/period.ts";

describe("periodOf", () => {
  it.each([
    ["monthly", "2025-07-15", "2025-07", "2025-07-01", "2025-07-31"],
    ["monthly", "2024-02-10", "2024-02", "2024-02-01", "2024-02-29"],
    ["monthly", "2025-02-10", "2025-02", "2025-02-01", "2025-02-28"],
    ["quarterly", "2025-03-31", "2025-Q1", "2025-01-01", "2025-03-31"],
    ["quarterly", "2025-04-01", "2025-Q2", "2025-04-01", "2025-06-30"],
    ["quarterly", "2025-09-30", "2025-Q3", "2025-07-01", "2025-09-30"],
    ["quarterly", "2025-12-31", "2025-Q4", "2025-10-01", "2025-12-31"],
    ["semiannual", "2025-06-30", "2025-H1", "2025-01-01", "2025-06-30"],
    ["semiannual", "2025-07-01", "2025-H2", "2025-07-01", "2025-12-31"],
    ["annual", "2025-01-01", "2025", "2025-01-01", "2025-12-31"],
  ] as const)("%s of %s is %s", (frequency, date, key, start, end) => {
    expect(periodOf(frequency, date)).toEqual({ key, frequency, start, end });
  });
});

describe("parsePeriod", () => {
  it("reads every key shape", () => {
    expect(parsePeriod("2025-07")?.end).toBe("2025-07-31");
    expect(parsePeriod("2025-Q3")?.start).toBe("2025-07-01");
    expect(parsePeriod("2025-H1")?.end).toBe("2025-06-30");
    expect(parsePeriod("2025")?.frequency).toBe("annual");
  });
  it("accepts lower-case q and h and gives the canonical key", () => {
    expect(parsePeriod("2025-q3")?.key).toBe("2025-Q3");
    expect(parsePeriod(" 2025-h2 ")?.key).toBe("2025-H2");
  });
  it.each(["2025-Q5", "2025-H3", "2025-13", "2025-00", "25-Q1", "Q3-2025", ""])("rejects %j", (k) => {
    expect(parsePeriod(k)).toBeNull();
  });
});

describe("period steps", () => {
  it("nextPeriod crosses the year", () => {
    expect(nextPeriod(periodOf("quarterly", "2025-11-01")).key).toBe("2026-Q1");
    expect(nextPeriod(periodOf("monthly", "2025-12-05")).key).toBe("2026-01");
    expect(nextPeriod(periodOf("semiannual", "2025-08-01")).key).toBe("2026-H1");
    expect(nextPeriod(periodOf("annual", "2025-08-01")).key).toBe("2026");
  });
  it("periodsBetween lists overlapping periods, empty when reversed", () => {
    expect(periodsBetween("quarterly", "2025-02-15", "2025-07-01").map((p) => p.key)).toEqual([
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
    ]);
    expect(periodsBetween("monthly", "2025-03-01", "2025-02-01")).toEqual([]);
  });
});

describe("date helpers", () => {
  it("clampedDate moves a missing day back to the month's end", () => {
    expect(clampedDate(2025, 2, 31)).toBe("2025-02-28");
    expect(clampedDate(2024, 2, 30)).toBe("2024-02-29");
    expect(clampedDate(2025, 4, 31)).toBe("2025-04-30");
    expect(clampedDate(2025, 1, 0)).toBe("2025-01-01");
  });
  it("shiftMonth crosses years both ways", () => {
    expect(shiftMonth("2025-11-20", 3)).toBe("2026-02-01");
    expect(shiftMonth("2025-01-31", -1)).toBe("2024-12-01");
  });
  it("daysBetween counts calendar days across a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("2025-03-01", "2025-02-28")).toBe(-1);
  });
  it("dayOf drops the time of a timestamp", () => {
    expect(dayOf("2025-07-15T09:30:00+07:00")).toBe("2025-07-15");
    expect(dayOf("2025-07-15")).toBe("2025-07-15");
  });
  it("isIsoDate knows leap years", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-7-1")).toBe(false);
  });
});
