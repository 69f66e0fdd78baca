// The whole reference list holds together: unique codes, parents and successors that exist, validity
// intervals that follow each other, and no name that means two bodies at once within a province.
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/domain/names.ts";
import { referenceOrganisations } from "../../src/reference/catalogue.ts";
import { nextDay, type OrgSeed, validOn } from "../../src/reference/types.ts";

const all = referenceOrganisations();
const byCode = new Map(all.map((o) => [o.code, o]));

function overlap(a: OrgSeed, b: OrgSeed): boolean {
  return (
    (a.validTo === null || b.validFrom === null || b.validFrom <= a.validTo) &&
    (b.validTo === null || a.validFrom === null || a.validFrom <= b.validTo)
  );
}

/** The nearest administrative unit at or above `o`, and the province above that ("central" for none). */
function units(o: OrgSeed): { unit: OrgSeed | null; province: string } {
  let unit: OrgSeed | null = null;
  for (let cur: OrgSeed | undefined = o, guard = 0; cur && guard < 10; guard++) {
    if (cur.kind === "administrative_unit") {
      unit ??= cur;
      if (cur.level === "province") return { unit, province: cur.code };
    }
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return { unit, province: "central" };
}

describe("the reference catalogue", () => {
  it("has the expected size and is deterministic", () => {
    expect(referenceOrganisations()).toEqual(all);
    const provinces = all.filter((o) => o.kind === "administrative_unit" && o.level === "province");
    expect(provinces).toHaveLength(63 + 1 + 23); // 63, Thành phố Huế, 23 merged
    expect(provinces.filter((p) => validOn(p, "2024-06-01"))).toHaveLength(63);
    expect(provinces.filter((p) => validOn(p, "2026-01-01"))).toHaveLength(34);
    expect(all.filter((o) => o.kind === "administrative_unit" && o.level === "district")).toHaveLength(32);
    expect(all.filter((o) => o.level === "central").length).toBeGreaterThan(50);
  });

  it("has unique codes and no empty names", () => {
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
    for (const o of all) {
      expect(o.name.trim().length, o.code).toBeGreaterThan(0);
      expect(o.name, o.code).toBe(o.name.normalize("NFC"));
      for (const a of o.aliases) expect(a, o.code).toBe(a.normalize("NFC"));
    }
  });

  it("lists every parent before its children, within the parent's validity", () => {
    const seen = new Set<string>();
    for (const o of all) {
      if (o.parentCode !== null) {
        expect(seen.has(o.parentCode), `${o.code} before its parent ${o.parentCode}`).toBe(true);
        const parent = byCode.get(o.parentCode) as OrgSeed;
        if (parent.validFrom !== null) expect((o.validFrom ?? "") >= parent.validFrom, o.code).toBe(true);
        if (parent.validTo !== null)
          expect(o.validTo !== null && o.validTo <= parent.validTo, o.code).toBe(true);
      }
      seen.add(o.code);
    }
  });

  it("keeps validity intervals consistent", () => {
    for (const o of all) {
      if (o.validFrom !== null && o.validTo !== null) expect(o.validFrom <= o.validTo, o.code).toBe(true);
      for (const d of [o.validFrom, o.validTo])
        if (d !== null) expect(d, o.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // a body that ends in these data has someone to take over, unless it was simply dissolved
      if (o.successorCodes.length > 0) expect(o.validTo, o.code).not.toBeNull();
    }
  });

  it("links every predecessor to successors that exist and start the day after it ends", () => {
    let links = 0;
    for (const o of all)
      for (const s of o.successorCodes) {
        links++;
        const succ = byCode.get(s);
        expect(succ, `${o.code} → ${s}`).toBeDefined();
        if (!succ || o.validTo === null) continue;
        const dayAfter = nextDay(o.validTo);
        expect(validOn(succ, dayAfter), `${o.code} → ${s} on ${dayAfter}`).toBe(true);
        // a new body starts exactly the day after; a body that absorbed another was there already
        if (succ.validFrom !== null && succ.validFrom > o.validTo)
          expect(succ.validFrom, `${o.code} → ${s}`).toBe(dayAfter);
      }
    expect(links).toBeGreaterThan(1000);
  });

  it("gives every body that ended on the 2025 reorganisation a successor", () => {
    for (const o of all) {
      if (o.validTo !== "2025-06-30") continue;
      expect(o.successorCodes.length, o.code).toBeGreaterThan(0);
    }
  });

  it("never lets one name mean two bodies at the same time within a province", () => {
    const groups = new Map<string, { o: OrgSeed; unit: OrgSeed | null }[]>();
    for (const o of all) {
      const { unit, province } = units(o);
      const list = groups.get(province) ?? [];
      list.push({ o, unit });
      groups.set(province, list);
    }
    const clashes: string[] = [];
    for (const members of groups.values()) {
      const byKey = new Map<string, { o: OrgSeed; unit: OrgSeed | null }[]>();
      for (const m of members)
        for (const k of new Set([m.o.name, ...m.o.aliases].map(nameKey))) {
          const list = byKey.get(k) ?? [];
          list.push(m);
          byKey.set(k, list);
        }
      for (const [key, list] of byKey)
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i] as { o: OrgSeed; unit: OrgSeed | null };
            const b = list[j] as { o: OrgSeed; unit: OrgSeed | null };
            if (!overlap(a.o, b.o)) continue;
            // "UBND huyện" is said by every district of a province, each about itself: allowed as long
            // as the name carries no place name
            const siblings =
              a.unit !== b.unit &&
              a.unit?.level === "district" &&
              b.unit?.level === "district" &&
              ![a.unit, b.unit].some((u) => key.includes(nameKey((u as OrgSeed).name).replace(/^\S+ /, "")));
            if (!siblings) clashes.push(`${key}: ${a.o.code} / ${b.o.code}`);
          }
    }
    expect(clashes).toEqual([]);
  });

  it("resolves the short forms inside a province to one body at a time", () => {
    const inProvince = (province: string, alias: string, day: string) =>
      all.filter(
        (o) =>
          units(o).province === province &&
          units(o).unit?.level === "province" &&
          validOn(o, day) &&
          [o.name, ...o.aliases].some((a) => nameKey(a) === nameKey(alias)),
      );
    expect(inProvince("P51", "Ban Tuyên giáo Tỉnh ủy", "2024-05-01").map((o) => o.code)).toEqual([
      "P51-TU-BTG",
    ]);
    expect(inProvince("P51", "Uỷ ban nhân dân tỉnh", "2024-05-01").map((o) => o.code)).toEqual(["P51-UBND"]);
    expect(inProvince("P51.2025", "UBND tỉnh", "2026-01-01").map((o) => o.code)).toEqual(["P51.2025-UBND"]);
    expect(inProvince("P51", "Sở KH&ĐT", "2025-03-01")).toEqual([]);
  });

  it("selects provinces with what they merged into", () => {
    const some = referenceOrganisations({ provinces: ["P51", "Hậu Giang"] });
    const codes = new Set(some.map((o) => o.code));
    for (const c of ["TW-BCT", "P51", "P51.2025", "P93", "P92.2025", "P51-D522", "P93-D930-HU"])
      expect(codes.has(c), c).toBe(true);
    for (const c of ["P62", "P92", "P01"]) expect(codes.has(c), c).toBe(false);
    for (const o of some)
      for (const s of o.successorCodes) expect(codes.has(s), `${o.code} → ${s}`).toBe(true);
    expect(
      referenceOrganisations({ provinces: ["Quảng Ngãi"] }).some((o) => o.code === "P51.2025-UBND"),
    ).toBe(true);
    expect(() => referenceOrganisations({ provinces: ["Atlantis"] })).toThrow(/unknown province/);
  });
});

describe("central bodies", () => {
  const get = (code: string) => byCode.get(code) as OrgSeed;

  it("merges the central propaganda and mass-mobilisation boards in 2025", () => {
    expect(get("TW-BTG").successorCodes).toEqual(["TW-BTGDV"]);
    expect(get("TW-BDV").successorCodes).toEqual(["TW-BTGDV"]);
    expect(get("TW-BTGDV").validFrom).toBe(nextDay(get("TW-BTG").validTo as string));
    expect(get("TW-BCSD-CP").successorCodes).toEqual(["TW-DU-CP"]);
    expect(get("TW-DD-QH").successorCodes).toEqual(["TW-DU-QH"]);
  });

  it("has 14 ministries and 3 ministry-level agencies from March 2025", () => {
    const ministries = all.filter(
      (o) =>
        o.level === "central" && o.kind === "department" && o.parentCode === "TW-CP" && o.code !== "TW-VPCP",
    );
    const on = (day: string) => ministries.filter((m) => validOn(m, day));
    expect(on("2024-06-01")).toHaveLength(18 + 3);
    expect(on("2025-03-01")).toHaveLength(14 + 2);
  });

  it("knows the names documents use", () => {
    expect(get("TW-BTG").aliases).toContain("Ban Tuyên giáo TW");
    expect(get("TW-BTG").aliases).toContain("BTGTW");
    expect(get("TW-TTG").aliases).toContain("Thủ tướng");
    expect(get("TW-MTTQ").aliases).toContain("Ủy ban Trung ương MTTQ Việt Nam");
    expect(get("TW-DOAN").aliases).toContain("Trung ương Đoàn");
  });
});
