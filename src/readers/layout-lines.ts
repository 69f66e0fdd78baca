// Rebuilds lines of text from positioned pieces: PDF text items, form-field values and OCR words.
// Pieces on one baseline (within a tolerance relative to the font size) form a line, read left to
// right; a small gap is a space, a gap as wide as a column gutter is a TAB, so the two-column header
// ("TỈNH ỦY QUẢNG NGÃI ⇥ ĐẢNG CỘNG SẢN VIỆT NAM") and the signature block ("Nơi nhận: ⇥ KT. CHỦ TỊCH")
// stay apart. A vertical gap clearly larger than the page's line pitch becomes a blank line.

export interface TextPiece {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, measured downwards from the top of the page. */
  y: number;
  width: number;
  /** Font size (one em), in the same unit as x and y. */
  size: number;
  /** A form-field value or annotation text: its width is estimated, so its gaps are read leniently. */
  estimated?: boolean;
}

/** Gaps in ems. Justified text rarely stretches a space past one em; a column gutter is wider. */
const SPACE_GAP = 0.16;
const COLUMN_GAP = 1.5;
const BASELINE_TOLERANCE = 0.4;
const BLANK_LINE_PITCH = 1.6;
// Between two rows of a table the cell padding and the rule add to the gap: lines that still fit the
// table's columns go on with it across a gap up to this many line pitches.
const TABLE_ROW_PITCH = 2.5;

interface Line {
  y: number;
  size: number;
  pieces: TextPiece[];
}

function groupLines(pieces: TextPiece[]): Line[] {
  const sorted = pieces
    .filter((p) => p.text.trim().length > 0 && p.size > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(piece.y - line.y) <= BASELINE_TOLERANCE * Math.max(piece.size, line.size)) {
      line.pieces.push(piece);
      // The line's baseline follows its biggest text, not a superscript or a stamped field.
      if (piece.size > line.size) {
        line.y = piece.y;
        line.size = piece.size;
      }
    } else lines.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return lines;
}

const GLUE = /[/\-–.,:;)]/;

function separator(prev: TextPiece, cur: TextPiece): string {
  const em = Math.max(prev.size, cur.size);
  const gap = cur.x - (prev.x + prev.width);
  if (gap >= COLUMN_GAP * em) return "\t";
  if (prev.estimated || cur.estimated) {
    // A stamped value ("726", "15") sits in a box whose text width is a guess: it joins a symbol
    // ("726/KH-UBND") or punctuation without a space, and words with one.
    const left = prev.text.trimEnd().slice(-1);
    const right = cur.text.trimStart().charAt(0);
    if ((GLUE.test(right) && right !== "(") || left === "/" || left === "-") return gap < 0.8 * em ? "" : " ";
    return " ";
  }
  return gap > SPACE_GAP * em ? " " : "";
}

function lineText(line: Line): string {
  const pieces = [...line.pieces].sort((a, b) => a.x - b.x);
  let text = "";
  let prev: TextPiece | null = null;
  for (const piece of pieces) {
    // Fake bold: the same string drawn twice a hair apart.
    if (prev && piece.text === prev.text && Math.abs(piece.x - prev.x) < 0.12 * piece.size) continue;
    if (prev) {
      const sep = separator(prev, piece);
      if (sep === "\t") text = `${text.trimEnd()}\t`;
      else if (sep === " " && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += " ";
    }
    text += prev && /\t$/.test(text) ? piece.text.trimStart() : piece.text;
    prev = piece;
  }
  return text.trimEnd();
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

// Tables. A table printed to PDF (a Word table, a task table in an appendix) puts each cell's lines
// at its column's left edge and wraps them inside the column, so a row spans several lines and the
// gutter between cells may be narrower than a column gap. Its columns show as piece starts that line
// up from line to line, with no piece running across the next column's edge.

/** How far (in ems) piece starts may differ and still stand in one column. */
const COLUMN_ALIGN = 0.5;
/** Space a piece leaves before the next column's edge, in ems. */
const COLUMN_MARGIN = 0.2;
const MIN_TABLE_COLUMNS = 3;

/** Piece starts of a line, one per column, left to right (fake bold's second copy left out). */
function columnStarts(line: Line): number[] {
  const starts: number[] = [];
  for (const p of [...line.pieces].sort((a, b) => a.x - b.x)) {
    const last = starts[starts.length - 1];
    if (last === undefined || p.x - last > COLUMN_ALIGN * line.size) starts.push(p.x);
  }
  return starts;
}

function columnOf(columns: number[], x: number, em: number): number {
  return columns.findIndex((c) => Math.abs(c - x) <= COLUMN_ALIGN * em);
}

/** Every piece of the line starts at one of the columns and ends before the next one. */
function fitsColumns(line: Line, columns: number[]): boolean {
  return line.pieces.every((p) => {
    const c = columnOf(columns, p.x, line.size);
    const next = columns[c + 1];
    return c >= 0 && (next === undefined || p.x + p.width <= next - COLUMN_MARGIN * line.size);
  });
}

/** The cells of one line of a table: each piece's text in its column. */
function lineCells(line: Line, columns: number[]): string[][] {
  const cells = columns.map((): string[] => []);
  let prev: TextPiece | null = null;
  for (const p of [...line.pieces].sort((a, b) => a.x - b.x)) {
    if (prev && p.text === prev.text && Math.abs(p.x - prev.x) < 0.12 * p.size) continue;
    cells[columnOf(columns, p.x, line.size)]?.push(p.text.trim());
    prev = p;
  }
  return cells;
}

/**
 * A table starting at line `from`: its header line has pieces in at least three columns, the lines
 * below fit the same columns, and a row begins where its first column has text (the STT number). The
 * rows, each as one line of TAB-separated cells, and the index of the line after the table.
 */
function readTable(lines: Line[], from: number, pitch: number): { rows: string[]; end: number } | null {
  const head = lines[from] as Line;
  const columns = columnStarts(head);
  if (columns.length < MIN_TABLE_COLUMNS || !fitsColumns(head, columns)) return null;
  let end = from + 1;
  while (end < lines.length) {
    const line = lines[end] as Line;
    if (line.y - (lines[end - 1] as Line).y > TABLE_ROW_PITCH * pitch || !fitsColumns(line, columns)) break;
    end++;
  }
  const rows: string[][] = [];
  let dataRows = 0;
  for (let i = from; i < end; i++) {
    const cells = lineCells(lines[i] as Line, columns).map((c) => c.join(" "));
    const last = rows[rows.length - 1];
    if (i === from || (cells[0] ?? "") !== "" || !last) {
      rows.push(cells);
      if (i > from && cells.filter((c) => c !== "").length >= 2) dataRows++;
    } else rows[rows.length - 1] = last.map((t, k) => [t, cells[k] ?? ""].filter((x) => x !== "").join(" "));
  }
  if (dataRows === 0) return null;
  return { rows: rows.map((r) => r.join("\t")), end };
}

/**
 * The lines of one page, top to bottom, with blank lines where the page leaves a clear gap. With
 * `tables`, a table's wrapped cells are put back together, a row a line (a PDF's text layer; OCR words
 * are too many and too loosely placed to line up as columns).
 */
export function rebuildLines(pieces: TextPiece[], options: { tables?: boolean } = {}): string[] {
  const lines = groupLines(pieces);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as Line;
    const b = lines[i] as Line;
    const d = b.y - a.y;
    if (d >= 0.9 * b.size && d <= 2.5 * b.size) pitches.push(d);
  }
  const pitch = median(pitches);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const prev = lines[i - 1];
    const normal = pitch ?? 1.25 * line.size;
    if (prev && line.y - prev.y > BLANK_LINE_PITCH * normal) out.push("");
    const table = options.tables ? readTable(lines, i, normal) : null;
    if (table) {
      out.push(...table.rows);
      i = table.end - 1;
    } else out.push(lineText(line));
  }
  return out;
}

/**
 * Whether a short piece lies inside a longer one on the same baseline: the main-font run of a line
 * drawn with a fallback font for some letters, or a value stamped into a narrow gap of a text run.
 * Such a page has to be read glyph by glyph (pdf-glyphs.ts).
 */
export function hasInsertedPieces(pieces: TextPiece[]): boolean {
  // A host keeps a space where the insert goes; only those are compared, line by line.
  const hosts = pieces.filter((p) => /\S\s+\S/.test(p.text)).sort((a, b) => a.y - b.y);
  if (hosts.length === 0) return false;
  const byY = pieces.filter((p) => p.text.trim().length > 0).sort((a, b) => a.y - b.y);
  let first = 0;
  for (const piece of byY) {
    while (first < hosts.length && (hosts[first] as TextPiece).y < piece.y - 0.3 * piece.size) first++;
    for (let h = first; h < hosts.length; h++) {
      const host = hosts[h] as TextPiece;
      if (host.y > piece.y + 0.3 * piece.size) break;
      if (
        host !== piece &&
        [...piece.text].length < [...host.text].length &&
        piece.x > host.x + 0.1 * host.size &&
        piece.x + piece.width < host.x + host.width - 0.1 * host.size
      )
        return true;
    }
  }
  return false;
}

/** The end of a sentence or clause: a line that ends so may close a paragraph at the foot of a page. */
const CLAUSE_END = /[.:;!?…]["”’»)\]*_]*$/u;
/** A word in lower case, not an item label such as "a)" or "đ.". */
const LOWER_WORD = /^\p{Ll}(?![.)])/u;

/**
 * Pages joined into one text, a blank line between them, except where a sentence runs on across the
 * break (the page ends mid-sentence and the next one goes on in lower case): there the two lines join
 * as the lines of one paragraph do, so the parser sees no paragraph end in mid-sentence.
 */
export function joinPages(pages: string[][]): string {
  const parts: string[] = [];
  let last = "";
  pages.forEach((lines, i) => {
    const first = lines.find((l) => l.trim().length > 0)?.trim() ?? "";
    const runsOn = i > 0 && last.length > 0 && !CLAUSE_END.test(last) && LOWER_WORD.test(first);
    if (i > 0) parts.push(runsOn ? "\n" : "\n\n");
    parts.push(
      runsOn ? lines.slice(lines.findIndex((l) => l.trim().length > 0)).join("\n") : lines.join("\n"),
    );
    // A page without text in between (a blank or unread scan) ends any sentence.
    last = lines.findLast((l) => l.trim().length > 0)?.trim() ?? "";
  });
  return parts.join("");
}
