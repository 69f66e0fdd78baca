import { describe, expect, it } from "vitest";
import { periodOf } from "../../src/domain/period.ts";
import {
  assignmentStatus,
  currentPeriod,
  isRecurring,
  periodDue,
  type StatusInput,
  statusDetail,
} from "../../src/domain/status.ts";
import type { Recurrence } from "../../src/parser/schema.ts";

function once(date: string | null, more: Partial<StatusInput> = {}): StatusInput {
  return {
    deadline: { date, recurrence: date === null ? null : "once" },
    completedAt: null,
    percent: null,
    lastUpdateAt: null,
    ...more,
  };
}

function every(
  recurrence: Recurrence,
  updates: StatusInput["updates"],
  date: string | null = null,
): StatusInput {
  return { deadline: { date, recurrence }, completedAt: null, percent: null, lastUpdateAt: null, updates };
}

describe("one-off deadline", () => {
  const d = "2025-06-30";
  it("done on the deadline day is on time", () => {
    expect(assignmentStatus(once(d, { completedAt: "2025-06-30" }), "2025-08-01")).toBe("done_on_time");
  });
  it("done before the deadline is on time", () => {
    expect(assignmentStatus(once(d, { completedAt: "2025-05-02" }), "2025-05-03")).toBe("done_on_time");
  });
  it("done the day after is late", () => {
    expect(assignmentStatus(once(d, { completedAt: "2025-07-01" }), "2025-07-01")).toBe("done_late");
  });
  it("a completion timestamp is read by its day", () => {
    expect(assignmentStatus(once(d, { completedAt: "2025-06-30T23:00:00+07:00" }), "2025-07-02")).toBe(
      "done_on_time",
    );
  });
  it("on the deadline day an unfinished task is not yet overdue", () => {
    expect(assignmentStatus(once(d), "2025-06-30")).toBe("not_yet_due");
    expect(assignmentStatus(once(d, { percent: 40 }), "2025-06-30")).toBe("in_progress");
  });
  it("the day after the deadline it is overdue, reported or not", () => {
    expect(assignmentStatus(once(d), "2025-07-01")).toBe("overdue");
    expect(assignmentStatus(once(d, { percent: 90, lastUpdateAt: "2025-06-29" }), "2025-07-01")).toBe(
      "overdue",
    );
  });
  it("an update with 0 % still counts as reported", () => {
    expect(
      assignmentStatus(once(d, { percent: 0, lastUpdateAt: "2025-05-01T08:00:00Z" }), "2025-06-01"),
    ).toBe("in_progress");
  });
  it("percent 0 and no update is not yet due", () => {
    expect(assignmentStatus(once(d, { percent: 0 }), "2025-06-01")).toBe("not_yet_due");
  });
  it("percent 100 without a completion date is not done", () => {
    expect(assignmentStatus(once(d, { percent: 100 }), "2025-07-01")).toBe("overdue");
  });
  it("deadline 29 February in a leap year", () => {
    expect(assignmentStatus(once("2024-02-29"), "2024-02-29")).toBe("not_yet_due");
    expect(assignmentStatus(once("2024-02-29"), "2024-03-01")).toBe("overdue");
  });
  it("today given as a timestamp is read by its day", () => {
    expect(assignmentStatus(once(d), "2025-06-30T23:59:59+07:00")).toBe("not_yet_due");
  });
  it("a date with recurrence continuous is a one-off deadline", () => {
    const input: StatusInput = { ...once(d), deadline: { date: d, recurrence: "continuous" } };
    expect(statusDetail(input, "2025-07-01")).toEqual({
      status: "overdue",
      basis: "one_off",
      period: null,
      due: d,
    });
  });
});

describe("no deadline (continuous)", () => {
  it.each([
    ["null deadline", null],
    ["thường xuyên", { date: null, recurrence: "continuous" as const }],
    ["once without a date", { date: null, recurrence: "once" as const }],
    ["nothing stated", { date: null, recurrence: null }],
  ])("%s is continuous", (_, deadline) => {
    const input: StatusInput = { deadline, completedAt: null, percent: 50, lastUpdateAt: "2025-01-01" };
    expect(statusDetail(input, "2030-01-01")).toEqual({
      status: "continuous",
      basis: "continuous",
      period: null,
      due: null,
    });
  });
  it("a completed continuous task is done on time", () => {
    expect(assignmentStatus(once(null, { completedAt: "2025-03-01" }), "2025-04-01")).toBe("done_on_time");
  });
});

describe("currentPeriod and periodDue", () => {
  it("maps recurrences to periods; periodic is judged per year", () => {
    expect(currentPeriod("monthly", "2025-07-15")?.key).toBe("2025-07");
    expect(currentPeriod("quarterly", "2025-07-15")?.key).toBe("2025-Q3");
    expect(currentPeriod("semiannual", "2025-07-15")?.key).toBe("2025-H2");
    expect(currentPeriod("annual", "2025-07-15")?.key).toBe("2025");
    expect(currentPeriod("periodic", "2025-07-15")?.key).toBe("2025");
  });
  it("has no period for once, continuous or none", () => {
    expect(currentPeriod("once", "2025-07-15")).toBeNull();
    expect(currentPeriod("continuous", "2025-07-15")).toBeNull();
    expect(currentPeriod(null, "2025-07-15")).toBeNull();
    expect(isRecurring("once")).toBe(false);
    expect(isRecurring("periodic")).toBe(true);
  });
  it("without an anchor the period's last day is due", () => {
    expect(periodDue(periodOf("quarterly", "2025-08-01"), null)).toBe("2025-09-30");
    expect(periodDue(periodOf("monthly", "2024-02-01"), null)).toBe("2024-02-29");
  });
  it("an anchor keeps its month and day inside each period", () => {
    expect(periodDue(periodOf("annual", "2026-03-01"), "2025-12-15")).toBe("2026-12-15");
    expect(periodDue(periodOf("quarterly", "2025-05-01"), "2025-03-20")).toBe("2025-06-20");
    expect(periodDue(periodOf("semiannual", "2025-09-01"), "2025-06-25")).toBe("2025-12-25");
    expect(periodDue(periodOf("monthly", "2025-09-01"), "2025-01-10")).toBe("2025-09-10");
  });
  it("an anchor day the month lacks moves back to the month's end", () => {
    expect(periodDue(periodOf("quarterly", "2025-05-01"), "2025-03-31")).toBe("2025-06-30");
    expect(periodDue(periodOf("annual", "2025-01-01"), "2024-02-29")).toBe("2025-02-28");
    expect(periodDue(periodOf("monthly", "2025-02-01"), "2025-01-31")).toBe("2025-02-28");
  });
  it("an invalid anchor is ignored", () => {
    expect(periodDue(periodOf("annual", "2025-01-01"), "2025-02-30")).toBe("2025-12-31");
  });
});

describe("recurring deadline", () => {
  it("a new period starts not yet due", () => {
    expect(assignmentStatus(every("quarterly", []), "2025-07-01")).toBe("not_yet_due");
  });
  it("an update inside the period makes it in progress", () => {
    expect(assignmentStatus(every("quarterly", [{ at: "2025-07-02", percent: 30 }]), "2025-08-01")).toBe(
      "in_progress",
    );
  });
  it("updates from the previous period do not count", () => {
    const updates = [{ at: "2025-06-30", percent: 100 }];
    expect(assignmentStatus(every("quarterly", updates), "2025-07-01")).toBe("not_yet_due");
  });
  it("done on the quarter's last day is on time", () => {
    const detail = statusDetail(every("quarterly", [{ at: "2025-09-30", percent: 100 }]), "2025-09-30");
    expect(detail.status).toBe("done_on_time");
    expect(detail.due).toBe("2025-09-30");
    expect(detail.period?.key).toBe("2025-Q3");
  });
  it("not done on the quarter's last day is not yet overdue", () => {
    expect(assignmentStatus(every("quarterly", []), "2025-09-30")).toBe("not_yet_due");
  });
  it("with an anchor before the period's end, the day after the due day is overdue", () => {
    const input = every("annual", [{ at: "2025-03-01", percent: 60 }], "2025-12-15");
    expect(assignmentStatus(input, "2025-12-15")).toBe("in_progress");
    expect(assignmentStatus(input, "2025-12-16")).toBe("overdue");
  });
  it("done after the due day but inside the period is late", () => {
    const input = every("annual", [{ at: "2025-12-20", percent: 100 }], "2025-12-15");
    expect(assignmentStatus(input, "2025-12-31")).toBe("done_late");
  });
  it("the earliest 100 % update decides, whatever the input order", () => {
    const updates = [
      { at: "2025-12-20", percent: 100 },
      { at: "2025-12-10", percent: 100 },
    ];
    expect(assignmentStatus(every("annual", updates, "2025-12-15"), "2025-12-31")).toBe("done_on_time");
  });
  it("ignores completedAt, percent and lastUpdateAt", () => {
    const input: StatusInput = {
      deadline: { date: null, recurrence: "monthly" },
      completedAt: "2025-01-05",
      percent: 100,
      lastUpdateAt: "2025-03-01",
    };
    expect(assignmentStatus(input, "2025-03-10")).toBe("not_yet_due");
  });
  it("monthly in February of a leap year is due on the 29th", () => {
    const input = every("monthly", []);
    expect(statusDetail(input, "2024-02-29").due).toBe("2024-02-29");
    expect(assignmentStatus(input, "2024-02-29")).toBe("not_yet_due");
  });
  it("periodic is judged over the calendar year", () => {
    const input = every("periodic", [{ at: "2025-02-01", percent: 100 }]);
    expect(assignmentStatus(input, "2025-11-30")).toBe("done_on_time");
  });
  it("an anchored monthly duty past its day is overdue", () => {
    expect(assignmentStatus(every("monthly", [], "2025-01-25"), "2025-04-26")).toBe("overdue");
  });
  it("semiannual update timestamps are read by their day", () => {
    const input = every("semiannual", [{ at: "2025-06-30T22:00:00+07:00", percent: 100 }]);
    expect(assignmentStatus(input, "2025-06-30")).toBe("done_on_time");
  });
});
