// Names of bodies (organisations) inside sentences: "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các
// cơ quan liên quan …", "Giao Phòng Kinh tế và Hạ tầng …". A name starts with a body head word and
// runs over capitalised words and the few lower-case words names are made of, until a verb.
import { eitherTone, fold } from "./text.ts";
import { BODY_HEADS, DUTY_VERBS, escapeRe, GROUP_KINDS } from "./vocabulary.ts";

interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
}

function tokenize(text: string, from: number, to: number, max: number): Token[] {
  const out: Token[] = [];
  const re = /[^\s,;:()“”"]+|[,;:()“”"]/g;
  // folding keeps lengths; a sentence is folded once (and cached), a very long text only in the window
  const whole = text.length <= 4000;
  const base = whole ? 0 : from;
  const low = whole ? fold(text) : fold(text.slice(from, Math.min(text.length, to + 40)));
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({
      text: m[0],
      low: low.slice(m.index - base, m.index - base + m[0].length),
      start: m.index,
      end: m.index + m[0].length,
    });
    if (out.length >= max) break;
  }
  return out;
}

/** Word sequences indexed by their first word, longest first, so a token is matched against few. */
function byFirstWord(phrases: Iterable<string>): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  const sorted = [...phrases].map((p) => p.split(" ")).sort((a, b) => b.length - a.length);
  for (const seq of sorted) {
    const list = index.get(seq[0] as string) ?? [];
    list.push(seq);
    index.set(seq[0] as string, list);
  }
  return index;
}
const FEW_TOKENS = 16;
const MANY_TOKENS = 81;
const HEADS = byFirstWord(BODY_HEADS);
const VERBS = byFirstWord(DUTY_VERBS);
const NO_SEQS: string[][] = [];

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
    "xã hội liên hiệp lao động nông dân phụ nữ cựu chiến binh thanh niên thôn vận tải bộ y tế bệnh viện trung tâm trạm dân phố"
  ).split(" "),
);

const LEVELS = new Set(["xã", "phường", "huyện", "tỉnh", "quận", "thị", "thành"]);

function matchSeq(tokens: Token[], i: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (tokens[i + k]?.low !== seq[k]) return false;
  return true;
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
  "tổng công ty",
]);

// Common words that begin with a head word: "Ban hành", "Báo cáo", "Trường hợp", "Hội nghị".
const NOT_BODIES = new Set([
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
  "đoàn kết",
  "đoàn viên",
  "bộ máy",
  "bộ phận",
  "viện dẫn",
  "cục bộ",
]);

function headAt(tokens: Token[], i: number): number {
  const pair = `${tokens[i]?.low ?? ""} ${tokens[i + 1]?.low ?? ""}`;
  if (NOT_BODIES.has(pair)) return 0;
  for (const h of HEADS.get(tokens[i]?.low ?? "") ?? NO_SEQS) {
    if (!matchSeq(tokens, i, h)) continue;
    const first = tokens[i] as Token;
    if (CAPITAL_ONLY.has(h.join(" ")) && !/^\p{Lu}/u.test(first.text) && tokens[i - 1]?.low !== "các")
      continue;
    if (h.length === 1 && h[0] === "các") {
      // "các" begins a body only before a kind of body: "các sở, ban, ngành", "các cơ quan"
      const n1 = tokens[i + 1]?.low ?? "";
      const n2 = `${n1} ${tokens[i + 2]?.low ?? ""}`;
      // the kind belongs to the head: "các chi bộ", "các đảng đoàn"
      if (GROUP_KINDS.has(n2)) return 3;
      if (GROUP_KINDS.has(n1)) return 2;
      const after = HEADS.get(tokens[i + 1]?.low ?? "") ?? NO_SEQS;
      if (!after.some((hh) => hh[0] !== "các" && matchSeq(tokens, i + 1, hh))) return 0;
    }
    return h.length;
  }
  return 0;
}

function verbAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || /^\p{Lu}/u.test(t.text)) return false;
  for (const v of VERBS.get(t.low) ?? NO_SEQS) {
    if (!matchSeq(tokens, i, v)) continue;
    // nouns that look like verbs: "các tổ chức", "tổ chức chính trị - xã hội", "cơ quan tham mưu"
    const prev = tokens[i - 1]?.low ?? "";
    const next = tokens[i + v.length]?.low ?? "";
    if (
      v.join(" ") === "tổ chức" &&
      (prev === "các" || prev === "những" || /^(chính|đảng|cơ|hội|thành|xã)$/.test(next))
    )
      continue;
    if (v.join(" ") === "tham mưu" && ((prev === "quan" && tokens[i - 2]?.low === "cơ") || next === ","))
      continue;
    if (v.join(" ") === "có" && next === "liên") continue;
    if (v.join(" ") === "trình" && prev === "công") continue;
    if (v.join(" ") === "kiểm tra" && (prev === "ban" || prev === "ủy")) continue;
    // "Trung tâm Dịch vụ tổng hợp xã": an adjective before the level that ends the name
    if (v.join(" ") === "tổng hợp" && LEVELS.has(next)) continue;
    return true;
  }
  return false;
}

// Words that begin what follows a name, never a syllable of it: "Phòng Nghiệp vụ Y hằng năm …".
const NOT_IN_NAMES = new Set(["hằng", "hàng", "trước", "trong", "chậm", "từ", "để", "nhằm", "theo", "khi"]);

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
const WORD_END = /[\s,;:()“”"]/;

/** The word at `at` is the first word of a body head (folding keeps lengths; a sentence is folded once). */
export function startsWithHeadWord(text: string, at: number): boolean {
  let wordEnd = at;
  while (wordEnd < text.length && wordEnd - at < 12 && !WORD_END.test(text[wordEnd] as string)) wordEnd++;
  const word = text.length <= 4000 ? fold(text).slice(at, wordEnd) : fold(text.slice(at, wordEnd));
  return HEAD_FIRST_WORDS.has(word);
}

export function readBodies(text: string, from: number, limit = text.length): BodyPhrase | null {
  // most sentences do not start with a body: look at the first word before tokenising
  let at = from;
  while (at < text.length && (text[at] === " " || text[at] === "\t")) at++;
  if (!startsWithHeadWord(text, at)) return null;
  HEAD_START.lastIndex = at;
  if (!HEAD_START.test(text)) return null;
  // most names end within a few words: tokenise a few, and further only when the name runs on
  const to = Math.min(limit, from + 320);
  let tokens = tokenize(text, from, to, FEW_TOKENS);
  let more = tokens.length === FEW_TOKENS;
  if (tokens.length === 0) return null;
  const first = headAt(tokens, 0);
  if (first === 0) return null;
  let i = first;
  let lastWord = first - 1;
  // a company's name is free text in lower case too: "Công ty TNHH MTV Quản lý công trình thủy lợi …"
  const company = tokens.slice(0, first).some((t) => t.low === "ty");
  while (i < tokens.length) {
    if (more && tokens.length - i < 6) {
      tokens = tokenize(text, from, to, MANY_TOKENS);
      more = false;
    }
    const t = tokens[i] as Token;
    if (t.text === ";" && headAt(tokens, i + 1) > 0) {
      i++;
      continue;
    }
    if (t.text === ";" || t.text === ":" || t.text === "(" || t.text === "“" || t.text === '"') break;
    if (t.text === ",") {
      const h = headAt(tokens, i + 1);
      const next = tokens[i + 1];
      if (
        h > 0 ||
        (next && (GROUP_KINDS.has(next.low) || NAME_WORDS.has(next.low)) && !verbAt(tokens, i + 1))
      ) {
        i++;
        continue;
      }
      break;
    }
    if (verbAt(tokens, i)) break;
    const word = t.text.replace(/[.]+$/, "");
    const capital = /^[\p{Lu}\d]/u.test(word);
    // Vietnamese names capitalise the first syllable of each word: "Hội đồng", "Giáo dục và Đào tạo"
    const afterCapital =
      i > 0 &&
      /^\p{Lu}/u.test((tokens[i - 1] as Token).text) &&
      /^\p{Ll}+\.?$/u.test(t.text) &&
      !NOT_IN_NAMES.has(t.low);
    const head = capital || afterCapital ? 0 : headAt(tokens, i);
    if (!capital && !afterCapital && !company && !NAME_WORDS.has(t.low.replace(/[.]+$/, "")) && head === 0)
      break;
    // a head inside a list ("Cấp ủy, người đứng đầu") is taken whole
    const step = Math.max(1, head);
    lastWord = i + step - 1;
    i += step;
    if (/\.$/.test(t.text) && !/^[A-ZĐ]{1,4}\.$/.test(t.text)) break;
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
  for (const part of phrase.split(/\s*;\s*/)) {
    const pieces = part.split(/(,\s*|\s+và\s+)/);
    let current = pieces[0] ?? "";
    for (let k = 1; k < pieces.length; k += 2) {
      const sep = pieces[k] as string;
      const next = pieces[k + 1] ?? "";
      if (next.trim() && startsNewBody(next, sep.includes("và"), current)) {
        out.push(current);
        current = next;
      } else current += sep + next;
    }
    out.push(current);
  }
  return out
    .map((s) =>
      s
        .replace(/^(và|với)\s+/, "")
        .replace(/[\s,.;]+$/, "")
        .trim(),
    )
    .filter((s) => s.length > 1);
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

function startsNewBody(next: string, afterAnd: boolean, current: string): boolean {
  const fn = fold(next.trim());
  const fc = fold(current.trim());
  if (JOINED_NAMES.some(([before, after]) => before.test(fc) && after.test(fn))) return false;
  if (/^(UBND|HĐND|MTTQ|BTV|UBMTTQ)\b/.test(next.trim())) return true;
  if (/^các\s/.test(fn)) return afterAnd || !/^các\s/.test(fold(current).trim());
  const tokens = tokenize(next, 0, next.length, FEW_TOKENS);
  const head = headAt(tokens, 0);
  if (head === 0 || !/^\p{Lu}/u.test(next.trim())) return false;
  if (afterAnd) return SPLIT_AFTER_AND.test(fn);
  // a specific body ("Ban cán sự đảng Chính phủ"), not a kind in a group ("Đảng ủy trực thuộc Tỉnh ủy")
  const rest = tokens.slice(head, head + 5);
  return (
    rest.length === 0 ||
    (rest.some((t) => /^\p{Lu}/u.test(t.text)) && !/^(trực|thuộc|các)$/.test(rest[0]?.low ?? ""))
  );
}
