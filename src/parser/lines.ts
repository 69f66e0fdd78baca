// Line-level recognisers: page furniture, rules, bullets and section labels.
import { romanToInt } from "./numbers.ts";
import { type DocText, isSpaceCode, type Line } from "./text.ts";

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?\s*$/;
const PAGE_WORD = /^\s*trang\s+\d{1,3}(?:\s*(?:\/|trên)\s*\d{1,3})?\s*$/;
const PAGE_OF = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/;
const RULE = /^\s*(?:[-_=~·•.★☆*]\s*){3,}$|^\s*[★☆]\s*$/;
// A footer a word processor prints: the file's path ("C:\Users\…\CV 2045 ho tich.doc   Trang 1/2").
const FILE_FOOTER = /^[a-z]:\\[^\n]*\.(?:docx?|odt|rtf|pdf)(?:\s|$)/;
// A footnote at the foot of a page: a superscript number, then its text ("¹ Kết luận số 215-KL/TW …"),
// or the same as a converter marks it up ("<sup>1</sup> …", "[^1]: …").
// (its text begins a sentence: a mark at the start of a wrapped line of text, "<sup>1</sup> của …", is none)
const FOOTNOTE = /^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>\s*\d{1,3}\s*<\/sup>|\[\^\d{1,3}\]:)\s?\p{Lu}/u;

/** The line is a footnote (FOOTNOTE), tested on the source only for a line that begins like one. */
function isFootnote(doc: DocText, line: Line): boolean {
  let at = line.start;
  while (at < line.end && isSpaceCode(doc.src.charCodeAt(at))) at++;
  const c = doc.src.charCodeAt(at);
  const superscript = c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
  return (
    (superscript || c === 60 || c === 91) && FOOTNOTE.test(doc.src.slice(at, Math.min(line.end, at + 40)))
  );
}

// the characters rules are drawn with: - _ = ~ · • . ★ ☆ *
function isRuleChar(c: number): boolean {
  return (
    c === 45 ||
    c === 95 ||
    c === 61 ||
    c === 126 ||
    c === 0xb7 ||
    c === 0x2022 ||
    c === 46 ||
    c === 0x2605 ||
    c === 0x2606 ||
    c === 42
  );
}

export function isRule(text: string): boolean {
  // most lines have a letter: only a line of rule characters and spaces is tested
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isRuleChar(c) && !isSpaceCode(c)) return false;
  }
  return RULE.test(text);
}

/**
 * Claims page numbers, running heads (a short line repeated on three or more pages), file-path
 * footers and footnotes that a converter dropped into the text. Returns how many lines were claimed.
 */
export function claimPageFurniture(doc: DocText): number {
  let count = 0;
  // candidates for running heads, by a number made of their length and first and last letters: only
  // lines that share it are compared as strings (hashing every line's text cost more)
  const byShape = new Map<number, Line[]>();
  const pageLines = new Set<number>();
  for (const line of doc.lines) {
    const len = line.end - line.start;
    if (len === 0) continue;
    if (isFootnote(doc, line)) {
      // kept out of the text, but read for the documents it cites
      doc.claimLine(line, "footnote");
      count++;
      continue;
    }
    if (len > 160) continue;
    const low = doc.rawLow(line);
    const trimmed = low.trim();
    if (trimmed.length === 0) continue;
    if (
      (trimmed.length <= 12 && (PAGE_NUMBER.test(low) || PAGE_WORD.test(low) || PAGE_OF.test(low))) ||
      (trimmed.charCodeAt(1) === 58 && FILE_FOOTER.test(trimmed))
    ) {
      doc.claimLine(line, "furniture");
      pageLines.add(line.index);
      count++;
      continue;
    }
    // running heads are short lines; body lines are not counted
    if (trimmed.length > 90 || trimmed.length < 8) continue;
    const k0 = trimmed.charCodeAt(0);
    if (k0 === 45 || k0 === 0x2013 || k0 === 43 || k0 === 0x2022 || (k0 >= 48 && k0 <= 57)) continue;
    const shape = (trimmed.length * 65536 + k0) * 65536 + trimmed.charCodeAt(trimmed.length - 1);
    const list = byShape.get(shape);
    if (list) list.push(line);
    else byShape.set(shape, [line]);
  }
  // lines with the same text, group by group in the order of their first line
  const repeated: Line[][] = [];
  for (const lines of byShape.values()) {
    if (lines.length < 2) continue;
    const byText = new Map<string, Line[]>();
    for (const line of lines) {
      // (as printed: a running head repeats its own case, a wrapped "tỉnh Quảng Trị" is not "TỈNH QUẢNG TRỊ")
      const text = doc.raw(line).trim();
      const list = byText.get(text);
      if (list) list.push(line);
      else byText.set(text, [line]);
    }
    for (const list of byText.values()) if (list.length >= 2) repeated.push(list);
  }
  repeated.sort((a, b) => (a[0] as Line).index - (b[0] as Line).index);
  // a line next to a page number on two pages is a running head too ("UBND tỉnh … - Báo cáo …" / "Trang 2")
  const besidePageNumber = (line: Line): boolean => {
    for (const step of [-1, 1]) {
      let j = line.index + step;
      while (doc.lines[j] && doc.isBlank(doc.lines[j] as Line) && !pageLines.has(j)) j += step;
      if (pageLines.has(j)) return true;
    }
    return false;
  };
  for (const list of repeated) {
    if (list.length === 2 && !list.every(besidePageNumber)) continue;
    for (const line of list) doc.claimLine(line, "furniture");
    count += list.length;
  }
  return count;
}

/** Claims rule lines (-----, ★) anywhere: they carry no words. */
export function claimRules(doc: DocText, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (line.end - line.start < 200 && isRule(doc.raw(line))) doc.claimLine(line, "rule");
  }
}

export const BULLET = /^\s*([-–—+•·▪●◦○∙])\s*(?=\S)/;
const BULLET_CHARS = "-–—+•·▪●◦○∙";

/** BULLET.test(text), with the regular expression run only on a line whose first mark is a bullet. */
export function isBullet(text: string): boolean {
  let at = 0;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return at < text.length && BULLET_CHARS.includes(text[at] as string) && BULLET.test(text);
}

export type LabelScheme =
  | "part"
  | "article"
  | "roman"
  | "arabic."
  | "arabic)"
  | "dotted2"
  | "dotted3"
  | "letter)"
  | "letter.";

export interface Label {
  scheme: LabelScheme;
  label: string;
  /** Position in its sequence: 1 for I / 1 / a. */
  value: number;
  /** Number parts of a dotted label, e.g. [2, 1] for 2.1. */
  parts: number[];
  /** Length of the label text including its punctuation and following spaces. */
  length: number;
}

export const VI_LETTERS = "abcdđeghiklmnopqrstuvxy";

const RE_PART = /^(\s*)(phần|chương|mục)\s+(thứ\s+\S+|[ivxlc]{1,6}|\d{1,2})\s*[.:\-–]?\s*/i;
const RE_ARTICLE = /^(\s*)(điều)\s+(\d{1,3})\s*[.:]\s*/i;
const RE_ROMAN = /^(\s*)([IVXLC]{1,6})\s{0,3}(?:[.:)]|[-–—/](?!v\b))\s*(?=[^\s\d])/;
const RE_DOTTED = /^(\s*)(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?=\S)/;
const RE_ARABIC = /^(\s*)(\d{1,2})\s{0,2}([.)]|\s[-–]|-)\s+(?=\S)/;
// "a)", "a." and, in Party documents, "a-" ("I-", "1-", "a-")
const RE_LETTER = /^(\s*)([a-zđ])\s{0,2}([).]|-(?=\s))\s+(?=\S)/;

/** [0-9IVXLCĐđPpMm] at `at`, or [a-zđ] followed by up to two spaces and ")" or ".". */
function mayStartLabel(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (
    (c >= 48 && c <= 57) ||
    c === 73 ||
    c === 86 ||
    c === 88 ||
    c === 76 ||
    c === 67 ||
    c === 0x110 ||
    c === 0x111 ||
    c === 80 ||
    c === 112 ||
    c === 77 ||
    c === 109
  )
    return true;
  if (!((c >= 97 && c <= 122) || c === 0x111)) return false;
  const end = Math.min(text.length, at + 4);
  let j = at + 1;
  while (j < end && j < at + 3 && isSpaceCode(text.charCodeAt(j))) j++;
  if (j >= end) return false;
  const d = text.charCodeAt(j);
  return d === 41 || d === 46 || d === 45;
}

/** Recognises a section label at the start of a line (in `work` text). */
export function readLabel(text: string): Label | null {
  // fast path: a label starts with a digit, a Roman numeral, a letter and ")", "." or "-", or a word
  // such as Điều / Phần / Chương / Mục
  let at = 0;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  if (at >= text.length) return null;
  if (!mayStartLabel(text, at)) return null;
  // each expression is tried only on the first letters it can match
  const c = text.charCodeAt(at);
  const digit = c >= 48 && c <= 57;
  let m = c === 0x111 || c === 0x110 ? RE_ARTICLE.exec(text) : null;
  if (m) {
    const v = Number(m[3]);
    return { scheme: "article", label: `Điều ${v}`, value: v, parts: [v], length: m[0].length };
  }
  m = c === 112 || c === 80 || c === 99 || c === 67 || c === 109 || c === 77 ? RE_PART.exec(text) : null;
  if (m) {
    const raw = m[3] as string;
    const v = /^\d+$/.test(raw) ? Number(raw) : (romanToInt(raw) ?? 0);
    if (v > 0) {
      const word = (m[2] as string).toLowerCase();
      const name = word.charAt(0).toUpperCase() + word.slice(1);
      return {
        scheme: "part",
        label: `${name} ${raw.toUpperCase()}`,
        value: v,
        parts: [v],
        length: m[0].length,
      };
    }
  }
  m = c === 73 || c === 86 || c === 88 || c === 76 || c === 67 ? RE_ROMAN.exec(text) : null;
  if (m) {
    const v = romanToInt(m[2] as string);
    if (v) return { scheme: "roman", label: m[2] as string, value: v, parts: [v], length: m[0].length };
  }
  m = digit ? RE_DOTTED.exec(text) : null;
  if (m) {
    const parts = (m[2] as string).split(".").map(Number);
    if (parts.every((p) => p > 0)) {
      return {
        scheme: parts.length === 2 ? "dotted2" : "dotted3",
        label: m[2] as string,
        value: parts[parts.length - 1] as number,
        parts,
        length: m[0].length,
      };
    }
  }
  m = digit ? RE_ARABIC.exec(text) : null;
  if (m) {
    const v = Number(m[2]);
    if (v > 0) {
      const scheme = m[3] === ")" ? "arabic)" : "arabic.";
      return { scheme, label: String(v), value: v, parts: [v], length: m[0].length };
    }
  }
  m = (c >= 97 && c <= 122) || c === 0x111 ? RE_LETTER.exec(text) : null;
  if (m) {
    const idx = VI_LETTERS.indexOf(m[2] as string);
    if (idx >= 0) {
      const scheme = m[3] === ")" ? "letter)" : "letter.";
      return { scheme, label: m[2] as string, value: idx + 1, parts: [idx + 1], length: m[0].length };
    }
  }
  return null;
}
