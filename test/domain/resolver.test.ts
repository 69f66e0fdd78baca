// Group phrases expand to the member bodies at the level they name, valid on the document's date.
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/domain/names.ts";
import { buildDirectory, type DirectoryOrg, resolvePhrase } from "../../src/domain/resolver.ts";

let next = 1;
function org(
  name: string,
  kind: string,
  level: string,
  parent: DirectoryOrg | null,
  validTo: string | null = null,
) {
  const o: DirectoryOrg = {
    id: next++,
    name,
    kind,
    level,
    parentId: parent?.id ?? null,
    validFrom: null,
    validTo,
    aliasKeys: [nameKey(name)],
  };
  return o;
}

const secretariat = org("Ban Bí thư", "party_body", "central", null);
const provinceA = org("Tỉnh Quảng Ngãi", "administrative_unit", "province", null);
const provinceB = org("Thành phố Cần Thơ", "administrative_unit", "province", null);
const provinceC = org("Tỉnh Hậu Giang", "administrative_unit", "province", null, "2025-06-30");
const committeeA = org("Tỉnh ủy Quảng Ngãi", "party_committee", "province", provinceA);
const committeeB = org("Thành ủy Cần Thơ", "party_committee", "province", provinceB);
const committeeC = org("Tỉnh ủy Hậu Giang", "party_committee", "province", provinceC, "2025-06-30");
const district = org("Huyện Bình Sơn", "administrative_unit", "district", provinceA);
const districtCommittee = org("Huyện ủy Bình Sơn", "party_committee", "district", district);
const town = org("Thị xã Đức Phổ", "administrative_unit", "district", provinceA);
const townCommittee = org("Thị ủy Đức Phổ", "party_committee", "district", town);
const dir = buildDirectory([
  secretariat,
  provinceA,
  provinceB,
  provinceC,
  committeeA,
  committeeB,
  committeeC,
  district,
  districtCommittee,
  town,
  townCommittee,
]);

describe("group phrases", () => {
  const central = "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương";

  it("'các tỉnh ủy, thành ủy … trực thuộc Trung ương' names the provincial committees, not the district ones", () => {
    const r = resolvePhrase(dir, central, { issuerId: secretariat.id, date: "2025-08-01" });
    expect(r.status).toBe("group");
    expect(r.ids.sort()).toEqual([committeeA.id, committeeB.id].sort());
  });

  it("keeps a committee dissolved later in a document issued before", () => {
    const r = resolvePhrase(dir, central, { issuerId: secretariat.id, date: "2024-05-02" });
    expect(r.ids.sort()).toEqual([committeeA.id, committeeB.id, committeeC.id].sort());
  });

  it("'các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy' names the district committees of the province", () => {
    const r = resolvePhrase(dir, "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", {
      issuerId: committeeA.id,
      date: "2024-05-02",
    });
    expect(r.status).toBe("group");
    expect(r.ids.sort()).toEqual([districtCommittee.id, townCommittee.id].sort());
  });
});
