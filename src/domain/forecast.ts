// Least-squares forecasts of an indicator from the values observed so far: a straight line through
// (year, value), or through (year, ln value) for quantities that grow by a rate. Ordinary least
// squares is what Open SDG and most statistics offices use for a simple "where will we be" figure;
// it needs two distinct years and nothing else, and it is deterministic.

export type YearValue = { year: number; value: number };

export type ForecastMethod = "linear" | "log_linear";

export type Line = { slope: number; intercept: number };

/** The least-squares line value = intercept + slope × year; null with fewer than two distinct years. */
export function fitLine(points: readonly YearValue[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanX) ** 2;
    sxy += (p.year - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * The value the fitted trend gives for `year`. log_linear fits ln(value), so it needs every value
 * above zero; it returns null otherwise, as it does with fewer than two distinct years.
 */
export function trendAt(points: readonly YearValue[], year: number, method: ForecastMethod): number | null {
  if (method === "log_linear") {
    if (points.some((p) => p.value <= 0)) return null;
    const line = fitLine(points.map((p) => ({ year: p.year, value: Math.log(p.value) })));
    return line === null ? null : Math.exp(line.intercept + line.slope * year);
  }
  const line = fitLine(points);
  return line === null ? null : line.intercept + line.slope * year;
}
