// The official form's rules: issuer lines, signing forms, symbols, the place-and-date line, numbers,
// headings and periods written the Vietnamese way.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/period.ts";
import {
  defaultSigner,
  draftSymbol,
  issuerCodeOf,
  issuerLines,
  issuerName,
  percent,
  periodName,
  placeDateLine,
  roman,
  systemOf,
  vietnameseNumber,
} from "../../src/domain/report-layout.ts";

const tinhUy = { name: "Tỉnh ủy Quảng Ngãi", kind: "party_committee" };
const ubnd = { name: "Ủy ban nhân dân tỉnh Quảng Ngãi", kind: "peoples_committee" };

describe("issuer lines", () => {
  it("a standing board issues in its committee's name", () => {
    const body = { name: "Ban Thường vụ Tỉnh ủy Quảng Ngãi", kind: "party_standing_board", parent: tinhUy };
    expect(issuerLines(body)).toEqual(["TỈNH ỦY QUẢNG NGÃI"]);
    expect(issuerName(body)).toBe("Tỉnh ủy Quảng Ngãi");
  });

  it("a board or a department stands under its parent, its name shortened by the words they share", () => {
    expect(
      issuerLines({
        name: "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ngãi",
        kind: "party_board",
        parent: tinhUy,
      }),
    ).toEqual(["TỈNH ỦY QUẢNG NGÃI", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]);
    expect(
      issuerLines({ name: "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", kind: "department", parent: ubnd }),
    ).toEqual(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
  });

  it("a body on its own heads the page with its own name", () => {
    expect(issuerLines({ ...ubnd, parent: null })).toEqual(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"]);
    // one shared word is no parent's name
    expect(
      issuerLines({
        name: "Sở Nội vụ Hà Nội",
        kind: "department",
        parent: { name: "UBND Đà Nẵng", kind: "x" },
      }),
    ).toEqual(["UBND ĐÀ NẴNG", "SỞ NỘI VỤ HÀ NỘI"]);
  });
});

describe("signing and symbols", () => {
  it("collectives sign on behalf, heads of departments in person", () => {
    expect(defaultSigner({ ...tinhUy, parent: null })).toEqual({
      authority: "T/M BAN THƯỜNG VỤ",
      role: "BÍ THƯ",
      name: "",
    });
    expect(defaultSigner({ ...ubnd, parent: null }).authority).toBe("TM. ỦY BAN NHÂN DÂN");
    expect(defaultSigner({ name: "Sở", kind: "department", parent: null })).toEqual({
      authority: "",
      role: "GIÁM ĐỐC",
      name: "",
    });
  });

  it.each([
    ["215-CTr/TU", "party", "TU"],
    ["48-CV/ĐU", "party", "ĐU"],
    ["726/KH-UBND", "state", "UBND"],
    ["5973/UBND-KT", "state", "UBND"],
    ["06/2024/QĐ-UBND", "state", "UBND"],
    ["30/2020/NĐ-CP", "state", "CP"],
    [null, "state", null],
  ] as const)("the issuer's code of %s is %s", (symbol, system, code) => {
    expect(issuerCodeOf(symbol, system)).toBe(code);
  });

  it("a draft's symbol leaves the number blank, in each system's form", () => {
    expect(draftSymbol("party", "TU")).toBe("Số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/TU");
    expect(draftSymbol("state", "UBND")).toBe("Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND");
    expect(draftSymbol("state", null)).toBe("Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC");
  });

  it("kinds tell the system", () => {
    expect(systemOf("party_board")).toBe("party");
    expect(systemOf("department")).toBe("state");
  });
});

describe("words and numbers", () => {
  it("the place-and-date line pads days below 10 and months below 3", () => {
    expect(placeDateLine("Quảng Ngãi", "2026-11-24")).toBe("Quảng Ngãi, ngày 24 tháng 11 năm 2026");
    expect(placeDateLine("Huế", "2026-02-05")).toBe("Huế, ngày 05 tháng 02 năm 2026");
    expect(placeDateLine("Huế", "2026-03-09")).toBe("Huế, ngày 09 tháng 3 năm 2026");
    expect(placeDateLine("", "2026-03-09")).toBe("ngày 09 tháng 3 năm 2026");
  });

  it("numbers group thousands with a dot and decimals after a comma", () => {
    expect(vietnameseNumber(0, 0)).toBe("0");
    expect(vietnameseNumber(10, 0)).toBe("10");
    expect(vietnameseNumber(1200)).toBe("1.200");
    expect(vietnameseNumber(1234567.25, 2)).toBe("1.234.567,25");
    expect(vietnameseNumber(68.6)).toBe("68,6");
    expect(vietnameseNumber(-0.04)).toBe("0");
    expect(percent(1 / 3)).toBe("33,3%");
    expect(percent(1)).toBe("100%");
    expect(percent(null)).toBe("–");
  });

  it("headings count in Roman numerals", () => {
    expect([1, 2, 3, 4, 5, 6, 9, 14, 40].map(roman)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "IX",
      "XIV",
      "XL",
    ]);
  });

  it.each([
    ["2026", "năm 2026"],
    ["2026-H1", "6 tháng đầu năm 2026"],
    ["2026-H2", "6 tháng cuối năm 2026"],
    ["2025-Q3", "quý III năm 2025"],
    ["2025-07", "tháng 7 năm 2025"],
  ])("period %s reads %s", (key, words) => {
    expect(periodName(parsePeriod(key) as NonNullable<ReturnType<typeof parsePeriod>>)).toBe(words);
  });
});
