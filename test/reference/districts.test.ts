// The district-level units of Quảng Ngãi, Bình Định and Hậu Giang in 2024: complete, typed, ended on
// 30 June 2025 and handed to the province they fell into.
import { describe, expect, it } from "vitest";
import { DISTRICTS, districtsOf } from "../../src/reference/districts.ts";
import { provinceOn } from "../../src/reference/provinces.ts";

// Written out here independently of the data: the units as 2024 documents name them.
const EXPECTED: Record<string, { successor: string; units: string[] }> = {
  "Quảng Ngãi": {
    successor: "Quảng Ngãi",
    units: [
      "Thành phố Quảng Ngãi",
      "Thị xã Đức Phổ",
      "Huyện Bình Sơn",
      "Huyện Sơn Tịnh",
      "Huyện Tư Nghĩa",
      "Huyện Nghĩa Hành",
      "Huyện Mộ Đức",
      "Huyện Ba Tơ",
      "Huyện Minh Long",
      "Huyện Sơn Hà",
      "Huyện Sơn Tây",
      "Huyện Trà Bồng",
      "Huyện Lý Sơn",
    ],
  },
  "Bình Định": {
    successor: "Gia Lai",
    units: [
      "Thành phố Quy Nhơn",
      "Thị xã An Nhơn",
      "Thị xã Hoài Nhơn",
      "Huyện An Lão",
      "Huyện Hoài Ân",
      "Huyện Phù Mỹ",
      "Huyện Phù Cát",
      "Huyện Tây Sơn",
      "Huyện Tuy Phước",
      "Huyện Vân Canh",
      "Huyện Vĩnh Thạnh",
    ],
  },
  "Hậu Giang": {
    successor: "Cần Thơ",
    units: [
      "Thành phố Vị Thanh",
      "Thành phố Ngã Bảy",
      "Thị xã Long Mỹ",
      "Huyện Long Mỹ",
      "Huyện Châu Thành",
      "Huyện Châu Thành A",
      "Huyện Phụng Hiệp",
      "Huyện Vị Thủy",
    ],
  },
};

describe("district-level units of 2024", () => {
  it.each(Object.entries(EXPECTED))("%s is complete", (province, { successor, units }) => {
    const old = provinceOn("2024-06-01", province);
    const next = provinceOn("2025-07-01", successor);
    expect(old).not.toBeNull();
    const districts = districtsOf(old?.code ?? "");
    expect(districts.map((d) => d.name).sort()).toEqual([...units].sort());
    for (const d of districts) {
      expect(d.level).toBe("district");
      expect(d.kind).toBe("administrative_unit");
      expect(d.parentCode).toBe(old?.code);
      expect(d.validTo).toBe("2025-06-30");
      expect(d.successorCodes).toEqual([next?.code]);
      expect(d.code).toBe(`${old?.code}-D${d.gsoCode}`);
    }
  });

  it("counts cities, towns and districts", () => {
    const count = (code: string) => {
      const ds = districtsOf(code);
      return ["provincial_city", "town", "district"].map((t) => ds.filter((d) => d.type === t).length);
    };
    expect(count("P51")).toEqual([1, 1, 11]);
    expect(count("P52")).toEqual([1, 2, 8]);
    expect(count("P93")).toEqual([2, 1, 5]);
  });

  it("uses distinct three-digit official codes within each province's range", () => {
    expect(new Set(DISTRICTS.map((d) => d.gsoCode)).size).toBe(DISTRICTS.length);
    const range: Record<string, [number, number]> = { P51: [522, 536], P52: [540, 551], P93: [930, 937] };
    for (const d of DISTRICTS) {
      const [lo, hi] = range[d.provinceCode] as [number, number];
      expect(Number(d.gsoCode)).toBeGreaterThanOrEqual(lo);
      expect(Number(d.gsoCode)).toBeLessThanOrEqual(hi);
    }
    const quangNgai = districtsOf("P51");
    expect(quangNgai.find((d) => d.shortName === "Bình Sơn")?.gsoCode).toBe("524");
    expect(quangNgai.find((d) => d.shortName === "Lý Sơn")?.gsoCode).toBe("536");
    expect(quangNgai.some((d) => d.shortName === "Tây Trà")).toBe(false);
  });

  it("names the two Long Mỹ apart", () => {
    const longMy = districtsOf("P93").filter((d) => d.shortName === "Long Mỹ");
    expect(longMy.map((d) => d.gsoCode).sort()).toEqual(["936", "937"]);
    expect(longMy[0]?.aliases.some((a) => longMy[1]?.aliases.includes(a))).toBe(false);
  });
});
