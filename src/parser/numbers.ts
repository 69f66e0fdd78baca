// Vietnamese numbers: decimal comma, thousands dot (0,7 → 0.7; 58.000 → 58000; 1.250,5 → 1250.5)
// and the number words documents use (một vạn → 10000, gấp đôi → 2).

/** A numeral as printed, e.g. "58.000", "0,7", "03", "1.250,5". Linear regex, no nested quantifiers. */
export const NUMERAL = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

export function parseNumeral(s: string): number | null {
  const t = s.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^\d+\.\d{1,2}$/.test(t)) return Number(t);
  return null;
}

const UNITS: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  đôi: 2,
};

/** Number words (folded lower case) → value, for "hai lần", "một vạn", "gấp đôi". */
export function wordNumber(word: string): number | null {
  return UNITS[word] ?? null;
}

/** "vạn" = 10 000, "nghìn"/"ngàn" = 1 000, "trăm" = 100: the multiplier of "trên một vạn dân". */
export const MAGNITUDE: Record<string, number> = {
  vạn: 10000,
  nghìn: 1000,
  ngàn: 1000,
  trăm: 100,
  triệu: 1e6,
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
export function romanToInt(s: string): number | null {
  const u = s.toUpperCase();
  if (!/^[IVXLC]{1,7}$/.test(u)) return null;
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN[u[i] as string] as number;
    const next = ROMAN[u[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  const canonical = intToRoman(total);
  return canonical === u ? total : null;
}

export function intToRoman(n: number): string {
  const table: [number, string][] = [
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
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
