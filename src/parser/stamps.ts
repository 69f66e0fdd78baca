// Incoming-document stamps ("VĂN BẢN ĐẾN", "Số: …", "Ngày: …", "Chuyển: …") that the receiving
// office put on the page. A converter often interleaves them with the title; they are claimed so
// that neither the title nor the body keeps their words.
import { findDate } from "./dates.ts";
import type { Received } from "./schema.ts";
import { clean, type DocText, isSpaceCode, type Line } from "./text.ts";
import { isUpperWord } from "./vocabulary.ts";

// "VĂN BẢN ĐẾN", "CÔNG VĂN ĐẾN", "ĐẾN" alone on its line, or "ĐẾN" before the stamp's first field on
// the same line ("ĐẾN  Số: 4471", as an OCR joins the stamp's two lines)
const KEYWORD = /(?:văn bản|công văn|vb|cv)\s{1,3}đến(?=\s|$|[*:,.])|^\s*đến\s*$|^\s*đến(?=\s{1,3}số\s*:)/g;
const KEYWORD_BEFORE_FIELD = /^\s*đến\s{1,3}số\s*:/;
// Stamp fields: "Số: …", "Ngày: 11/01/2024", "Chuyển: …", "Lưu hồ sơ: …" (short lines).
const FIELD =
  /^\s*(?:số\s*:|ngày\s*:?\s*[\d.…_ ]{2,}[/.\-\d…_ ]*(?:\.|$)|chuyển\s*:|lưu hồ sơ|giờ\s*:|người nhận|ký nhận|đến\s*:)/;

const HEADER_LINE = /độc lập|cộng h[oò]a xã hội|đảng cộng sản việt nam|hạnh phúc/;
const OWN_SYMBOL = /^\s*số\s*:?[^/\n]{0,12}\/\s*[a-zđ]/;

/** Leading (or trailing) run of upper-case words in a text: "TỈNH ỦY QUẢNG NGÃI khoa học…". */
function upperRun(text: string, fromEnd: boolean): { start: number; end: number } | null {
  const words = [...text.matchAll(/\S+/g)];
  const seq = fromEnd ? [...words].reverse() : words;
  let count = 0;
  let letters = 0;
  for (const w of seq) {
    const token = (w[0] as string).replace(/[,.;:]+$/, "");
    if (!isUpperWord(token) || /\d/.test(token)) break;
    count++;
    letters += token.length;
  }
  if (count < 2 || letters < 6) return null;
  const used = seq.slice(0, count);
  const a = fromEnd ? (used[used.length - 1] as RegExpMatchArray) : (used[0] as RegExpMatchArray);
  const b = fromEnd ? (used[0] as RegExpMatchArray) : (used[used.length - 1] as RegExpMatchArray);
  return { start: a.index ?? 0, end: (b.index ?? 0) + (b[0] as string).length };
}

export interface StampResult {
  received: Received[];
  spans: [number, number][];
}

/**
 * KEYWORD can match: an "đến" one to three spaces after a word ending in n, b or v (văn bản, công
 * văn, vb, cv), or "đến" alone on its line. Most lines with "đến" are text ("từ … đến …").
 */
function mayHaveKeyword(low: string): boolean {
  if (low.trim() === "đến" || KEYWORD_BEFORE_FIELD.test(low)) return true;
  for (let at = low.indexOf("đến"); at >= 0; at = low.indexOf("đến", at + 3)) {
    let k = at;
    while (k > 0 && at - k < 3 && isSpaceCode(low.charCodeAt(k - 1))) k--;
    if (k === at) continue;
    const c = low.charCodeAt(k - 1);
    if (c === 110 || c === 98 || c === 118) return true;
  }
  return false;
}

export function claimStamps(doc: DocText, from: number, to: number): StampResult {
  const received: Received[] = [];
  const spans: [number, number][] = [];
  // every keyword ends with "đến"; the line after a stamp's heading is not read as another one
  let resumeAt = from;
  for (const i of doc.linesWith(["đến"], from, to)) {
    if (i < resumeAt) continue;
    const line = doc.lines[i] as Line;
    if (line.end - line.start > 400) continue;
    const low = doc.rawLow(line);
    if (!mayHaveKeyword(low)) continue;
    KEYWORD.lastIndex = 0;
    const m = KEYWORD.exec(low);
    if (!m) continue;
    const text = doc.raw(line);
    const kwStart = m.index + (m[0].length - m[0].trimStart().length);
    if (!isUpperWord(text.slice(kwStart, kwStart + m[0].trim().length).replace(/\s+/g, ""))) continue;
    // the keyword's own upper-case run: "VĂN BẢN ĐẾN QUA MẠNG"
    const tail = upperRun(text.slice(kwStart), false);
    const kwEnd = kwStart + (tail ? tail.end : m[0].trim().length);
    const channelWords = clean(text.slice(kwStart + m[0].trim().length, kwEnd));
    let start = line.start + kwStart;
    let end = line.start + kwEnd;
    doc.claim(start, end);
    // the receiving body: upper-case words before the keyword, on this line or the line above
    let issuer: string | null = null;
    const before = upperRun(text.slice(0, kwStart), true);
    if (before) {
      issuer = clean(text.slice(before.start, before.end));
      doc.claim(line.start + before.start, line.start + before.end);
      start = line.start + before.start;
    } else {
      for (let j = i - 1; j >= Math.max(from, i - 2); j--) {
        const prev = doc.lines[j] as Line;
        if (doc.isBlank(prev)) continue;
        const pt = doc.raw(prev);
        // the document's own header ("TỈNH HÀ TĨNH      Độc lập - Tự do - Hạnh phúc") names no receiver
        if (HEADER_LINE.test(doc.rawLow(prev))) break;
        const run = upperRun(pt, false);
        if (run) {
          issuer = clean(pt.slice(run.start, run.end));
          doc.claim(prev.start + run.start, prev.start + run.end);
          if (doc.isClaimedText(prev)) doc.kinds[j] = "stamp";
          start = prev.start + run.start;
        }
        break;
      }
    }
    if (doc.isClaimedText(line)) doc.kinds[i] = "stamp";
    // the stamp's fields: after the keyword on its line, and on the following lines
    let number: string | null = null;
    let date: string | null = null;
    const readField = (fieldLow: string, fieldRaw: string): void => {
      const nm = /số\s*:?\s*([^\s.…]*[^\s…]*)/.exec(fieldLow);
      if (nm && number === null) {
        const raw = fieldRaw.slice(nm.index, nm.index + nm[0].length);
        const value = raw.replace(/^số\s*:?\s*/i, "").replace(/[.…_]+$/, "");
        number = value.length > 0 && /[\p{L}\d]/u.test(value) ? value : null;
      }
      if (date === null) date = findDate(fieldLow)?.iso ?? null;
    };
    const restLow = low.slice(kwEnd);
    if (FIELD.test(restLow)) {
      readField(restLow, text.slice(kwEnd));
      doc.claim(line.start + kwEnd, line.end);
      end = line.end;
    }
    let blanks = 0;
    for (let j = i + 1; j < Math.min(to, i + 9); j++) {
      const next = doc.lines[j] as Line;
      if (doc.isBlank(next)) {
        if (++blanks > 2) break;
        continue;
      }
      const nl = doc.rawLow(next);
      if (nl.trim().length > 160) break;
      blanks = 0;
      // the stamp may sit a few lines below its heading, with title lines in between
      if (!FIELD.test(nl)) continue;
      // "Số: 2045/UBND-VP": the document's own symbol, not the stamp's number; nor is a second
      // "Số" or "Ngày" once the stamp has both
      if (
        OWN_SYMBOL.test(nl) ||
        (number !== null && date !== null && /^\s*(?:số|ngày)(?![\p{L}\d])/u.test(nl))
      )
        break;
      readField(nl, doc.raw(next));
      // the stamp may stand in a column beside the title: claim its own column only
      const field = /^\s*[^\s:]+(?:\s[^\s:]+)?\s*:\s*\S+(?: \S+)*(?=(?:\t|\s{3,})\S)/.exec(doc.raw(next));
      if (field) doc.claim(next.start, next.start + field[0].length);
      else doc.claimLine(next, "stamp");
      end = next.end;
    }
    received.push({
      issuer,
      number,
      date,
      channel: channelWords ? channelWords.toLowerCase() : null,
      span: [start, end],
    });
    spans.push([start, end]);
    resumeAt = i + 2;
  }
  return { received, spans };
}
