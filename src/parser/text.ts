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

/** A piece of text whose every character remembers its offset in the source. */
export interface Piece {
  text: string;
  offsets: Int32Array;
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
  return lower.replace(/(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![a-zà-ỹđ])/g, (m) => OLD_TONES[m] ?? m);
}

const DIACRITICS = /[\u0300-\u036f]/g;
/** Removes diacritics (for search without accents): đ → d. */
export function unaccent(s: string): string {
  return s.normalize("NFD").replace(DIACRITICS, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

const ODD_SPACE = /[\r\u00a0\u00ad\ufeff\u200b\u3000\u2000-\u200a\u202f\u205f\u0000-\u0008\u000b-\u001f\u007f]/g;
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
  }

  claim(start: number, end: number): void {
    if (end > start) this.mask.fill(1, Math.max(0, start), Math.min(this.mask.length, end));
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
    if (!this.anyClaimed(line.start, line.end)) return this.work.slice(line.start, line.end);
    return this.visiblePiece(line.start, line.end).text;
  }

  anyClaimed(start: number, end: number): boolean {
    return start < end && this.mask.subarray(start, end).indexOf(1) >= 0;
  }

  isBlank(line: Line): boolean {
    if (!this.anyClaimed(line.start, line.end)) return !/\S/.test(this.work.slice(line.start, line.end));
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
    return { text, offsets: Int32Array.from(offs) };
  }
}

/** A piece of text of `work`, without mask. */
export function rawPiece(doc: DocText, start: number, end: number): Piece {
  const offsets = new Int32Array(end - start);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  return { text: doc.work.slice(start, end), offsets };
}

/** Joins pieces with a separator; separator characters take the offset of the end of the left piece. */
export function joinPieces(pieces: Piece[], sep: string): Piece {
  let total = 0;
  for (const p of pieces) total += p.text.length;
  total += Math.max(0, pieces.length - 1) * sep.length;
  const offsets = new Int32Array(total);
  let text = "";
  let k = 0;
  pieces.forEach((p, idx) => {
    if (idx > 0) {
      const prev = pieces[idx - 1] as Piece;
      const at = prev.offsets.length > 0 ? (prev.offsets[prev.offsets.length - 1] as number) + 1 : 0;
      text += sep;
      for (let j = 0; j < sep.length; j++) offsets[k++] = at;
    }
    text += p.text;
    offsets.set(p.offsets, k);
    k += p.offsets.length;
  });
  return { text, offsets };
}

export function slicePiece(p: Piece, start: number, end: number): Piece {
  return { text: p.text.slice(start, end), offsets: p.offsets.subarray(start, end) };
}

export function trimPiece(p: Piece): Piece {
  let s = 0;
  let e = p.text.length;
  while (s < e && /\s/.test(p.text[s] as string)) s++;
  while (e > s && /\s/.test(p.text[e - 1] as string)) e--;
  return slicePiece(p, s, e);
}

/** Collapses every whitespace run to one space (offsets of the first whitespace kept). */
export function collapsePiece(p: Piece): Piece {
  let text = "";
  const offs: number[] = [];
  let inSpace = false;
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text[i] as string;
    const space = c === " " || c === "\t" || c === "\n";
    if (space) {
      if (!inSpace) {
        text += " ";
        offs.push(p.offsets[i] as number);
      }
      inSpace = true;
    } else {
      text += c;
      offs.push(p.offsets[i] as number);
      inSpace = false;
    }
  }
  return trimPiece({ text, offsets: Int32Array.from(offs) });
}

/** Source span [start, end) of the characters [a, b) of a piece. */
export function spanOf(p: Piece, a = 0, b = p.text.length): [number, number] {
  if (p.offsets.length === 0) return [0, 0];
  const s = p.offsets[Math.min(a, p.offsets.length - 1)] as number;
  const e = (p.offsets[Math.max(a, Math.min(b, p.offsets.length) - 1)] as number) + 1;
  return [s, Math.max(s, e)];
}

/** Whitespace collapsed, trimmed: the form every text field of the output takes. */
export function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
