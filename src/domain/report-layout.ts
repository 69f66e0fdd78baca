// The form of an official report as the rules give it: Nghị định 30/2020/NĐ-CP for State bodies,
// Hướng dẫn 36-HD/VPTW for Party bodies. Who heads the page (the issuer block), how the symbol
// reads before a number is given, the place-and-date line, the signing block a body signs with,
// numbers and periods written the Vietnamese way. Pure rules over plain data.
import { message } from "../messages/catalog.ts";
import type { Period } from "./period.ts";

export type DocumentSystem = "party" | "state";

/** The body a report is issued by, as the organisations table holds it. */
export interface IssuingBody {
  name: string;
  kind: string;
  /** The body above it (a board's committee, a department's People's Committee). */
  parent: { name: string; kind: string } | null;
}

const PARTY_KINDS = new Set([
  "party_committee",
  "party_standing_board",
  "party_standing_office",
  "party_board",
  "party_office",
  "party_inspection",
  "party_delegation",
  "party_cadre_committee",
]);

export function systemOf(kind: string): DocumentSystem {
  return PARTY_KINDS.has(kind) ? "party" : "state";
}

const upper = (s: string): string => s.normalize("NFC").toLocaleUpperCase("vi");

/** The words `name` ends with that `parent` ends with too ("… tỉnh Quảng Ngãi"), compared without case. */
function withoutSharedTail(name: string, parent: string): string {
  const a = name.trim().split(/\s+/);
  const b = parent.trim().split(/\s+/);
  let shared = 0;
  while (
    shared < a.length - 1 &&
    shared < b.length &&
    upper(a[a.length - 1 - shared] as string) === upper(b[b.length - 1 - shared] as string)
  )
    shared++;
  // a tail of one word ("Quảng Ngãi" needs two) is a coincidence, not the parent's name
  return shared >= 2 ? a.slice(0, a.length - shared).join(" ") : name.trim();
}

/**
 * The issuer block's lines, top first. A standing board issues in its committee's name ("TỈNH ỦY
 * QUẢNG NGÃI"); a board or office of a committee, and a department of a People's Committee, stand
 * under their parent's name, their own name shortened by the words they share with it.
 */
export function issuerLines(body: IssuingBody): string[] {
  if (body.kind === "party_standing_board" && body.parent) return [upper(body.parent.name)];
  if (body.parent && ["party_board", "party_office", "party_inspection", "department"].includes(body.kind))
    return [upper(body.parent.name), upper(withoutSharedTail(body.name, body.parent.name))];
  return [upper(body.name)];
}

export interface Signer {
  /** T/M, T/L, TM., KT. … with the collective it signs for: "T/M BAN THƯỜNG VỤ". */
  authority: string;
  role: string;
  name: string;
}

/** The issuer's name as a sentence names it: a standing board writes in its committee's name. */
export function issuerName(body: IssuingBody): string {
  return body.kind === "party_standing_board" && body.parent ? body.parent.name : body.name;
}

/** How a body signs by default: collectives sign on behalf (T/M, TM.), heads of departments in person. */
export function defaultSigner(body: IssuingBody): Signer {
  switch (body.kind) {
    case "party_committee":
    case "party_standing_board":
      return { authority: "T/M BAN THƯỜNG VỤ", role: "BÍ THƯ", name: "" };
    case "party_board":
      return { authority: "", role: "TRƯỞNG BAN", name: "" };
    case "party_office":
      return { authority: "", role: "CHÁNH VĂN PHÒNG", name: "" };
    case "party_inspection":
      return { authority: "T/M ỦY BAN KIỂM TRA", role: "CHỦ NHIỆM", name: "" };
    case "peoples_committee":
      return { authority: "TM. ỦY BAN NHÂN DÂN", role: "CHỦ TỊCH", name: "" };
    case "peoples_council":
      return { authority: "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", role: "CHỦ TỊCH", name: "" };
    case "department":
      return { authority: "", role: "GIÁM ĐỐC", name: "" };
    default:
      return { authority: "", role: "THỦ TRƯỞNG CƠ QUAN", name: "" };
  }
}

/** Type codes a State symbol carries before the issuer's code (Nghị định 30, appendix III, and laws'). */
const STATE_TYPE_CODES = new Set(
  "NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB NĐ TT TTLT".split(
    " ",
  ),
);

/** The issuer's code in a symbol: "TU" of 215-CTr/TU, "UBND" of 726/KH-UBND and of 5973/UBND-KT. */
export function issuerCodeOf(symbol: string | null, system: DocumentSystem): string | null {
  const after = symbol ? /\/([^/\s]+)$/.exec(symbol.trim())?.[1] : undefined;
  if (!after) return null;
  if (system === "party") return after;
  const [first, ...rest] = after.split("-") as [string, ...string[]];
  // a công văn has no type code: the issuer comes first, the drafting unit after it
  return STATE_TYPE_CODES.has(first) && rest.length > 0 ? rest.join("-") : first;
}

/**
 * A report's symbol before the clerical office numbers it: the number left blank, as drafts carry
 * it ("Số      -BC/TU" for the Party, "Số:      /BC-UBND" for the State).
 */
export function draftSymbol(system: DocumentSystem, issuerCode: string | null): string {
  const blank = "\u00a0".repeat(6);
  if (system === "party") return `Số${blank}-BC${issuerCode ? `/${issuerCode}` : ""}`;
  return `Số:${blank}/BC${issuerCode ? `-${issuerCode}` : ""}`;
}

/** "Quảng Ngãi, ngày 05 tháng 02 năm 2026": days below 10 and months below 3 take a leading zero. */
export function placeDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return message("report-place-date", { place, day, month, year: y }).replace(/^, /, "");
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** Headings of the first level are numbered I, II, III … */
export function roman(n: number): string {
  let rest = Math.max(1, Math.trunc(n));
  let out = "";
  for (const [value, letters] of ROMAN)
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  return out;
}

/** 1234.5 → "1.234,5": thousands with a dot, decimals after a comma, at most `digits` of them. */
export function vietnameseNumber(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return "";
  const rounded = Math.abs(n).toFixed(digits);
  const fixed = rounded.includes(".") ? rounded.replace(/\.?0+$/, "") : rounded;
  const [whole, decimals] = fixed.split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${decimals ? `,${decimals}` : ""}`;
}

/** A share as a percentage ("66,7%"), or "–" when nothing was counted. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${vietnameseNumber(share * 100, 1)}%`;
}

/** A period in words: "năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026", "tháng 7 năm 2026". */
export function periodName(period: Period): string {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  switch (period.frequency) {
    case "annual":
      return message("report-period-annual", { year });
    case "semiannual":
      return message(month === 1 ? "report-period-h1" : "report-period-h2", { year });
    case "quarterly":
      return message("report-period-quarter", { quarter: roman(Math.floor((month - 1) / 3) + 1), year });
    case "monthly":
      return message("report-period-month", { month, year });
  }
}
