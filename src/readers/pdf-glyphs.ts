// Glyph by glyph text positions from a page's operator list, for the pages where pdf.js text items
// overlap. A font that lacks some letters makes a PDF producer (LibreOffice with Liberation Serif, its
// stand-in for Times New Roman, lacks "ị", "ự", "ệ"…) draw each line twice: the main font with gaps,
// and the missing letters from a fallback font inside those gaps. pdf.js text items then read
// "Chính tr v" + "ị", and no rule on items can tell "trị về" from "trịvề". Each glyph's own position
// can: this follows the PDF text state the way pdf.js's canvas renderer does (text and line matrices,
// font size, character and word spacing, horizontal scale, rise, the graphics state stack and form
// XObjects) and yields one piece per glyph.
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextPiece } from "./layout-lines.ts";

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2, in PDF's row-vector convention. */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

/** pdf.js passes matrices as arrays or typed arrays. */
function matrix(value: unknown): Matrix {
  const m = Array.from(value as ArrayLike<number>).slice(0, 6);
  return m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : IDENTITY;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface State {
  ctm: Matrix;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: string | null;
  fontSize: number;
}

/** The operator numbers this reads (pdf.js OPS), passed in so this module loads without pdf.js. */
export interface TextOps {
  save: number;
  restore: number;
  transform: number;
  beginText: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setLeading: number;
  setFont: number;
  setTextRise: number;
  moveText: number;
  setLeadingMoveText: number;
  setTextMatrix: number;
  nextLine: number;
  showText: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

export async function glyphPieces(
  page: PDFPageProxy,
  ops: TextOps,
  toPage: (x: number, y: number) => [number, number],
  disableAnnotations: number,
): Promise<TextPiece[]> {
  const list = await page.getOperatorList({ annotationMode: disableAnnotations });
  const pieces: TextPiece[] = [];
  const stack: State[] = [];
  let s: State = {
    ctm: IDENTITY,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    font: null,
    fontSize: 0,
  };
  let tm: Matrix = IDENTITY;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  const fontMatrix = (name: string | null): number[] => {
    if (!name || !page.commonObjs.has(name)) return [0.001];
    return (page.commonObjs.get(name) as { fontMatrix?: number[] }).fontMatrix ?? [0.001];
  };
  const moveText = (dx: number, dy: number): void => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
        stack.push({ ...s });
        if (fn === ops.paintFormXObjectBegin && args?.[0]) s.ctm = multiply(matrix(args[0]), s.ctm);
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.transform:
        s.ctm = multiply(matrix(args), s.ctm);
        break;
      case ops.beginText:
        tm = IDENTITY;
        x = y = lineX = lineY = 0;
        break;
      case ops.setCharSpacing:
        s.charSpacing = args[0] as number;
        break;
      case ops.setWordSpacing:
        s.wordSpacing = args[0] as number;
        break;
      case ops.setHScale:
        s.hScale = (args[0] as number) / 100;
        break;
      case ops.setLeading:
        s.leading = -(args[0] as number);
        break;
      case ops.setFont:
        s.font = args[0] as string;
        s.fontSize = args[1] as number;
        break;
      case ops.setTextRise:
        s.rise = args[0] as number;
        break;
      case ops.moveText:
        moveText(args[0] as number, args[1] as number);
        break;
      case ops.setLeadingMoveText:
        s.leading = args[1] as number;
        moveText(args[0] as number, args[1] as number);
        break;
      case ops.setTextMatrix:
        tm = matrix(args[0] ?? args);
        x = y = lineX = lineY = 0;
        break;
      case ops.nextLine:
        moveText(0, s.leading);
        break;
      case ops.showText: {
        const direction = s.fontSize < 0 ? -1 : 1;
        const size = Math.abs(s.fontSize);
        const advanceScale = size * ((fontMatrix(s.font)[0] as number) || 0.001);
        const hScale = s.hScale * direction;
        // Text space → user space, then the page as read.
        const toUser = multiply(tm, s.ctm);
        const em = Math.hypot(toUser[2], toUser[3]) * size;
        let advance = 0;
        for (const g of (args[0] as (Glyph | number)[]) ?? []) {
          if (typeof g === "number") {
            advance -= (g * size) / 1000;
            continue;
          }
          const width =
            (g.width ?? 0) * advanceScale + ((g.isSpace ? s.wordSpacing : 0) + s.charSpacing) * direction;
          const [ux, uy] = apply(toUser, x + advance * hScale, y + s.rise);
          const [ex, ey] = apply(toUser, x + (advance + width) * hScale, y + s.rise);
          const [px, py] = toPage(ux, uy);
          const [qx, qy] = toPage(ex, ey);
          const last = pieces[pieces.length - 1];
          if (!g.unicode) {
            // A glyph with no text (a drawing, an unmapped code) only moves the pen.
          } else if (qx - px < 0.05 * em && last && Math.abs(px - (last.x + last.width)) < em) {
            // A zero-width mark drawn after its letter (a tone written as a combining character).
            last.text += g.unicode;
          } else if (qx > px && Math.abs(qy - py) < 0.01 * (qx - px) + 0.01) {
            // Only text that runs left to right on the page as read.
            pieces.push({ text: g.unicode, x: px, y: py, width: qx - px, size: em });
          }
          advance += width;
        }
        x += advance * hScale;
        break;
      }
    }
  }
  return pieces;
}
