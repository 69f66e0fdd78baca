// The provinces before and after 1 July 2025: counts, codes, the merges the glossary lists, and
// names resolved by date.
import { describe, expect, it } from "vitest";
import {
  currentSuccessorsOf,
  PROVINCES,
  predecessorsOf,
  provinceOn,
  provincesOn,
  successorsOf,
} from "../../src/reference/provinces.ts";

// From the glossary (the 2025 reorganisation), written out here independently of the data.
const UNCHANGED = [
  "Hà Nội",
  "Huế",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Cao Bằng",
];
const MERGES: [string, string[]][] = [
  ["Tuyên Quang", ["Hà Giang", "Tuyên Quang"]],
  ["Lào Cai", ["Yên Bái", "Lào Cai"]],
  ["Thái Nguyên", ["Bắc Kạn", "Thái Nguyên"]],
  ["Phú Thọ", ["Vĩnh Phúc", "Phú Thọ", "Hòa Bình"]],
  ["Bắc Ninh", ["Bắc Giang", "Bắc Ninh"]],
  ["Hưng Yên", ["Thái Bình", "Hưng Yên"]],
  ["Hải Phòng", ["Hải Dương", "Hải Phòng"]],
  ["Ninh Bình", ["Hà Nam", "Ninh Bình", "Nam Định"]],
  ["Quảng Trị", ["Quảng Bình", "Quảng Trị"]],
  ["Đà Nẵng", ["Quảng Nam", "Đà Nẵng"]],
  ["Quảng Ngãi", ["Kon Tum", "Quảng Ngãi"]],
  ["Gia Lai", ["Gia Lai", "Bình Định"]],
  ["Khánh Hòa", ["Ninh Thuận", "Khánh Hòa"]],
  ["Lâm Đồng", ["Đắk Nông", "Lâm Đồng", "Bình Thuận"]],
  ["Đắk Lắk", ["Phú Yên", "Đắk Lắk"]],
  ["Thành phố Hồ Chí Minh", ["Bình Dương", "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"]],
  ["Đồng Nai", ["Bình Phước", "Đồng Nai"]],
  ["Tây Ninh", ["Long An", "Tây Ninh"]],
  ["Cần Thơ", ["Sóc Trăng", "Hậu Giang", "Cần Thơ"]],
  ["Vĩnh Long", ["Bến Tre", "Vĩnh Long", "Trà Vinh"]],
  ["Đồng Tháp", ["Tiền Giang", "Đồng Tháp"]],
  ["Cà Mau", ["Bạc Liêu", "Cà Mau"]],
  ["An Giang", ["Kiên Giang", "An Giang"]],
];
const CITIES_2025 = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"];

const BEFORE = "2025-06-30";
const AFTER = "2025-07-01";

describe("counts", () => {
  it("has 63 provinces until 30 June 2025 and 34 from 1 July 2025", () => {
    expect(provincesOn("2024-06-01")).toHaveLength(63);
    expect(provincesOn(BEFORE)).toHaveLength(63);
    expect(provincesOn(AFTER)).toHaveLength(34);
    expect(provincesOn("2026-05-01")).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.validFrom === null)).toHaveLength(63);
  });

  it("leaves the 11 the glossary lists unchanged", () => {
    const unchanged = PROVINCES.filter((p) => p.validTo === null && (p.validFrom ?? "") < AFTER);
    expect(unchanged).toHaveLength(11);
    expect(unchanged.map((p) => p.shortName).sort()).toEqual([...UNCHANGED].sort());
    for (const p of unchanged) expect(p.successorCodes).toEqual([]);
  });

  it("has six centrally run cities from 1 July 2025", () => {
    const cities = provincesOn(AFTER).filter((p) => p.type === "city");
    expect(cities.map((p) => p.shortName).sort()).toEqual([...CITIES_2025].sort());
    expect(cities.map((p) => p.name)).toContain("Thành phố Hồ Chí Minh");
  });
});

describe("official codes", () => {
  it("gives the 63 distinct two-digit codes from Hà Nội 01 to Cà Mau 96", () => {
    const old = provincesOn(BEFORE);
    const codes = old.map((p) => p.gsoCode);
    expect(new Set(codes).size).toBe(63);
    for (const c of codes) expect(c).toMatch(/^\d{2}$/);
    const by = (name: string) => old.find((p) => p.shortName === name)?.gsoCode;
    expect(by("Hà Nội")).toBe("01");
    expect(by("Hà Giang")).toBe("02");
    expect(by("Huế")).toBe("46");
    expect(by("Quảng Ngãi")).toBe("51");
    expect(by("Bình Định")).toBe("52");
    expect(by("Kon Tum")).toBe("62");
    expect(by("Hồ Chí Minh")).toBe("79");
    expect(by("Cần Thơ")).toBe("92");
    expect(by("Hậu Giang")).toBe("93");
    expect(by("Cà Mau")).toBe("96");
  });

  it("gives each merged province the code of one of its members", () => {
    for (const p of provincesOn(AFTER)) {
      const members = predecessorsOf(p.code);
      if (p.validFrom === AFTER) expect(members.map((m) => m.gsoCode)).toContain(p.gsoCode);
    }
    expect(new Set(provincesOn(AFTER).map((p) => p.gsoCode)).size).toBe(34);
  });

  it("keeps codes unique and readable", () => {
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(PROVINCES.length);
    for (const p of PROVINCES) expect(p.code).toMatch(/^P\d{2}(\.2025)?$/);
  });
});

describe("the 2025 merges", () => {
  it.each(MERGES)("%s ← %j", (newName, members) => {
    const merged = provinceOn(AFTER, newName);
    expect(merged, newName).not.toBeNull();
    expect(merged?.validFrom).toBe(AFTER);
    expect(merged?.validTo).toBeNull();
    const olds = members.map((m) => provinceOn(BEFORE, m));
    for (const [i, old] of olds.entries()) {
      expect(old, members[i]).not.toBeNull();
      expect(old?.validTo).toBe(BEFORE);
      expect(old?.successorCodes).toEqual([merged?.code]);
      expect(successorsOf(old?.code ?? "")).toEqual([merged]);
    }
    expect(
      predecessorsOf(merged?.code ?? "")
        .map((p) => p.code)
        .sort(),
    ).toEqual(olds.map((o) => o?.code).sort());
  });

  it("accounts for every one of the 63: 52 merged, 11 unchanged", () => {
    const merged = new Set(MERGES.flatMap(([, members]) => members));
    expect(merged.size).toBe(52);
    expect(merged.size + UNCHANGED.length).toBe(63);
  });
});

describe("names by date", () => {
  it("finds the old Quảng Ngãi in 2024 and the new one in 2026", () => {
    const old = provinceOn("2024-03-15", "tỉnh Quảng Ngãi");
    const merged = provinceOn("2026-03-15", "tỉnh Quảng Ngãi");
    expect(old?.code).toBe("P51");
    expect(merged?.code).toBe("P51.2025");
    expect(old?.validTo).toBe(BEFORE);
    expect(merged?.validFrom).toBe(AFTER);
    expect(provinceOn("2024-03-15", "Quảng Ngãi")?.code).toBe("P51");
    expect(provinceOn("2026-03-15", "TỈNH QUẢNG NGÃI")?.code).toBe("P51.2025");
  });

  it("no longer finds a merged-away province after 1 July 2025, but follows it to its successor", () => {
    expect(provinceOn("2026-01-01", "Kon Tum")).toBeNull();
    expect(currentSuccessorsOf("P62", "2026-01-01").map((p) => p.code)).toEqual(["P51.2025"]);
    expect(currentSuccessorsOf("P62", "2024-01-01").map((p) => p.code)).toEqual(["P62"]);
  });

  it("follows Thừa Thiên Huế to Thành phố Huế on 1 January 2025", () => {
    const tth = provinceOn("2024-12-31", "Thừa Thiên Huế");
    expect(tth?.code).toBe("P46");
    expect(tth?.validTo).toBe("2024-12-31");
    expect(provinceOn("2025-01-01", "Thừa Thiên Huế")).toBeNull();
    const hue = provinceOn("2025-01-01", "thành phố Huế");
    expect(hue?.code).toBe("P46.2025");
    expect(hue?.type).toBe("city");
    expect(successorsOf("P46")).toEqual([hue]);
    expect(provinceOn("2026-01-01", "Huế")?.code).toBe("P46.2025");
    expect(provincesOn("2025-01-01")).toHaveLength(63);
  });

  it("reads case, tone placement and abbreviations", () => {
    expect(provinceOn("2024-01-01", "Khánh Hoà")?.shortName).toBe("Khánh Hòa");
    expect(provinceOn("2024-01-01", "tỉnh Thanh Hoá")?.shortName).toBe("Thanh Hóa");
    expect(provinceOn("2026-01-01", "TP.HCM")?.code).toBe("P79.2025");
    expect(provinceOn("2024-01-01", "TP. Hồ Chí Minh")?.code).toBe("P79");
    expect(provinceOn("2024-01-01", "Bà Rịa-Vũng Tàu")?.gsoCode).toBe("77");
    expect(provinceOn("2024-01-01", "Hồ Chí Minh")).toBeNull();
  });
});
