// The document header: national or Party motto, issuing body (and its parent), symbol, place and
// date, type name and title. The header may stand anywhere before the signature: converters move it.
import { isoDate, isoMonth } from "./dates.ts";
import { isRule, readLabel } from "./lines.ts";
import type { DocumentType } from "./schema.ts";
import {
  clean,
  type DocText,
  fold,
  isSpaceCode,
  joinPieces,
  type Line,
  type Piece,
  slicePiece,
  spanOf,
  trimPiece,
} from "./text.ts";
import { TYPE_NAMES } from "./vocabulary.ts";

const MAX_HEADER_LINE = 400;

export interface Motto {
  line: number;
  kind: "party" | "state";
  span: [number, number];
}

const W = String.raw`\s{1,3}`;
const PARTY_MOTTO = new RegExp(`đảng${W}cộng${W}sản${W}việt${W}nam`, "g");
const STATE_MOTTO = new RegExp(`cộng${W}hòa${W}xã${W}hội${W}chủ${W}nghĩa(?:${W}việt${W}nam)?`, "g");
const STATE_MOTTO_2 = /độc\s{0,3}lập\s{0,3}[-–—]\s{0,3}tự\s{0,3}do\s{0,3}[-–—]\s{0,3}hạnh\s{0,3}phúc/g;

const hasLower = (s: string): boolean => /\p{Ll}/u.test(s);

/** Finds and claims the mottos (Party and State) in lines [from, to). */
export function claimMottos(doc: DocText, from: number, to: number): Motto[] {
  const found: Motto[] = [];
  // every motto has "cộng" or "độc"; a line claimed whole before (a stamp) that names the Party is
  // taken for a motto's too
  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (!doc.hasClaims(line) || line.end - line.start > MAX_HEADER_LINE) continue;
    const low = doc.rawLow(line);
    if (low.includes("đảng") && !low.includes("cộng") && !low.includes("độc") && doc.isClaimedText(line))
      doc.kinds[i] = "motto";
  }
  for (const i of doc.linesWith(["cộng", "độc"], from, to)) {
    const line = doc.lines[i] as Line;
    if (line.end - line.start > MAX_HEADER_LINE) continue;
    const low = doc.rawLow(line);
    const take = (re: RegExp, kind: "party" | "state", upper: boolean): void => {
      re.lastIndex = 0;
      for (let m = re.exec(low); m; m = re.exec(low)) {
        const s = line.start + m.index;
        const e = s + m[0].length;
        if (upper && hasLower(doc.work.slice(s, e))) continue;
        doc.claim(s, e);
        found.push({ line: i, kind, span: [s, e] });
      }
    };
    take(PARTY_MOTTO, "party", true);
    take(STATE_MOTTO, "state", true);
    take(STATE_MOTTO_2, "state", false);
    // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM" split over two lines
    const last = found[found.length - 1];
    if (
      last &&
      last.line === i &&
      last.kind === "state" &&
      !/việt\s+nam\s*$/.test(low.slice(0, last.span[1] - line.start))
    ) {
      const next = doc.lines[i + 1];
      if (next && /^\s*VIỆT\s+NAM\s*$/.test(doc.raw(next))) doc.claimLine(next, "motto");
    }
    if (doc.isClaimedText(line)) doc.kinds[i] = "motto";
  }
  return found;
}

export interface SymbolInfo {
  line: number;
  symbol: string;
  number: string | null;
  span: [number, number];
}

const SYMBOL_CHAR = /[A-Za-zÀ-ỹĐđ0-9&]/;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Reads "Số: 726/KH-UBND", "Số 2018-CV/TU", "Số:      /UBND-VP" starting at the "S" of "Số". */
export function readSymbolAt(
  work: string,
  at: number,
  end: number,
): { symbol: string; number: string | null; end: number } | null {
  let j = at + 2;
  const skip = (chars: string, max: number): void => {
    let k = 0;
    while (j < end && k < max && chars.includes(work[j] as string)) {
      j++;
      k++;
    }
  };
  skip(" \t", 10);
  if (work[j] === ":" || work[j] === ".") j++;
  skip(" \t", 80);
  const numStart = j;
  // an O between digits is a zero an OCR misread ("2O45")
  while (
    j < end &&
    j - numStart < 8 &&
    (isDigit(work[j]) || (work[j] === "O" && isDigit(work[j - 1]) && isDigit(work[j + 1])))
  )
    j++;
  if (j > numStart && j < end && /[a-z]/.test(work[j] as string) && !SYMBOL_CHAR.test(work[j + 1] ?? " "))
    j++;
  const number = j > numStart ? work.slice(numStart, j).replace(/O/g, "0") : null;
  if (number === null) skip(" \t._…", 80);
  else skip(" ", 2);
  let tail = "";
  let k = j;
  for (let guard = 0; guard < 8 && k < end; guard++) {
    let s = k;
    if (work[s] === " " && /[-/–]/.test(work[s + 1] ?? "")) s++;
    const sep = work[s];
    if (sep !== "-" && sep !== "/" && sep !== "–") break;
    let c = s + 1;
    if (work[c] === " " && SYMBOL_CHAR.test(work[c + 1] ?? "")) c++;
    const codeStart = c;
    while (
      c < end &&
      c - codeStart < 20 &&
      (SYMBOL_CHAR.test(work[c] as string) || (work[c] === "." && SYMBOL_CHAR.test(work[c + 1] ?? "")))
    )
      c++;
    if (c === codeStart) break;
    tail += `${sep === "–" ? "-" : sep}${work.slice(codeStart, c)}`;
    k = c;
  }
  if (!tail.includes("/") || !/[A-ZĐ]/.test(tail)) return null;
  if (number === null && !tail.startsWith("/") && !tail.startsWith("-")) return null;
  return { symbol: `${number ?? ""}${tail}`, number, end: k };
}

/** Finds and claims the first document symbol line ("Số …") in lines [from, to). */
export function claimSymbol(doc: DocText, from: number, to: number): SymbolInfo | null {
  for (const i of doc.linesWith(["Số", "SỐ"], from, to, doc.work)) {
    const line = doc.lines[i] as Line;
    if (line.end - line.start > MAX_HEADER_LINE) continue;
    const text = doc.raw(line);
    for (let at = text.search(/S[ốỐ]/); at >= 0; ) {
      const before = text.slice(0, at);
      const okBefore = /^\s*$/.test(before) || /(?:\s{2}|\t)$/.test(before);
      const after = text[at + 2] ?? " ";
      if (okBefore && !/\p{L}/u.test(after)) {
        const m = readSymbolAt(doc.work, line.start + at, line.end);
        if (m && !doc.claimed(line.start + at)) {
          doc.claim(line.start + at, m.end);
          if (doc.isClaimedText(line)) doc.kinds[i] = "symbol";
          return { line: i, symbol: m.symbol, number: m.number, span: [line.start + at, m.end] };
        }
      }
      const next = text.slice(at + 2).search(/S[ốỐ]/);
      at = next < 0 ? -1 : at + 2 + next;
    }
  }
  return null;
}

export interface PlaceDate {
  line: number;
  place: string | null;
  date: string | null;
  incomplete: boolean;
  invalid: boolean;
  text: string;
  span: [number, number];
}

const DATE_REST =
  /ngày[ .…_\t]{0,40}(\d{1,2})?[ .…_\t]{0,40}tháng[ .…_\t]{0,40}(\d{1,2})?[ .…_\t]{0,40}năm[ .…_\t]{0,10}(\d{4})/y;
const PLACE = /^[\p{Lu}][\p{L}.\- ]{0,40}$/u;

/** "Quảng ngãi" → "Quảng Ngãi": place names are written with every syllable capitalised. */
export function placeCase(place: string): string {
  const words = clean(place).split(" ");
  return words
    .map((w, i) => {
      const lw = w.toLowerCase();
      if (
        i > 0 &&
        (lw === "phố" || lw === "xã" || lw === "trấn") &&
        /^(thành|thị)$/i.test(words[i - 1] ?? "")
      )
        return lw;
      return w.length > 0 ? (w[0] as string).toUpperCase() + w.slice(1).toLowerCase() : w;
    })
    .join(" ")
    .replace(/^Tp\./, "TP.");
}

/**
 * Where the last column gap of `s` ends: the end of the last match of /\s{3,}|\t/g, or 0. (A scan
 * back from the end; the expression would be tried at every position, and a header line is mostly
 * spaces between its columns.)
 */
function afterLastGap(s: string): number {
  let i = s.length;
  while (i > 0) {
    if (!isSpaceCode(s.charCodeAt(i - 1))) {
      i--;
      continue;
    }
    let a = i - 1;
    while (a > 0 && isSpaceCode(s.charCodeAt(a - 1))) a--;
    // a run of three or more is one gap; in a shorter run, each tab is one
    if (i - a >= 3) return i;
    for (let k = i - 1; k >= a; k--) if (s.charCodeAt(k) === 9) return k + 1;
    i = a;
  }
  return 0;
}

/** Reads a place-and-date ("Quảng Ngãi, ngày 22 tháng 02 năm 2024") found on one line. */
export function readPlaceDate(doc: DocText, line: Line): Omit<PlaceDate, "line"> | null {
  if (line.end - line.start > MAX_HEADER_LINE) return null;
  const low = doc.rawLow(line);
  for (let at = low.indexOf("ngày"); at >= 0; at = low.indexOf("ngày", at + 4)) {
    if (doc.claimed(line.start + at)) continue;
    DATE_REST.lastIndex = at;
    const m = DATE_REST.exec(low);
    if (!m) continue;
    const before = doc.raw(line).slice(0, at);
    const comma = before.trimEnd();
    const segStart = afterLastGap(comma);
    let placeRaw = comma.slice(segStart).replace(/,$/, "").trim();
    if (segStart > 0) placeRaw = placeRaw.trimStart();
    const hasPlace = placeRaw.length > 0 && PLACE.test(placeRaw) && placeRaw.split(/\s+/).length <= 6;
    if (!hasPlace && placeRaw.length > 0) continue;
    const year = Number(m[3]);
    const month = m[2] ? Number(m[2]) : null;
    const day = m[1] ? Number(m[1]) : null;
    let date: string | null = null;
    let invalid = false;
    if (month !== null && day !== null) {
      date = isoDate(year, month, day);
      if (!date) {
        invalid = true;
        date = isoMonth(year, month) ?? String(year);
      }
    } else if (month !== null) date = isoMonth(year, month) ?? String(year);
    else date = year >= 1900 && year <= 2200 ? String(year) : null;
    const start = line.start + (hasPlace ? before.indexOf(placeRaw) : at);
    const end = line.start + at + m[0].length;
    return {
      place: hasPlace ? placeCase(placeRaw) : null,
      date,
      incomplete: day === null || month === null,
      invalid,
      text: clean(doc.work.slice(start, end)),
      span: [start, end],
    };
  }
  return null;
}

export function claimPlaceDate(doc: DocText, from: number, to: number): PlaceDate | null {
  for (const i of doc.linesWith(["ngày"], from, to)) {
    const line = doc.lines[i] as Line;
    const pd = readPlaceDate(doc, line);
    if (!pd) continue;
    if (pd.place === null && !/^\s*ngày/i.test(doc.raw(line).slice(pd.span[0] - line.start))) continue;
    doc.claim(pd.span[0], pd.span[1]);
    if (doc.isClaimedText(line)) doc.kinds[i] = "date";
    return { line: i, ...pd };
  }
  return null;
}

export interface TypeLine {
  line: number;
  type: DocumentType;
  /** The body named after "CỦA" on the type line or the line below ("BỘ CHÍNH TRỊ"). */
  body: string | null;
  /** Words on the type line after the type name that begin the title. */
  rest: Piece | null;
  lastLine: number;
}

/** Reads a type line ("KẾ HOẠCH", "KẾT LUẬN CỦA BỘ CHÍNH TRỊ") from visible text. */
export function readTypeName(text: string): { type: DocumentType; name: string; restAt: number } | null {
  const t = text.trimStart();
  const lead = text.length - t.length;
  if (t.length === 0 || hasLower(t.slice(0, 14))) return null;
  const ft = fold(t);
  for (const [name, type] of TYPE_NAMES) {
    if (!ft.startsWith(name)) continue;
    const after = t.slice(name.length);
    if (after.length > 0 && !/^[\s:]/.test(after)) continue;
    if (/^\s*:/.test(after)) return null;
    return { type, name, restAt: lead + name.length };
  }
  return null;
}

const TITLE_OPENERS =
  /^(căn cứ|thực hiện|để |theo |ngày \d|sau |qua |trong |nhằm |hiện nay|thời gian qua|năm 20|trên cơ sở|thi hành|triển khai|nhận được|vừa qua|vấn đề|kính gửi|ban thường vụ .{0,30}(yêu cầu|ban hành))/;

/** The first line with text in [from, to), within two lines, begins with "về" (a title's first word). */
function startsWithAbout(doc: DocText, from: number, to: number): boolean {
  for (let j = from; j < Math.min(to, from + 2); j++) {
    const line = doc.lines[j] as Line;
    if (doc.isBlank(line)) continue;
    return /^về\s/.test(doc.rawLow(line).trimStart());
  }
  return false;
}

/** Finds the type line in [from, to), before any numbered section, and claims it. */
export function claimTypeLine(doc: DocText, from: number, to: number): TypeLine | null {
  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line) || line.end - line.start > MAX_HEADER_LINE) continue;
    const piece = doc.visiblePiece(line.start, line.end);
    const text = piece.text;
    if (readLabel(text)) return null;
    const tn = readTypeName(text);
    if (!tn) continue;
    let rest = trimPiece(slicePiece(piece, tn.restAt, text.length));
    let body: string | null = null;
    let lastLine = i;
    const ofMatch = /^CỦA\s+/u.exec(rest.text);
    if (ofMatch && !hasLower(rest.text)) {
      const ve = /\sVỀ\s/u.exec(rest.text);
      const bodyEnd = ve ? ve.index : rest.text.length;
      body = clean(rest.text.slice(ofMatch[0].length, bodyEnd));
      rest = ve ? trimPiece(slicePiece(rest, ve.index + 1, rest.text.length)) : slicePiece(rest, 0, 0);
    }
    // "CHƯƠNG TRÌNH HÀNH ĐỘNG", "NGHỊ QUYẾT LIÊN TỊCH": the qualifier is part of the type name
    if (/^(HÀNH ĐỘNG|LIÊN TỊCH|PHỐI HỢP|CHUYÊN ĐỀ|CÔNG TÁC)$/u.test(rest.text)) rest = slicePiece(rest, 0, 0);
    doc.claim(line.start, line.end);
    doc.kinds[i] = "type";
    if (body === null) {
      for (let j = i + 1; j < Math.min(to, i + 3); j++) {
        const next = doc.lines[j] as Line;
        if (doc.isBlank(next)) continue;
        const nt = doc.visible(next).trim();
        // "CỦA BỘ CHÍNH TRỊ", or "của Ban Thường vụ Tỉnh ủy" alone above the "về …" line: who issues it;
        // "HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH …" above it: the plenum that adopted it
        const aboveAbout = nt.length <= 120 && startsWithAbout(doc, j + 1, to);
        if ((/^CỦA\s/u.test(nt) && !hasLower(nt)) || (/^của\s/u.test(nt) && aboveAbout)) {
          body = clean(nt.slice(4));
          doc.claimLine(next, "type");
          lastLine = j;
        } else if (/^HỘI NGHỊ LẦN THỨ\s.*BAN CHẤP HÀNH/u.test(nt) && !hasLower(nt) && aboveAbout) {
          doc.claimLine(next, "type");
          lastLine = j;
        }
        break;
      }
    }
    return { line: i, type: tn.type, body, rest: rest.text ? rest : null, lastLine };
  }
  return null;
}

export interface Title {
  text: string;
  piece: Piece;
  span: [number, number];
  firstLine: number;
  lastLine: number;
  vv: boolean;
}

const PROPER_START =
  /^(trung ương|đảng|việt nam|kết luận|nghị quyết|chỉ thị|quyết định|chương trình|kế hoạch|công văn|bộ |ban |tỉnh|thành|huyện|xã|ủy ban|hội đồng|chính phủ|quốc hội|thủ tướng|nhà nước|nhân dân|mặt trận|sở |[\d(“"])/;

// A title line that ends like this is not finished: "… quán triệt Nghị quyết" / "Đại hội … lần thứ XIV".
const OPEN_END =
  /(^|\s)(nghị quyết|kết luận|chỉ thị|chương trình|kế hoạch|quyết định|thông báo|hướng dẫn|của|về|và|các|số|cho|tại|thực hiện|triển khai)$/;

/**
 * Collects the title lines that start at line `from` (after the type line, or a "V/v" / "Về" line),
 * claims them and strips the V/v prefix. Stamps and page furniture inside the title are skipped.
 */
export function claimTitle(
  doc: DocText,
  from: number,
  to: number,
  first: Piece | null,
  doubleSpaced: boolean,
): Title | null {
  const pieces: Piece[] = first ? [first] : [];
  let firstLine = -1;
  let lastLine = -1;
  let blankRun = 0;
  let upperTitle = first ? !hasLower(first.text) : false;
  let total = first ? first.text.length : 0;
  let vv = false;
  for (let i = from; i < to && total < 600; i++) {
    const line = doc.lines[i] as Line;
    const kind = doc.kinds[i];
    // a stamp beside the title leaves the title's words on the line unclaimed
    if (
      (kind === "stamp" || kind === "furniture" || kind === "footnote") &&
      (doc.isClaimedText(line) || doc.isBlank(line))
    )
      continue;
    if (doc.isClaimedText(line)) {
      if (pieces.length === 0) continue;
      break;
    }
    if (doc.isBlank(line)) {
      blankRun++;
      if (blankRun > (doubleSpaced ? 2 : 1) && pieces.length > 0) break;
      continue;
    }
    const piece = trimPiece(doc.visiblePiece(line.start, line.end));
    const t = piece.text;
    const ft = fold(t);
    const prev = pieces[pieces.length - 1]?.text ?? "";
    if (pieces.length === 0) {
      if (readLabel(t) || /^kính gửi/.test(ft) || isRule(t)) break;
      vv = /^(v\/v|về việc|về)\b/.test(ft);
      upperTitle = !hasLower(t);
    } else {
      // "… năm 2026;" / "phương hướng, nhiệm vụ năm 2027": a title in two parts goes on in lower case
      if (/[.:]$/.test(prev) || (prev.endsWith(";") && !/^\p{Ll}/u.test(t))) break;
      if (readLabel(t) || /^kính gửi/.test(ft) || isRule(t)) break;
      // "(03/02/1930 - 03/02/2026)" under a commemoration's title belongs to it
      const datesOnly = /^\([\d\s/.,–-]+\)$/.test(t);
      // "… nhiệm vụ trọng tâm năm" / "2026": the year the title's last words call for, wrapped alone
      const yearOnly = /^\d{4}(?:\s?[-–]\s?\d{4})?$/.test(t) && /(năm|giai đoạn|đến|[-–])$/.test(fold(prev));
      if (t.length > 220 || (/^\p{Lu}/u.test(t) && TITLE_OPENERS.test(ft)) || (/^\(/.test(t) && !datesOnly))
        break;
      if (!hasLower(t) && !upperTitle && !datesOnly && !yearOnly) break;
      const continuation =
        /^\p{Ll}/u.test(t) ||
        PROPER_START.test(ft) ||
        upperTitle ||
        datesOnly ||
        yearOnly ||
        OPEN_END.test(fold(prev));
      if (!continuation) break;
      if (blankRun > 0 && /[,;]$/.test(prev) && !/^\p{Ll}/u.test(t)) break;
    }
    blankRun = 0;
    pieces.push(piece);
    total += t.length;
    if (firstLine < 0) firstLine = i;
    lastLine = i;
    doc.claim(line.start, line.end);
    doc.kinds[i] = "title";
  }
  if (pieces.length === 0) return null;
  const joined = joinPieces(pieces, " ");
  let text = clean(joined.text);
  const prefix = /^(?:V\/v|V\/V|v\/v|Về việc|VỀ VIỆC|Về|về|VỀ)\s*:?\s+/u.exec(text);
  if (prefix) {
    text = text.slice(prefix[0].length);
    vv = true;
  }
  text = text.replace(/[,;]\s*$/, "");
  return {
    text,
    piece: joined,
    span: spanOf(joined),
    firstLine: firstLine < 0 ? from : firstLine,
    lastLine,
    vv,
  };
}

export interface IssuerInfo {
  name: string;
  parent: string | null;
  span: [number, number];
  lines: number[];
}

const LOCALITY_IN = /(^|\s)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|trung ương)(\s|$)/;
const LOCALITY_START = /^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s/;
const OWNER_START = /^(tỉnh|thành|huyện|thị|quận|đảng) ủy(\s|$)/;

/** Upper-case header lines naming a body ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "SỞ NỘI VỤ"). */
export function isIssuerText(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 100 || hasLower(t)) return false;
  if (!/\p{Lu}.*\p{Lu}/u.test(t) || /\d{3}/.test(t)) return false;
  if (readTypeName(t) || readLabel(t) || isRule(t)) return false;
  return !/^(T\s*[/.]?\s*M|K\s*[/.]?\s*T|T\s*[/.]?\s*[LŁ]|TUQ|Q\.)[\s.]/u.test(t);
}

/** Merges issuer lines into bodies: a line continues the previous one when it only adds the locality. */
export function mergeIssuerLines(texts: string[]): string[] {
  const bodies: string[] = [];
  for (const raw of texts) {
    const t = clean(raw);
    const prev = bodies[bodies.length - 1];
    if (prev !== undefined) {
      const fp = fold(prev);
      const ft = fold(t);
      const continues =
        (!LOCALITY_IN.test(fp) && (LOCALITY_START.test(`${ft} `) || OWNER_START.test(ft))) ||
        /(\svà|-|,)$/.test(fp);
      if (continues) {
        bodies[bodies.length - 1] = `${prev} ${t}`;
        continue;
      }
    }
    bodies.push(t);
  }
  return bodies;
}

/** Claims the issuer lines of the header cluster, looking up to six lines above its first anchor. */
// "ĐẢNG BỘ TỈNH SƠN LA" over a bare "TỈNH ỦY" or "ĐẢNG ỦY": the committee of that Party organisation
const BARE_COMMITTEE = /^(?:tỉnh|thành|huyện|quận|thị|đảng) ủy$/;
const PARTY_ORGANISATION = /^đảng bộ (tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu) (\S.*)$/;

/** The committee's own name, when the header names it only by its kind under its Party organisation. */
function committeeName(name: string, parent: string | null): string {
  const f = fold(clean(name));
  const p = parent ? PARTY_ORGANISATION.exec(fold(clean(parent))) : null;
  if (!p || !BARE_COMMITTEE.test(f) || !parent) return name;
  const words = clean(parent).split(" ");
  // the place's name as printed: the words after "ĐẢNG BỘ" and the level ("ĐẢNG BỘ THÀNH PHỐ HUẾ")
  const place = words.slice(2 + (p[1] as string).split(" ").length).join(" ");
  const level = words.slice(2, 2 + (p[1] as string).split(" ").length).join(" ");
  return f === "đảng ủy" ? `${clean(name)} ${level} ${place}` : `${clean(name)} ${place}`;
}

export function claimIssuer(doc: DocText, anchorLines: number[], limit: number): IssuerInfo | null {
  if (anchorLines.length === 0) return null;
  const first = Math.min(...anchorLines);
  const last = Math.max(...anchorLines);
  const texts: { text: string; span: [number, number]; line: number }[] = [];
  let top = first;
  for (let i = first - 1, seen = 0; i >= 0 && seen < 6; i--) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) continue;
    seen++;
    // the short rule printed under the issuer's name
    if (isRule(doc.visible(line).trim())) continue;
    if (!isIssuerText(doc.visible(line))) break;
    top = i;
  }
  for (let i = top; i <= Math.min(last, limit - 1); i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) continue;
    const piece = doc.visiblePiece(line.start, line.end);
    // two-column lines (a markdown table's pipes included): keep the left column only
    const cells = piece.text.split(/\t|\s{3,}|\s*\|\s*/);
    const left = (cells.find((c) => c.trim().length > 0) ?? "").trim();
    if (!isIssuerText(left)) {
      if (i < first) continue;
      if (doc.kinds[i] === "title" || doc.kinds[i] === "type") break;
      continue;
    }
    const at = piece.text.indexOf(left);
    const span = spanOf(piece, at, at + left.length);
    texts.push({ text: left, span, line: i });
    doc.claim(span[0], span[1]);
    if (doc.isClaimedText(line)) doc.kinds[i] = "issuer";
  }
  if (texts.length === 0) return null;
  const bodies = mergeIssuerLines(texts.map((t) => t.text));
  const parent = bodies.length > 1 ? (bodies[bodies.length - 2] as string) : null;
  return {
    name: committeeName(bodies[bodies.length - 1] as string, parent),
    parent,
    span: [
      (texts[0] as (typeof texts)[number]).span[0],
      (texts[texts.length - 1] as (typeof texts)[number]).span[1],
    ],
    lines: texts.map((t) => t.line),
  };
}
