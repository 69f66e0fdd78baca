// The provinces and centrally run cities: the 63 in force until 30 June 2025 and the 34 in force from
// 1 July 2025 (Nghị quyết 202/2025/QH15 of the National Assembly on arranging provincial units),
// with their official codes (danh mục đơn vị hành chính of the General Statistics Office, Quyết định
// 124/2004/QĐ-TTg and its amendments; the 2025 list, Quyết định 19/2025/QĐ-TTg, gives each merged
// province the code of the member whose seat became its seat).
//
// How history is represented:
// - An unchanged province (Hà Nội, Cao Bằng, …) is one record with open validity.
// - Every province that was merged ends on 30 June 2025 and names the new province as successor,
//   including the member whose name continues. The new province is always a new record starting on
//   1 July 2025, even when its name is one of its members' names (Quảng Ngãi ← Kon Tum, Quảng Ngãi):
//   it is a different territory with a different Party organisation and People's Council, so a
//   2024 figure for "tỉnh Quảng Ngãi" must not be read as one for the merged province.
// - Both records carry the same aliases ("tỉnh Quảng Ngãi", "Quảng Ngãi"); their validity never
//   overlaps, so a name resolves by the date of the document: a 2024 document finds the old one, a
//   2026 document the new one.
// - Codes: `P` + the official code. A new record whose official code was already used by a member
//   gets the suffix `.2025` (the old Quảng Ngãi is P51, the new one P51.2025; the new Gia Lai took
//   Bình Định's code 52 and is P52.2025). The dot is not the `-` that separates a body from its unit.
// - Thừa Thiên Huế became the centrally run Thành phố Huế on 1 January 2025 (Nghị quyết
//   1314/NQ-UBTVQH15 of 30 November 2024): the province ends on 31 December 2024 and Thành phố Huế
//   (P46.2025) follows it; Huế was then left unchanged on 1 July 2025.
import { nameKey } from "../domain/names.ts";
import { aliasesFor, type OrgSeed, previousDay, validOn } from "./types.ts";

/** tỉnh, or thành phố trực thuộc trung ương (centrally run city). */
export type ProvinceType = "province" | "city";

export interface ProvinceRecord extends OrgSeed {
  /** The official (GSO) code, two digits. Reused by the merged province that took the member's seat. */
  gsoCode: string;
  /** The name without its type word: "Quảng Ngãi", "Hồ Chí Minh". */
  shortName: string;
  type: ProvinceType;
}

/** First day of the 34 provinces (Nghị quyết 202/2025/QH15, in force from 1 July 2025). */
export const REORGANISATION_2025 = "2025-07-01";
/** Last day of the 63 provinces and of the district level. */
export const LAST_DAY_BEFORE_2025 = previousDay(REORGANISATION_2025);
/** First day of Thành phố Huế (Nghị quyết 1314/NQ-UBTVQH15, in force from 1 January 2025). */
export const HUE_CITY_FROM = "2025-01-01";

type Row = readonly [gsoCode: string, shortName: string, type: ProvinceType];

/** The 63 as they stood in 2024, in the order of their official codes. */
const BEFORE_2025: readonly Row[] = [
  ["01", "Hà Nội", "city"],
  ["02", "Hà Giang", "province"],
  ["04", "Cao Bằng", "province"],
  ["06", "Bắc Kạn", "province"],
  ["08", "Tuyên Quang", "province"],
  ["10", "Lào Cai", "province"],
  ["11", "Điện Biên", "province"],
  ["12", "Lai Châu", "province"],
  ["14", "Sơn La", "province"],
  ["15", "Yên Bái", "province"],
  ["17", "Hòa Bình", "province"],
  ["19", "Thái Nguyên", "province"],
  ["20", "Lạng Sơn", "province"],
  ["22", "Quảng Ninh", "province"],
  ["24", "Bắc Giang", "province"],
  ["25", "Phú Thọ", "province"],
  ["26", "Vĩnh Phúc", "province"],
  ["27", "Bắc Ninh", "province"],
  ["30", "Hải Dương", "province"],
  ["31", "Hải Phòng", "city"],
  ["33", "Hưng Yên", "province"],
  ["34", "Thái Bình", "province"],
  ["35", "Hà Nam", "province"],
  ["36", "Nam Định", "province"],
  ["37", "Ninh Bình", "province"],
  ["38", "Thanh Hóa", "province"],
  ["40", "Nghệ An", "province"],
  ["42", "Hà Tĩnh", "province"],
  ["44", "Quảng Bình", "province"],
  ["45", "Quảng Trị", "province"],
  ["46", "Thừa Thiên Huế", "province"],
  ["48", "Đà Nẵng", "city"],
  ["49", "Quảng Nam", "province"],
  ["51", "Quảng Ngãi", "province"],
  ["52", "Bình Định", "province"],
  ["54", "Phú Yên", "province"],
  ["56", "Khánh Hòa", "province"],
  ["58", "Ninh Thuận", "province"],
  ["60", "Bình Thuận", "province"],
  ["62", "Kon Tum", "province"],
  ["64", "Gia Lai", "province"],
  ["66", "Đắk Lắk", "province"],
  ["67", "Đắk Nông", "province"],
  ["68", "Lâm Đồng", "province"],
  ["70", "Bình Phước", "province"],
  ["72", "Tây Ninh", "province"],
  ["74", "Bình Dương", "province"],
  ["75", "Đồng Nai", "province"],
  ["77", "Bà Rịa - Vũng Tàu", "province"],
  ["79", "Hồ Chí Minh", "city"],
  ["80", "Long An", "province"],
  ["82", "Tiền Giang", "province"],
  ["83", "Bến Tre", "province"],
  ["84", "Trà Vinh", "province"],
  ["86", "Vĩnh Long", "province"],
  ["87", "Đồng Tháp", "province"],
  ["89", "An Giang", "province"],
  ["91", "Kiên Giang", "province"],
  ["92", "Cần Thơ", "city"],
  ["93", "Hậu Giang", "province"],
  ["94", "Sóc Trăng", "province"],
  ["95", "Bạc Liêu", "province"],
  ["96", "Cà Mau", "province"],
];

/**
 * The 23 provinces formed by merger on 1 July 2025 (Nghị quyết 202/2025/QH15): official code, name,
 * type, and the official codes of the members, in the order the resolution lists them.
 */
const MERGED_2025: readonly (readonly [string, string, ProvinceType, readonly string[]])[] = [
  ["08", "Tuyên Quang", "province", ["02", "08"]],
  ["15", "Lào Cai", "province", ["15", "10"]],
  ["19", "Thái Nguyên", "province", ["06", "19"]],
  ["24", "Bắc Ninh", "province", ["24", "27"]],
  ["25", "Phú Thọ", "province", ["26", "25", "17"]],
  ["31", "Hải Phòng", "city", ["30", "31"]],
  ["33", "Hưng Yên", "province", ["34", "33"]],
  ["37", "Ninh Bình", "province", ["35", "37", "36"]],
  ["44", "Quảng Trị", "province", ["44", "45"]],
  ["48", "Đà Nẵng", "city", ["49", "48"]],
  ["51", "Quảng Ngãi", "province", ["62", "51"]],
  ["52", "Gia Lai", "province", ["64", "52"]],
  ["56", "Khánh Hòa", "province", ["58", "56"]],
  ["66", "Đắk Lắk", "province", ["54", "66"]],
  ["68", "Lâm Đồng", "province", ["67", "68", "60"]],
  ["75", "Đồng Nai", "province", ["70", "75"]],
  ["79", "Hồ Chí Minh", "city", ["74", "79", "77"]],
  ["80", "Tây Ninh", "province", ["80", "72"]],
  ["82", "Đồng Tháp", "province", ["82", "87"]],
  ["86", "Vĩnh Long", "province", ["83", "86", "84"]],
  ["91", "An Giang", "province", ["91", "89"]],
  ["92", "Cần Thơ", "city", ["94", "93", "92"]],
  ["96", "Cà Mau", "province", ["95", "96"]],
];

/** Other ways documents write a place name (older or local spellings, abbreviations). */
const OTHER_SPELLINGS: Record<string, readonly string[]> = {
  "Bắc Kạn": ["Bắc Cạn"],
  "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc"],
  "Đắk Nông": ["Đăk Nông"],
  "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT"],
  "Thừa Thiên Huế": ["Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế"],
  "Kon Tum": ["Kontum"],
};

/** The name as written, then the other spellings documents use. */
export function spellingsOf(shortName: string): string[] {
  return [shortName, ...(OTHER_SPELLINGS[shortName] ?? [])];
}

/** The forms a document uses to name a province, with its type word and without. */
export function placeForms(shortName: string, type: ProvinceType): string[] {
  if (shortName === "Hồ Chí Minh")
    // the bare "Hồ Chí Minh" names the person, never the city
    return [
      "Thành phố Hồ Chí Minh",
      "TP. Hồ Chí Minh",
      "TP Hồ Chí Minh",
      "TP.HCM",
      "TP. HCM",
      "TPHCM",
      "TP HCM",
    ];
  return spellingsOf(shortName).flatMap((n) =>
    type === "city" ? [`thành phố ${n}`, `TP ${n}`, `TP. ${n}`, n] : [`tỉnh ${n}`, n],
  );
}

function record(
  code: string,
  gsoCode: string,
  shortName: string,
  type: ProvinceType,
  validFrom: string | null,
  validTo: string | null,
  successorCodes: string[],
): ProvinceRecord {
  const name = `${type === "city" ? "Thành phố" : "Tỉnh"} ${shortName}`;
  return {
    code,
    name,
    kind: "administrative_unit",
    level: "province",
    parentCode: null,
    validFrom,
    validTo,
    successorCodes,
    aliases: aliasesFor(name, placeForms(shortName, type)),
    gsoCode,
    shortName,
    type,
  };
}

function buildProvinces(): ProvinceRecord[] {
  const usedCodes = new Set(BEFORE_2025.map(([gso]) => gso));
  const newCode = (gso: string) => (usedCodes.has(gso) ? `P${gso}.2025` : `P${gso}`);
  const successorOf = new Map<string, string>();
  for (const [gso, , , members] of MERGED_2025) for (const m of members) successorOf.set(m, newCode(gso));

  const out: ProvinceRecord[] = [];
  for (const [gso, shortName, type] of BEFORE_2025) {
    const successor = successorOf.get(gso);
    if (gso === "46") {
      out.push(record("P46", gso, shortName, type, null, previousDay(HUE_CITY_FROM), ["P46.2025"]));
      // Thành phố Huế: Nghị quyết 1314/NQ-UBTVQH15; unchanged by Nghị quyết 202/2025/QH15
      out.push(record("P46.2025", gso, "Huế", "city", HUE_CITY_FROM, null, []));
    } else if (successor)
      out.push(record(`P${gso}`, gso, shortName, type, null, LAST_DAY_BEFORE_2025, [successor]));
    else out.push(record(`P${gso}`, gso, shortName, type, null, null, []));
  }
  for (const [gso, shortName, type] of MERGED_2025)
    out.push(record(newCode(gso), gso, shortName, type, REORGANISATION_2025, null, []));
  return out;
}

/**
 * Every province record: the 63 of 2024 (with Thừa Thiên Huế), Thành phố Huế from 2025, and the 23
 * merged provinces from 1 July 2025. Deterministic order: old list by code, then the new ones.
 */
export const PROVINCES: readonly ProvinceRecord[] = buildProvinces();

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

export function provinceByCode(code: string): ProvinceRecord | undefined {
  return BY_CODE.get(code);
}

/** The provinces and centrally run cities in force on `day` (ISO date): 63 before July 2025, 34 after. */
export function provincesOn(day: string): ProvinceRecord[] {
  return PROVINCES.filter((p) => validOn(p, day));
}

/**
 * The province that `name` ("tỉnh Quảng Ngãi", "Quảng Ngãi", "TP.HCM", "Thừa Thiên Huế") meant on
 * `day`, or null. Case and tone placement do not matter.
 */
export function provinceOn(day: string, name: string): ProvinceRecord | null {
  const key = nameKey(name);
  return (
    provincesOn(day).find((p) => nameKey(p.name) === key || p.aliases.some((a) => nameKey(a) === key)) ?? null
  );
}

/** The records that took over from the province `code` (direct successors only). */
export function successorsOf(code: string): ProvinceRecord[] {
  return (BY_CODE.get(code)?.successorCodes ?? []).flatMap((c) => BY_CODE.get(c) ?? []);
}

/** The records that the province `code` took over from. */
export function predecessorsOf(code: string): ProvinceRecord[] {
  return PROVINCES.filter((p) => p.successorCodes.includes(code));
}

/** The records in force on `day` that carry on the work of `code` (itself if still in force). */
export function currentSuccessorsOf(code: string, day: string): ProvinceRecord[] {
  const start = BY_CODE.get(code);
  if (!start) return [];
  const out = new Map<string, ProvinceRecord>();
  const walk = (p: ProvinceRecord, depth: number): void => {
    if (validOn(p, day)) out.set(p.code, p);
    else if (depth < 5) for (const s of successorsOf(p.code)) walk(s, depth + 1);
  };
  walk(start, 0);
  return [...out.values()];
}

/** The records as plain seeds. */
export function provinceSeeds(): OrgSeed[] {
  return PROVINCES.map(toSeed);
}

export function toSeed(o: OrgSeed): OrgSeed {
  return {
    code: o.code,
    name: o.name,
    kind: o.kind,
    level: o.level,
    parentCode: o.parentCode,
    validFrom: o.validFrom,
    validTo: o.validTo,
    successorCodes: [...o.successorCodes],
    aliases: [...o.aliases],
  };
}
