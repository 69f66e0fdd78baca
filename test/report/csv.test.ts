// The CSV export's numbers read back by the indicator import as the numbers they are.
import { describe, expect, it } from "vitest";
import { sheetNumber } from "../../src/server/indicators/import.ts";
import { plainNumber } from "../../src/server/report-exports/csv.ts";

describe("numbers in CSV exports", () => {
  it("a number with three decimals gets a fourth, so the import does not read a thousands dot", () => {
    expect(plainNumber(2.125)).toBe("2.1250");
    expect(plainNumber(68.6)).toBe("68.6");
    expect(plainNumber(1200)).toBe("1200");
    expect(plainNumber(-0.125)).toBe("-0.1250");
  });

  it("every such number reads back through the indicator import unchanged", () => {
    for (const n of [2.125, 1.25, 1250.5, 68.6, 1200, 0.75, 12.345, 1234.567, -3.5, 0])
      expect(sheetNumber(plainNumber(n))).toBe(n);
  });
});
