// The text model every parser stage works on.
//
// `src` is the NFC source; spans in the output are offsets into it. `work` has the same length, with
// markdown marks, odd spaces and control characters blanked, so that offsets never shift. `low` is
// `work` lower-cased with old tone placement (hoà, uỷ) folded to the new (hòa, ủy), for matching.
// `mask` marks characters that a stage has claimed (header, stamp, page number…), so that later
// stages read only what is left.

export interface Line {
  index: number;
  start: number;
  end: number;
}

/**
 * A piece of text whose every character remembers its offset in the source: `offsets[base + i]`
 * (slices share the array), or `base + i` when the piece is a contiguous stretch of the source
 * (`offsets` null, no allocation).
 */
export interface Piece {
  text: string;
  offsets: number[] | null;
  base: number;
}

export function offsetAt(p: Piece, i: number): number {
  return p.offsets ? (p.offsets[p.base + i] as number) : p.base + i;
}

const OLD_TONES: Record<string, string> = {
  oà: "òa",
  oá: "óa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oè: "òe",
  oé: "óe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uỳ: "ùy",
  uý: "úy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};

/** Lower-cases and folds old tone placement; keeps the length (Vietnamese letters are one code unit). */
const OLD_TONE_TEST = /o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ]/;

/** A regular-expression source that matches a folded word in either tone placement and any case. */
export function eitherTone(folded: string): string {
  const back: Record<string, string> = {};
  for (const [old, now] of Object.entries(OLD_TONES)) back[now] = old;
  return folded.replace(/[òóỏõọ][ae](?![a-zà-ỹđ])|[ùúủũụ]y(?![a-zà-ỹđ])/g, (m) => `(?:${m}|${back[m] ?? m})`);
}

// Stages fold the same sentence many times in a row; a few recent results are kept.
const foldCache = new Map<string, string>();

export function fold(s: string): string {
  if (s.length > 64 && s.length < 20_000) {
    const hit = foldCache.get(s);
    if (hit !== undefined) return hit;
    const out = foldText(s);
    if (foldCache.size >= 16) foldCache.delete(foldCache.keys().next().value as string);
    foldCache.set(s, out);
    return out;
  }
  return foldText(s);
}

function foldText(s: string): string {
  let lower = s.toLowerCase();
  if (lower.length !== s.length) {
    lower = s
      .split("")
      .map((c) => {
        const l = c.toLowerCase();
        return l.length === 1 ? l : c;
      })
      .join("");
  }
  // only at the end of a syllable: "hoà" → "hòa", but "hoạch" and "hoàn" are the same in both styles
  if (!OLD_TONE_TEST.test(lower)) return lower;
  // "qu" is a consonant: "quý" keeps its tone on the y
  return lower.replace(/(?:o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])(?![a-zà-ỹđ])/g, (m) => OLD_TONES[m] ?? m);
}

const DIACRITICS = /[\u0300-\u036f]/g;
/** Removes diacritics (for search without accents): đ → d. */
export function unaccent(s: string): string {
  return s.normalize("NFD").replace(DIACRITICS, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

const ODD_SPACE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: converters leave control characters; they are blanked on purpose
  /[\r\u00a0\u00ad\ufeff\u200b\u3000\u2000-\u200a\u202f\u205f\u0000-\u0008\u000b-\u001f\u007f]/g;
const EMPHASIS = /[*_`]|\\(?=[*_#.\-()[\]|`>])/g;
const LINE_MARK = /^([ \t]*)([#>]+)/gm;

/** Blanks markdown marks and odd spaces without changing the length. */
function blankMarkup(src: string): string {
  return src
    .replace(ODD_SPACE, " ")
    .replace(EMPHASIS, " ")
    .replace(LINE_MARK, (_m, lead: string, marks: string) => lead + " ".repeat(marks.length));
}

export class DocText {
  readonly src: string;
  readonly work: string;
  readonly low: string;
  readonly lines: Line[];
  readonly mask: Uint8Array;
  /** What a stage took each line for ("motto", "title", "stamp"…), when it claimed the whole line. */
  readonly kinds: (string | undefined)[];
  /** Lines with at least one claimed character (so most lines skip the per-character mask). */
  private readonly lineClaimed: Uint8Array;

  constructor(input: string) {
    this.src = input.normalize("NFC");
    this.work = blankMarkup(this.src);
    this.low = fold(this.work);
    this.mask = new Uint8Array(this.src.length);
    const lines: Line[] = [];
    let start = 0;
    for (let i = 0; i <= this.work.length; i++) {
      if (i === this.work.length || this.work.charCodeAt(i) === 10) {
        lines.push({ index: lines.length, start, end: i });
        start = i + 1;
      }
    }
    this.lines = lines;
    this.kinds = new Array(lines.length);
    this.lineClaimed = new Uint8Array(lines.length);
  }

  claim(start: number, end: number): void {
    if (end <= start) return;
    this.mask.fill(1, Math.max(0, start), Math.min(this.mask.length, end));
    for (let i = this.lineAt(start); i < this.lines.length && (this.lines[i] as Line).start < end; i++)
      this.lineClaimed[i] = 1;
  }

  /** Index of the line that holds offset `at`. */
  lineAt(at: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid] as Line).start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  claimLine(line: Line, kind = "other"): void {
    this.claim(line.start, line.end);
    this.kinds[line.index] = kind;
  }

  /** The line holds words, but every one of them has been claimed. */
  isClaimedText(line: Line): boolean {
    return this.isBlank(line) && /\S/.test(this.work.slice(line.start, line.end));
  }

  claimed(i: number): boolean {
    return this.mask[i] === 1;
  }

  /** The line's text as in `work` (markup blanked), ignoring the mask. */
  raw(line: Line): string {
    return this.work.slice(line.start, line.end);
  }

  rawLow(line: Line): string {
    return this.low.slice(line.start, line.end);
  }

  /** The line's unclaimed text, claimed runs replaced by a single space. */
  visible(line: Line): string {
    if (this.lineClaimed[line.index] === 0) return this.work.slice(line.start, line.end);
    return this.visiblePiece(line.start, line.end).text;
  }

  anyClaimed(start: number, end: number): boolean {
    if (start >= end) return false;
    let lines = false;
    for (let i = this.lineAt(start); i < this.lines.length && (this.lines[i] as Line).start < end; i++) {
      if (this.lineClaimed[i] === 1) {
        lines = true;
        break;
      }
    }
    if (!lines) return false;
    for (let i = start; i < end; i++) if (this.mask[i] === 1) return true;
    return false;
  }

  /** The line has claimed characters. */
  hasClaims(line: Line): boolean {
    return this.lineClaimed[line.index] === 1;
  }

  isBlank(line: Line): boolean {
    if (this.lineClaimed[line.index] === 0) return !/\S/.test(this.work.slice(line.start, line.end));
    for (let i = line.start; i < line.end; i++) {
      if (this.mask[i] === 0) {
        const c = this.work.charCodeAt(i);
        if (c !== 32 && c !== 9) return false;
      }
    }
    return true;
  }

  /** Unclaimed characters of [start, end) with their offsets; claimed runs become one space. */
  visiblePiece(start: number, end: number): Piece {
    if (!this.anyClaimed(start, end)) return rawPiece(this, start, end);
    let text = "";
    const offs: number[] = [];
    let gap = false;
    for (let i = start; i < end; i++) {
      if (this.mask[i] === 1) {
        gap = true;
        continue;
      }
      if (gap && text.length > 0) {
        text += " ";
        offs.push(i);
      }
      gap = false;
      text += this.work[i];
      offs.push(i);
    }
    return { text, offsets: offs, base: 0 };
  }
}

export interface Range {
  start: number;
  end: number;
  /** Join to the previous range without a space ("20-" / "NQ/TW"). */
  glue?: boolean;
}

/**
 * The unclaimed text of consecutive ranges (lines of a paragraph) in one pass: whitespace runs and
 * claimed characters collapse to one space, ranges are joined by a space, the result is trimmed.
 */
export function collapseRanges(doc: DocText, ranges: Range[]): Piece {
  const work = doc.work;
  const mask = doc.mask;
  const anyMask = ranges.some((r) => doc.anyClaimed(r.start, r.end));
  // offsets, mirroring the collapse of the text: one per kept character, one per kept space
  const offsets: number[] = [];
  let pending = -1;
  let chars: string[] | null = anyMask ? [] : null;
  for (const r of ranges) {
    const start = r.start;
    const end = r.end;
    if (r.glue) pending = -1;
    else if (offsets.length > 0 && pending < 0) pending = start;
    for (let i = start; i < end; i++) {
      const c = work.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || (anyMask && mask[i] === 1)) {
        if (offsets.length > 0 && pending < 0) pending = i;
        continue;
      }
      if (pending >= 0) {
        offsets.push(pending);
        chars?.push(" ");
        pending = -1;
      }
      offsets.push(i);
      chars?.push(work[i] as string);
    }
  }
  let text: string;
  if (chars) text = chars.join("");
  else {
    let raw = "";
    for (const r of ranges) {
      const part = work.slice(r.start, r.end);
      raw = r.glue ? raw.trimEnd() + part.trimStart() : raw.length > 0 ? `${raw} ${part}` : part;
    }
    text = raw.replace(/[ \t\r\n]+/g, " ").trim();
  }
  chars = null;
  return { text, offsets, base: 0 };
}

/** A piece of text of `work`, without mask. */
export function rawPiece(doc: DocText, start: number, end: number): Piece {
  return { text: doc.work.slice(start, end), offsets: null, base: start };
}

/** Joins pieces with a separator; separator characters take the offset of the end of the left piece. */
export function joinPieces(pieces: Piece[], sep: string): Piece {
  const offsets: number[] = [];
  const texts: string[] = [];
  pieces.forEach((p, idx) => {
    if (idx > 0) {
      const prev = pieces[idx - 1] as Piece;
      const at = prev.text.length > 0 ? offsetAt(prev, prev.text.length - 1) + 1 : 0;
      texts.push(sep);
      for (let j = 0; j < sep.length; j++) offsets.push(at);
    }
    texts.push(p.text);
    for (let i = 0; i < p.text.length; i++) offsets.push(offsetAt(p, i));
  });
  return { text: texts.join(""), offsets, base: 0 };
}

export function slicePiece(p: Piece, start: number, end: number): Piece {
  return { text: p.text.slice(start, end), offsets: p.offsets, base: p.base + start };
}

export function trimPiece(p: Piece): Piece {
  let s = 0;
  let e = p.text.length;
  while (s < e && isSpace(p.text.charCodeAt(s))) s++;
  while (e > s && isSpace(p.text.charCodeAt(e - 1))) e--;
  return s === 0 && e === p.text.length ? p : slicePiece(p, s, e);
}

/** Collapses every whitespace run to one space (offsets of the first whitespace kept), trimmed. */
export function collapsePiece(p: Piece): Piece {
  const src = p.text;
  const text = src.replace(/[ \t\n\r]+/g, " ").trim();
  const offsets: number[] = [];
  const n = src.length;
  let i = 0;
  while (i < n && isSpace(src.charCodeAt(i))) i++;
  while (i < n && offsets.length < text.length) {
    if (isSpace(src.charCodeAt(i))) {
      offsets.push(offsetAt(p, i));
      while (i < n && isSpace(src.charCodeAt(i))) i++;
    } else offsets.push(offsetAt(p, i++));
  }
  return { text, offsets, base: 0 };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Source span [start, end) of the characters [a, b) of a piece. */
export function spanOf(p: Piece, a = 0, b = p.text.length): [number, number] {
  if (p.text.length === 0) return p.offsets ? [0, 0] : [p.base, p.base];
  const s = offsetAt(p, Math.min(a, p.text.length - 1));
  const e = offsetAt(p, Math.max(a, Math.min(b, p.text.length) - 1)) + 1;
  return [s, Math.max(s, e)];
}

/** Whitespace collapsed, trimmed: the form every text field of the output takes. */
export function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
