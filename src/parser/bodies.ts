// Names of bodies (organisations) inside sentences: "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các
// cơ quan liên quan …", "Giao Phòng Kinh tế và Hạ tầng …". A name starts with a body head word and
// runs over capitalised words and the few lower-case words names are made of, until a verb.
import { eitherTone, endWithout, fold, isSpaceCode } from "./text.ts";
import { BODY_HEADS, DUTY_VERBS, escapeRe, GROUP_KINDS, NAMED_HEADS } from "./vocabulary.ts";

/** A word or punctuation mark; its fold and what the word lists say of it are read when first asked. */
class Token {
  /** The fold the token is sliced from, and the offset in the text where that fold begins. */
  private readonly fold: string;
  private readonly base: number;
  readonly start: number;
  readonly end: number;
  /** The first character's code: a punctuation token is that one character. */
  readonly code: number;
  /** The word begins with a capital letter. */
  readonly capital: boolean;
  private lowCache: string | undefined = undefined;
  private infoCache: WordInfo | undefined = undefined;
  constructor(fold: string, base: number, start: number, end: number, code: number, capital: boolean) {
    this.fold = fold;
    this.base = base;
    this.start = start;
    this.end = end;
    this.code = code;
    this.capital = capital;
  }
  get low(): string {
    this.lowCache ??= this.fold.slice(this.start - this.base, this.end - this.base);
    return this.lowCache;
  }
  get info(): WordInfo {
    this.infoCache ??= WORDS.get(this.low) ?? NO_INFO;
    return this.infoCache;
  }
}

// General categories of the characters met so far (1 upper-case letter, 2 lower-case, 3 neither): a
// regular expression per word costs more than the word.
const CATEGORY = new Uint8Array(0x10000);
function category(c: number): number {
  let k = CATEGORY[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /\p{Lu}/u.test(ch) ? 1 : /\p{Ll}/u.test(ch) ? 2 : 3;
    CATEGORY[c] = k;
  }
  return k;
}
function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** text[at…] begins with a capital letter (\p{Lu}); most words begin with an ASCII letter. */
function capitalAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  if (isSurrogate(c)) return /^\p{Lu}/u.test(text.slice(at, at + 2));
  return category(c) === 1;
}

/** The word is lower-case letters and perhaps one closing dot (/^\p{Ll}+\.?$/u). */
function lowerWord(text: string, start: number, end: number): boolean {
  const e = text.charCodeAt(end - 1) === 46 ? end - 1 : end;
  if (e <= start) return false;
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    if (c < 128) return false;
    if (isSurrogate(c)) return /^\p{Ll}+\.?$/u.test(text.slice(start, end));
    if (category(c) !== 2) return false;
  }
  return true;
}

/** /^[A-ZĐ]{1,4}\.$/: an abbreviation with its dot ("TP.", "UBND."). */
function isAbbreviation(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 2 || n > 5 || text.charCodeAt(end - 1) !== 46) return false;
  for (let i = start; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || c === 0x110)) return false;
  }
  return true;
}

// Folding keeps lengths: a text is folded once, a very long one only in the window that is read.
const FOLD_WHOLE = 4000;

/** , ; : ( ) “ ” " — each a token of its own. */
function isPunctCode(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x201c || c === 0x201d || c === 34;
}

/** End of the word (a run of neither white space nor punctuation) that starts at `at`. */
function wordEnd(text: string, at: number, max = text.length): number {
  const end = Math.min(text.length, max);
  let i = at;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) || isPunctCode(c)) break;
    i++;
  }
  return i;
}

/**
 * Words and punctuation marks of text[from…] that start before `to`, at most `max` of them. `low` is
 * fold(text), or null for a text longer than FOLD_WHOLE. (A scan by character codes: a regular
 * expression per token costs more than the token.) Given the tokens `out` read so far, reads on
 * after them.
 */
function tokenize(
  text: string,
  textLow: string | null,
  from: number,
  to: number,
  max: number,
  out: Token[] = [],
): Token[] {
  const base = textLow !== null ? 0 : from;
  const low = textLow ?? fold(text.slice(from, Math.min(text.length, to + 40)));
  const n = text.length;
  let i = out.length > 0 ? (out[out.length - 1] as Token).end : from;
  while (out.length < max) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n || i >= to) break;
    const start = i;
    const code = text.charCodeAt(i);
    i = isPunctCode(code) ? i + 1 : wordEnd(text, i);
    out.push(new Token(low, base, start, i, code, capitalAt(text, start)));
  }
  return out;
}

interface Seq {
  words: string[];
  phrase: string;
  /** A head that begins a name only when capitalised (CAPITAL_ONLY). */
  capitalOnly: boolean;
  /** A head that is a body only before a level or a name (NAMED_HEADS). */
  named: boolean;
}

/** Word sequences indexed by their first word, longest first, so a token is matched against few. */
function byFirstWord(phrases: Iterable<string>): Map<string, Seq[]> {
  const index = new Map<string, Seq[]>();
  const sorted = [...phrases].map((p) => p.split(" ")).sort((a, b) => b.length - a.length);
  for (const words of sorted) {
    const list = index.get(words[0] as string) ?? [];
    list.push({ words, phrase: words.join(" "), capitalOnly: false, named: false });
    index.set(words[0] as string, list);
  }
  return index;
}
const HEAD_TOKENS = 8;
const FEW_TOKENS = 16;
const MANY_TOKENS = 81;
const HEADS = byFirstWord(BODY_HEADS);
const VERBS = byFirstWord(DUTY_VERBS);
const longest = (index: Map<string, Seq[]>): number =>
  Math.max(...[...index.values()].map((list) => (list[0] as Seq).words.length));
// The tests at token i look at tokens up to i + 1 + the longest head or verb.
const READ_AHEAD = 2 + Math.max(longest(HEADS), longest(VERBS));
const NO_SEQS: Seq[] = [];

// Lower-case words that names of bodies are made of ("các cơ quan, đơn vị có liên quan",
// "Ủy ban nhân dân tỉnh", "Đảng ủy trực thuộc Tỉnh ủy", "các tổ chức chính trị - xã hội").
const NAME_WORDS = new Set(
  (
    "tỉnh huyện xã phường quận thị trấn thành phố đặc khu các và cấp của nhân dân đảng thường vụ cán sự " +
    "đoàn ủy ngành đơn vị cơ quan địa phương chức năng chính trị hội quần chúng thể tổ chức giúp việc " +
    "trung ương sở ban phòng trực thuộc liên quan có thuộc chuyên môn sự nghiệp công lập doanh nghiệp " +
    "nhà nước lực lượng vũ trang báo chí cơ sở thành viên chủ quản tương đương mặt trận quốc kiểm tra " +
    "chấp hành bí thư chính quyền đoàn thể - & trên bàn tham mưu ban đảng huyện ủy thị ủy thành ủy " +
    "đảng ủy tỉnh ủy khối dân vận tuyên giáo nội chính tổng hợp văn phòng hành chính truyền thông " +
    "xã hội liên hiệp lao động nông dân phụ nữ cựu chiến binh thanh niên thôn vận tải bộ y tế bệnh viện trung tâm trạm dân phố đại biểu"
  ).split(" "),
);

const LEVELS = new Set(["xã", "phường", "huyện", "tỉnh", "quận", "thị", "thành"]);

function matchSeq(tokens: Token[], i: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (tokens[i + k]?.low !== seq[k]) return false;
  return true;
}

/** matchSeq, the last word also with the sentence's full stop after it ("… chủ trì."). */
function matchSeqAtEnd(tokens: Token[], i: number, seq: string[]): boolean {
  const last = seq.length - 1;
  for (let k = 0; k < last; k++) if (tokens[i + k]?.low !== seq[k]) return false;
  const t = tokens[i + last]?.low;
  return t === seq[last] || t === `${seq[last]}.`;
}

// One-word heads that are also common words ("báo cáo", "ban hành", "sở hữu", "phòng chống",
// "trường hợp") begin a name only when capitalised, or inside a group after "các".
const CAPITAL_ONLY = new Set([
  "ban",
  "sở",
  "bộ",
  "phòng",
  "cục",
  "viện",
  "trường",
  "báo",
  "đài",
  "hội",
  "đoàn",
  "trung tâm",
  "văn phòng",
  "công an",
  "kho bạc",
  "ngân hàng",
  "thanh tra",
  "chủ tịch",
  "phó chủ tịch",
  "giám đốc",
  "thủ trưởng",
  "bí thư",
  "liên đoàn",
  "liên minh",
  "ủy ban",
  "hội đồng",
  "mặt trận",
  "chính phủ",
  "quốc hội",
  "thủ tướng",
  "tòa án",
  "trưởng ban",
  "trưởng phòng",
  "chánh văn phòng",
  "tổ công tác",
  "ban chỉ đạo",
  "công ty",
  "công chức",
  "tổng công ty",
  "bảo hiểm xã hội",
  ...NAMED_HEADS,
]);
const NAMED = new Set(NAMED_HEADS);

// Common words that begin with a head word: "Ban hành", "Báo cáo", "Trường hợp", "Hội nghị".
const NOT_BODY_LIST = [
  "ban hành",
  "ban đầu",
  "báo cáo",
  "báo chí",
  "sở hữu",
  "phòng chống",
  "phòng ngừa",
  "phòng tránh",
  "trường hợp",
  "hội nghị",
  "hội thảo",
  "hội viên",
  "hội thi",
  "hội diễn",
  "hội chợ",
  "hội trại",
  "hội nhập",
  "hội đàm",
  "hội ý",
  "hội họp",
  "hội tụ",
  "hội đủ",
  "đoàn kết",
  "đoàn viên",
  "bộ máy",
  "bộ phận",
  "viện dẫn",
  "cục bộ",
];
// first word → second words
const NOT_BODIES = new Map<string, Set<string>>();
for (const pair of NOT_BODY_LIST) {
  const [a, b] = pair.split(" ") as [string, string];
  NOT_BODIES.set(a, (NOT_BODIES.get(a) ?? new Set()).add(b));
}
for (const list of HEADS.values())
  for (const seq of list) {
    seq.capitalOnly = CAPITAL_ONLY.has(seq.phrase);
    seq.named = NAMED.has(seq.phrase);
  }

// Words that begin what follows a name, never a syllable of it: "Phòng Nghiệp vụ Y hằng năm …".
const NOT_IN_NAMES = new Set(["hằng", "hàng", "trước", "trong", "chậm", "từ", "để", "nhằm", "theo", "khi"]);

/** What the word lists say of a word: looked up once per token, instead of once per list and test. */
interface WordInfo {
  heads: Seq[] | undefined;
  verbs: Seq[] | undefined;
  /** Second words that make a common word of it ("ban" → "hành", "đầu"). */
  notBodies: Set<string> | undefined;
  nameWord: boolean;
  groupKind: boolean;
  notInNames: boolean;
}
const NO_INFO: WordInfo = {
  heads: undefined,
  verbs: undefined,
  notBodies: undefined,
  nameWord: false,
  groupKind: false,
  notInNames: false,
};
const WORDS = new Map<string, WordInfo>();
function infoOf(word: string): WordInfo {
  let info = WORDS.get(word);
  if (!info) {
    info = { ...NO_INFO };
    WORDS.set(word, info);
  }
  return info;
}
for (const [word, heads] of HEADS) infoOf(word).heads = heads;
for (const [word, verbs] of VERBS) infoOf(word).verbs = verbs;
for (const [word, seconds] of NOT_BODIES) infoOf(word).notBodies = seconds;
for (const word of NAME_WORDS) infoOf(word).nameWord = true;
for (const kind of GROUP_KINDS) if (!kind.includes(" ")) infoOf(kind).groupKind = true;
for (const word of NOT_IN_NAMES) infoOf(word).notInNames = true;

function headAt(tokens: Token[], i: number): number {
  const first = tokens[i];
  const heads = first?.info.heads;
  if (!heads) return 0;
  const next = tokens[i + 1];
  if (next && first.info.notBodies?.has(next.low)) return 0;
  for (const { words: h, phrase, capitalOnly, named } of heads) {
    if (!matchSeq(tokens, i, h)) continue;
    if (capitalOnly && !first.capital && tokens[i - 1]?.low !== "các") continue;
    if (named) {
      // "Thuế tỉnh …", "Quỹ Đầu tư …", "Điện lực Quảng Ngãi", but not "Thống kê, báo cáo", "Đội ngũ"
      const after = tokens[i + h.length];
      if (!after || !(after.capital || LEVELS.has(after.low))) continue;
    }
    if (phrase === "các") {
      // "các" begins a body only before a kind of body: "các sở, ban, ngành", "các cơ quan"
      const n1 = tokens[i + 1]?.low ?? "";
      const n2 = `${n1} ${tokens[i + 2]?.low ?? ""}`;
      // the kind belongs to the head: "các chi bộ", "các đảng đoàn"
      if (GROUP_KINDS.has(n2)) return 3;
      const after = (tokens[i + 1]?.info.heads ?? NO_SEQS).filter(
        (hh) => hh.words[0] !== "các" && matchSeq(tokens, i + 1, hh.words),
      );
      // a longer head is read whole after "các": "các trường trung học phổ thông"
      if (GROUP_KINDS.has(n1) && !after.some((hh) => hh.words.length > 1)) return 2;
      if (after.length === 0) return 0;
    }
    return h.length;
  }
  return 0;
}

function verbAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.capital) return false;
  const verbs = t.info.verbs;
  if (!verbs) return false;
  for (const { words: v, phrase } of verbs) {
    if (!matchSeqAtEnd(tokens, i, v)) continue;
    // nouns that look like verbs: "các tổ chức", "tổ chức chính trị - xã hội", "cơ quan tham mưu"
    const prev = tokens[i - 1]?.low ?? "";
    const next = tokens[i + v.length]?.low ?? "";
    // ("tổ chức hội nghị", "tổ chức hội thảo", "tổ chức hội thi": the verb)
    if (
      phrase === "tổ chức" &&
      (prev === "các" ||
        prev === "những" ||
        (/^(chính|đảng|cơ|hội|thành|xã)$/.test(next) &&
          !(next === "hội" && /^(nghị|thảo|thi|diễn)/.test(tokens[i + v.length + 1]?.low ?? ""))))
    )
      continue;
    if (phrase === "tham mưu" && ((prev === "quan" && tokens[i - 2]?.low === "cơ") || next === ",")) continue;
    if (phrase === "có" && next === "liên") continue;
    if (phrase === "trình" && prev === "công") continue;
    // "đơn vị sự nghiệp công lập", "trường công lập": public, not "to set up"
    if (phrase === "lập" && prev === "công") continue;
    // "Ủy ban Kiểm tra", "Ban Kiểm tra": a name; "Tỉnh ủy kiểm tra": a body and its verb
    if (phrase === "kiểm tra" && prev === "ban") continue;
    // "Trung tâm Dịch vụ tổng hợp xã": an adjective before the level that ends the name
    if (phrase === "tổng hợp" && LEVELS.has(next)) continue;
    return true;
  }
  return false;
}

export interface BodyPhrase {
  start: number;
  end: number;
  text: string;
}

/**
 * Reads a list of bodies starting at `from` in `text` (the offset may point at spaces). Returns null
 * when no body head starts there. Stops at a verb, a sentence end or an opening parenthesis.
 */
// Heads in either case and tone placement, so that the text need not be folded for the first test.
const HEAD_START = new RegExp(
  `(?:${[...BODY_HEADS]
    .sort((a, b) => b.length - a.length)
    .map((h) => eitherTone(escapeRe(h)))
    .join("|")})(?![\\p{L}])`,
  "iuy",
);

// First words of the heads, folded: most words are not one, and a set lookup settles them cheaply.
const HEAD_FIRST_WORDS = new Set([...BODY_HEADS].map((h) => fold(h.split(" ")[0] as string)));
/** The word at `at` is the first word of a body head. */
function startsWithHeadWord(text: string, low: string | null, at: number): boolean {
  // (its first 12 characters: no first word is longer)
  const end = wordEnd(text, at, at + 12);
  const word = low !== null ? low.slice(at, end) : fold(text.slice(at, end));
  return HEAD_FIRST_WORDS.has(word);
}

/** The word, closing dots aside, is one of NAME_WORDS. */
function isNameWord(t: Token): boolean {
  return t.low.endsWith(".") ? NAME_WORDS.has(t.low.replace(/[.]+$/, "")) : t.info.nameWord;
}

// The last texts read, with what was found: a heading is read again as its section's first
// paragraph, a list item as a task.
interface Read {
  text: string;
  from: number;
  limit: number;
  found: BodyPhrase | null;
}
const RECENT = 4;
const recent: Read[] = [];
let nextRecent = 0;

/**
 * A comma inside a name: "Phòng Kinh tế, Hạ tầng và Đô thị", "Sở Văn hóa, Thể thao và Du lịch". The
 * comma is followed by a capitalised word that begins no body, and "và" and another capitalised word
 * come within a few words, before any other mark.
 */
function commaInName(tokens: Token[], i: number): boolean {
  if (!tokens[i + 1]?.capital || headAt(tokens, i + 1) > 0) return false;
  for (let k = i + 2; k <= i + 5; k++) {
    const t = tokens[k];
    if (!t || isPunctCode(t.code)) return false;
    if (t.low === "và") return tokens[k + 1]?.capital === true;
  }
  return false;
}

// the kinds of places a group of them lists: "các thôn, buôn, bản", "các xã, phường"
const PLACE_KINDS = new Set(["thôn", "buôn", "bản", "làng", "ấp", "sóc", "xã", "phường"]);

/** A kind of place after a comma, in a group that "các" opened: "các thôn, buôn". */
function placeKindAfterComma(tokens: Token[], i: number): boolean {
  if (!PLACE_KINDS.has((tokens[i] as Token).low) || tokens[i - 1]?.code !== 44) return false;
  // the kind ends the group ("…, buôn, bản tổ chức"), not a word that begins with it ("bản đồ", "xã hội")
  const next = tokens[i + 1];
  if (
    next &&
    !isPunctCode(next.code) &&
    next.low !== "và" &&
    !PLACE_KINDS.has(next.low) &&
    !verbAt(tokens, i + 1)
  )
    return false;
  for (let k = i - 2; k >= 0 && k >= i - 8; k--) if ((tokens[k] as Token).low === "các") return true;
  return false;
}

/** "khu vực" and a capitalised word or numeral: "Kho bạc Nhà nước khu vực XVI", "Thuế cơ sở khu vực 3". */
function regionAt(tokens: Token[], i: number): boolean {
  const next = tokens[i + 2];
  if (tokens[i]?.low !== "khu" || tokens[i + 1]?.low !== "vực" || !next) return false;
  return next.capital || (next.code >= 48 && next.code <= 57);
}

export function readBodies(
  text: string,
  from: number,
  limit = text.length,
  /** fold(text), when the caller has it. */
  textLow: string | null = null,
): BodyPhrase | null {
  let found: BodyPhrase | null | undefined;
  for (const r of recent) if (r.from === from && r.limit === limit && r.text === text) found = r.found;
  if (found === undefined) {
    found = readBodiesAt(text, from, limit, textLow);
    recent[nextRecent] = { text, from, limit, found };
    nextRecent = (nextRecent + 1) % RECENT;
  }
  // (a copy: callers may change what they are given)
  return found && { start: found.start, end: found.end, text: found.text };
}

function readBodiesAt(text: string, from: number, limit: number, textLow: string | null): BodyPhrase | null {
  // most sentences do not start with a body: look at the first word before tokenising
  let at = from;
  while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  const low = text.length <= FOLD_WHOLE ? (textLow ?? fold(text)) : null;
  if (!startsWithHeadWord(text, low, at)) return null;
  HEAD_START.lastIndex = at;
  if (!HEAD_START.test(text)) return null;
  // most names end within a few words: tokenise a few, and further only when the name runs on
  const to = Math.min(limit, from + 320);
  // whether a name starts here depends on its first words only (a head has at most six, after "các")
  const head = tokenize(text, low, from, to, HEAD_TOKENS);
  if (head.length === 0 || headAt(head, 0) === 0) return null;
  const tokens = head.length < HEAD_TOKENS ? head : tokenize(text, low, from, to, FEW_TOKENS, head);
  let more = tokens.length === FEW_TOKENS;
  // past FEW_TOKENS the name is read on by a few tokens at a time, up to MANY_TOKENS, kept READ_AHEAD
  // tokens ahead of the word read (all that a head or verb test looks at): most lists end long before
  let further = false;
  if (tokens.length === 0) return null;
  const first = headAt(tokens, 0);
  if (first === 0) return null;
  let i = first;
  let lastWord = first - 1;
  // a company's name is free text in lower case too: "Công ty TNHH MTV Quản lý công trình thủy lợi …"
  let company = false;
  let placeList = false;
  for (let k = 0; k < first; k++) {
    const low = (tokens[k] as Token).low;
    if (low === "ty") company = true;
    if (low === "các" && LEVELS.has(tokens[k + 1]?.low ?? "")) placeList = true;
  }
  while (i < tokens.length) {
    if (more && tokens.length - i < 6) {
      more = false;
      further = true;
    }
    if (further && tokens.length - i < READ_AHEAD) {
      const want = Math.min(MANY_TOKENS, tokens.length + READ_AHEAD);
      tokenize(text, low, from, to, want, tokens);
      further = tokens.length === want && want < MANY_TOKENS;
    }
    const t = tokens[i] as Token;
    const c = t.code;
    if (c === 59 && headAt(tokens, i + 1) > 0) {
      i++;
      continue;
    }
    if (c === 59 || c === 58 || c === 40 || c === 0x201c || c === 34) break;
    if (c === 44) {
      const h = headAt(tokens, i + 1);
      const next = tokens[i + 1];
      if (
        h > 0 ||
        (next && (next.info.groupKind || next.info.nameWord) && !verbAt(tokens, i + 1)) ||
        commaInName(tokens, i) ||
        // the places of a plural level: "UBND các xã Tân Phú, Định Quán, La Ngà"
        (placeList && next?.capital === true)
      ) {
        i++;
        continue;
      }
      break;
    }
    if (verbAt(tokens, i)) break;
    if (regionAt(tokens, i)) {
      lastWord = i + 2;
      i += 3;
      continue;
    }
    if (t.low === "các" && LEVELS.has(tokens[i + 1]?.low ?? "")) placeList = true;
    // (a word of dots alone is not capitalised either)
    const capital = (c >= 48 && c <= 57) || t.capital;
    // Vietnamese names capitalise the first syllable of each word: "Hội đồng", "Giáo dục và Đào tạo"
    const afterCapital =
      i > 0 && (tokens[i - 1] as Token).capital && lowerWord(text, t.start, t.end) && !t.info.notInNames;
    // a head is taken whole, capitalised or not: "Chi nhánh Ngân hàng …", "các trường trung học phổ thông"
    const head = headAt(tokens, i);
    if (
      !capital &&
      !afterCapital &&
      !company &&
      head === 0 &&
      !isNameWord(t) &&
      !placeKindAfterComma(tokens, i)
    )
      break;
    // a head inside a list ("Cấp ủy, người đứng đầu") is taken whole
    const step = Math.max(1, head);
    lastWord = i + step - 1;
    i += step;
    if (text.charCodeAt(t.end - 1) === 46 && !isAbbreviation(text, t.start, t.end)) break;
  }
  if (lastWord < 0) return null;
  const firstToken = tokens[0] as Token;
  const last = tokens[lastWord] as Token;
  const raw = text.slice(firstToken.start, last.end).replace(/[.,]+$/, "");
  return { start: firstToken.start, end: firstToken.start + raw.length, text: raw.trim() };
}

const SPLIT_AFTER_AND =
  /^(các|ubnd|ủy ban|hđnd|hội đồng|ban |sở |đảng đoàn|đảng ủy|mặt trận|mttq|báo |đài |công an|văn phòng|tỉnh đoàn|thành đoàn)/;

/**
 * Splits a list of bodies into names: at ";" always; at "," and "và" when a new specific body or a
 * new group begins ("…, Ban Thường vụ Tỉnh Đoàn", "… và UBND các xã"), but not inside a group of
 * kinds ("các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy").
 */
export function splitBodies(phrase: string): string[] {
  const out: string[] = [];
  // most phrases name one body: no separator, nothing to split
  if (!phrase.includes(";") && !phrase.includes(",") && !phrase.includes("và")) out.push(phrase);
  else {
    // folded once: every cut stands at a separator, where no word runs across (unless a letter
    // lower-cases by its context)
    const low = phrase.includes("\u0130") || phrase.includes("\u03a3") ? null : fold(phrase);
    // parts between /\s*;\s*/, found by their semicolons (the expression tries every space)
    for (let from = 0; ; ) {
      const semicolon = phrase.indexOf(";", from);
      if (semicolon < 0) {
        splitPart(phrase, low, from, phrase.length, out);
        break;
      }
      let end = semicolon;
      while (end > from && isSpaceCode(phrase.charCodeAt(end - 1))) end--;
      splitPart(phrase, low, from, end, out);
      from = semicolon + 1;
      while (from < phrase.length && isSpaceCode(phrase.charCodeAt(from))) from++;
    }
  }
  return out
    .map((s) => {
      const t = s.charCodeAt(0) === 118 ? s.replace(/^(và|với)\s+/, "") : s;
      return t.slice(0, endWithout(t, ",.;")).trim();
    })
    .filter((s) => s.length > 1);
}

/** The names of phrase[from, to), a part between semicolons, appended to `out`. */
function splitPart(phrase: string, low: string | null, from: number, to: number, out: string[]): void {
  const part = phrase.slice(from, to);
  const seps = /,\s*|\s+và\s+/g;
  // the current name is phrase[start, end): the separators and names joined to it are contiguous
  let start = from;
  let m = seps.exec(part);
  let end = m ? from + m.index : to;
  while (m) {
    const afterAnd = m[0].includes("và");
    const nextStart = from + m.index + m[0].length;
    m = seps.exec(part);
    const nextEnd = m ? from + m.index : to;
    const next = phrase.slice(nextStart, nextEnd);
    if (
      next.trim() &&
      startsNewBody(
        next,
        afterAnd,
        low?.slice(nextStart, nextEnd) ?? fold(next),
        low?.slice(start, end) ?? fold(phrase.slice(start, end)),
      )
    ) {
      out.push(phrase.slice(start, end));
      start = nextStart;
    }
    end = nextEnd;
  }
  out.push(phrase.slice(start, end));
}

// Names with a comma or "và" inside: "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" (the Party committee
// of the Front and the mass organisations, since 2025), "Văn phòng HĐND và UBND xã" (one office serving both).
const JOINED_NAMES: [RegExp, RegExp][] = [
  [/(^| )đảng ủy (mặt trận tổ quốc|mttq)( việt nam)?$/, /^các đoàn thể /],
  [
    /^văn phòng (hđnd|hội đồng nhân dân|đoàn đbqh|đoàn đại biểu quốc hội)$/,
    /^(ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân)( |$)/,
  ],
];

function startsNewBody(next: string, afterAnd: boolean, nextLow: string, currentLow: string): boolean {
  // (folding keeps white space where it is: the fold of a trimmed text is the trimmed fold)
  const fn = nextLow.trim();
  const fc = currentLow.trim();
  // (the second name's start first: it settles most pairs without a scan of the first)
  if (JOINED_NAMES.some(([before, after]) => after.test(fn) && before.test(fc))) return false;
  if (/^(UBND|HĐND|MTTQ|BTV|UBMTTQ)\b/.test(next.trim())) return true;
  if (/^các\s/.test(fn)) return afterAnd || !/^các\s/.test(fc);
  const tokens = tokenize(next, next.length <= FOLD_WHOLE ? nextLow : null, 0, next.length, FEW_TOKENS);
  const head = headAt(tokens, 0);
  if (head === 0 || !/^\p{Lu}/u.test(next.trim())) return false;
  if (afterAnd) return SPLIT_AFTER_AND.test(fn);
  // a specific body ("Ban cán sự đảng Chính phủ"), not a kind in a group ("Đảng ủy trực thuộc Tỉnh ủy")
  const rest = tokens.slice(head, head + 5);
  // …, or the body of a level: "Công an tỉnh", "Thanh tra xã"
  return (
    rest.length === 0 ||
    (rest.some((t) => t.capital) && !/^(trực|thuộc|các)$/.test(rest[0]?.low ?? "")) ||
    LEVELS.has(rest[0]?.low ?? "")
  );
}
