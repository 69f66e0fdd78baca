// Deadlines and recurrences of a task, as the schema defines them: "trước ngày 30/6/2025" and "chậm
// nhất đến ngày 01 tháng 7 năm 2028" give that day, "trong tháng 5/2026" the month's last day, "trong
// quý III/2025" the quarter's last day, "trong năm 2026" 31 December; hằng năm, định kỳ 6 tháng, hằng
// quý, hằng tháng, định kỳ (period unnamed) and thường xuyên (continuous) are recurrences.
import { isoDate, monthEnd, quarterEnd } from "./dates.ts";
import type { Deadline, Recurrence } from "./schema.ts";
import { clean, fold } from "./text.ts";

export interface DeadlineContext {
  /** Year of the document, for deadlines printed without a year ("trước ngày 15/12"). */
  year: number | null;
  /** The document's date (ISO), when known: a day without a year is the next one on or after it. */
  date?: string | null;
}

interface Found {
  date: string | null;
  index: number;
  length: number;
  /** A day printed without its year ("trước ngày 15/01"). */
  yearless: boolean;
}

const D = String.raw`(\d{1,2})\s?(?:\/|-|\.|tháng)\s?(\d{1,2})(?:\s?(?:\/|-|\.|,?\s?năm)\s?(\d{4}))?`;
const DAY_LEAD = String.raw`(?:chậm nhất(?: là)?(?: (?:đến|trước|vào|trong))?(?: ngày)?|trước ngày|xong trước ngày|hoàn thành (?:trước |vào |trong )?ngày|hạn chót(?: là)?(?: ngày)?|thời hạn(?: hoàn thành)?\s?:?(?: trước)?(?: ngày)?|hạn cuối(?: là)?(?: ngày)?|trước)`;
// an hour before the day: "trước 17 giờ 00 ngày 10/12/2026", "trước 10h30, ngày 15/12"
const HOUR = String.raw`(?:\d{1,2}\s?(?:giờ|h)(?:\s?\d{1,2}(?:\s?phút)?)?,?\s{1,3}(?:ngày\s{1,3})?)?`;
const DAY = new RegExp(`${DAY_LEAD}\\s{0,3}${HOUR}${D}`, "g");
const MONTH = /tháng\s?(\d{1,2})\s?(?:\/|năm|-)\s?(\d{4})/g;
const QUARTER = /quý\s?(iv|iii|ii|i|[1-4])\s?(?:\/|năm|-)\s?(\d{4})/g;
const YEAR =
  /(?:trong|hoàn thành trong|hoàn thành|xong trong|cuối|hết|chậm nhất trong|vào)\s(?:năm|năm)\s(\d{4})/g;
const HALF = /(6|sáu) tháng (đầu|cuối) năm\s?(\d{4})/g;
const BARE_DAY = new RegExp(`(?:^|\\s)${D}`, "g");
const BARE_YEAR = /(?:^|\s)(?:năm\s)?(\d{4})(?:\s?[-–]\s?(\d{4}))?\s*$/g;

const RECURRENCES: [RegExp, Recurrence][] = [
  [/(hằng|hàng|mỗi) năm|định kỳ (hằng |hàng )?năm|năm một lần/, "annual"],
  [
    /định kỳ (0?6|sáu) tháng|(0?6|sáu) tháng (một|1) lần|(mỗi|hằng|hàng) (0?6|sáu) tháng|(0?6|sáu) tháng\s?\/\s?lần|nửa năm một lần/,
    "semiannual",
  ],
  [/(hằng|hàng|mỗi) quý|định kỳ (hằng |hàng )?quý|theo quý|quý một lần/, "quarterly"],
  [/(hằng|hàng|mỗi) tháng|định kỳ (hằng |hàng )?tháng|tháng một lần/, "monthly"],
  [/định kỳ|(hằng|hàng|mỗi) tuần/, "periodic"],
  [/thường xuyên|liên tục|hằng ngày|hàng ngày/, "continuous"],
];
// One pass over the text for all recurrence forms: each form is one capturing group.
const ANY_RECURRENCE = new RegExp(
  RECURRENCES.map(([re]) => `(${re.source.replace(/\((?!\?)/g, "(?:")})`).join("|"),
  "g",
);
// Words without which no recurrence form matches ("hằng năm" has "hằng ", "định kỳ 6 tháng" "định
// kỳ", …): most task texts name a year, so "năm" alone would not tell them apart. One expression of
// literal words (measured: faster than an includes() per word, and than the full expression).
const RECURRENCE_WORDS =
  /hằng |hàng |mỗi |định kỳ|năm một lần|6 tháng|sáu tháng|nửa năm|theo quý|quý một lần|tháng một lần|thường xuyên|liên tục/;

const RANK: Record<Recurrence, number> = {
  annual: 5,
  semiannual: 5,
  quarterly: 5,
  monthly: 5,
  periodic: 3,
  continuous: 1,
  once: 0,
};

type MakeDate = (m: RegExpExecArray, ctx: DeadlineContext) => string | null;
const dayDate: MakeDate = (m, ctx) => {
  if (m[3]) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (!ctx.year) return null;
  // "trước ngày 15/01" in a December document: the coming January
  const date = isoDate(ctx.year, Number(m[2]), Number(m[1]));
  return date && ctx.date && date < ctx.date ? isoDate(ctx.year + 1, Number(m[2]), Number(m[1])) : date;
};
const monthDate: MakeDate = (m) => monthEnd(Number(m[2]), Number(m[1]));
// the quarters QUARTER reads, in digits or Roman numerals (what romanToInt makes of them)
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const quarterDate: MakeDate = (m) => {
  const q = QUARTERS[m[1] as string] ?? null;
  return q ? quarterEnd(Number(m[2]), q) : null;
};
const halfDate: MakeDate = (m) =>
  m[2] === "đầu" ? isoDate(Number(m[3]), 6, 30) : isoDate(Number(m[3]), 12, 31);
const yearDate: MakeDate = (m) => isoDate(Number(m[1]), 12, 31);
const bareYearDate: MakeDate = (m) => isoDate(Number(m[2] ?? m[1]), 12, 31);

/** The first match of `re` in `low` that makes a date, if it stands before `best`. */
function scan(
  re: RegExp,
  low: string,
  make: MakeDate,
  ctx: DeadlineContext,
  best: Found | null,
): Found | null {
  re.lastIndex = 0;
  for (let m = re.exec(low); m; m = re.exec(low)) {
    if (best && m.index >= best.index) return best;
    const date = make(m, ctx);
    if (date) return { date, index: m.index, length: m[0].length, yearless: make === dayDate && !m[3] };
  }
  return best;
}

/** The earliest date any form gives (of two at one place, the form tried first). */
function firstDate(low: string, ctx: DeadlineContext, lenient: boolean): Found | null {
  // cheap tests first: most task texts carry no date at all
  if (!/\d/.test(low)) return null;
  let best: Found | null = null;
  if (/trước|chậm nhất|hạn|hoàn thành|xong/.test(low)) best = scan(DAY, low, dayDate, ctx, best);
  const month = low.includes("tháng");
  if (month) best = scan(MONTH, low, monthDate, ctx, best);
  if (low.includes("quý")) best = scan(QUARTER, low, quarterDate, ctx, best);
  if (month && (low.includes(" tháng đầu năm") || low.includes(" tháng cuối năm")))
    best = scan(HALF, low, halfDate, ctx, best);
  if (low.includes("năm")) best = scan(YEAR, low, yearDate, ctx, best);
  if (lenient && best === null) {
    best = scan(BARE_DAY, low, dayDate, ctx, best);
    best = scan(BARE_YEAR, low, bareYearDate, ctx, best);
  }
  return best;
}

/**
 * The deadline of a task text. `lenient` reads a table's time cell, where a bare date or year is a
 * deadline; in running text only a date introduced by "trước", "chậm nhất", "trong tháng/quý/năm" is.
 */
export function readDeadline(
  text: string,
  ctx: DeadlineContext,
  lenient = false,
  /** fold(text), when the caller has it. */
  textLow: string | null = null,
): Deadline | null {
  const low = text.length > 4000 ? fold(text.slice(0, 4000)) : (textLow ?? fold(text));
  const found = firstDate(low, ctx, lenient);
  let recurrence: Recurrence | null = null;
  let recIndex = -1;
  let recLength = 0;
  const word = RECURRENCE_WORDS.exec(low);
  if (word) {
    // every form holds one of the words, at its start or after its first character ("06 tháng")
    ANY_RECURRENCE.lastIndex = Math.max(0, word.index - 1);
    for (let m = ANY_RECURRENCE.exec(low); m; m = ANY_RECURRENCE.exec(low)) {
      let k = 0;
      while (k < RECURRENCES.length - 1 && m[k + 1] === undefined) k++;
      const rec = (RECURRENCES[k] as [RegExp, Recurrence])[1];
      if (recurrence === null || RANK[rec] > RANK[recurrence]) {
        recurrence = rec;
        recIndex = m.index;
        recLength = m[0].length;
      }
    }
  }
  if (!found && recurrence === null) return null;
  // "trước ngày 15/01 hằng năm": the day of each period, not one date
  const dated = found !== null && !(found.yearless && recurrence !== null && recurrence !== "continuous");
  if (found && (recurrence === null || recurrence === "continuous")) {
    recurrence = "once";
    recIndex = -1;
  }
  const date = found ? text.slice(found.index, found.index + found.length) : null;
  const rec = recIndex >= 0 ? text.slice(recIndex, recIndex + recLength) : null;
  // in the order they stand (the date first where both start at one place)
  const phrase =
    date !== null && rec !== null
      ? (found as Found).index <= recIndex
        ? `${date} … ${rec}`
        : `${rec} … ${date}`
      : (date ?? rec ?? "");
  return { date: dated ? (found?.date ?? null) : null, recurrence, text: clean(phrase) };
}
