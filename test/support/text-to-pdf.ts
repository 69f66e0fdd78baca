// Test-only: text → a PDF with a real text layer (pdf-lib, an embedded Vietnamese TrueType font), A4,
// wrapped lines, tab-separated parts side by side. `formFields` cuts the first match of each pattern out
// of the printed text and puts the value into an AcroForm text field at that place, which is how e-office
// systems stamp the number and the day into a signed PDF.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { A4, FONT_SIZE, layoutPages, type Run } from "./page-layout.ts";

const require = createRequire(import.meta.url);
/**
 * DejaVu Sans Condensed covers every Vietnamese precomposed letter. Not the serif of real documents:
 * Tesseract misreads DejaVu Serif's roman numerals ("II." → "I") at 12 pt, which made the OCR tests
 * flaky; the condensed face also fits about 80 characters on a line, as a 13 pt Times line does, so
 * a source line wraps about where it would in a real document.
 */
export const FONT_PATH = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf");
const FALLBACK_FONT_PATH = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif.ttf");

export interface FormField {
  pattern: RegExp;
  value: string;
}

interface Gap {
  start: number;
  end: number;
  value: string;
}

function findGaps(text: string, fields: FormField[]): Gap[] {
  return fields.flatMap((f) => {
    const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, "")).exec(text);
    if (!m) throw new Error(`textToPdf: pattern ${f.pattern} matches nothing`);
    return [{ start: m.index, end: m.index + m[0].length, value: f.value }];
  });
}

export interface TextToPdfOptions {
  formFields?: FormField[];
  /**
   * Letters drawn from a second font into gaps left in the main font's run, after the run, as
   * LibreOffice does when the main font lacks them (Liberation Serif lacks "ị", "ự", "ệ"…).
   */
  fallbackLetters?: string;
}

export async function textToPdf(text: string, options: TextToPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT_PATH), { subset: true });
  const fallbackFont = options.fallbackLetters
    ? await doc.embedFont(readFileSync(FALLBACK_FONT_PATH), { subset: true })
    : null;
  const fallback = new Set(options.fallbackLetters ?? "");
  const measure = (s: string): number => font.widthOfTextAtSize(s, FONT_SIZE);
  const gaps = findGaps(text, options.formFields ?? []);
  const form = doc.getForm();
  let fieldCount = 0;

  const drawIn = (page: PDFPage, s: string, x: number, top: number, f: PDFFont): void => {
    if (s.length > 0)
      page.drawText(s, { x, y: A4.height - top, size: FONT_SIZE, font: f, color: rgb(0, 0, 0) });
  };
  const draw = (page: PDFPage, s: string, x: number, top: number): void => {
    if (!fallbackFont || ![...s].some((ch) => fallback.has(ch))) {
      drawIn(page, s, x, top, font);
      return;
    }
    // The main run with a gap for each fallback letter, then the letters into their gaps.
    const later: { ch: string; x: number }[] = [];
    let segment = "";
    let segmentX = x;
    let pen = x;
    for (const ch of s) {
      if (fallback.has(ch)) {
        drawIn(page, segment, segmentX, top, font);
        later.push({ ch, x: pen });
        pen += fallbackFont.widthOfTextAtSize(ch, FONT_SIZE);
        segment = "";
        segmentX = pen;
      } else {
        segment += ch;
        pen += font.widthOfTextAtSize(ch, FONT_SIZE);
      }
    }
    drawIn(page, segment, segmentX, top, font);
    for (const l of later) drawIn(page, l.ch, l.x, top, fallbackFont);
  };
  const addField = (page: PDFPage, value: string, x: number, top: number, width: number): void => {
    const field = form.createTextField(`stamp${++fieldCount}`);
    field.setText(value);
    field.addToPage(page, {
      x: x - 2,
      y: A4.height - top - FONT_SIZE * 0.35,
      width: width + 4,
      height: FONT_SIZE * 1.4,
      font,
      borderWidth: 0,
      textColor: rgb(0, 0, 0),
    });
    field.setFontSize(FONT_SIZE);
  };
  const drawRun = (page: PDFPage, run: Run, pdfFont: PDFFont): void => {
    let x = run.x;
    let at = 0;
    const end = run.offset + run.text.length;
    for (const gap of gaps.filter((g) => g.start >= run.offset && g.end <= end)) {
      const before = run.text.slice(at, gap.start - run.offset);
      draw(page, before, x, run.y);
      x += pdfFont.widthOfTextAtSize(before, FONT_SIZE);
      const width = pdfFont.widthOfTextAtSize(
        run.text.slice(gap.start - run.offset, gap.end - run.offset),
        FONT_SIZE,
      );
      addField(page, gap.value, x, run.y, width);
      x += width;
      at = gap.end - run.offset;
    }
    draw(page, run.text.slice(at), x, run.y);
  };

  for (const laid of layoutPages(text, measure)) {
    const page = doc.addPage([A4.width, A4.height]);
    for (const run of laid.runs) drawRun(page, run, font);
  }
  if (fieldCount > 0) form.updateFieldAppearances(font);
  return doc.save();
}
