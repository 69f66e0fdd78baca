import { describe, expect, it } from "vitest";
import {
  type AssignmentRow,
  ancestorsOf,
  groupByDocument,
  groupByLevel,
  groupBySubtree,
  inSubtree,
  outcomeRollup,
  rollup,
  rollupAll,
  statusCounts,
} from "../../src/domain/rollup.ts";

const rows: AssignmentRow[] = [
  { id: "a", status: "done_on_time", percent: 100 },
  { id: "b", status: "done_late", percent: 80 }, // stale percent: done counts 100
  { id: "c", status: "overdue", percent: 40 },
  { id: "d", status: "in_progress", percent: 50 },
  { id: "e", status: "not_yet_due", percent: null },
  { id: "f", status: "continuous", percent: 70 },
];

describe("share_done_of_due", () => {
  it("counts done over due and lists the excluded with their reasons", () => {
    expect(rollup(rows, "share_done_of_due")).toEqual({
      measure: "task_progress",
      formula: "share_done_of_due",
      unit: "ratio",
      value: 2 / 3,
      numerator: 2,
      denominator: 3,
      counted: ["a", "b", "c"],
      excluded: [
        { id: "d", reason: "within_deadline", status: "in_progress" },
        { id: "e", reason: "within_deadline", status: "not_yet_due" },
        { id: "f", reason: "continuous", status: "continuous" },
      ],
    });
  });
  it("is null, not 0, when nothing is due", () => {
    const f = rollup([{ id: 1, status: "not_yet_due", percent: 0 }], "share_done_of_due");
    expect(f.value).toBeNull();
    expect(f.denominator).toBe(0);
  });
  it("is null on no rows", () => {
    expect(rollup([], "share_done_of_due")).toMatchObject({ value: null, counted: [], excluded: [] });
  });
  it("matches the 2017 Government Office count (done share of due)", () => {
    const many: AssignmentRow[] = [
      ...Array.from({ length: 14068 }, (_, i) => ({
        id: `t${i}`,
        status: "done_on_time" as const,
        percent: 100,
      })),
      ...Array.from({ length: 1983 }, (_, i) => ({
        id: `l${i}`,
        status: "done_late" as const,
        percent: 100,
      })),
      ...Array.from({ length: 223 }, (_, i) => ({ id: `o${i}`, status: "overdue" as const, percent: 10 })),
    ];
    const f = rollup(many, "share_done_of_due");
    expect([f.numerator, f.denominator]).toEqual([16051, 16274]);
  });
});

describe("share_done_on_time", () => {
  it("counts only on-time over the same denominator", () => {
    expect(rollup(rows, "share_done_on_time")).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
  });
});

describe("mean_percent", () => {
  it("averages percent, done as 100, and excludes continuous and unreported rows", () => {
    const f = rollup(rows, "mean_percent");
    expect(f).toMatchObject({ unit: "percent", numerator: 290, denominator: 4, value: 72.5 });
    expect(f.counted).toEqual(["a", "b", "c", "d"]);
    expect(f.excluded).toEqual([
      { id: "e", reason: "no_percent", status: "not_yet_due" },
      { id: "f", reason: "continuous", status: "continuous" },
    ]);
  });
  it("clamps percents outside 0–100 and drops non-finite ones", () => {
    const f = rollup(
      [
        { id: 1, status: "in_progress", percent: 130 },
        { id: 2, status: "in_progress", percent: -10 },
        { id: 3, status: "in_progress", percent: Number.NaN },
      ],
      "mean_percent",
    );
    expect(f).toMatchObject({ value: 50, counted: [1, 2] });
    expect(f.excluded).toEqual([{ id: 3, reason: "no_percent", status: "in_progress" }]);
  });
  it("ignores weights", () => {
    const f = rollup(
      [
        { id: 1, status: "in_progress", percent: 0, weight: 3 },
        { id: 2, status: "in_progress", percent: 100, weight: 1 },
      ],
      "mean_percent",
    );
    expect(f.value).toBe(50);
  });
});

describe("weighted", () => {
  it("weighs percents; a row without a weight weighs 1", () => {
    const f = rollup(
      [
        { id: 1, status: "in_progress", percent: 0, weight: 3 },
        { id: 2, status: "done_on_time", percent: 100 },
      ],
      "weighted",
    );
    expect(f).toMatchObject({ numerator: 100, denominator: 4, value: 25 });
  });
  it("excludes zero, negative and non-finite weights with a reason", () => {
    const f = rollup(
      [
        { id: 1, status: "in_progress", percent: 10, weight: 0 },
        { id: 2, status: "in_progress", percent: 10, weight: -1 },
        { id: 3, status: "in_progress", percent: 10, weight: Number.POSITIVE_INFINITY },
        { id: 4, status: "in_progress", percent: 10, weight: 2 },
      ],
      "weighted",
    );
    expect(f.counted).toEqual([4]);
    expect(f.excluded.map((e) => e.reason)).toEqual(["zero_weight", "invalid_weight", "invalid_weight"]);
    expect(f.value).toBe(10);
  });
  it("is null when every row is excluded", () => {
    expect(rollup([{ id: 1, status: "continuous", percent: 10, weight: 2 }], "weighted").value).toBeNull();
  });
});

describe("rollupAll and statusCounts", () => {
  it("gives every formula by name", () => {
    const all = rollupAll(rows);
    expect(Object.keys(all)).toEqual(["share_done_of_due", "share_done_on_time", "mean_percent", "weighted"]);
    expect(all.weighted.value).toBe(72.5);
  });
  it("counts every status, zeros included", () => {
    expect(statusCounts(rows)).toEqual({
      done_on_time: 1,
      done_late: 1,
      in_progress: 1,
      not_yet_due: 1,
      overdue: 1,
      continuous: 1,
      total: 6,
    });
    expect(statusCounts([])).toMatchObject({ total: 0, overdue: 0 });
  });
});

describe("outcomeRollup", () => {
  it("keeps outcome progress apart and lists indicators without data", () => {
    expect(
      outcomeRollup([
        { id: "i1", assessment: "achieved" },
        { id: "i2", assessment: "on_track" },
        { id: "i3", assessment: "at_risk" },
        { id: "i4", assessment: "deteriorating" },
        { id: "i5", assessment: "insufficient_data" },
      ]),
    ).toEqual({
      measure: "outcome_progress",
      formula: "share_on_track",
      unit: "ratio",
      value: 0.5,
      numerator: 2,
      denominator: 4,
      counted: ["i1", "i2", "i3", "i4"],
      excluded: [{ id: "i5", reason: "insufficient_data" }],
    });
  });
  it("is null with nothing assessable", () => {
    expect(outcomeRollup([]).value).toBeNull();
  });
});

describe("grouping", () => {
  // province P ─ communes C1, C2; C2 ─ hamlet-level unit H; other province Q
  const parentOf = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 1],
    [4, 3],
    [9, null],
  ]);
  const placed = [
    { id: "r1", organisationId: 1, documentId: 10 },
    { id: "r2", organisationId: 2, documentId: 10 },
    { id: "r3", organisationId: 4, documentId: 11 },
    { id: "r4", organisationId: 9, documentId: 11 },
    { id: "r5", organisationId: null, documentId: 10 },
    { id: "r6", organisationId: 77, documentId: 12 },
  ];
  it("ancestorsOf walks up, nearest first, and stops at a cycle", () => {
    expect(ancestorsOf(4, parentOf)).toEqual([4, 3, 1]);
    const loop = new Map<number, number | null>([
      [1, 2],
      [2, 1],
    ]);
    expect(ancestorsOf(1, loop)).toEqual([1, 2]);
  });
  it("a subtree holds the root and everything below it", () => {
    expect(inSubtree(placed, 1, parentOf).map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(inSubtree(placed, 3, parentOf).map((r) => r.id)).toEqual(["r3"]);
    expect(inSubtree(placed, 2, parentOf).map((r) => r.id)).toEqual(["r2"]);
  });
  it("nested roots share rows; rows outside every root are unplaced", () => {
    const g = groupBySubtree(placed, [1, 3], parentOf);
    expect(g.groups.get(1)?.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(g.groups.get(3)?.map((r) => r.id)).toEqual(["r3"]);
    expect(g.unplaced.map((r) => r.id)).toEqual(["r4", "r5", "r6"]);
  });
  it("a root with no rows has an empty group", () => {
    expect(groupBySubtree([], [1], parentOf).groups.get(1)).toEqual([]);
  });
  it("by level; unknown or missing organisations are unplaced", () => {
    const levelOf = new Map<number, string>([
      [1, "province"],
      [2, "commune"],
      [4, "commune"],
      [9, "province"],
    ]);
    const g = groupByLevel(placed, levelOf);
    expect(g.groups.get("province")?.map((r) => r.id)).toEqual(["r1", "r4"]);
    expect(g.groups.get("commune")?.map((r) => r.id)).toEqual(["r2", "r3"]);
    expect(g.unplaced.map((r) => r.id)).toEqual(["r5", "r6"]);
  });
  it("by document, in first-seen order", () => {
    const g = groupByDocument(placed);
    expect([...g.keys()]).toEqual([10, 11, 12]);
    expect(g.get(10)?.map((r) => r.id)).toEqual(["r1", "r2", "r5"]);
  });
});
