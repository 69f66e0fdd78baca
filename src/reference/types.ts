// The shape of reference organisations, and the few pure helpers every reference module shares:
// validity by date, the day after a date, and the two tone placements documents write.

export type OrgKind =
  | "party_committee"
  | "party_standing_board"
  | "party_standing_office"
  | "party_board"
  | "party_office"
  | "party_inspection"
  | "party_delegation"
  | "party_cadre_committee"
  | "peoples_council"
  | "peoples_committee"
  | "department"
  | "fatherland_front"
  | "socio_political"
  | "press"
  | "administrative_unit"
  | "other";

export type OrgLevel = "central" | "province" | "district" | "commune";

/**
 * An organisation as reference data. `validFrom`/`validTo` are ISO dates, both inclusive (validTo is
 * the last day of validity); null leaves that end open. `successorCodes` name the bodies that took
 * over its work on the day after `validTo`.
 */
export interface OrgSeed {
  code: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCodes: string[];
  aliases: string[];
}

/** Whether a record is in force on `day` (ISO date). */
export function validOn(o: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (o.validFrom === null || o.validFrom <= day) && (o.validTo === null || o.validTo >= day);
}

/** The ISO date after `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The ISO date before `day`. */
export function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// Tone placement in the open syllables oa, oe, uy: "Ủy"/"Uỷ", "Hòa"/"Hoà", "Thủy"/"Thuỷ". Both are in
// official use, so aliases carry both. A closed syllable (hoàng, khuyến) has one placement only, and
// in qu+y the u belongs to the consonant (quý), so neither moves.
const TONES: Record<string, string[]> = {
  a: ["à", "á", "ả", "ã", "ạ"],
  e: ["è", "é", "ẻ", "ẽ", "ẹ"],
  o: ["ò", "ó", "ỏ", "õ", "ọ"],
  u: ["ù", "ú", "ủ", "ũ", "ụ"],
  y: ["ỳ", "ý", "ỷ", "ỹ", "ỵ"],
};
const TONED = new Map<string, [string, number]>();
for (const [base, marks] of Object.entries(TONES))
  marks.forEach((m, i) => {
    TONED.set(m, [base, i]);
    TONED.set(m.toUpperCase(), [base.toUpperCase(), i]);
  });
const PAIRS = new Set(["oa", "oe", "uy"]);

function toned(base: string, tone: number): string {
  const mark = TONES[base.toLowerCase()]?.[tone] ?? base;
  return base === base.toLowerCase() ? mark : mark.toUpperCase();
}

function restyleWord(word: string, toneOnFirst: boolean): string {
  if (word.length < 2) return word;
  const a = word[word.length - 2] as string;
  const b = word[word.length - 1] as string;
  const ta = TONED.get(a);
  const tb = TONED.get(b);
  const baseA = ta ? ta[0] : a;
  const baseB = tb ? tb[0] : b;
  if (!PAIRS.has(`${baseA}${baseB}`.toLowerCase())) return word;
  if (baseA.toLowerCase() === "u" && /q$/i.test(word.slice(0, -2))) return word;
  const stem = word.slice(0, -2);
  if (toneOnFirst && tb && !ta) return stem + toned(baseA, tb[1]) + baseB;
  if (!toneOnFirst && ta && !tb) return stem + baseA + toned(baseB, ta[1]);
  return word;
}

/** The text with every open oa/oe/uy syllable toned on its first (Ủy, Hòa) or second (Uỷ, Hoà) vowel. */
export function withTonePlacement(text: string, toneOnFirst: boolean): string {
  return text.normalize("NFC").replace(/\p{L}+/gu, (w) => restyleWord(w, toneOnFirst));
}

/** The distinct spellings of a list of names: as given, then in both tone placements. */
export function spellings(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const n = raw.normalize("NFC");
    out.add(n);
    out.add(withTonePlacement(n, true));
    out.add(withTonePlacement(n, false));
  }
  return [...out];
}

/** Aliases for a record: its spellings less the name itself, deterministic and without repeats. */
export function aliasesFor(name: string, forms: readonly string[]): string[] {
  return spellings([name, ...forms]).filter((a) => a !== name);
}
