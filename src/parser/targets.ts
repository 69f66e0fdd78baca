// Quantitative targets (chỉ tiêu) of the nine kinds, with unit, "per", target year and baseline.
// A target is a quantity in a target clause ("… từ 50% trở lên", "tăng bình quân 10%/năm", "tốp 5",
// "12 người trên một vạn dân", "tăng hai lần so với năm 2020"); figures in parentheses are baselines,
// never targets.
import { MAGNITUDE, NUMERAL, parseNumeral, wordNumber } from "./numbers.ts";
import type { Baseline, Target, TargetKind } from "./schema.ts";
import { clean, fold, foldPiece, isSpaceCode, type Piece, slicePiece, spanOf, trimPiece } from "./text.ts";
import { escapeRe } from "./vocabulary.ts";

export interface TargetUnit {
  piece: Piece;
  sectionId: string | null;
  /** The enclosing headings say "mục tiêu" / "chỉ tiêu". */
  targetSection: boolean;
  /** The enclosing headings report results ("Kết quả thực hiện …"): only "phấn đấu" sets a target there. */
  resultSection: boolean;
  /** Year inherited from the enclosing headings or a lead-in ("Đến năm 2030, …"). */
  year: number | null;
  /** A table of indicators (see indicatorColumns): its rows, read by column instead of as text. */
  table?: { columns: IndicatorColumns; rows: { cells: string[]; piece: Piece }[] };
}

/** The columns of a table of indicators: "Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Mục tiêu năm 2030". */
export interface IndicatorColumns {
  indicator: number;
  unit: number | null;
  target: number;
  year: number;
  baseline: number | null;
  baselineYear: number | null;
}

const YEAR_IN_CELL = /(?:^|\D)(20\d\d)(?!\d)/g;
const TARGET_HEADER = /mục tiêu|kế hoạch|phấn đấu|đến năm|chỉ tiêu/;
// what a table of results holds besides its plan: the plan column there is not set by this document
const RESULT_HEADER = /so sánh|tỷ lệ (?:thực hiện|đạt)|kết quả (?:thực hiện|đạt được)|đánh giá/;

/** The header row of a table of results ("… | Thực hiện năm 2025 | So sánh"): its rows set no target. */
export function isResultsTable(header: string[]): boolean {
  return header.some((c) => RESULT_HEADER.test(fold(c)));
}

/**
 * Recognises the header row of a table of indicators: a column naming the indicator, one naming
 * the year a value is set for ("Mục tiêu năm 2030", "Kế hoạch đến năm 2030"; a bare "Năm 2030" in a
 * target section), and, where there is one, the unit and an earlier year's value, the baseline.
 */
export function indicatorColumns(header: string[], targetSection: boolean): IndicatorColumns | null {
  const f = header.map((c) => fold(c));
  if (isResultsTable(f)) return null;
  const years = f.map((c) => {
    // the last year a header names: "Mục tiêu giai đoạn 2026 - 2030" sets 2030
    let year: number | null = null;
    for (const m of c.matchAll(YEAR_IN_CELL)) year = Number(m[1]);
    return year;
  });
  let target = -1;
  for (let i = 0; i < f.length; i++) {
    const y = years[i];
    if (y === null || y === undefined) continue;
    if (!TARGET_HEADER.test(f[i] as string) && !(targetSection && /^năm\s/.test(f[i] as string))) continue;
    if (target < 0 || y > (years[target] as number)) target = i;
  }
  if (target < 0) return null;
  const year = years[target] as number;
  const isUnit = (c: string): boolean => /^(?:đơn vị tính|đơn vị|đvt)$/.test(c);
  const indicator = f.findIndex(
    (c, i) => years[i] === null && !isUnit(c) && /chỉ tiêu|nội dung|danh mục|tiêu chí|chỉ số/.test(c),
  );
  if (indicator < 0) return null;
  let baseline = -1;
  const planned = (k: number): boolean => TARGET_HEADER.test(f[k] as string);
  for (let i = 0; i < f.length; i++) {
    const y = years[i];
    if (i === target || y === null || y === undefined || y >= year) continue;
    // the latest year; of one year, what was done ("Thực hiện năm 2025") over what was planned
    const by = baseline < 0 ? null : (years[baseline] as number);
    if (by === null || y > by || (y === by && planned(baseline) && !planned(i))) baseline = i;
  }
  const unit = f.findIndex(isUnit);
  return {
    indicator,
    unit: unit >= 0 ? unit : null,
    target,
    year,
    baseline: baseline >= 0 ? baseline : null,
    baselineYear: baseline >= 0 ? (years[baseline] as number) : null,
  };
}

// the signs a table cell sets a bound with, as the words the text uses
const CELL_SIGNS: Record<string, string> = { "≥": "từ ", "≤": "không quá ", ">": "trên ", "<": "dưới " };

/** A match of RANK ("tốp 10") as a target found. */
function rankFound(m: RegExpExecArray): Found {
  return {
    kind: "rank",
    value: Number(m[1]),
    low: null,
    high: null,
    unit: null,
    per: null,
    at: m.index,
    end: m.index + m[0].length,
  };
}

/** A cell's figure as a quantity: "20.000", "≥ 95%", "Top 10", "90 - 95". */
function cellQuantity(cell: string): Found | null {
  let low = fold(cell).replace(/[≥≤><]\s*/g, (m) => CELL_SIGNS[m.trim()] ?? m);
  if (/^\d/.test(low)) low = `đạt ${low}`;
  RANK.lastIndex = 0;
  const rank = RANK.exec(low);
  if (rank) return rankFound(rank);
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(low); m; m = QUANTITY.exec(low)) {
    const f = classify(low, m, []);
    if (f) return f;
  }
  return null;
}

/** Targets of a table of indicators, one per row whose target cell holds a figure. */
function tableTargets(u: TargetUnit, out: Target[]): void {
  if (!u.table) return;
  const { columns: c, rows } = u.table;
  for (const row of rows) {
    const indicator = row.cells[c.indicator] ?? "";
    const cell = row.cells[c.target] ?? "";
    if (indicator.length === 0 || !/\d/.test(cell)) continue;
    const f = cellQuantity(cell);
    if (!f) continue;
    const unitCell = c.unit !== null ? fold(row.cells[c.unit] ?? "").trim() : "";
    const unit = f.unit ?? (unitCell.length > 0 ? unitCell : null);
    const base = c.baseline !== null ? cellQuantity(row.cells[c.baseline] ?? "") : null;
    const baseline: Baseline | null =
      base?.value != null ? { value: base.value, unit: base.unit ?? unit, year: c.baselineYear } : null;
    // a value set below the one reached is a ceiling: "Tỷ lệ hộ nghèo | 2,5 | 1,0" (unless the cell
    // says which it is: "≥ 95")
    const signed = /[≥≤><]|trên|dưới|tối thiểu|tối đa|không quá|ít nhất/i.test(cell);
    const kind: TargetKind =
      f.kind === "min" && !signed && baseline?.value != null && f.value !== null && f.value < baseline.value
        ? "max"
        : f.kind;
    out.push({
      id: `t${out.length + 1}`,
      text: clean(row.cells.filter((x) => x.length > 0).join(" | ")),
      indicator: clean(indicator),
      kind,
      value: f.value,
      low: f.low,
      high: f.high,
      unit,
      per: f.per,
      year: c.year,
      baseline,
      sectionId: u.sectionId,
      span: spanOf(row.piece),
    });
  }
}

const UNITS = [
  "nghìn tỷ đồng",
  "tỷ đồng",
  "triệu đồng",
  "nghìn đồng",
  "tỷ usd",
  "triệu usd",
  "usd",
  "đồng",
  "điểm phần trăm",
  "doanh nghiệp",
  "người",
  "sản phẩm",
  "hộ",
  "xã",
  "phường",
  "lượt",
  "bài báo",
  "đơn",
  "sáng chế",
  "tổ chức",
  "mô hình",
  "cơ sở",
  "học sinh",
  "sinh viên",
  "giường bệnh",
  "bác sĩ",
  "tuổi",
  "điểm",
  "lao động",
  "dự án",
  "trường",
  "nhiệm vụ",
  "đề tài",
  "tấn",
  "ha",
  "héc-ta",
  "km",
  "kw",
  "mw",
  "trung tâm",
  "đảng viên",
  "hợp tác xã",
  "làng",
  "thôn",
  "công trình",
  "căn",
  "nhà",
  "thủ tục",
  "dịch vụ",
  "chương trình",
  "sản phẩm ocop",
  // (a time is a target's unit only as a limit: see TIME_LIMIT)
  "ngày làm việc",
  "ngày",
  "giờ",
  "tháng",
  "tỷ",
  "triệu",
  "nghìn",
];
const UNIT_RE = new RegExp(
  `^\\s?(${[...UNITS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|")})(?![\\p{L}])`,
  "u",
);

const NUM_END = String.raw`(?![\d/]|[.,]\d|-\p{L})`;
const QUANTITY = new RegExp(
  `(?<![\\d.,/\\p{L}])(${NUMERAL})${NUM_END}(\\s?[%‰])?(?:(\\s?[-–]\\s?|\\s(?:đến|tới)\\s)(${NUMERAL})${NUM_END}(\\s?[%‰])?)?`,
  "gu",
);
const MULTIPLE =
  /(?:(?:tăng|gấp)\s)?(?:gấp\s)?(\d+(?:,\d+)?|hai|ba|bốn|năm|đôi|rưỡi)\s(?:lần)|gấp\s(đôi|ba|bốn|rưỡi|\d+(?:,\d+)?)(?!\s?lần)|tăng gấp (đôi|ba)/g;
const MULTIPLE_BOUND_BEFORE = /(?:tăng|gấp) (?:ít nhất|tối thiểu|khoảng|trên|hơn|từ) $/;
const RANK = /(?:tốp|top|nhóm|trong số|xếp thứ|đứng thứ|xếp hạng thứ)\s?(\d{1,3})(?!\d)/g;
// "12 người trên một vạn dân", "42 giường/vạn dân", "2,8 điều dưỡng/1.000 dân"
const RATE =
  /^\s?(?:[^\s/]+\s){0,6}?(?:trên\s?|[^\s/]*\/\s?)(một vạn|1 vạn|vạn|10\.000|100\.000|1\.000|nghìn|một nghìn|một triệu|triệu|100)\s(?:dân|người)/;
const YEAR_IN = /(?:đến|vào|trong|tới)\s(?:năm\s)?(20\d\d|19\d\d)|năm\s(20\d\d)(?!\s?(?:là|có|đạt))/g;
const PAST_MARKERS = /(^|\s)đã\s|đạt được|cùng kỳ|tính đến|so với kế hoạch|vượt \d/;
// the words PAST_MARKERS needs, looked for first: its leading (^|\s) makes it try every space
const PAST_WORDS = /đã|đạt được|cùng kỳ|tính đến|so với kế hoạch|vượt /;
function isPast(low: string): boolean {
  return PAST_WORDS.test(low) && PAST_MARKERS.test(low);
}
// "hai lần", "gấp": a multiple without a digit
const WORD_MULTIPLE = /(?:hai|ba|đôi|rưỡi) lần/;
// Outside a target section a result ("kết quả …") is reported, not set; inside one it names an
// indicator ("Kết quả thi tốt nghiệp … thuộc tốp 15").
const RESULT = /kết quả/;
// Where a paragraph outside the targets sets one: "phấn đấu …", "bảo đảm tỷ lệ … đạt …".
const TARGET_CUE = /phấn đấu|chỉ tiêu|mục tiêu|(?:bảo đảm|đảm bảo|nâng) tỷ lệ/;
// Words that follow a magnitude in a unit: "8,5 triệu lượt", "3 nghìn người".
const NOT_UNIT_WORDS = new Set([
  "và",
  "so",
  "với",
  "trong",
  "trở",
  "trên",
  "đến",
  "năm",
  "của",
  "là",
  "mỗi",
  "có",
]);

function parenRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!text.includes("(")) return out;
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    // (by code: indexing a string of Vietnamese letters makes a string per character)
    const c = text.charCodeAt(i);
    if (c === 40) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 41 && depth > 0) {
      depth--;
      if (depth === 0) out.push([start, i + 1]);
    }
  }
  if (depth > 0 && start >= 0) out.push([start, text.length]);
  return out;
}

/** The first of `ranges` (in text order, disjoint) that ends after `i`: a binary search, as a long
 * clause can hold many. */
function firstEndingAfter(ranges: [number, number][], i: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as [number, number])[1] > i) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const inside = (ranges: [number, number][], i: number): boolean => {
  const r = ranges[firstEndingAfter(ranges, i)];
  return r !== undefined && r[0] <= i;
};

function clauses(p: Piece): Piece[] {
  const out: Piece[] = [];
  const parens = parenRanges(p.text);
  let start = 0;
  const re = /[;.](?:\s+|$)/g;
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    if (inside(parens, m.index)) continue;
    if (
      p.text[m.index] === "." &&
      /\d$/.test(p.text.slice(0, m.index)) &&
      /^\.\d/.test(p.text.slice(m.index))
    )
      continue;
    out.push(trimPiece(slicePiece(p, start, m.index)));
    start = m.index + m[0].length;
  }
  if (start < p.text.length) out.push(trimPiece(slicePiece(p, start, p.text.length)));
  return out.filter((c) => c.text.length > 0);
}

function readUnit(low: string): { unit: string | null; length: number } {
  const m = UNIT_RE.exec(low);
  if (m) {
    const unit = m[1] as string;
    // a magnitude takes the noun it counts: "triệu lượt", "nghìn người"
    const noun = /^(tỷ|triệu|nghìn)$/.test(unit) ? /^\s(\p{L}+)/u.exec(low.slice(m[0].length)) : null;
    if (noun && !NOT_UNIT_WORDS.has(noun[1] as string))
      return { unit: `${unit} ${noun[1]}`, length: m[0].length + noun[0].length };
    return { unit, length: m[0].length };
  }
  // a counted noun that ends the phrase: "đạt 58.000 buồng, …", "có 30 xã."
  const tail = /^\s(\p{L}+(?:\s\p{L}+)?)(?=\s*(?:[,;.)]|$|\strở\s(?:lên|xuống)))/u.exec(low);
  if (tail && !(tail[1] as string).split(" ").some((w) => NOT_UNIT_WORDS.has(w)))
    return { unit: tail[1] as string, length: tail[0].length };
  return { unit: null, length: 0 };
}

// The year of a baseline, never the target's: "gấp 1,6 lần năm 2025", and "tăng từ 78% năm 2025"
// when "lên …" follows (not "đạt từ 95% năm 2030 trở lên")
const MULTIPLE_YEAR_BEFORE = /(?:gấp|tăng)\s(?:\d+(?:,\d+)?|đôi|hai|ba|bốn|rưỡi)\s(?:lần\s)?$/;
const FROM_YEAR_BEFORE = /(?:^|\s)từ\s(?:mức\s)?[\d.,]+(?:\s?[%‰]|\s\p{L}+(?:\s\p{L}+)?)?\s$/u;
const FROM_YEAR_AFTER = /^năm\s\d{4},?\s?(?:lên|xuống|còn)\s/;
// Between the figure of "từ X" and the target of "lên Y": "tăng từ 78% năm 2025 lên 95%",
// "giảm từ 5% (năm 2025) xuống còn 3%"
const FROM_BEFORE = /từ\s(?:mức\s)?$/;
const FROM_TO = /^\s?(?:năm\s(\d{4})\s?|\(năm\s(\d{4})\)\s?)?,?\s?(?:lên|xuống còn|xuống|còn)\s(?:mức\s)?$/;

function yearIn(low: string, parens: [number, number][]): number | null {
  YEAR_IN.lastIndex = 0;
  for (let m = YEAR_IN.exec(low); m; m = YEAR_IN.exec(low)) {
    if (inside(parens, m.index)) continue;
    if (/so với\s$/.test(low.slice(Math.max(0, m.index - 8), m.index))) continue;
    const before = low.slice(Math.max(0, m.index - 40), m.index);
    if (MULTIPLE_YEAR_BEFORE.test(before)) continue;
    if (FROM_YEAR_BEFORE.test(before) && FROM_YEAR_AFTER.test(low.slice(m.index, m.index + 20))) continue;
    return Number(m[1] ?? m[2]);
  }
  // "phấn đấu tỷ lệ … năm 2025 đạt từ 95% trở lên": the year a striven-for value is due
  const striven = /phấn đấu.*?năm\s(20\d\d)\sđạt/.exec(low);
  return striven && !inside(parens, striven.index) ? Number(striven[1]) : null;
}

const BASELINE_NUMBER = new RegExp(`(?<![\\d.,/])(${NUMERAL})(?![\\d/])`, "g");

function baselineIn(
  low: string,
  from: number,
  to: number,
  parens: [number, number][],
  multiple: boolean,
): Baseline | null {
  const window = low.slice(from, to);
  let k = firstEndingAfter(parens, from);
  if ((parens[k]?.[0] ?? to) < from) k++;
  const next = parens[k];
  const paren = next && next[0] < to ? next : undefined;
  const yearOf = (s: string): number | null => {
    const m = /năm\s(20\d\d|19\d\d)/.exec(s);
    return m ? Number(m[1]) : null;
  };
  if (paren) {
    const inner = low.slice(paren[0], paren[1]);
    const q = BASELINE_NUMBER;
    q.lastIndex = 0;
    for (let m = q.exec(inner); m; m = q.exec(inner)) {
      const value = parseNumeral(m[1] as string);
      if (value === null || (value >= 1900 && value <= 2100 && !/[.,]/.test(m[1] as string))) continue;
      const after = inner.slice(m.index + (m[1] as string).length);
      // "(năm 2025 đạt 45%)": a percentage, as the target's is
      const sign = /^\s?([%‰])/.exec(after);
      return { value, unit: sign ? (sign[1] as string) : readUnit(after).unit, year: yearOf(inner) };
    }
  }
  const so = /so với (?:năm\s)?(20\d\d|19\d\d)/.exec(window);
  if (so) return { year: Number(so[1]), unit: null };
  // "gấp 1,6 lần năm 2025": the year the multiple is of
  const of = multiple ? /^\s(?:năm\s)(20\d\d|19\d\d)/.exec(window) : null;
  return of ? { year: Number(of[1]), unit: null } : null;
}

interface Found {
  kind: TargetKind;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  per: number | null;
  at: number;
  end: number;
  /** Where its indicator ends, when a baseline stands before the value ("tăng từ 78% lên 95%"). */
  indicatorEnd?: number;
  /** A rate's words after its figure ("giường bệnh/vạn dân"), what it measures when nothing precedes it. */
  wordsAt?: number;
  baseline?: Baseline;
}

function lifeExpectancy(low: string, at: number): boolean {
  const before = low.slice(Math.max(0, at - 120), at);
  const k = before.lastIndexOf("tuổi");
  return k >= 0 && before.startsWith("tuổi thọ", k);
}

const TIME_LIMIT =
  /(?:không quá|không vượt quá|tối đa|rút ngắn (?:xuống )?còn|giảm (?:xuống )?còn|xuống còn)\s$/;
// what the limit is set on: "Thời gian giải quyết thủ tục …" (not "Trong thời hạn không quá 15 ngày")
const TIME_MEASURED = /thời gian/;
// what is added each year: "tăng bình quân 500 tỷ đồng/năm" (not "bình quân đạt 85 triệu đồng/năm")
const INCREASE_BEFORE = /tăng(?: trưởng| thêm| bình quân| trung bình)?\s(?:\S+\s){0,2}$/;

function classify(low: string, m: RegExpExecArray, parens: [number, number][]): Found | null {
  const at = m.index;
  let end = at + m[0].length;
  const first = parseNumeral(m[1] as string);
  const second = m[4] ? parseNumeral(m[4]) : null;
  if (first === null) return null;
  const pct = Boolean(m[2] || m[5]);
  const isYear = !pct && second === null && first >= 1900 && first <= 2100 && !/[.,]/.test(m[1] as string);
  if (isYear || inside(parens, at)) return null;
  const pre = low.slice(Math.max(0, at - 60), at);
  let post = low.slice(end, end + 80);
  // the denominator of a rate: "35 giường bệnh trên 10.000 dân"
  // (a denominator is a count: "trên 95% dân số" is more than 95% of the population)
  if (!pct && /trên\s$/.test(pre) && /^\s?(dân|người)(\s|$|[,.;])/.test(post)) return null;
  // "bình quân trên 1 ha", "trên 1 lao động": one of what a value is counted per, not a value
  if (first === 1 && second === null && !pct && /(?:trên|\/)\s?$/.test(pre)) return null;
  let unit: string | null = pct ? ((m[2] ?? m[5]) as string).trim() : null;
  if (!pct) {
    const u = readUnit(post);
    unit = u.unit;
    if (u.length > 0) {
      post = post.slice(u.length);
      end += u.length;
    }
  }
  const time = pct
    ? null
    : /^\s?(năm|tháng|ngày|giờ|lần thứ|tuổi)(\s|$|[,.;])/.exec(
        low.slice(at + m[0].length, at + m[0].length + 10),
      );
  // an age is a target only as a life expectancy ("Tuổi thọ trung bình đạt 75 tuổi"), not in
  // "trẻ em dưới 5 tuổi", "người từ 60 tuổi trở lên"
  // a time is a target as a limit ("giải quyết thủ tục không quá 02 ngày làm việc"), not in
  // "trong 05 ngày", "sau 6 tháng", where it is a deadline or a period
  if (
    time &&
    !(time[1] === "tuổi" && lifeExpectancy(low, at)) &&
    !(/^(?:ngày|giờ|tháng)$/.test(time[1] as string) && TIME_LIMIT.test(pre) && TIME_MEASURED.test(pre))
  )
    return null;

  if (/(?:số|khóa|lần thứ|điều|khoản|mục|quý|tháng|ngày)\s?$/.test(pre)) return null;
  // "giai đoạn 2026 - 2030", "thời kỳ 2021-2030": a period, not a range of values
  if (
    second !== null &&
    !pct &&
    second > first &&
    second <= 2100 &&
    first >= 1900 &&
    !/[.,]/.test(`${m[1]}${m[4]}`) &&
    (unit === null || /(?:giai đoạn|thời kỳ|nhiệm kỳ|năm|từ)\s$/.test(pre))
  )
    return null;
  const range = second !== null ? { low: first, high: second } : null;
  const base = {
    value: range ? null : first,
    low: range?.low ?? null,
    high: range?.high ?? null,
    unit,
    per: null,
    at,
    end,
  };
  let perYear = /^\s?(?:%\s?)?\/\s?năm|^\s?(?:mỗi|một|hằng|hàng) năm/.test(post);
  const yearlyBefore =
    /(mỗi năm|hằng năm|hàng năm|bình quân năm|bình quân hằng năm|bình quân mỗi năm|hằng năm)\s(?:\S+\s){0,3}$/.test(
      pre,
    );
  const rising =
    /(tăng|tăng trưởng|tăng thêm|tăng bình quân|tăng trung bình|bình quân|trung bình)\s(?:\S+\s){0,2}$/.test(
      pre,
    );
  // "thu nhập bình quân đạt 85 - 90 triệu đồng/năm": an amount of money a year is the unit's, unless
  // it is what is added each year ("tăng 500 tỷ đồng/năm")
  const moneyPerYear = /^\s?\/\s?năm/.exec(post);
  if (
    moneyPerYear &&
    unit !== null &&
    /(?:đồng|usd)$/.test(unit) &&
    !yearlyBefore &&
    (!INCREASE_BEFORE.test(pre) || /đạt\s$/.test(pre))
  ) {
    perYear = false;
    unit = `${unit}/năm`;
    post = post.slice(moneyPerYear[0].length);
    base.unit = unit;
    base.end += moneyPerYear[0].length;
  }
  // "Mỗi năm đào tạo mới ít nhất 120 bác sĩ": so many more each year
  const added =
    !pct && /(?:mỗi năm|hằng năm|hàng năm)\D*$/.test(pre) && /(?:thêm|mới)\s(?:\S+\s){0,2}$/.test(pre);
  if (perYear || (yearlyBefore && rising) || added) {
    const points = /điểm phần trăm/.test(post.slice(0, 20)) || /^\s?%?\s?\/\s?năm\s?\/\s?\S/.test(post);
    const kind: TargetKind =
      points || (unit !== "%" && unit !== null) ? "increment_per_year" : "growth_per_year";
    return { ...base, kind };
  }
  const rate = RATE.exec(post);
  if (rate) {
    // the counted thing stands between the value and "trên": "2,8 điều dưỡng trên 1.000 dân"
    const counted = /^\s?(\p{L}+(?:\s\p{L}+){0,2})(?:\strên|\s?\/)/u.exec(post);
    if (base.unit === null && counted) base.unit = counted[1] as string;
    const word = rate[1] as string;
    const per = /vạn/.test(word)
      ? 10000
      : /triệu/.test(word)
        ? 1e6
        : /nghìn/.test(word)
          ? 1000
          : (parseNumeral(word) ?? MAGNITUDE[word] ?? null);
    // the rate's words are its own: the next target's indicator starts after "… trên một vạn dân"
    return { ...base, kind: "rate", per, end: end + rate[0].length, wordsAt: at + m[0].length };
  }
  if (range) return { ...base, kind: "range" };
  if (/(không dưới|không thấp hơn|không ít hơn)\s$/.test(pre)) return { ...base, kind: "min" };
  if (
    /(không quá|không vượt quá|tối đa|dưới|thấp hơn|xuống dưới|giảm còn|giảm xuống còn|xuống còn|xuống|không cao hơn|ở mức dưới)\s$/.test(
      pre,
    )
  )
    return { ...base, kind: "max" };
  if (/^\s?trở lên|^\s?trở xuống/.test(post))
    return { ...base, kind: /^\s?trở xuống/.test(post) ? "max" : "min" };
  // "duy trì ổn định ở mức 47%": held at a level
  if (/(^|\s)ở mức\s$/.test(pre)) return { ...base, kind: "exact" };
  if (
    /(từ|tối thiểu|ít nhất|không dưới|không thấp hơn|trên|đạt|chiếm|lên|tăng lên|vượt|hơn)\s(?:(?:mức|khoảng|trên|tối thiểu|ít nhất)\s)?$/.test(
      pre,
    )
  )
    return { ...base, kind: "min" };
  if (
    /(duy trì|giữ|giữ vững|ổn định|bằng|là|có|xây dựng|thành lập|hình thành|hoàn thành|phát triển|hỗ trợ|đào tạo|tổ chức)\s(?:\S+\s){0,2}$/.test(
      pre,
    ) ||
    /^\s?%/.test(post)
  )
    return { ...base, kind: pct ? "min" : "exact" };
  if (pct) return { ...base, kind: "min" };
  return null;
}

// The words that end an indicator before its value ("Tỷ lệ … đạt", "… ở mức"), cut from its end.
const VERB_AT_END =
  /\s*(từ|đạt|tối thiểu|ít nhất|tăng|trung bình|bình quân|chiếm|là|mỗi năm|hằng năm|thuộc|tốp|top|không quá|tối đa|dưới|trên|lên|khoảng|mức|gấp|đạt mức|không thấp hơn|không dưới|không ít hơn|(?:duy trì )?(?:ổn định )?ở mức)(\s|$)*$/giu;
const VERB_AT_END_2 =
  /\s*(từ|đạt|tối thiểu|ít nhất|tăng|trung bình|bình quân|chiếm|là|mỗi năm|thuộc|tốp|top|khoảng|mức)\s*$/giu;
// longer than any phrase of VERB_AT_END (21 characters)
const END_REACH = 40;

/**
 * s.replace(re, "") for `re` of the form /\s*(phrases)\s*$/: run on the end of `s` only, since a
 * regular expression that ends in "$" is otherwise tried from every position of the text. The tail
 * starts before the white space that precedes the last END_REACH characters, so that the match is
 * the same.
 */
function replaceEnd(s: string, re: RegExp): string {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  let k = Math.max(0, e - END_REACH);
  while (k > 0 && isSpaceCode(s.charCodeAt(k - 1))) k--;
  if (k === 0) return s.replace(re, "");
  const tail = s.slice(k);
  const out = tail.replace(re, "");
  return out === tail ? s : s.slice(0, k) + out;
}

function indicatorOf(clauseText: string, from: number, at: number): string {
  let s = clauseText.slice(from, at);
  const close = s.lastIndexOf(")");
  if (close >= 0 && s.indexOf("(") < 0) s = s.slice(close + 1);
  s = s.replace(/^[\s,;]*(?:và|còn|trong đó)\s/, "");
  s = s.replace(/^[\s\-–+•]*/, "").replace(/^(phấn đấu|mục tiêu|chỉ tiêu)\s*:?\s*/i, "");
  s = s.replace(/^(đến|vào) năm \d{4},?\s*/i, "");
  s = replaceEnd(s, VERB_AT_END);
  s = replaceEnd(s, VERB_AT_END_2);
  // its last 30 words, without a final , ; or :
  const c = clean(s);
  let cut = 0;
  for (let i = c.length - 1, spaces = 0; i >= 0; i--) {
    if (c.charCodeAt(i) === 32 && ++spaces === 30) {
      cut = i + 1;
      break;
    }
  }
  const words = c.slice(cut);
  const last = words.charCodeAt(words.length - 1);
  return last === 44 || last === 59 || last === 58 ? words.slice(0, -1) : words;
}

/** Whether `from` is the baseline of `to` ("từ 78% năm 2025 lên 95%"); if so, `to` takes it. */
function fromTo(low: string, from: Found, to: Found): boolean {
  if (from.value === null || to.value === null || to.at - from.end > 24) return false;
  const between = FROM_TO.exec(low.slice(from.end, to.at));
  const before = FROM_BEFORE.exec(low.slice(Math.max(0, from.at - 10), from.at));
  if (!between || !before) return false;
  const year = between[1] ?? between[2];
  to.baseline = { value: from.value, unit: from.unit ?? to.unit, year: year ? Number(year) : null };
  to.indicatorEnd = from.at - before[0].length;
  return true;
}

// "Năm 2024, tỷ lệ che phủ rừng đạt 63,2%": a clause that opens on a year before the document's
// tells where things stand, the baseline of the targets, not a target
const STANDING_YEAR = /^[\s\-–+•]*(?:trong |tính đến |hết |cuối )?năm (\d{4})\b/;

// An indicator that is only the verb before the value ("Có tối thiểu 150 doanh nghiệp khoa học và công
// nghệ", "Hình thành 3 trung tâm"): what is counted follows the value, and is read there.
const VERB_ONLY =
  /^(?:phấn đấu |bình quân |mỗi năm )?(?:có|đạt|hình thành|xây dựng|thành lập|phát triển|hỗ trợ|đào tạo)$/i;

/** The indicator of the i-th target of a clause: the words before its value, or after it (VERB_ONLY). */
function indicatorBefore(text: string, kept: Found[], i: number): string {
  const f = kept[i] as Found;
  const before = indicatorOf(text, i > 0 ? (kept[i - 1] as Found).end : 0, f.indicatorEnd ?? f.at);
  if (!VERB_ONLY.test(before)) return before;
  const end = kept[i + 1]?.at ?? text.length;
  const after = text.slice(f.at, Math.min(end, f.at + 120)).replace(/^[\d.,\s%‰–-]+/, "");
  // what is counted, the bound's "trở lên" left out ("từ 60 doanh nghiệp trở lên đang hoạt động")
  return clean(after.replace(/\s(?:trở lên|trở xuống)(?!\p{L})/u, "")).replace(/[.;,]+$/, "");
}

/** Targets of the given units (paragraphs with their context). */
export function findTargets(units: TargetUnit[], docYear: number | null = null): Target[] {
  const out: Target[] = [];
  for (const u of units) {
    if (u.table) {
      tableTargets(u, out);
      continue;
    }
    const t = u.piece.text;
    if (!/\d/.test(t) && !t.includes("gấp") && !(t.includes("lần") && WORD_MULTIPLE.test(t))) continue;
    const lowPara = foldPiece(u.piece);
    const cue = TARGET_CUE.test(lowPara);
    if (!u.targetSection && !cue) continue;
    for (const c of clauses(u.piece)) {
      const low = foldPiece(c);
      if (isPast(low) || (!u.targetSection && RESULT.test(low))) continue;
      const standing = docYear !== null ? STANDING_YEAR.exec(low) : null;
      if (standing && Number(standing[1]) < (docYear as number) && !low.includes("phấn đấu")) continue;
      if (u.resultSection && !/phấn đấu/.test(low)) continue;
      if (!u.targetSection && !/phấn đấu|chỉ tiêu|mục tiêu|đạt|tăng|giảm|tối thiểu|trở lên/.test(low))
        continue;
      const parens = parenRanges(low);
      const quantities: Found[] = [];
      QUANTITY.lastIndex = 0;
      for (let m = QUANTITY.exec(low); m; m = QUANTITY.exec(low)) {
        const f = classify(low, m, parens);
        if (f) quantities.push(f);
      }
      const multiples: Found[] = [];
      MULTIPLE.lastIndex = 0;
      for (let m = MULTIPLE.exec(low); m; m = MULTIPLE.exec(low)) {
        // "tăng 2 lần", "gấp đôi", and "tăng ít nhất 2,5 lần so với năm 2020" (a bound before the figure)
        if (
          inside(parens, m.index) ||
          !(
            /tăng|gấp/.test(m[0]) || MULTIPLE_BOUND_BEFORE.test(low.slice(Math.max(0, m.index - 24), m.index))
          )
        )
          continue;
        const word = (m[1] ?? m[2] ?? m[3]) as string;
        const value = word === "rưỡi" ? 1.5 : (parseNumeral(word) ?? wordNumber(word));
        if (value === null) continue;
        multiples.push({
          kind: "multiple_of_baseline",
          value,
          low: null,
          high: null,
          unit: null,
          per: null,
          at: m.index,
          end: m.index + m[0].length,
        });
      }
      const ranks: Found[] = [];
      const rankNumbers = new Set<number>();
      RANK.lastIndex = 0;
      for (let m = RANK.exec(low); m; m = RANK.exec(low)) {
        if (inside(parens, m.index)) continue;
        rankNumbers.add(m.index + m[0].length - (m[1] as string).length);
        ranks.push(rankFound(m));
      }
      // a figure inside a multiple ("tăng 2 lần") or a rank ("tốp 10") is not a target of its own;
      // both lists run in text order, so one pass drops them
      let mi = 0;
      const found = quantities
        .filter((f) => {
          while (mi < multiples.length && (multiples[mi] as Found).end <= f.at) mi++;
          const around = multiples[mi];
          return !(around && f.at >= around.at) && !rankNumbers.has(f.at);
        })
        .concat(multiples, ranks);
      found.sort((a, b) => a.at - b.at);
      // "tăng từ 78% năm 2025 lên 95%": the first figure is the baseline of the second
      const kept: Found[] = [];
      for (const f of found) {
        const from = kept[kept.length - 1];
        if (from && fromTo(low, from, f)) kept.pop();
        kept.push(f);
      }
      const year = yearIn(low, parens) ?? u.year;
      // once per clause: the targets of a clause share its text
      const text = kept.length > 0 ? clean(c.text) : "";
      kept.forEach((f, i) => {
        const next = kept[i + 1]?.at ?? low.length;
        const baseline =
          f.baseline ?? baselineIn(low, f.end, next, parens, f.kind === "multiple_of_baseline");
        const target: Target = {
          id: `t${out.length + 1}`,
          text,
          indicator:
            indicatorBefore(c.text, kept, i) ||
            // "đạt 12.000 doanh nghiệp, gấp 1,6 lần năm 2025": the same indicator again
            (f.wordsAt !== undefined
              ? clean(c.text.slice(f.wordsAt, f.end))
              : i > 0 && f.kind === "multiple_of_baseline"
                ? (out[out.length - 1] as Target).indicator
                : clean(c.text.slice(f.end, f.end + 80))),
          kind: f.kind,
          value: f.value,
          low: f.low,
          high: f.high,
          unit: f.unit,
          per: f.per,
          year,
          baseline,
          sectionId: u.sectionId,
          span: spanOf(c),
        };
        out.push(target);
      });
    }
  }
  return out;
}
