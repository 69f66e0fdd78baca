// The standard bodies of a province, a district and a commune: what exists when, who took over from
// whom, and the names documents use.
import { describe, expect, it } from "vitest";
import { communeBodies, districtBodies, provinceBodies, standardBodies } from "../../src/reference/bodies.ts";
import { districtsOf } from "../../src/reference/districts.ts";
import { provinceByCode } from "../../src/reference/provinces.ts";
import { type OrgSeed, spellings, validOn, withTonePlacement } from "../../src/reference/types.ts";

function unit(code: string): OrgSeed {
  const u = provinceByCode(code);
  if (!u) throw new Error(code);
  return u;
}

function byKey(bodies: OrgSeed[], unitCode: string): Map<string, OrgSeed> {
  return new Map(bodies.map((b) => [b.code.slice(unitCode.length + 1), b]));
}

function namesOf(b: OrgSeed | undefined): string[] {
  return b ? [b.name, ...b.aliases] : [];
}

describe("a province that went on unchanged (Thanh Hóa)", () => {
  const bodies = byKey(provinceBodies(unit("P38")), "P38");
  const get = (k: string) => bodies.get(k) as OrgSeed;

  it("merges the propaganda and mass-mobilisation boards on 1 March 2025, linked both ways", () => {
    for (const k of ["TU-BTG", "TU-BDV"]) {
      expect(get(k).validTo).toBe("2025-02-28");
      expect(get(k).successorCodes).toEqual(["P38-TU-BTGDV"]);
    }
    expect(get("TU-BTGDV").validFrom).toBe("2025-03-01");
    expect(get("TU-BTGDV").validTo).toBeNull();
    const predecessors = [...bodies.values()].filter((b) => b.successorCodes.includes("P38-TU-BTGDV"));
    expect(predecessors.map((b) => b.code).sort()).toEqual(["P38-TU-BDV", "P38-TU-BTG"]);
  });

  it("replaces the cadre committee and delegations by the new Party committees", () => {
    expect(get("BCSD-UBND").kind).toBe("party_cadre_committee");
    expect(get("BCSD-UBND").successorCodes).toEqual(["P38-DU-UBND"]);
    expect(get("DD-HDND").kind).toBe("party_delegation");
    expect(get("DD-HDND").successorCodes).toEqual(["P38-DU-CQD"]);
    expect(get("DU-UBND").validFrom).toBe("2025-03-01");
    expect(get("DU-CQD").validFrom).toBe("2025-03-01");
    expect(get("DU-UBND").name).toBe("Đảng ủy Ủy ban nhân dân tỉnh Thanh Hóa");
  });

  it("merges the departments in March 2025 and keeps the others", () => {
    const merges: [string, string][] = [
      ["SKHDT", "STC"],
      ["SLDTBXH", "SNV"],
      ["SNNPTNT", "SNNMT"],
      ["STNMT", "SNNMT"],
      ["SGTVT", "SXD"],
      ["STTTT", "SKHCN"],
    ];
    for (const [from, to] of merges) {
      expect(get(from).validTo, from).toBe("2025-02-28");
      expect(get(from).successorCodes, from).toEqual([`P38-${to}`]);
      expect(validOn(get(to), "2025-03-01"), to).toBe(true);
    }
    expect(get("SNNMT").validFrom).toBe("2025-03-01");
    expect(get("SNNMT").name).toBe("Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa");
    for (const k of ["STC", "SNV", "SXD", "SKHCN", "STP", "SCT", "SGDDT", "SYT", "SVHTTDL", "TTR", "VPUB"]) {
      expect(get(k).validTo, k).toBeNull();
      expect(get(k).parentCode, k).toBe("P38-UBND");
      expect(get(k).kind, k).toBe("department");
    }
  });

  it("merges the newspaper and the radio-television station in 2025", () => {
    expect(get("BAO").name).toBe("Báo Thanh Hóa");
    expect(get("PTTH").name).toBe("Đài Phát thanh và Truyền hình Thanh Hóa");
    expect(get("BAO").successorCodes).toEqual(["P38-BAO-PTTH"]);
    expect(get("PTTH").successorCodes).toEqual(["P38-BAO-PTTH"]);
    expect(get("BAO-PTTH").validFrom).toBe("2025-07-01");
  });

  it("places bodies under their parents", () => {
    expect(get("TU").parentCode).toBe("P38");
    expect(get("TU-BTV").parentCode).toBe("P38-TU");
    expect(get("TU-BTV").kind).toBe("party_standing_board");
    expect(get("TU-TT").kind).toBe("party_standing_office");
    expect(get("TU-UBKT").kind).toBe("party_inspection");
    expect(get("TU-VP").kind).toBe("party_office");
    expect(get("HDND").kind).toBe("peoples_council");
    expect(get("UBND").kind).toBe("peoples_committee");
    expect(get("MTTQ").kind).toBe("fatherland_front");
    for (const k of ["DTN", "HLHPN", "HND", "HCCB", "LDLD"]) expect(get(k).kind, k).toBe("socio_political");
  });
});

describe("the names documents use", () => {
  const bodies = byKey(provinceBodies(unit("P51")), "P51");
  const names = (k: string) => namesOf(bodies.get(k));

  it.each([
    ["UBND", ["Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "UBND tỉnh", "UBND tỉnh Quảng Ngãi"]],
    ["TU", ["Tỉnh ủy", "Tỉnh uỷ", "Tỉnh ủy Quảng Ngãi", "Ban Chấp hành Đảng bộ tỉnh"]],
    ["TU-BTV", ["BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ Quảng Ngãi"]],
    ["TU-TT", ["Thường trực Tỉnh ủy"]],
    ["DTN", ["BTV Tỉnh Đoàn", "Tỉnh đoàn", "Tỉnh đoàn Quảng Ngãi"]],
    ["MTTQ", ["MTTQ tỉnh", "Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi"]],
    ["HDND", ["HĐND tỉnh", "Hội đồng nhân dân tỉnh Quảng Ngãi"]],
    ["SKHCN", ["Sở KH&CN", "Sở Khoa học và Công nghệ", "Sở KH&CN tỉnh Quảng Ngãi"]],
    ["SVHTTDL", ["Sở Văn hoá, Thể thao và Du lịch", "Sở VH,TT&DL"]],
    ["TU-BTG", ["Ban Tuyên giáo Tỉnh ủy", "BTGTU"]],
    ["BCSD-UBND", ["Ban cán sự đảng UBND tỉnh"]],
    ["PTTH", ["Đài PT-TH Quảng Ngãi"]],
  ])("%s is also written %j", (key, expected) => {
    for (const e of expected) expect(names(key), e).toContain(e);
  });

  it("writes a centrally run city with its own words", () => {
    const hcm = byKey(provinceBodies(unit("P79.2025")), "P79.2025");
    expect(hcm.get("TU")?.name).toBe("Thành ủy Thành phố Hồ Chí Minh");
    expect(namesOf(hcm.get("TU"))).toContain("Thành ủy TP.HCM");
    expect(namesOf(hcm.get("UBND"))).toContain("UBND Thành phố");
    expect(namesOf(hcm.get("DTN"))).toContain("Thành đoàn TP.HCM");
    expect(hcm.has("SVHTTDL")).toBe(false);
    expect(hcm.get("SDL")?.name).toBe("Sở Du lịch Thành phố Hồ Chí Minh");
    const hanoi = byKey(provinceBodies(unit("P01")), "P01");
    expect(hanoi.get("TU")?.name).toBe("Thành ủy Hà Nội");
    expect(hanoi.get("UBND")?.name).toBe("Ủy ban nhân dân thành phố Hà Nội");
    expect(hanoi.get("BAO")?.name).toBe("Báo Hà Nội Mới");
  });
});

describe("a merged province", () => {
  it("ends every body of a member on 30 June 2025 and hands it to the new province's body", () => {
    for (const member of ["P51", "P62"]) {
      for (const b of provinceBodies(unit(member))) {
        expect(b.validTo, b.code).not.toBeNull();
        expect((b.validTo ?? "") <= "2025-06-30", b.code).toBe(true);
        if (b.validTo === "2025-06-30") {
          expect(b.successorCodes.length, b.code).toBeGreaterThan(0);
          for (const s of b.successorCodes) expect(s.startsWith("P51.2025-"), `${b.code} → ${s}`).toBe(true);
        }
      }
    }
    const kontum = byKey(provinceBodies(unit("P62")), "P62");
    expect(kontum.get("UBND")?.successorCodes).toEqual(["P51.2025-UBND"]);
    expect(kontum.get("TU-BTGDV")?.successorCodes).toEqual(["P51.2025-TU-BTGDV"]);
    expect(kontum.get("BAO")?.successorCodes).toEqual(["P51.2025-BAO-PTTH"]);
  });

  it("gives the new province only the bodies of after the reform", () => {
    const merged = byKey(provinceBodies(unit("P51.2025")), "P51.2025");
    for (const k of [
      "TU-BTG",
      "TU-BDV",
      "BCSD-UBND",
      "DD-HDND",
      "SKHDT",
      "STNMT",
      "SGTVT",
      "STTTT",
      "BAO",
      "PTTH",
    ])
      expect(merged.has(k), k).toBe(false);
    for (const b of merged.values()) expect(b.validFrom, b.code).toBe("2025-07-01");
    expect(merged.get("TU")?.name).toBe("Tỉnh ủy Quảng Ngãi");
  });

  it("follows Thừa Thiên Huế's boards into Thành phố Huế and then into the merged board", () => {
    const tth = byKey(provinceBodies(unit("P46")), "P46");
    expect(tth.get("TU-BTG")?.validTo).toBe("2024-12-31");
    expect(tth.get("TU-BTG")?.successorCodes).toEqual(["P46.2025-TU-BTG"]);
    const hue = byKey(provinceBodies(unit("P46.2025")), "P46.2025");
    expect(hue.get("TU")?.name).toBe("Thành ủy Huế");
    expect(hue.get("TU-BTG")?.validFrom).toBe("2025-01-01");
    expect(hue.get("TU-BTG")?.successorCodes).toEqual(["P46.2025-TU-BTGDV"]);
  });

  it("sends Hồ Chí Minh City's members' departments to the city's own", () => {
    const binhDuong = byKey(provinceBodies(unit("P74")), "P74");
    expect(binhDuong.get("SVHTTDL")?.successorCodes).toEqual(["P79.2025-SVHTT", "P79.2025-SDL"]);
    expect(binhDuong.get("PTTH")?.successorCodes).toEqual(["P79.2025-HTV"]);
  });
});

describe("a district-level unit (2024)", () => {
  const [city, town, rural] = ["P51-D522", "P51-D534", "P51-D524"].map((code) => {
    const d = districtsOf("P51").find((x) => x.code === code) as OrgSeed;
    return byKey(districtBodies(d), code);
  }) as [Map<string, OrgSeed>, Map<string, OrgSeed>, Map<string, OrgSeed>];

  it("names the Party committee by the unit's type", () => {
    expect(city.get("HU")?.name).toBe("Thành ủy Quảng Ngãi");
    expect(town.get("HU")?.name).toBe("Thị ủy Đức Phổ");
    expect(rural.get("HU")?.name).toBe("Huyện ủy Bình Sơn");
    expect(namesOf(rural.get("HU-BTV"))).toContain("BTV Huyện ủy");
    expect(namesOf(rural.get("UBND"))).toContain("UBND huyện Bình Sơn");
    expect(namesOf(town.get("UBND"))).toContain("UBND TX Đức Phổ");
    expect(namesOf(rural.get("DTN"))).toContain("Huyện đoàn");
    expect(namesOf(rural.get("MTTQ"))).toContain("MTTQ huyện");
  });

  it("has the economic departments of a rural district or of a town", () => {
    expect(rural.has("P-NNPTNT") && rural.has("P-KTHT")).toBe(true);
    expect(rural.has("P-KT") || rural.has("P-QLDT")).toBe(false);
    expect(city.has("P-KT") && city.has("P-QLDT")).toBe(true);
    expect(town.get("P-QLDT")?.name).toBe("Phòng Quản lý đô thị thị xã Đức Phổ");
    for (const k of ["VP", "P-NV", "P-TP", "P-TCKH", "P-VHTT", "P-GDDT", "P-TNMT", "P-LDTBXH", "P-YT", "TTR"])
      expect(rural.get(k)?.parentCode, k).toBe("P51-D524-UBND");
  });

  it("ends with the district level and hands work to the new province", () => {
    for (const b of rural.values()) expect((b.validTo ?? "") <= "2025-06-30", b.code).toBe(true);
    expect(rural.get("HU")?.successorCodes).toEqual(["P51.2025-TU"]);
    expect(rural.get("UBND")?.successorCodes).toEqual(["P51.2025-UBND"]);
    expect(rural.get("P-TCKH")?.successorCodes).toEqual(["P51.2025-STC"]);
    expect(rural.get("P-TNMT")?.successorCodes).toEqual(["P51.2025-SNNMT"]);
    expect(rural.get("HU-BTG")?.successorCodes).toEqual(["P51-D524-HU-BTGDV"]);
    expect(rural.get("HU-BTGDV")?.successorCodes).toEqual(["P51.2025-TU-BTGDV"]);
  });
});

describe("a commune-level unit (from 1 July 2025)", () => {
  const commune = (name: string): OrgSeed => ({
    code: "TEST-C1",
    name,
    kind: "administrative_unit",
    level: "commune",
    parentCode: "P51.2025",
    validFrom: "2025-07-01",
    validTo: null,
    successorCodes: [],
    aliases: [],
  });

  it("has a Party committee, council, committee, front and three departments", () => {
    const xa = byKey(communeBodies(commune("Xã Bình Sơn")), "TEST-C1");
    expect(xa.get("DU")?.name).toBe("Đảng ủy xã Bình Sơn");
    expect(namesOf(xa.get("UBND"))).toContain("UBND xã");
    expect(namesOf(xa.get("HDND"))).toContain("HĐND xã Bình Sơn");
    expect(namesOf(xa.get("MTTQ"))).toContain("MTTQ xã");
    expect(xa.get("VP")?.name).toBe("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Bình Sơn");
    expect(xa.get("P-KT")?.name).toBe("Phòng Kinh tế xã Bình Sơn");
    expect(xa.get("P-VHXH")?.name).toBe("Phòng Văn hóa - Xã hội xã Bình Sơn");
    for (const b of xa.values()) {
      expect(b.validFrom).toBe("2025-07-01");
      expect(b.level).toBe("commune");
      expect(b.successorCodes).toEqual([]);
    }
  });

  it("gives a ward its urban economic department and names a special zone", () => {
    const phuong = byKey(communeBodies(commune("Phường Cẩm Thành")), "TEST-C1");
    expect(phuong.get("P-KTHTDT")?.name).toBe("Phòng Kinh tế, Hạ tầng và Đô thị phường Cẩm Thành");
    expect(phuong.has("P-KT")).toBe(false);
    const dk = byKey(communeBodies(commune("Đặc khu Lý Sơn")), "TEST-C1");
    expect(dk.get("DU")?.name).toBe("Đảng ủy đặc khu Lý Sơn");
    expect(dk.has("P-KT")).toBe(true);
  });

  it("refuses a unit whose type it cannot tell, or a generator of the wrong level", () => {
    expect(() => standardBodies(commune("Thôn Một"))).toThrow(/cannot tell/);
    expect(() => provinceBodies(commune("Xã Bình Sơn"))).toThrow(/not a province/);
  });
});

describe("tone placement", () => {
  it("moves the tone in open oa, oe, uy syllables only", () => {
    expect(withTonePlacement("Ủy ban nhân dân tỉnh Khánh Hòa", false)).toBe("Uỷ ban nhân dân tỉnh Khánh Hoà");
    expect(withTonePlacement("Uỷ ban Thanh Hoá", true)).toBe("Ủy ban Thanh Hóa");
    expect(withTonePlacement("quý hoàng khuyến", false)).toBe("quý hoàng khuyến");
    expect(withTonePlacement("ỦY BAN", false)).toBe("UỶ BAN");
    expect(spellings(["Tỉnh ủy"])).toEqual(["Tỉnh ủy", "Tỉnh uỷ"]);
  });
});
