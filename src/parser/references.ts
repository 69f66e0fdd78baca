// References to other documents by symbol, with the date printed next to a mention anywhere in the
// text, and whether this document implements the reference (it says it carries it out, in its title
// or opening) or only cites it.
import { isoDate, NUMERIC_DATE, WORDS_DATE } from "./dates.ts";
import type { DocumentType, Reference } from "./schema.ts";
import { clean, foldPiece, type Piece, spanOf } from "./text.ts";
import { TYPE_NAMES, typeFromCode } from "./vocabulary.ts";

const PARTY_SYMBOL = String.raw`(\d{1,5}[a-z]?) ?[-–] ?([A-ZĐ][A-Za-zĐđ]{0,5}) ?\/ ?([A-ZĐ][A-Za-zĐđ0-9]{0,12})`;
// (an OCR or a typist leaves a space around the dash: "07/CT - TTg")
const STATE_SYMBOL = String.raw`(\d{1,6}[a-z]?)(?:\/(\d{4}))?\/([A-ZĐ][A-Za-zĐđ]{0,6}) ?[-–] ?([A-ZĐ][A-Za-zĐđ0-9]{0,12}(?:[-–][A-ZĐ][A-Za-zĐđ0-9]{0,10})?)`;
const LAW_SYMBOL = String.raw`(\d{1,4})\/(\d{4})\/((?:UBTV)?QH\d{1,2})`;
const MENTION = new RegExp(
  `(?<![\\p{L}\\d/])(?:${PARTY_SYMBOL}|${STATE_SYMBOL}|${LAW_SYMBOL})(?![\\p{L}\\d])`,
  "gu",
);

const DATE_AFTER = new RegExp(
  `^[\\s,]{0,3}(?:\\(?\\s?ban hành\\s)?(?:ngày|ngày:)\\s{0,2}(?:${NUMERIC_DATE}|${WORDS_DATE.replace("ngày ", "")})`,
);
const DATE_BEFORE = new RegExp(
  `ngày (?:${NUMERIC_DATE}|${WORDS_DATE.replace("ngày ", "")}),? [^.;]{0,80}ban hành [^.;]{0,30}$`,
);
const IMPLEMENTING =
  /(?:^|[\s,(])(thực hiện|triển khai|quán triệt|cụ thể hóa|thi hành|hướng dẫn thực hiện)(?: (?:tốt|có hiệu quả|nghiêm túc|nghiêm|đầy đủ|hiệu quả))?(?: (?:các nội dung của|nội dung|các))?\s*$/;
// the type name before a symbol, with the qualifiers type names take ("Chương trình hành động số")
const QUALIFIERS = "(?: hành động| liên tịch| phối hợp| chuyên đề| công tác)?";
const TYPE_WORD_BEFORE = new RegExp(
  `(?:(?:${TYPE_NAMES.map(([name]) => name).join("|")})${QUALIFIERS})?\\s*(?:số\\s*:?)?\\s*$`,
);
// "sau 5 năm thực hiện …", "nghe báo cáo tình hình thực hiện Kế hoạch …": a look at how a document
// is carried out, not this document carrying it out
const STOP = /[.;] /g;
const QUALIFIERS_END = new RegExp(`${QUALIFIERS}$`);
// The next document of a list the opening carries out, after the date, issuer and subject of the one
// before: "Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị và Kế hoạch số 45-KH/TW …"
const LISTED_AFTER = new RegExp(
  `(?:[,;]|\\svà)\\s*(?:${TYPE_NAMES.map(([name]) => name).join("|")})${QUALIFIERS}\\s*(?:số\\s*:?)?\\s*$`,
);
const LINKED = /gắn với|kèm theo|\(/;
// What follows a document and says what it is about, or what it is issued or carries out: the
// documents named there are that document's, not this one's.
const DESCRIBES = /\svề\s|“|"|\(|\sgắn với\s|\skèm theo\s|^[^,;]*\sban hành\s/;
// "Kế hoạch số 120-KH/TU ngày 05/9/2026 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW"
// (before any comma: after one, the sentence goes on with this document, "…, Ban Thường vụ Tỉnh ủy ban
// hành Kế hoạch thực hiện Nghị quyết số …")
const CARRIES_OUT_AFTER_ISSUER = /^[^,;]*\scủa\s[^,;]{2,80}\s(?:thực hiện|triển khai(?: thực hiện)?)\s/;
// A list the opening carries out whose first document has no symbol: "Thực hiện Nghị quyết Đại hội
// đại biểu Đảng bộ tỉnh lần thứ XX và Nghị quyết số 19-NQ/TW …" (the sentence up to the mention).
const LIST_OPENING = new RegExp(
  `^\\s*(?:để |nhằm )?(?:thực hiện|triển khai(?: thực hiện| thi hành)?|quán triệt|cụ thể hóa|thi hành)\\s+(?:${TYPE_NAMES.map(([name]) => name).join("|")})\\s`,
);
// A law is named between its type word and its number: "Luật Dữ liệu số 60/2024/QH15", "Bộ luật Lao
// động số 45/2019/QH14" (the name's capital is read in the text, the rest in its fold).
const LAW_NAME_BEFORE = /(?:[Ll]uật|LUẬT|[Pp]háp lệnh|PHÁP LỆNH)\s+\p{Lu}[\p{L}\s,-]{0,60}?\s+số\s*:?\s*$/u;
// longer than a type name, its qualifier and "số" with the list mark before them
const LISTED_REACH = 60;
const RETROSPECTIVE = /(sau \S+ năm|tình hình|kết quả|đánh giá) (thực hiện|triển khai)\s*$/;

export type Where = "title" | "opening" | "body";

interface Mention {
  symbol: string;
  carriesOut?: string;
  type: DocumentType | null;
  date: string | null;
  issuer: string | null;
  implementing: boolean;
  where: Where;
  span: [number, number];
  order: number;
}

function normaliseSymbol(s: string): string {
  return s.replace(/\s+/g, "").replace(/–/g, "-");
}

function dateFrom(m: RegExpExecArray, at: number): string | null {
  const [d, mo, y] = m[at] ? [m[at], m[at + 1], m[at + 2]] : [m[at + 3], m[at + 4], m[at + 5]];
  return isoDate(Number(y), Number(mo), Number(d));
}

function typeBefore(lowBefore: string): DocumentType | null {
  const tail = lowBefore.slice(-30);
  const m = /\ssố:?\s*$/.exec(tail);
  if (!m) return null;
  const words = tail.slice(0, m.index).replace(QUALIFIERS_END, "");
  for (const [name, type] of TYPE_NAMES) if (words.endsWith(name)) return type;
  return null;
}

// how the expression in issuerAfter begins, tried first: most mentions are not followed by "của" or "do"
const OF_OR_BY = /^[\s,]{0,3}(?:của|do)\s/u;

function issuerAfter(textAfter: string): string | null {
  if (!OF_OR_BY.test(textAfter)) return null;
  const m =
    /^[\s,]{0,3}(?:của|do)\s+([^,;:()“"]{3,90}?)(?=\s+(?:về|khóa|khoá|tại|thực hiện|ban hành|đã|đến|cho|trong)\s|[,;:()“"]|\.\s|\.$|$)/u.exec(
      textAfter,
    );
  if (!m) return null;
  const issuer = clean(m[1] as string);
  return /^\p{Lu}/u.test(issuer) ? issuer : null;
}

/** The sentence up to a mention opens a list of documents it carries out, the mention listed in it. */
function firstOfListOpening(sentence: string): boolean {
  return (
    sentence.length <= 400 &&
    LIST_OPENING.test(sentence) &&
    !LINKED.test(sentence) &&
    LISTED_AFTER.test(sentence.slice(-LISTED_REACH))
  );
}

/** Mentions of document symbols in one piece of text (a title, paragraph or table cell). */
function mentionsIn(piece: Piece, where: Where, orderBase: number, party: boolean): Mention[] {
  const text = piece.text;
  if (!text.includes("/")) return [];
  const low = foldPiece(piece);
  const out: Mention[] = [];
  MENTION.lastIndex = 0;
  let prevEnd = -1;
  let prevImplementing = false;
  let inDescription = false;
  // the document being described ("Công văn số 2400-CV/HU … về triển khai thực hiện Kết luận số 69")
  let described: Mention | null = null;
  let lastStop = -1;
  STOP.lastIndex = 0;
  let nextStop = STOP.exec(low)?.index ?? Number.POSITIVE_INFINITY;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const symbol = normaliseSymbol(m[0]);
    const start = m.index;
    const end = start + m[0].length;
    // the last sentence stop before this mention, found by scanning forward only (linear in the text)
    while (nextStop < start) {
      lastStop = nextStop;
      STOP.lastIndex = nextStop + 1;
      nextStop = STOP.exec(low)?.index ?? Number.POSITIVE_INFINITY;
    }
    const sentenceStart = lastStop + 1;
    if (prevEnd >= 0 && sentenceStart > prevEnd) {
      inDescription = false;
      prevImplementing = false;
      prevEnd = -1;
      described = null;
    }
    const before = low.slice(Math.max(sentenceStart, start - 60), start);
    const between = prevEnd >= 0 ? low.slice(prevEnd, start) : "";
    // the next document of a list the opening carries out ends the description of the one before
    // ("gắn với", "kèm theo": what it goes with is named, not carried out)
    const listed =
      (prevImplementing && !LINKED.test(between) && LISTED_AFTER.test(between.slice(-LISTED_REACH))) ||
      (prevEnd < 0 && where !== "body" && firstOfListOpening(low.slice(sentenceStart, start)));
    if (listed) {
      inDescription = false;
      described = null;
    } else if (prevEnd >= 0 && (DESCRIBES.test(between) || CARRIES_OUT_AFTER_ISSUER.test(between))) {
      inDescription = true;
      described = out[out.length - 1] ?? null;
    }
    // only the first mention inside a description says what the described document carries out
    if (described && described !== out[out.length - 1]) described = null;
    // whether a mention is carried out is said of the title and the opening only
    const lawName = where !== "body" ? LAW_NAME_BEFORE.exec(text.slice(start - before.length, start)) : null;
    const typeWordless =
      where === "body" ? "" : lawName ? before.slice(0, lawName.index) : before.replace(TYPE_WORD_BEFORE, "");
    const carriedOut =
      where !== "body" &&
      inDescription &&
      described &&
      !described.carriesOut &&
      IMPLEMENTING.test(typeWordless) &&
      !/gắn với/.test(between);
    let implementing = false;
    if (!inDescription && where !== "body") {
      if (IMPLEMENTING.test(typeWordless) && !RETROSPECTIVE.test(typeWordless)) implementing = true;
      else if (
        (prevImplementing || listed) &&
        (listed || /^[\s,]*(?:và|,)\s*(?:[\p{L}]+ ){0,3}(?:số\s*)?$/u.test(between))
      )
        implementing = true;
    }
    const after = text.slice(end, end + 140);
    // (the piece's fold sliced: a date is not changed by how a word cut at the window's end folds)
    const dm = DATE_AFTER.exec(low.slice(end, end + 140));
    let date = dm ? dateFrom(dm, 1) : null;
    let issuerText = after;
    if (dm) issuerText = after.slice(dm[0].length);
    if (!date) {
      const bm = DATE_BEFORE.exec(low.slice(Math.max(sentenceStart, start - 140), start));
      if (bm) date = dateFrom(bm, 1);
    }
    const code =
      /^\d+[a-z]?-([A-Za-zĐđ]+)\//.exec(symbol)?.[1] ??
      /^\d+[a-z]?(?:\/\d{4})?\/([A-Za-zĐđ]+)-/.exec(symbol)?.[1];
    const isParty = /^\d+[a-z]?-/.test(symbol);
    const type =
      typeBefore(low.slice(Math.max(0, start - 30), start)) ??
      (code ? typeFromCode(code, isParty || party) : null);
    if (carriedOut && described) described.carriesOut = symbol;
    out.push({
      symbol,
      type: type ?? (/^\d+[a-z]?\/[A-ZĐ]+-/.test(symbol) && !code ? "cong_van" : null),
      date,
      issuer: issuerAfter(issuerText),
      implementing: implementing && where !== "body",
      where,
      span: spanOf(piece, start, end),
      order: orderBase + start,
    });
    prevEnd = end;
    prevImplementing = implementing;
  }
  return out;
}

export interface ReferenceInput {
  title: Piece | null;
  opening: Piece[];
  body: Piece[];
  exclude: Set<string>;
  party: boolean;
}

/** Collects references; the ones this document implements come first (the first is its parent). */
export function findReferences(input: ReferenceInput): Reference[] {
  const all: Mention[] = [];
  let order = 0;
  const scan = (p: Piece, where: Where): void => {
    all.push(...mentionsIn(p, where, order, input.party));
    order += p.text.length + 1;
  };
  if (input.title) scan(input.title, "title");
  for (const p of input.opening) scan(p, "opening");
  for (const p of input.body) scan(p, "body");

  const bySymbol = new Map<string, Mention[]>();
  for (const m of all) {
    if (input.exclude.has(m.symbol)) continue;
    const list = bySymbol.get(m.symbol);
    if (list) list.push(m);
    else bySymbol.set(m.symbol, [m]);
  }
  const openingImplemented = new Set(
    all.filter((m) => m.where === "opening" && m.implementing).map((m) => m.symbol),
  );
  const refs: (Reference & { rank: number })[] = [];
  for (const [symbol, mentions] of bySymbol) {
    const first = mentions[0] as Mention;
    const fromOpening = mentions.find((m) => m.implementing && m.where === "opening");
    const fromTitle = mentions.find((m) => m.implementing && m.where === "title");
    // a title that names the grandparent, which the opening shows is only described by the parent
    const demoted =
      !fromOpening &&
      fromTitle !== undefined &&
      openingImplemented.size > 0 &&
      mentions.some((m) => m.where === "opening" && !m.implementing);
    const implementing = (fromOpening ?? (demoted ? undefined : fromTitle)) !== undefined;
    const rank = fromOpening
      ? fromOpening.order
      : implementing && fromTitle
        ? 1e9 + fromTitle.order
        : 2e9 + first.order;
    refs.push({
      symbol,
      type: mentions.find((m) => m.type)?.type ?? null,
      date: mentions.find((m) => m.date)?.date ?? null,
      issuer: mentions.find((m) => m.issuer)?.issuer ?? null,
      relation: implementing ? "implements" : "cites",
      carriesOut: mentions.find((m) => m.carriesOut)?.carriesOut ?? null,
      span: (fromOpening ?? fromTitle ?? first).span,
      rank,
    });
  }
  refs.sort((a, b) => a.rank - b.rank);
  return refs.map(({ rank: _rank, ...r }) => r);
}
