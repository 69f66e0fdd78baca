// Lays text out on A4 pages the way a word processor would print an official document, so the PDF and
// the page-image generators put every piece of text at the same place. Units are PDF points, y grows
// downwards from the top edge (the drawers convert). Each run keeps its offset in the source text so
// that a form-field gap can be cut out of exactly the characters a pattern matched.

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 64, right: 45, top: 56, bottom: 56 };
export const FONT_SIZE = 12;
const LINE_HEIGHT = FONT_SIZE * 1.4;

export interface Run {
  text: string;
  /** Offset of the run's first character in the source text. */
  offset: number;
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
}

export interface Page {
  runs: Run[];
}

/** Width of a string at FONT_SIZE, in points. */
export type Measure = (text: string) => number;

/** Greedy word wrap; each piece is a substring of `text` with its offset. */
function wrap(
  text: string,
  offset: number,
  width: number,
  measure: Measure,
): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  while (start < text.length) {
    while (start < text.length && text[start] === " ") start++;
    if (start >= text.length) break;
    let end = text.length;
    if (measure(text.slice(start, end)) > width) {
      // The longest prefix ending before a space that still fits; a single overlong word goes whole.
      let cut = -1;
      for (let i = text.indexOf(" ", start + 1); i > 0; i = text.indexOf(" ", i + 1)) {
        if (measure(text.slice(start, i)) > width) break;
        cut = i;
      }
      const space = text.indexOf(" ", start + 1);
      end = cut > 0 ? cut : space > 0 ? space : text.length;
    }
    out.push({ text: text.slice(start, end).trimEnd(), offset: offset + start });
    start = end;
  }
  return out;
}

/** Column lefts and widths for a line split by tabs: a 2-part line is the 40/60 header split. */
function columns(parts: number, usable: number): { left: number; width: number }[] {
  if (parts === 2)
    return [
      { left: 0, width: usable * 0.4 - 10 },
      { left: usable * 0.4, width: usable * 0.6 },
    ];
  const w = usable / parts;
  return Array.from({ length: parts }, (_, i) => ({ left: i * w, width: w - 8 }));
}

export function layoutPages(text: string, measure: Measure): Page[] {
  const usable = A4.width - MARGIN.left - MARGIN.right;
  const pages: Page[] = [{ runs: [] }];
  let y = MARGIN.top + FONT_SIZE;
  const advance = (lines: number): void => {
    y += lines * LINE_HEIGHT;
    if (y > A4.height - MARGIN.bottom) {
      pages.push({ runs: [] });
      y = MARGIN.top + FONT_SIZE;
    }
  };
  let offset = 0;
  for (const line of text.split("\n")) {
    const lineOffset = offset;
    offset += line.length + 1;
    const page = pages[pages.length - 1] as Page;
    const isPipeRow = line.trimStart().startsWith("|");
    if (line.includes("\t") && !isPipeRow) {
      // Tab-separated parts become side-by-side columns, each wrapped inside its own column.
      const parts: { text: string; offset: number }[] = [];
      let at = 0;
      for (const part of line.split("\t")) {
        parts.push({ text: part, offset: lineOffset + at });
        at += part.length + 1;
      }
      const cols = columns(parts.length, usable);
      const wrapped = parts.map((p, i) =>
        wrap(p.text, p.offset, (cols[i] as { width: number }).width, measure),
      );
      const rows = Math.max(1, ...wrapped.map((w) => w.length));
      for (let r = 0; r < rows; r++) {
        const current = pages[pages.length - 1] as Page;
        wrapped.forEach((w, i) => {
          const piece = w[r];
          if (piece) current.runs.push({ ...piece, x: MARGIN.left + (cols[i] as { left: number }).left, y });
        });
        advance(1);
      }
      continue;
    }
    const pieces = wrap(line, lineOffset, usable, measure);
    if (pieces.length === 0) {
      advance(1);
      continue;
    }
    let current = page;
    for (const piece of pieces) {
      current.runs.push({ ...piece, x: MARGIN.left, y });
      advance(1);
      current = pages[pages.length - 1] as Page;
    }
  }
  return pages.filter((p, i) => i === 0 || p.runs.length > 0);
}
