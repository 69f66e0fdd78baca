// District-level units (huyện, thị xã, thành phố thuộc tỉnh) of Quảng Ngãi, Hậu Giang and Bình Định
// as they stood in 2024, with their official (GSO) codes. The district level was abolished from
// 1 July 2025 (two-level local government: Nghị quyết 203/2025/QH15 amending the Constitution and the
// Luật Tổ chức chính quyền địa phương 2025, both in force from 1 July 2025), so every unit ends on
// 30 June 2025 and names as successor the new province its territory fell into (Nghị quyết
// 202/2025/QH15): Quảng Ngãi → the new Quảng Ngãi, Hậu Giang → Cần Thơ, Bình Định → Gia Lai.
//
// validFrom is left open: these are the units as 2024 documents name them. Earlier changes (Tây Trà
// merged into Trà Bồng, Đức Phổ and Hoài Nhơn becoming thị xã, Ngã Bảy becoming a city, all in 2020)
// are not represented.
import { LAST_DAY_BEFORE_2025, provinceByCode } from "./provinces.ts";
import { aliasesFor, type OrgSeed } from "./types.ts";

/** huyện, thị xã, or thành phố thuộc tỉnh. */
export type DistrictType = "district" | "town" | "provincial_city";

export interface DistrictRecord extends OrgSeed {
  /** The official (GSO) code, three digits. */
  gsoCode: string;
  shortName: string;
  type: DistrictType;
  /** The province record it belonged to. */
  provinceCode: string;
}

const TYPE_WORD: Record<DistrictType, string> = {
  district: "huyện",
  town: "thị xã",
  provincial_city: "thành phố",
};

type Row = readonly [gsoCode: string, shortName: string, type: DistrictType];

/** Province code (2024) → its district-level units in 2024, and the province they fell into in 2025. */
const DISTRICTS_2024: readonly { province: string; successor: string; units: readonly Row[] }[] = [
  {
    // 13 units: 1 city, 1 town, 11 districts (Tây Trà, code 526, was merged into Trà Bồng in 2020)
    province: "P51",
    successor: "P51.2025",
    units: [
      ["522", "Quảng Ngãi", "provincial_city"],
      ["524", "Bình Sơn", "district"],
      ["525", "Trà Bồng", "district"],
      ["527", "Sơn Tịnh", "district"],
      ["528", "Tư Nghĩa", "district"],
      ["529", "Sơn Hà", "district"],
      ["530", "Sơn Tây", "district"],
      ["531", "Minh Long", "district"],
      ["532", "Nghĩa Hành", "district"],
      ["533", "Mộ Đức", "district"],
      ["534", "Đức Phổ", "town"],
      ["535", "Ba Tơ", "district"],
      ["536", "Lý Sơn", "district"],
    ],
  },
  {
    // 11 units: 1 city, 2 towns, 8 districts
    province: "P52",
    successor: "P52.2025",
    units: [
      ["540", "Quy Nhơn", "provincial_city"],
      ["542", "An Lão", "district"],
      ["543", "Hoài Nhơn", "town"],
      ["544", "Hoài Ân", "district"],
      ["545", "Phù Mỹ", "district"],
      ["546", "Vĩnh Thạnh", "district"],
      ["547", "Tây Sơn", "district"],
      ["548", "Phù Cát", "district"],
      ["549", "An Nhơn", "town"],
      ["550", "Tuy Phước", "district"],
      ["551", "Vân Canh", "district"],
    ],
  },
  {
    // 8 units: 2 cities, 1 town, 5 districts (Long Mỹ is both a town, 937, and a district, 936)
    province: "P93",
    successor: "P92.2025",
    units: [
      ["930", "Vị Thanh", "provincial_city"],
      ["931", "Ngã Bảy", "provincial_city"],
      ["932", "Châu Thành A", "district"],
      ["933", "Châu Thành", "district"],
      ["934", "Phụng Hiệp", "district"],
      ["935", "Vị Thủy", "district"],
      ["936", "Long Mỹ", "district"],
      ["937", "Long Mỹ", "town"],
    ],
  },
];

/** The forms a document uses to name a district-level unit; never the bare name (Long Mỹ is two units). */
export function districtPlaceForms(shortName: string, type: DistrictType): string[] {
  const word = TYPE_WORD[type];
  if (type === "provincial_city") return [`${word} ${shortName}`, `TP ${shortName}`, `TP. ${shortName}`];
  if (type === "town") return [`${word} ${shortName}`, `TX ${shortName}`, `TX. ${shortName}`];
  return [`${word} ${shortName}`];
}

function buildDistricts(): DistrictRecord[] {
  return DISTRICTS_2024.flatMap(({ province, successor, units }) => {
    if (!provinceByCode(province) || !provinceByCode(successor))
      throw new Error(`unknown province ${province} or ${successor}`);
    return units.map(([gsoCode, shortName, type]): DistrictRecord => {
      const word = TYPE_WORD[type];
      const name = `${word[0]?.toUpperCase()}${word.slice(1)} ${shortName}`;
      return {
        code: `${province}-D${gsoCode}`,
        name,
        kind: "administrative_unit",
        level: "district",
        parentCode: province,
        validFrom: null,
        validTo: LAST_DAY_BEFORE_2025,
        successorCodes: [successor],
        aliases: aliasesFor(name, districtPlaceForms(shortName, type)),
        gsoCode,
        shortName,
        type,
        provinceCode: province,
      };
    });
  });
}

/** The district-level units of Quảng Ngãi, Bình Định and Hậu Giang in 2024, by province then code. */
export const DISTRICTS: readonly DistrictRecord[] = buildDistricts();

/** The district-level units of the province record `provinceCode` (only the three provinces above). */
export function districtsOf(provinceCode: string): DistrictRecord[] {
  return DISTRICTS.filter((d) => d.provinceCode === provinceCode);
}
