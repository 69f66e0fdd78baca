// Text that a PDF keeps outside its page content: AcroForm field values (e-office systems stamp the
// document number and the day into a signed PDF this way: "Số: [726]/KH-UBND", "ngày [15] tháng 3")
// and FreeText annotations. Each becomes a positioned piece that joins the rebuilt lines where it sits.
import type { TextPiece } from "./layout-lines.ts";

/** The fields of pdf.js annotation data this reader uses. */
export interface AnnotationData {
  annotationType: number;
  annotationFlags?: number;
  hidden?: boolean;
  rect: number[];
  fieldType?: string;
  fieldValue?: unknown;
  textContent?: string[];
  contentsObj?: { str?: string };
  textAlignment?: number | null;
  textPosition?: number[];
  defaultAppearanceData?: { fontSize?: number };
}

/** Maps a point of PDF user space to the page as read (y downwards), e.g. a pdf.js viewport. */
export interface PageSpace {
  toPage(x: number, y: number): [number, number];
  scale: number;
}

const WIDGET = 20;
const FREE_TEXT = 3;
const HIDDEN_FLAGS = 2 | 32; // Hidden, NoView

/** A field's text has no measured width: estimate it from typical glyph widths (in ems). */
function estimateWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    if (/\d/.test(ch)) ems += 0.55;
    else if (ch === " ") ems += 0.28;
    else if (/\p{Lu}/u.test(ch)) ems += 0.68;
    else if (/\p{L}/u.test(ch)) ems += 0.5;
    else ems += 0.33;
  }
  return ems * size;
}

function annotationText(a: AnnotationData): string | null {
  if (a.hidden || ((a.annotationFlags ?? 0) & HIDDEN_FLAGS) !== 0) return null;
  if (a.annotationType === WIDGET) {
    if (a.fieldType !== "Tx" && a.fieldType !== "Ch") return null;
    const v = a.fieldValue;
    if (typeof v === "string" && v.trim()) return v;
    if (Array.isArray(v) && v.length > 0) return v.map(String).join(", ");
    return a.textContent?.length ? a.textContent.join("\n") : null;
  }
  if (a.annotationType === FREE_TEXT) {
    if (a.textContent?.length) return a.textContent.join("\n");
    return a.contentsObj?.str?.trim() ? a.contentsObj.str : null;
  }
  return null;
}

export function annotationPieces(annotations: AnnotationData[], space: PageSpace): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const a of annotations) {
    const text = annotationText(a);
    if (!text || a.rect.length < 4) continue;
    const [rx1, ry1, rx2, ry2] = a.rect as [number, number, number, number];
    const left = Math.min(rx1, rx2);
    const right = Math.max(rx1, rx2);
    const bottom = Math.min(ry1, ry2);
    const top = Math.max(ry1, ry2);
    const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
    const declared = a.defaultAppearanceData?.fontSize ?? 0;
    // An auto-sized single line fills about three quarters of its box.
    const size = declared > 0 ? declared : Math.min(12, ((top - bottom) / Math.max(1, lines.length)) * 0.75);
    lines.forEach((line, i) => {
      const width = estimateWidth(line, size);
      let x = left + (a.textPosition?.[0] ?? 2);
      if (a.textAlignment === 1) x = (left + right - width) / 2;
      else if (a.textAlignment === 2) x = right - 2 - width;
      // pdf.js reports where the appearance stream draws a one-line field's baseline; otherwise a
      // single line is centred in its box and several lines run down from its top.
      const baseline =
        lines.length === 1
          ? a.textPosition
            ? bottom + (a.textPosition[1] as number)
            : (bottom + top) / 2 - 0.35 * size
          : top - size * (1 + 1.2 * i);
      const [px, py] = space.toPage(x, baseline);
      pieces.push({
        text: line,
        x: px,
        y: py,
        width: width * space.scale,
        size: size * space.scale,
        estimated: true,
      });
    });
  }
  return pieces;
}

/** Drops a field piece whose value the page text already shows at that place (a flattened stamp). */
export function withoutDuplicates(fields: TextPiece[], page: TextPiece[]): TextPiece[] {
  return fields.filter(
    (f) =>
      !page.some(
        (p) =>
          Math.abs(p.y - f.y) < 0.5 * f.size &&
          p.x < f.x + f.width &&
          p.x + p.width > f.x &&
          p.text.includes(f.text.trim()),
      ),
  );
}
