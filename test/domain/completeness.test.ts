import { describe, expect, it } from "vitest";
import {
  completeness,
  type DueRule,
  dueDate,
  expectedPeriods,
  ratesOf,
} from "../../src/domain/completeness.ts";
import { parsePeriod } from "../../src/domain/period.ts";

// "before the 15th of the last month of each quarter"
const quarterly: DueRule = { frequency: "quarterly", dueDay: 15, dueMonthOfPeriod: "last" };
const period = (key: string) => {
  const p = parsePeriod(key);
  if (p === null) throw new Error(key);
  return p;
};

describe("dueDate", () => {
  it.each([
    [quarterly, "2025-Q3", "2025-09-15"],
    [{ ...quarterly, dueMonthOfPeriod: "first" as const }, "2025-Q3", "2025-07-15"],
    [{ ...quarterly, dueMonthOfPeriod: 2 }, "2025-Q3", "2025-08-15"],
    // the first month of the next quarter
    [{ ...quarterly, dueMonthOfPeriod: 4 }, "2025-Q4", "2026-01-15"],
    [{ ...quarterly, dueDay: 31 }, "2025-Q2", "2025-06-30"],
    [
      { frequency: "monthly" as const, dueDay: 30, dueMonthOfPeriod: "last" as const },
      "2024-02",
      "2024-02-29",
    ],
    [
      { frequency: "monthly" as const, dueDay: 30, dueMonthOfPeriod: "last" as const },
      "2025-02",
      "2025-02-28",
    ],
    [{ frequency: "monthly" as const, dueDay: 5, dueMonthOfPeriod: 2 }, "2025-12", "2026-01-05"],
    [{ frequency: "semiannual" as const, dueDay: 10, dueMonthOfPeriod: 7 }, "2025-H1", "2025-07-10"],
    [
      { frequency: "semiannual" as const, dueDay: 20, dueMonthOfPeriod: "last" as const },
      "2025-H2",
      "2025-12-20",
    ],
    [{ frequency: "annual" as const, dueDay: 15, dueMonthOfPeriod: "last" as const }, "2025", "2025-12-15"],
    [{ frequency: "annual" as const, dueDay: 31, dueMonthOfPeriod: 13 }, "2025", "2026-01-31"],
    [{ ...quarterly, dueMonthOfPeriod: 0 }, "2025-Q1", "2025-01-15"],
  ])("%j for %s is %s", (rule, key, due) => {
    expect(dueDate(rule, period(key))).toBe(due);
  });
});

describe("expectedPeriods", () => {
  const keys = (ps: { key: string; due: string }[]) => ps.map((p) => `${p.key}@${p.due}`);
  it("runs from the start to the period containing today", () => {
    expect(keys(expectedPeriods(quarterly, "2025-01-01", "2025-09-20"))).toEqual([
      "2025-Q1@2025-03-15",
      "2025-Q2@2025-06-15",
      "2025-Q3@2025-09-15",
    ]);
  });
  it("includes the current period before its due day", () => {
    expect(keys(expectedPeriods(quarterly, "2025-01-01", "2025-07-01")).at(-1)).toBe("2025-Q3@2025-09-15");
  });
  it("skips a period whose due day came before the duty started", () => {
    expect(keys(expectedPeriods(quarterly, "2025-03-20", "2025-07-01"))).toEqual([
      "2025-Q2@2025-06-15",
      "2025-Q3@2025-09-15",
    ]);
  });
  it("keeps a period whose due day is the start day", () => {
    expect(keys(expectedPeriods(quarterly, "2025-03-15", "2025-03-15"))).toEqual(["2025-Q1@2025-03-15"]);
  });
  it("stops at the end date", () => {
    expect(keys(expectedPeriods(quarterly, "2025-01-01", "2025-12-01", "2025-05-01"))).toEqual([
      "2025-Q1@2025-03-15",
      "2025-Q2@2025-06-15",
    ]);
  });
  it("is empty when today is before the start", () => {
    expect(expectedPeriods(quarterly, "2025-05-01", "2025-03-01")).toEqual([]);
  });
});

describe("completeness matrix", () => {
  const base = { rule: quarterly, startDate: "2025-01-01" };
  const states = (m: ReturnType<typeof completeness>) =>
    Object.fromEntries(m.rows.map((r) => [r.bodyId, r.cells.map((c) => c.state)]));

  it("a report on the due day is on time, the day after late", () => {
    const m = completeness({
      ...base,
      today: "2025-07-01",
      bodies: [{ id: "A" }, { id: "B" }],
      submissions: [
        { bodyId: "A", period: "2025-Q1", submittedAt: "2025-03-15" },
        { bodyId: "B", period: "2025-Q1", submittedAt: "2025-03-16T08:00:00+07:00" },
      ],
    });
    const a = m.rows[0]?.cells[0];
    const b = m.rows[1]?.cells[0];
    expect(a).toEqual({
      bodyId: "A",
      period: "2025-Q1",
      due: "2025-03-15",
      state: "on_time",
      submittedAt: "2025-03-15",
      daysLate: null,
    });
    expect(b).toMatchObject({ state: "late", submittedAt: "2025-03-16", daysLate: 1 });
  });

  it("missing after the due day, not yet due on it", () => {
    const onDueDay = completeness({ ...base, today: "2025-06-15", bodies: [{ id: 1 }], submissions: [] });
    expect(states(onDueDay)).toEqual({ 1: ["missing", "not_yet_due"] });
    expect(onDueDay.rows[0]?.cells[0]?.daysLate).toBe(92);
    const after = completeness({ ...base, today: "2025-06-16", bodies: [{ id: 1 }], submissions: [] });
    expect(states(after)).toEqual({ 1: ["missing", "missing"] });
    expect(after.rows[0]?.cells[1]?.daysLate).toBe(1);
  });

  it("an early report for a period not yet due is on time and counted", () => {
    const m = completeness({
      ...base,
      today: "2025-02-01",
      bodies: [{ id: 1 }],
      submissions: [{ bodyId: 1, period: "2025-Q1", submittedAt: "2025-01-30" }],
    });
    expect(states(m)).toEqual({ 1: ["on_time"] });
    expect(m.totals).toMatchObject({ expected: 1, reportingRate: 1, onTimeRate: 1 });
  });

  it("the earliest of several submissions counts", () => {
    const m = completeness({
      ...base,
      today: "2025-04-01",
      bodies: [{ id: 1 }],
      submissions: [
        { bodyId: 1, period: "2025-Q1", submittedAt: "2025-03-20" },
        { bodyId: 1, period: "2025-Q1", submittedAt: "2025-03-10" },
      ],
    });
    expect(m.rows[0]?.cells[0]).toMatchObject({ state: "on_time", submittedAt: "2025-03-10" });
  });

  it("keeps submissions it cannot place", () => {
    const unmatched = [
      { bodyId: "X", period: "2025-Q1", submittedAt: "2025-03-01" },
      { bodyId: "A", period: "2025-03", submittedAt: "2025-03-01" },
      { bodyId: "A", period: "2026-Q1", submittedAt: "2025-03-01" },
      { bodyId: "A", period: "quý I", submittedAt: "2025-03-01" },
    ];
    const m = completeness({ ...base, today: "2025-03-31", bodies: [{ id: "A" }], submissions: unmatched });
    expect(m.unmatched).toEqual(unmatched);
    expect(states(m)).toEqual({ A: ["missing"] });
  });

  it("reads lower-case period keys", () => {
    const m = completeness({
      ...base,
      today: "2025-03-31",
      bodies: [{ id: "A" }],
      submissions: [{ bodyId: "A", period: "2025-q1", submittedAt: "2025-03-01" }],
    });
    expect(states(m)).toEqual({ A: ["on_time"] });
  });

  it("bodies owe only the periods due while they exist", () => {
    const m = completeness({
      ...base,
      today: "2025-09-30",
      bodies: [
        { id: "old district", activeUntil: "2025-06-30" },
        { id: "new commune", activeFrom: "2025-07-01" },
      ],
      submissions: [{ bodyId: "old district", period: "2025-Q3", submittedAt: "2025-09-01" }],
    });
    expect(states(m)).toEqual({
      "old district": ["missing", "missing", "on_time"],
      "new commune": ["not_expected", "not_expected", "missing"],
    });
    expect(m.totals).toMatchObject({ expected: 4, notExpected: 2 });
  });

  it("lists each body once", () => {
    const m = completeness({ ...base, today: "2025-04-01", bodies: [{ id: 1 }, { id: 1 }], submissions: [] });
    expect(m.rows).toHaveLength(1);
  });

  it("gives rates per body, per period and overall", () => {
    const m = completeness({
      ...base,
      today: "2025-07-01",
      bodies: [{ id: "A" }, { id: "B" }],
      submissions: [
        { bodyId: "A", period: "2025-Q1", submittedAt: "2025-03-01" },
        { bodyId: "A", period: "2025-Q2", submittedAt: "2025-06-20" },
        { bodyId: "B", period: "2025-Q1", submittedAt: "2025-03-15" },
      ],
    });
    expect(m.periods.map((p) => p.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    expect(m.rows[0]?.rates).toMatchObject({
      expected: 2,
      onTime: 1,
      late: 1,
      reportingRate: 1,
      onTimeRate: 0.5,
    });
    expect(m.rows[1]?.rates).toMatchObject({ expected: 2, onTime: 1, missing: 1, reportingRate: 0.5 });
    expect(m.byPeriod).toEqual([
      { period: "2025-Q1", rates: expect.objectContaining({ expected: 2, onTime: 2, reportingRate: 1 }) },
      {
        period: "2025-Q2",
        rates: expect.objectContaining({ expected: 2, late: 1, missing: 1, onTimeRate: 0 }),
      },
      {
        period: "2025-Q3",
        rates: expect.objectContaining({ expected: 0, notYetDue: 2, reportingRate: null }),
      },
    ]);
    expect(m.totals).toEqual({
      expected: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      notYetDue: 2,
      notExpected: 0,
      reportingRate: 0.75,
      onTimeRate: 0.5,
    });
  });

  it("has no rates without bodies or periods", () => {
    const m = completeness({ ...base, today: "2024-12-31", bodies: [{ id: 1 }], submissions: [] });
    expect(m.periods).toEqual([]);
    expect(m.totals.reportingRate).toBeNull();
    expect(ratesOf([])).toMatchObject({ expected: 0, reportingRate: null, onTimeRate: null });
  });

  it("monthly reports across a leap February", () => {
    const m = completeness({
      rule: { frequency: "monthly", dueDay: 31, dueMonthOfPeriod: "last" },
      startDate: "2024-01-01",
      today: "2024-03-01",
      bodies: [{ id: 1 }],
      submissions: [{ bodyId: 1, period: "2024-02", submittedAt: "2024-02-29" }],
    });
    expect(m.periods.map((p) => p.due)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
    expect(states(m)).toEqual({ 1: ["missing", "on_time", "not_yet_due"] });
  });
});
