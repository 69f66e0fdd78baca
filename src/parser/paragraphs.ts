// Rebuilds paragraphs from the lines left after the header, stamps and signature were claimed.
// Converted documents wrap lines at a fixed width (often with a blank line after every line, as PDF
// converters do), or keep one paragraph per line (DOCX): the layout is measured first, then a line
// ends a paragraph when it is short, ends a sentence before a new one, or precedes a bullet or label.
import { isBullet, type Label, readLabel } from "./lines.ts";
import { readTableRow } from "./tables.ts";
import { clean, collapseRanges, type DocText, fold, type Line, type Piece, type Range } from "./text.ts";

export interface Paragraph {
  piece: Piece;
  firstLine: number;
  lastLine: number;
  kind: "text" | "bullet" | "label" | "row";
  label: Label | null;
  /** Cells, for a table row. */
  cells: string[] | null;
}

export interface Layout {
  /** Most lines are hard-wrapped at about `width` characters. */
  wrapped: boolean;
  /** A blank line follows almost every line, so blank lines do not separate paragraphs. */
  doubleSpaced: boolean;
  width: number;
}

export function measureLayout(doc: DocText, from: number, to: number): Layout {
  const lengths: number[] = [];
  let nonBlank = 0;
  let blankAfter = 0;
  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) continue;
    nonBlank++;
    const next = doc.lines[i + 1];
    if (next && doc.isBlank(next) && !doc.isClaimedText(next)) blankAfter++;
    const len = doc.visibleLength(line);
    if (len >= 20) lengths.push(len);
  }
  lengths.sort((a, b) => a - b);
  const width = lengths.length > 0 ? (lengths[Math.floor(lengths.length * 0.85)] as number) : 80;
  return {
    wrapped: width <= 160 && lengths.length >= 3,
    doubleSpaced: nonBlank >= 4 && blankAfter / nonBlank >= 0.6,
    width,
  };
}

// Words that may start a wrapped line in the middle of a sentence although capitalised.
const PROPER_START =
  /^(tỉnh|thành|huyện|xã|phường|trung ương|đảng|việt nam|nhà nước|nhân dân|chính phủ|quốc hội|ban |sở |bộ |ủy ban|ubnd|hđnd|mttq|hội |mặt trận|kết luận|nghị quyết|chỉ thị|quyết định|chương trình|kế hoạch|công văn|thông báo|chiến lược|đề án|thường trực|thường vụ|văn phòng|phòng |đoàn|báo |đài |công an|quân sự|[a-zđ]?\d|[A-ZĐ]{2,})/;

const STOPS = ".:;!?";

/** /[.:;!?]["”)]?$/ (which "./." satisfies too), by the last characters. */
function endsSentence(s: string): boolean {
  const last = s[s.length - 1];
  if (last === undefined) return false;
  if (STOPS.includes(last)) return true;
  return (
    (last === '"' || last === "”" || last === ")") &&
    s.length > 1 &&
    STOPS.includes(s[s.length - 2] as string)
  );
}

/**
 * A symbol broken after a dash: after its number ("Chỉ thị số 42-" / "CT/TW") or after the type code
 * of a State symbol ("Quyết định số 3412/QĐ-" / "UBND ngày …").
 */
function endsWithNumberDash(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  if (last !== 45 && last !== 0x2013) return false;
  const d = s.charCodeAt(s.length - 2);
  return (d >= 48 && d <= 57) || STATE_SYMBOL_HEAD.test(s.slice(-16));
}
const STATE_SYMBOL_HEAD = /\d\/[A-ZĐ]{1,8}[-–]$/;

/**
 * "… và các tổ chức chính trị" / "- xã hội tỉnh …": a line that begins with a dash and a lower-case
 * word, under a line that ends in the middle of a phrase, is the rest of a compound ("chính trị - xã
 * hội", "kinh tế - xã hội") that a converter wrapped at its dash, not a bullet.
 */
function wrappedAtDash(prev: string, next: string): boolean {
  if (prev.length === 0 || /[.:;,!?)]$/.test(prev)) return false;
  return /^[-–]\s\p{Ll}/u.test(next);
}

const QUARTER_REST = /^[IV]{1,3}\s?\/\s?\d{2,4}(?!\d)/;

function shouldBreak(
  layout: Layout,
  prev: string,
  next: string,
  blankBetween: boolean,
  inLabel: boolean,
): boolean {
  // "… hoàn thành trong quý" / "I/2027.": a quarter's number and year go on the phrase, never a heading
  if (!blankBetween && QUARTER_REST.test(next) && /quý\s*$/i.test(prev)) return false;
  if (layout.wrapped) {
    if (blankBetween && !layout.doubleSpaced) return true;
    // a symbol broken after its dash ("Chỉ thị số 42-" / "CT/TW") goes on, however short the line
    if (endsWithNumberDash(prev) && /^[A-ZĐ]/.test(next)) return false;
    const len = prev.length;
    if (len < 0.8 * layout.width) return true;
    if (endsSentence(prev) && len < 0.93 * layout.width) return true;
    if (prev.endsWith(":")) return true;
    if (
      inLabel &&
      /^\p{Lu}/u.test(next) &&
      !/[,\-–]$/.test(prev) &&
      // a name broken between its words: "… chỉ đạo Sở Công" / "Thương phối hợp …"
      !(/(^|\s)\p{Lu}\p{Ll}+$/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(next)) &&
      !PROPER_START.test(fold(next)) &&
      !PROPER_START.test(next)
    )
      return true;
    return false;
  }
  if (blankBetween) return true;
  if (endsSentence(prev)) return true;
  return !/^[\p{Ll}\d(“"]/u.test(next);
}

const NUMBER_HEAD = /^(?:stt|tt|số tt|số thứ tự)$/;

/**
 * A converter that prints each line of a wrapped cell as a row of its own ("| 1 | Rà soát kịch bản
 * xâm | Chi cục Thủy lợi | Trước ngày |" / "|   | nhập mặn | | 15/12/2026 |"): under a numbered table,
 * a row with no number whose first text goes on in lower case, with a cell left empty under text, is
 * the rest of the row above, cell by cell. A row that starts a group ("|   | Nhóm nhiệm vụ … |") or a sub-item
 * ("|   | a) …") stays a row.
 */
function continuesCells(head: string[], prev: string[] | null, cells: string[]): boolean {
  if (!prev || cells.length !== prev.length || cells[0] !== "" || prev[0] === "") return false;
  if (!NUMBER_HEAD.test(fold(head[0] ?? ""))) return false;
  const at = cells.findIndex((c) => c.length > 0);
  const first = cells[at];
  if (first === undefined || !/^\p{Ll}/u.test(first) || SUB_ITEM.test(first)) return false;
  // the cell above is cut off, not a sentence that ended; and some cell that has text above is empty
  // here (the other lines of a wrapped row are shorter), where a row of its own fills them all
  return (
    !/[.;:!?]$/.test(prev[at] ?? "") && cells.some((c, k) => k > 0 && c === "" && (prev[k] ?? "") !== "")
  );
}
// the start of a sub-item of its own: "a) …", "- …", "1.1. …"
const SUB_ITEM = /^(?:[a-zđ][).]|[-–+•]|\d+(?:\.\d+)+\.?)\s/;

/** A table row being read, and the number of cells of the row before it in its table (0 if none). */
interface TableRow {
  para: Paragraph;
  lines: Line[];
  width: number;
}

// A row wraps over a few lines at most; more is not a wrapped row.
const MAX_ROW_LINES = 8;

/**
 * A pipe row that a converter wrapped goes on in the next line: "| 1 | Rà soát … | Sở" then "Giáo
 * dục và Đào tạo | … | Quý IV/2025 |". The row is open while it has not reached its closing pipe (a
 * line starting with a pipe then opens a new row, unless the open one still lacks cells), or while it
 * lacks cells and the next line is the rest of one ("Sản phẩm |").
 */
function continuesRow(row: TableRow, text: string, blankBetween: boolean): boolean {
  const joined = row.para.piece.text.trim();
  if (!joined.startsWith("|") || row.lines.length >= MAX_ROW_LINES) return false;
  const short = row.width > 0 && (row.para.cells?.length ?? 0) < row.width;
  if (!joined.endsWith("|")) return !text.startsWith("|") || short;
  return !blankBetween && !text.startsWith("|") && text.endsWith("|") && (short || row.width === 0);
}

/** Paragraphs of the unclaimed lines in [from, to). */
export function buildParagraphs(doc: DocText, from: number, to: number, layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  let ranges: Range[] = [];
  let firstLine = -1;
  let lastLine = -1;
  let kind: Paragraph["kind"] = "text";
  let label: Label | null = null;
  let prevText = "";
  let blankBetween = false;
  // Lines claimed by other stages (page numbers, a header dropped mid-text) are transparent: the
  // paragraph may continue across them, blank lines around them included.
  let transparent = false;

  const flush = (): void => {
    if (ranges.length === 0) return;
    const piece = collapseRanges(doc, ranges);
    if (piece.text.length > 0) out.push({ piece, firstLine, lastLine, kind, label, cells: null });
    ranges = [];
    label = null;
    kind = "text";
  };

  // The last table row while its table goes on, with the number of cells of the row before it.
  let row = null as TableRow | null;
  // the first row of the table being read
  let tableHead: string[] | null = null;

  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) {
      if (doc.isClaimedText(line)) {
        transparent = true;
        blankBetween = false;
      } else if (!transparent) blankBetween = true;
      continue;
    }
    transparent = false;
    const visible = doc.visible(line);
    const text = visible.trim();
    if (row && continuesRow(row, text, blankBetween)) {
      row.lines.push(line);
      const piece = collapseRanges(doc, row.lines);
      row.para.piece = piece;
      row.para.lastLine = i;
      row.para.cells = readTableRow(piece.text) ?? row.para.cells;
      blankBetween = false;
      continue;
    }
    const cells = readTableRow(visible);
    if (cells && cells.length === 0) continue;
    if (cells && row && tableHead && continuesCells(tableHead, row.para.cells, cells)) {
      row.lines.push(line);
      row.para.cells = (row.para.cells as string[]).map((c, k) => clean(`${c} ${cells[k] ?? ""}`));
      row.para.piece = collapseRanges(doc, row.lines);
      row.para.lastLine = i;
      blankBetween = false;
      continue;
    }
    if (cells) {
      flush();
      if (!row) tableHead = cells;
      const para: Paragraph = {
        piece: collapseRanges(doc, [line]),
        firstLine: i,
        lastLine: i,
        kind: "row",
        label: null,
        cells,
      };
      out.push(para);
      row = { para, lines: [line], width: row?.para.cells?.length ?? 0 };
      prevText = "";
      blankBetween = false;
      continue;
    }
    row = null;
    const lineLabel = readLabel(visible);
    const dashWrap = !blankBetween && ranges.length > 0 && wrappedAtDash(prevText, text);
    const bullet = isBullet(visible) && !dashWrap;
    const startsNew =
      ranges.length === 0 ||
      lineLabel !== null ||
      bullet ||
      (!dashWrap && shouldBreak(layout, prevText, text, blankBetween, kind === "label"));
    if (startsNew) {
      flush();
      firstLine = i;
      kind = lineLabel ? "label" : bullet ? "bullet" : "text";
      label = lineLabel;
    }
    // "…Nghị quyết số 20-" / "NQ/TW": a symbol broken after its dash joins without a space
    const glue = !startsNew && endsWithNumberDash(prevText) && /^[A-ZĐ]/.test(text);
    ranges.push(glue ? { start: line.start, end: line.end, glue } : line);
    lastLine = i;
    prevText = text;
    blankBetween = false;
  }
  flush();
  return out;
}
