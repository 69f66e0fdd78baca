import { describe, expect, it } from "vitest";
import { fitLine, trendAt } from "../../src/domain/forecast.ts";
import {
  ASSESSMENT_THRESHOLDS,
  assess,
  expectedAt,
  expectedPath,
  forecast,
  gradeRatio,
  type TargetSpec,
  targetBand,
} from "../../src/domain/trajectory.ts";

function target(spec: Partial<TargetSpec> & Pick<TargetSpec, "kind">): TargetSpec {
  return { value: null, low: null, high: null, unit: null, year: 2030, baseline: null, ...spec };
}
const base = (value: number, year: number) => ({ value, year });
const values = (v: number[]) => v.map((n) => Math.round(n * 1e6) / 1e6);

describe("expectedPath", () => {
  it("growth per year is compound: 18 billion in 2023 growing 20 %/yr to 2030", () => {
    const t = target({ kind: "growth_per_year", value: 20, unit: "%", baseline: base(18, 2023) });
    const path = expectedPath(t);
    expect(path.map((p) => p.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(path[1]?.value).toBeCloseTo(21.6, 10);
    expect(path[2]?.value).toBeCloseTo(25.92, 10);
    expect(path[7]?.value).toBeCloseTo(64.4972544, 8);
    expect(path[7]?.low).toBe(path[7]?.value);
  });
  it("growth with a rate range gives a band around the centre rate", () => {
    const t = target({ kind: "growth_per_year", low: 16, high: 18, year: 2022, baseline: base(100, 2020) });
    const p = expectedAt(t, 2021);
    expect(values([p?.low ?? 0, p?.value ?? 0, p?.high ?? 0])).toEqual([116, 117, 118]);
  });
  it("min toward a value is linear", () => {
    const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
    expect(expectedAt(t, 2025)?.value).toBe(45);
    expect(expectedAt(t, 2030)?.value).toBe(50);
    expect(expectedAt(t, 2020)?.value).toBe(40);
  });
  it("a min already met at the start is a flat floor", () => {
    const t = target({ kind: "min", value: 50, baseline: base(60, 2020) });
    expect(expectedPath(t).every((p) => p.value === 50)).toBe(true);
  });
  it("max and rank decrease linearly", () => {
    const max = target({ kind: "max", value: 2, unit: "%", baseline: base(6, 2020) });
    expect(expectedAt(max, 2025)?.value).toBe(4);
    const rank = target({ kind: "rank", value: 5, baseline: base(20, 2020) });
    expect(expectedAt(rank, 2026)?.value).toBe(11);
  });
  it("exact and rate are linear toward the value", () => {
    expect(
      expectedAt(target({ kind: "exact", value: 5, year: 2025, baseline: base(0, 2020) }), 2023)?.value,
    ).toBe(3);
    expect(expectedAt(target({ kind: "rate", value: 12, baseline: base(8, 2020) }), 2025)?.value).toBe(10);
  });
  it("increment per year adds the step each year", () => {
    const t = target({ kind: "increment_per_year", value: 500, year: 2025, baseline: base(1000, 2020) });
    expect(expectedPath(t).map((p) => p.value)).toEqual([1000, 1500, 2000, 2500, 3000, 3500]);
  });
  it("multiple of baseline follows the compound path to the multiple", () => {
    const t = target({ kind: "multiple_of_baseline", value: 2, baseline: base(3, 2020) });
    expect(expectedAt(t, 2025)?.value).toBeCloseTo(3 * Math.SQRT2, 12);
    expect(expectedAt(t, 2030)?.value).toBeCloseTo(6, 12);
  });
  it("a range is a band whose edges move linearly from the start", () => {
    const t = target({ kind: "range", low: 65, high: 70, unit: "%", baseline: base(50, 2020) });
    expect(expectedAt(t, 2025)).toEqual({ year: 2025, value: 58.75, low: 57.5, high: 60 });
    expect(expectedAt(t, 2030)).toEqual({ year: 2030, value: 67.5, low: 65, high: 70 });
  });
  it("a range already held is a flat band", () => {
    const t = target({ kind: "range", low: 65, high: 70, baseline: base(67, 2020) });
    expect(expectedAt(t, 2021)).toEqual({ year: 2021, value: 67.5, low: 65, high: 70 });
  });
  it("takes the first observation when the baseline is missing or has no year", () => {
    const t = target({ kind: "min", value: 50, baseline: { value: 10, year: null } });
    expect(expectedPath(t, [{ year: 2025, value: 45 }])[0]).toEqual({
      year: 2025,
      value: 45,
      low: 45,
      high: 45,
    });
  });
  it("is empty without a start, a value or a target year after the start", () => {
    expect(expectedPath(target({ kind: "min", value: 50 }))).toEqual([]);
    expect(expectedPath(target({ kind: "min", baseline: base(1, 2020) }))).toEqual([]);
    expect(expectedPath(target({ kind: "min", value: 50, year: null, baseline: base(1, 2020) }))).toEqual([]);
    expect(expectedPath(target({ kind: "min", value: 50, year: 2019, baseline: base(1, 2020) }))).toEqual([]);
  });
  it("expectedAt is null off the path", () => {
    expect(expectedAt(target({ kind: "min", value: 50, baseline: base(40, 2020) }), 2031)).toBeNull();
  });
});

describe("targetBand", () => {
  it("computes the level a growth target asks for in its year", () => {
    const t = target({ kind: "growth_per_year", low: 16, high: 18, year: 2022 });
    const band = targetBand(t, { year: 2020, value: 100 });
    expect(typeof band === "string" ? band : values([band.lo, band.hi])).toEqual([134.56, 139.24]);
  });
  it("refuses a zero baseline for compound kinds", () => {
    expect(targetBand(target({ kind: "multiple_of_baseline", value: 2 }), { year: 2020, value: 0 })).toBe(
      "zero_baseline",
    );
  });
});

describe("gradeRatio thresholds", () => {
  it("states the thresholds", () => {
    expect(ASSESSMENT_THRESHOLDS).toEqual({ onTrack: 0.95, atRisk: 0.5, offTrack: 0 });
  });
  it.each([
    [1.5, "on_track"],
    [0.95, "on_track"],
    [0.9499, "at_risk"],
    [0.5, "at_risk"],
    [0.4999, "off_track"],
    [0, "off_track"],
    [-0.0001, "deteriorating"],
  ] as const)("ratio %d is %s", (ratio, status) => {
    expect(gradeRatio(ratio)).toBe(status);
  });
});

describe("assess: shares use differences", () => {
  const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
  it("on the path is on track with ratio 1", () => {
    expect(assess(t, [{ year: 2025, value: 45 }])).toMatchObject({
      status: "on_track",
      measure: "difference",
      direction: "up",
      goal: 50,
      achievedRate: 1,
      requiredRate: 1,
      ratio: 1,
      notes: [],
    });
  });
  it("two thirds of the pace still needed is at risk", () => {
    expect(assess(t, [{ year: 2025, value: 44 }])).toMatchObject({ status: "at_risk" });
    expect(assess(t, [{ year: 2025, value: 44 }]).ratio).toBeCloseTo(0.8 / 1.2, 12);
  });
  it("less than half the pace is off track", () => {
    expect(assess(t, [{ year: 2025, value: 43 }]).status).toBe("off_track");
  });
  it("a falling series is deteriorating", () => {
    const a = assess(t, [
      { year: 2022, value: 39 },
      { year: 2025, value: 38 },
    ]);
    expect(a).toMatchObject({ status: "deteriorating", latest: { year: 2025, value: 38 } });
    expect(a.ratio).toBeLessThan(0);
  });
  it("reaching the value is achieved, going past too", () => {
    expect(assess(t, [{ year: 2024, value: 50 }]).status).toBe("achieved");
    expect(assess(t, [{ year: 2024, value: 52 }]).status).toBe("achieved");
  });
  it("a target met at the baseline is achieved with no other value", () => {
    expect(assess(target({ kind: "min", value: 50, baseline: base(60, 2020) }), []).status).toBe("achieved");
  });
  it("a min met at the baseline and lost since is deteriorating", () => {
    const lost = target({ kind: "min", value: 50, unit: "%", baseline: base(60, 2020) });
    expect(assess(lost, [{ year: 2024, value: 48 }]).status).toBe("deteriorating");
  });
});

describe("assess: decreasing targets", () => {
  const max = target({ kind: "max", value: 2, unit: "%", baseline: base(6, 2020) });
  it("falling at the pace needed is on track", () => {
    expect(assess(max, [{ year: 2025, value: 4 }])).toMatchObject({
      status: "on_track",
      direction: "down",
      achievedRate: -0.4,
      requiredRate: -0.4,
      ratio: 1,
    });
  });
  it("rising is deteriorating", () => {
    expect(assess(max, [{ year: 2025, value: 7 }]).status).toBe("deteriorating");
  });
  it("at or below the maximum is achieved", () => {
    expect(assess(max, [{ year: 2025, value: 2 }]).status).toBe("achieved");
    expect(assess(max, [{ year: 2025, value: 1.5 }]).status).toBe("achieved");
  });
  it("rank: lower is better, compared by differences", () => {
    const rank = target({ kind: "rank", value: 5, baseline: base(20, 2020) });
    const a = assess(rank, [{ year: 2025, value: 12 }]);
    expect(a).toMatchObject({ status: "on_track", measure: "difference", achievedRate: -1.6 });
    expect(a.ratio).toBeCloseTo(1.6 / 1.4, 12);
    expect(assess(rank, [{ year: 2025, value: 25 }]).status).toBe("deteriorating");
    expect(assess(rank, [{ year: 2025, value: 3 }]).status).toBe("achieved");
  });
});

describe("assess: levels use compound rates", () => {
  it("on the compound path to a doubled level the ratio is 1", () => {
    const t = target({ kind: "min", value: 200, unit: "tỷ đồng", baseline: base(100, 2020) });
    const a = assess(t, [{ year: 2025, value: 100 * Math.SQRT2 }]);
    expect(a).toMatchObject({ status: "on_track", measure: "compound" });
    expect(a.achievedRate).toBeCloseTo(2 ** 0.1 - 1, 12);
    expect(a.ratio).toBeCloseTo(1, 12);
  });
  it("multiple of baseline behind its path is at risk", () => {
    const t = target({ kind: "multiple_of_baseline", value: 2, baseline: base(3, 2020) });
    const a = assess(t, [{ year: 2025, value: 4 }]);
    expect(a).toMatchObject({ status: "at_risk", measure: "compound", goal: 6 });
    expect(a.ratio).toBeCloseTo(0.7011080768059678, 12);
  });
  it("growth with a rate range is judged against the lower rate", () => {
    const t = target({
      kind: "growth_per_year",
      low: 16,
      high: 18,
      unit: "%",
      year: 2022,
      baseline: base(100, 2020),
    });
    const a = assess(t, [{ year: 2021, value: 115 }]);
    expect(a.goal).toBeCloseTo(134.56, 10);
    expect(a.ratio).toBeCloseTo(0.8819018404907977, 10);
    expect(a.status).toBe("at_risk");
    expect(assess(t, [{ year: 2022, value: 135 }]).status).toBe("achieved");
  });
  it("growth reached exactly by the target year is achieved despite rounding", () => {
    const t = target({ kind: "growth_per_year", value: 20, unit: "%", baseline: base(18, 2023) });
    expect(assess(t, [{ year: 2030, value: 18 * 1.2 ** 7 }]).status).toBe("achieved");
  });
  it("a zero baseline falls back to differences", () => {
    const t = target({ kind: "exact", value: 5, year: 2025, baseline: base(0, 2020) });
    expect(assess(t, [{ year: 2023, value: 3 }])).toMatchObject({
      status: "on_track",
      measure: "difference",
      ratio: 1,
      notes: ["non_positive_values"],
    });
    expect(assess(t, [{ year: 2023, value: 7 }]).status).toBe("achieved");
  });
  it("increment per year compares yearly differences", () => {
    const t = target({ kind: "increment_per_year", value: 500, year: 2025, baseline: base(1000, 2020) });
    const a = assess(t, [{ year: 2023, value: 2200 }]);
    expect(a).toMatchObject({
      status: "at_risk",
      measure: "difference",
      goal: 3500,
      achievedRate: 400,
      requiredRate: 650,
    });
  });
});

describe("assess: ranges", () => {
  const t = target({ kind: "range", low: 65, high: 70, unit: "%", baseline: base(50, 2020) });
  it("inside the band is achieved", () => {
    expect(assess(t, [{ year: 2025, value: 66 }]).status).toBe("achieved");
  });
  it("on the band's lower path is on track toward the lower edge", () => {
    expect(assess(t, [{ year: 2025, value: 57.5 }])).toMatchObject({
      status: "on_track",
      goal: 65,
      ratio: 1,
    });
  });
  it("past the whole band is off track", () => {
    expect(assess(t, [{ year: 2025, value: 75 }])).toMatchObject({
      status: "off_track",
      goal: 70,
      notes: ["overshot_range"],
    });
  });
  it("leaving a band held at the start is deteriorating", () => {
    const held = target({ kind: "range", low: 65, high: 70, unit: "%", baseline: base(67, 2020) });
    expect(assess(held, [{ year: 2022, value: 72 }])).toMatchObject({
      status: "deteriorating",
      direction: "hold",
      goal: 70,
    });
  });
});

describe("assess: missing and degenerate input", () => {
  it("no values at all", () => {
    expect(assess(target({ kind: "min", value: 50 }), [])).toMatchObject({
      status: "insufficient_data",
      start: null,
      forecast: null,
      notes: ["no_start"],
    });
  });
  it("a missing baseline uses the first observation", () => {
    const t = target({ kind: "min", value: 50, unit: "%" });
    const a = assess(t, [
      { year: 2025, value: 45 },
      { year: 2021, value: 40 },
    ]);
    expect(a).toMatchObject({ status: "on_track", start: { year: 2021, value: 40 }, ratio: 1.25 });
    expect(a.notes).toEqual(["baseline_from_observation"]);
  });
  it("one value is not enough to judge a pace", () => {
    const t = target({ kind: "min", value: 50, baseline: base(40, 2020) });
    expect(assess(t, [])).toMatchObject({ status: "insufficient_data", notes: ["no_elapsed_time"] });
    expect(assess(t, [{ year: 2020, value: 41 }]).status).toBe("insufficient_data");
  });
  it("a zero baseline cannot grow by a rate", () => {
    const t = target({ kind: "growth_per_year", value: 10, baseline: base(0, 2020) });
    expect(assess(t, [{ year: 2022, value: 5 }])).toMatchObject({
      status: "insufficient_data",
      notes: ["zero_baseline"],
    });
  });
  it("no target year", () => {
    const growth = target({ kind: "growth_per_year", value: 10, year: null, baseline: base(10, 2020) });
    expect(assess(growth, [{ year: 2022, value: 12 }]).notes).toEqual(["no_target_year"]);
    const min = target({ kind: "min", value: 50, year: null, baseline: base(10, 2020) });
    expect(assess(min, [{ year: 2022, value: 12 }])).toMatchObject({
      status: "insufficient_data",
      notes: ["no_target_year"],
    });
    expect(assess(min, [{ year: 2022, value: 60 }]).status).toBe("achieved");
  });
  it("no target value", () => {
    expect(assess(target({ kind: "min", baseline: base(1, 2020) }), []).notes).toEqual(["no_target_value"]);
  });
  it("a growth target year not after the start", () => {
    const t = target({ kind: "growth_per_year", value: 10, year: 2020, baseline: base(10, 2020) });
    expect(assess(t, [{ year: 2021, value: 11 }]).notes).toEqual(["target_year_not_after_start"]);
  });
  it("past the target year without reaching it", () => {
    const t = target({ kind: "min", value: 50, unit: "%", year: 2025, baseline: base(40, 2020) });
    expect(assess(t, [{ year: 2026, value: 48 }])).toMatchObject({
      status: "off_track",
      requiredRate: null,
      notes: ["target_year_passed"],
    });
    expect(assess(t, [{ year: 2025, value: 38 }]).status).toBe("deteriorating");
  });
  it("ignores non-finite values and fractional years; a later entry for a year wins", () => {
    const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
    const a = assess(t, [
      { year: 2025, value: 41 },
      { year: 2025, value: 45 },
      { year: 2026, value: Number.NaN },
      { year: 2026.5, value: 99 },
    ]);
    expect(a).toMatchObject({ latest: { year: 2025, value: 45 }, ratio: 1 });
  });
  it("observations before the baseline year are history", () => {
    const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
    expect(assess(t, [{ year: 2018, value: 10 }]).status).toBe("insufficient_data");
  });
});

describe("forecast", () => {
  it("is linear for linear kinds", () => {
    const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
    const f = forecast(t, [
      { year: 2021, value: 41 },
      { year: 2022, value: 42 },
    ]);
    expect(f).toMatchObject({ year: 2030, method: "linear", points: 3, meetsTarget: true });
    expect(f?.value).toBeCloseTo(50, 10);
  });
  it("a deteriorating series is forecast to miss", () => {
    const t = target({ kind: "min", value: 50, unit: "%", baseline: base(40, 2020) });
    const f = forecast(t, [
      { year: 2021, value: 39 },
      { year: 2022, value: 38 },
    ]);
    expect(f?.value).toBeCloseTo(30, 10);
    expect(f?.meetsTarget).toBe(false);
  });
  it("is log-linear for compound kinds", () => {
    const t = target({ kind: "growth_per_year", value: 10, year: 2025, baseline: base(100, 2020) });
    const f = forecast(t, [
      { year: 2021, value: 110 },
      { year: 2022, value: 121 },
    ]);
    expect(f?.method).toBe("log_linear");
    expect(f?.value).toBeCloseTo(161.051, 8);
    expect(f?.meetsTarget).toBe(true);
  });
  it("falls back to linear when a compound series touches zero", () => {
    const t = target({ kind: "multiple_of_baseline", value: 2, year: 2024, baseline: base(0, 2020) });
    const f = forecast(t, [{ year: 2022, value: 4 }]);
    expect(f).toMatchObject({ method: "linear", value: 8, meetsTarget: null });
  });
  it("needs two years and a target year", () => {
    expect(forecast(target({ kind: "min", value: 5, baseline: base(1, 2020) }), [])).toBeNull();
    expect(forecast(target({ kind: "min", value: 5 }), [])).toBeNull();
    expect(
      forecast(target({ kind: "min", value: 5, year: null, baseline: base(1, 2020) }), [
        { year: 2021, value: 2 },
      ]),
    ).toBeNull();
  });
  it("assess carries the forecast", () => {
    const t = target({ kind: "max", value: 2, unit: "%", baseline: base(6, 2020) });
    expect(assess(t, [{ year: 2025, value: 4 }]).forecast).toMatchObject({ value: 2, meetsTarget: true });
  });
});

describe("least squares", () => {
  it("fits an exact line", () => {
    expect(
      fitLine([
        { year: 2020, value: 1 },
        { year: 2022, value: 5 },
      ]),
    ).toEqual({ slope: 2, intercept: -4039 });
  });
  it("fits the least-squares line through scattered points", () => {
    const line = fitLine([
      { year: 0, value: 1 },
      { year: 1, value: 3 },
      { year: 2, value: 2 },
    ]);
    expect(line).toEqual({ slope: 0.5, intercept: 1.5 });
  });
  it("needs two distinct years", () => {
    expect(fitLine([])).toBeNull();
    expect(
      fitLine([
        { year: 2020, value: 1 },
        { year: 2020, value: 2 },
      ]),
    ).toBeNull();
  });
  it("log-linear refuses values at or below zero", () => {
    expect(
      trendAt(
        [
          { year: 0, value: -1 },
          { year: 1, value: 2 },
        ],
        2,
        "log_linear",
      ),
    ).toBeNull();
  });
});
