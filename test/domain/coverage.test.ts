import { describe, expect, it } from "vitest";
import {
  bodyCoverage,
  concretizationCoverage,
  disseminationCoverage,
  type TargetTerms,
  targetDrift,
  taskCoverage,
} from "../../src/domain/coverage.ts";

describe("dissemination coverage", () => {
  const sessions = [
    { id: "s1", organisationId: "A", heldOn: "2024-02-10" },
    { id: "s2", organisationId: "A", heldOn: "2024-01-20" },
    { id: "s3", organisationId: "B", heldOn: "2024-03-01" },
    { id: "s4", organisationId: "Z", heldOn: "2024-01-05" },
  ];
  it("counts sessions held by the date, the day itself included", () => {
    expect(disseminationCoverage({ required: ["A", "B", "C"], sessions, by: "2024-03-01" })).toEqual({
      required: ["A", "B", "C"],
      covered: [
        { bodyId: "A", first: "2024-01-20", refs: ["s2", "s1"] },
        { bodyId: "B", first: "2024-03-01", refs: ["s3"] },
      ],
      missing: ["C"],
      rate: 2 / 3,
      unrequired: ["Z"],
    });
  });
  it("a session after the date does not count", () => {
    const c = disseminationCoverage({ required: ["A", "B"], sessions, by: "2024-02-29" });
    expect(c.missing).toEqual(["B"]);
    expect(c.rate).toBe(0.5);
  });
  it("no required body gives no rate", () => {
    expect(disseminationCoverage({ required: [], sessions, by: "2024-12-31" }).rate).toBeNull();
  });
  it("a body required twice is counted once", () => {
    expect(bodyCoverage([1, 1], [], "2024-01-01")).toMatchObject({ required: [1], missing: [1], rate: 0 });
  });
});

describe("concretization coverage", () => {
  it("bodies that must issue their own plan, and who has", () => {
    const c = concretizationCoverage({
      required: [10, 11],
      plans: [
        { documentId: 501, organisationId: 10, issuedOn: "2024-02-15T09:00:00+07:00" },
        { documentId: 502, organisationId: 11, issuedOn: "2024-05-02" },
      ],
      by: "2024-03-31",
    });
    expect(c).toMatchObject({
      covered: [{ bodyId: 10, first: "2024-02-15", refs: [501] }],
      missing: [11],
      rate: 0.5,
    });
  });
});

describe("task coverage", () => {
  it("finds parent tasks no child task takes up", () => {
    expect(
      taskCoverage({
        parentTaskIds: ["P1", "P2", "P3"],
        childTasks: [
          { id: "c1", concretizes: ["P1"] },
          { id: "c2", concretizes: ["P1", "P3", "P3"] },
          { id: "c3", concretizes: [] },
          { id: "c4", concretizes: ["X9"] },
        ],
      }),
    ).toEqual({
      covered: [
        { parentTaskId: "P1", childTaskIds: ["c1", "c2"] },
        { parentTaskId: "P3", childTaskIds: ["c2"] },
      ],
      uncovered: ["P2"],
      rate: 2 / 3,
      unlinked: ["c3"],
      foreign: [{ childTaskId: "c4", parentTaskId: "X9" }],
    });
  });
  it("empty inputs", () => {
    expect(taskCoverage({ parentTaskIds: [], childTasks: [] })).toEqual({
      covered: [],
      uncovered: [],
      rate: null,
      unlinked: [],
      foreign: [],
    });
    expect(taskCoverage({ parentTaskIds: [1], childTasks: [] })).toMatchObject({ uncovered: [1], rate: 0 });
  });
});

describe("target drift", () => {
  const parent: TargetTerms = { id: "p", kind: "min", value: 50, unit: "%", year: 2030 };
  const drift = (child: Partial<TargetTerms>, p: TargetTerms = parent) =>
    targetDrift([{ child: { ...p, id: "c", ...child }, parent: p }])[0];

  it("the same target has no drift", () => {
    expect(drift({})).toEqual({ childId: "c", parentId: "p", codes: [], consistent: true });
  });
  it("a strategy to 2023 under a parent's 2030", () => {
    expect(drift({ year: 2023 })).toMatchObject({ codes: ["year_earlier"], consistent: false });
  });
  it("a later year, and a missing one", () => {
    expect(drift({ year: 2035 })?.codes).toEqual(["year_later"]);
    expect(drift({ year: null })?.codes).toEqual(["year_missing"]);
  });
  it("no parent year, nothing to compare", () => {
    const p: TargetTerms = { ...parent, year: null };
    expect(drift({ year: 2025 }, p)?.codes).toEqual([]);
  });
  it("a lower minimum is weaker, a higher one stronger and still consistent", () => {
    expect(drift({ value: 45 })).toMatchObject({ codes: ["value_weaker"], consistent: false });
    expect(drift({ value: 55 })).toMatchObject({ codes: ["value_stronger"], consistent: true });
  });
  it("for a maximum and a rank, lower is stronger", () => {
    const max: TargetTerms = { id: "p", kind: "max", value: 2, unit: "%", year: 2030 };
    expect(drift({ value: 3 }, max)?.codes).toEqual(["value_weaker"]);
    expect(drift({ value: 1.5 }, max)?.codes).toEqual(["value_stronger"]);
    const rank: TargetTerms = { id: "p", kind: "rank", value: 5, year: 2030 };
    expect(drift({ value: 10 }, rank)?.codes).toEqual(["value_weaker"]);
  });
  it("growth rates compare by the binding (lower) rate", () => {
    const g: TargetTerms = { id: "p", kind: "growth_per_year", low: 16, high: 18, unit: "%", year: 2030 };
    expect(drift({ low: 12, high: 14 }, g)?.codes).toEqual(["value_weaker"]);
    expect(drift({ low: 17, high: 18 }, g)?.codes).toEqual(["value_stronger"]);
    expect(drift({ low: null, high: null, value: 16 }, g)?.codes).toEqual([]);
  });
  it("ranges: inside is stronger, wider is weaker, crossing differs", () => {
    const r: TargetTerms = { id: "p", kind: "range", low: 65, high: 70, unit: "%", year: 2030 };
    expect(drift({ low: 66, high: 68 }, r)?.codes).toEqual(["value_stronger"]);
    expect(drift({ low: 60, high: 75 }, r)?.codes).toEqual(["value_weaker"]);
    expect(drift({ low: 60, high: 68 }, r)?.codes).toEqual(["value_differs"]);
  });
  it("an exact value that differs", () => {
    const e: TargetTerms = { id: "p", kind: "exact", value: 5, year: 2030 };
    expect(drift({ value: 4 }, e)?.codes).toEqual(["value_differs"]);
  });
  it("different kinds or units are not compared by value", () => {
    expect(drift({ kind: "range", low: 10, high: 20, year: 2025 })?.codes).toEqual([
      "year_earlier",
      "kind_differs",
    ]);
    expect(drift({ value: 10, unit: "tỷ đồng" })?.codes).toEqual(["unit_differs"]);
  });
  it("units compare without case, spacing or composition differences", () => {
    const p: TargetTerms = { id: "p", kind: "min", value: 5, unit: "Tỷ  đồng", year: 2030 };
    expect(drift({ unit: "tỷ đồng".normalize("NFD") }, p)?.codes).toEqual([]);
    expect(drift({ unit: null }, p)?.codes).toEqual([]);
  });
  it("a child with no value where the parent has one", () => {
    expect(drift({ value: null })?.codes).toEqual(["value_missing"]);
  });
  it("several codes together, and an empty list of pairs", () => {
    expect(drift({ year: 2023, value: 40 })?.codes).toEqual(["year_earlier", "value_weaker"]);
    expect(targetDrift([])).toEqual([]);
  });
});
