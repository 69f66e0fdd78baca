// Test-only: text → page images (PNG, A4 at 300 dpi, black on white, DejaVu Sans Condensed) laid out exactly as
// textToPdf prints them, and page images → an image-only PDF: what a scanner produces.
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { PDFDocument } from "pdf-lib";
import { A4, FONT_SIZE, layoutPages } from "./page-layout.ts";
import { FONT_PATH } from "./text-to-pdf.ts";

const DPI = 300;
const SCALE = DPI / 72;
const FAMILY = "TrienkhaiTestSans";
let registered = false;

export async function textToPngPages(text: string): Promise<Uint8Array[]> {
  if (!registered) {
    GlobalFonts.registerFromPath(FONT_PATH, FAMILY);
    registered = true;
  }
  const width = Math.round(A4.width * SCALE);
  const height = Math.round(A4.height * SCALE);
  const probe = createCanvas(10, 10).getContext("2d");
  probe.font = `${FONT_SIZE}px ${FAMILY}`;
  const pages = layoutPages(text, (s) => probe.measureText(s).width);
  return pages.map((page) => {
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = "#000000";
    ctx.font = `${FONT_SIZE * SCALE}px ${FAMILY}`;
    ctx.textBaseline = "alphabetic";
    for (const run of page.runs) ctx.fillText(run.text, run.x * SCALE, run.y * SCALE);
    return new Uint8Array(canvas.toBuffer("image/png"));
  });
}

/** One A4 page per image, the image filling the page, no text layer. */
export async function pngPagesToPdf(pngs: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    const page = doc.addPage([A4.width, A4.height]);
    page.drawImage(image, { x: 0, y: 0, width: A4.width, height: A4.height });
  }
  return doc.save();
}
