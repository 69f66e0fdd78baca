import { describe, expect, it } from "vitest";
import {
  assignmentOccasion,
  dedupeKey,
  type OpenAssignment,
  type Recipient,
  type ReportDuty,
  recipientsOf,
  reminderLink,
  remindersDue,
  reportOccasion,
} from "../../src/domain/reminders.ts";

const TODAY = "2026-11-24";

const oneOff = (over: Partial<OpenAssignment> = {}): OpenAssignment => ({
  id: 7,
  organisationPath: "/1/5/23/",
  transferred: false,
  deadline: { date: "2026-12-01", recurrence: "once" },
  completedAt: null,
  percent: 40,
  lastUpdateAt: "2026-10-01",
  ...over,
});

// "before the 15th of the last month of each quarter"
const duty = (over: Partial<ReportDuty> = {}): ReportDuty => ({
  cycleId: 3,
  rule: { frequency: "quarterly", dueDay: 15, dueMonthOfPeriod: "last" },
  startDate: "2025-09-02",
  endDate: null,
  organisationId: 23,
  organisationPath: "/1/5/23/",
  activeFrom: null,
  activeUntil: null,
  reported: ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
  ...over,
});

describe("assignmentOccasion", () => {
  it("reminds N days before the deadline, the deadline day included, and not earlier", () => {
    expect(assignmentOccasion(oneOff(), TODAY, 7)).toMatchObject({
      kind: "due-soon",
      entity: "assignment",
      entityId: "7",
      due: "2026-12-01",
    });
    expect(assignmentOccasion(oneOff(), TODAY, 6)).toBeNull();
    expect(
      assignmentOccasion(oneOff({ deadline: { date: TODAY, recurrence: "once" } }), TODAY, 0)?.kind,
    ).toBe("due-soon");
  });

  it("calls an open assignment past its deadline overdue, from the day after", () => {
    const late = oneOff({ deadline: { date: "2026-11-23", recurrence: "once" } });
    expect(assignmentOccasion(late, TODAY, 7)).toMatchObject({ kind: "overdue", due: "2026-11-23" });
    // however long ago: the key (with the deadline) keeps it to one reminder
    expect(
      assignmentOccasion(oneOff({ deadline: { date: "2025-06-30", recurrence: "once" } }), TODAY, 0)?.kind,
    ).toBe("overdue");
  });

  it("says nothing of done, transferred or deadline-less work", () => {
    expect(assignmentOccasion(oneOff({ completedAt: "2026-11-20", percent: 100 }), TODAY, 30)).toBeNull();
    const doneLate = oneOff({
      deadline: { date: "2026-11-01", recurrence: "once" },
      completedAt: "2026-11-10",
    });
    expect(assignmentOccasion(doneLate, TODAY, 30)).toBeNull();
    expect(assignmentOccasion(oneOff({ transferred: true }), TODAY, 30)).toBeNull();
    expect(
      assignmentOccasion(oneOff({ deadline: { date: null, recurrence: "continuous" } }), TODAY, 30),
    ).toBeNull();
  });

  it("judges a recurring duty by its current period's due day and updates", () => {
    const quarterly = oneOff({ deadline: { date: "2025-12-31", recurrence: "quarterly" }, updates: [] });
    // the current period is 2026-Q4; the anchor puts its due day on 31 December
    expect(assignmentOccasion(quarterly, TODAY, 40)).toMatchObject({ kind: "due-soon", due: "2026-12-31" });
    expect(assignmentOccasion(quarterly, TODAY, 30)).toBeNull();
    const doneThisQuarter = { ...quarterly, updates: [{ at: "2026-11-02", percent: 100 }] };
    expect(assignmentOccasion(doneThisQuarter, TODAY, 40)).toBeNull();
    // done last quarter does not count for this one
    const doneLastQuarter = { ...quarterly, updates: [{ at: "2026-09-20", percent: 100 }] };
    expect(assignmentOccasion(doneLastQuarter, TODAY, 40)?.kind).toBe("due-soon");
    const monthly = oneOff({ deadline: { date: "2026-01-10", recurrence: "monthly" }, updates: [] });
    expect(assignmentOccasion(monthly, TODAY, 0)).toMatchObject({ kind: "overdue", due: "2026-11-10" });
  });
});

describe("reportOccasion", () => {
  it("reminds of the period due within N days while it is not reported", () => {
    expect(reportOccasion(duty(), TODAY, 21)).toMatchObject({
      kind: "report-due",
      entity: "report",
      entityId: "3/23/2026-Q4",
      due: "2026-12-15",
      period: "2026-Q4",
    });
    expect(reportOccasion(duty(), TODAY, 20)).toBeNull();
    expect(reportOccasion(duty({ reported: [...duty().reported, "2026-q4"] }), TODAY, 21)).toBeNull();
  });

  it("calls the latest period overdue once its due day has passed, and forgets older ones", () => {
    const lateQ3 = duty({ reported: ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"] });
    expect(reportOccasion(lateQ3, "2026-09-16", 7)).toMatchObject({
      kind: "report-overdue",
      period: "2026-Q3",
      due: "2026-09-15",
    });
    expect(reportOccasion(lateQ3, "2026-09-15", 7)?.kind).toBe("report-due");
    // once Q4 is the latest, Q3's reminder was given
    expect(reportOccasion(lateQ3, "2026-12-10", 7)).toMatchObject({ kind: "report-due", period: "2026-Q4" });
  });

  it("reaches into a period not begun yet when its due day is within N days", () => {
    const monthlyEarly = duty({
      rule: { frequency: "monthly", dueDay: 5, dueMonthOfPeriod: "first" },
      reported: ["2026-11"],
    });
    expect(reportOccasion(monthlyEarly, "2026-11-28", 7)).toMatchObject({
      period: "2026-12",
      due: "2026-12-05",
    });
  });

  it("asks a body only for periods due while it exists and the duty runs", () => {
    const ceased = duty({ reported: ["2025-Q3", "2025-Q4", "2026-Q1"], activeUntil: "2026-06-10" });
    expect(reportOccasion(ceased, TODAY, 21)).toBeNull();
    expect(reportOccasion(duty({ reported: [], activeFrom: "2026-12-20" }), TODAY, 21)).toBeNull();
    expect(reportOccasion(duty({ reported: [], startDate: "2026-12-20" }), TODAY, 21)).toBeNull();
    expect(reportOccasion(duty({ reported: [], endDate: "2026-06-30" }), TODAY, 21)).toMatchObject({
      kind: "report-overdue",
      period: "2026-Q2",
    });
  });
});

describe("recipients and keys", () => {
  const users: Recipient[] = [
    { userId: 1, role: "unit_officer", scopePath: "/1/5/23/" },
    { userId: 2, role: "unit_officer", scopePath: "/1/5/" },
    { userId: 3, role: "unit_officer", scopePath: "/1/6/" },
    { userId: 4, role: "monitor", scopePath: "/1/" },
    { userId: 5, role: "monitor", scopePath: "/2/" },
    { userId: 6, role: "leader", scopePath: "/1/" },
    { userId: 7, role: "viewer", scopePath: null },
    { userId: 8, role: "monitor", scopePath: null },
  ];
  const soon = assignmentOccasion(oneOff(), TODAY, 7);
  const late = assignmentOccasion(oneOff({ deadline: { date: "2026-11-01", recurrence: "once" } }), TODAY, 7);

  it("sends due-soon reminders to the body's unit officers, overdue ones to its monitors too", () => {
    if (!soon || !late) throw new Error("no occasion");
    expect(recipientsOf(soon, users)).toEqual([1, 2]);
    expect(recipientsOf(late, users)).toEqual([1, 2, 4, 8]);
  });

  it("keys a reminder by kind, subject, due day and user", () => {
    if (!soon) throw new Error("no occasion");
    expect(dedupeKey(soon, 1)).toBe("due-soon|assignment|7|2026-12-01|1");
    expect(dedupeKey({ ...soon, due: "2026-12-02" }, 1)).not.toBe(dedupeKey(soon, 1));
  });

  it("lists every reminder of the day once per recipient", () => {
    const all = remindersDue({
      today: TODAY,
      daysBefore: 21,
      assignments: [oneOff(), oneOff({ id: 8, deadline: { date: "2026-11-01", recurrence: "once" } })],
      duties: [duty()],
      users,
    });
    expect(all.map((r) => `${r.kind}:${r.entityId}:${r.userId}`)).toEqual([
      "due-soon:7:1",
      "due-soon:7:2",
      "overdue:8:1",
      "overdue:8:2",
      "overdue:8:4",
      "overdue:8:8",
      "report-due:3/23/2026-Q4:1",
      "report-due:3/23/2026-Q4:2",
    ]);
    expect(new Set(all.map((r) => r.dedupeKey)).size).toBe(all.length);
  });

  it("links to the assignment, or to the cycle's report for the body and period", () => {
    expect(reminderLink("assignment", "7")).toBe("/assignments/7");
    expect(reminderLink("report", "3/23/2026-Q4")).toBe("/reports/3?organisationId=23&period=2026-Q4");
  });
});
