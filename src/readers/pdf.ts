// .pdf → text with pdf.js (legacy build, in-process worker: nothing is fetched). Lines are rebuilt from
// item positions plus form-field values; a page without a text layer but with an image is a scan and
// goes through OCR, rendered at 300 dpi with @napi-rs/canvas. Password-protected, damaged and absurdly
// large files are refused with a ReadError before or while they are opened; so are decompression bombs,
// measured stream by stream before pdf.js sees them (./pdf-streams.ts).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { RenderParameters } from "pdfjs-dist/types/src/display/api.js";
import { ReadError } from "./errors.ts";
import { hasInsertedPieces, joinPages, rebuildLines, type TextPiece } from "./layout-lines.ts";
import { type OcrEngine, ocrLines } from "./ocr.ts";
import { recognizePages } from "./ocr-pages.ts";
import { type AnnotationData, annotationPieces, withoutDuplicates } from "./pdf-annotations.ts";
import { glyphPieces } from "./pdf-glyphs.ts";
import { measureStreams, StreamTooLarge } from "./pdf-streams.ts";
import type { OcrProgress, ReadWarning } from "./read-types.ts";

export const PDF_LIMITS = {
  maxPages: 500,
  /** A trailer /Size beyond this is a PDF bomb, not a directive. */
  maxObjects: 2_000_000,
  maxItemsPerPage: 200_000,
  maxChars: 20_000_000,
  ocrDpi: 300,
  maxRenderPixels: 40_000_000,
  /** Larger images are dropped unread: no page of a directive holds one. */
  maxImagePixels: 50_000_000,
};

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
const IMAGE_OPS = new Set([83, 84, 85, 86, 87, 88, 89, 90]); // OPS.paint*Image*

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

export interface PdfReadOptions {
  onProgress?: (p: OcrProgress) => void;
  ocr: (dpi: number) => Promise<OcrEngine>;
}

/** Truncated files lose their end: every complete PDF (and each incremental update) ends in %%EOF. */
function checkStructure(bytes: Uint8Array, name: string): void {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048);
  if (!tail.includes("%%EOF", 0, "latin1")) throw new ReadError("file-corrupt", { name, format: "PDF" });
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let objects = 0;
  for (const m of text.matchAll(/\/Size\s+(\d{1,12})/g)) objects = Math.max(objects, Number(m[1]));
  if (objects > PDF_LIMITS.maxObjects) {
    throw new ReadError("file-too-large", { name, detail: `${objects} objects` });
  }
  try {
    measureStreams(bytes, text);
  } catch (error) {
    if (error instanceof StreamTooLarge)
      throw new ReadError("file-too-large", { name, detail: error.message });
    throw error;
  }
}

async function open(pdfjs: PdfJs, bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl: join(pdfjsRoot, "standard_fonts/"),
    cMapUrl: join(pdfjsRoot, "cmaps/"),
    wasmUrl: join(pdfjsRoot, "wasm/"),
    iccUrl: join(pdfjsRoot, "iccs/"),
    useSystemFonts: false,
    stopAtErrors: false,
    maxImageSize: PDF_LIMITS.maxImagePixels,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as { name?: string }).name === "PasswordException") {
      throw new ReadError("file-encrypted", { name }, { cause: error });
    }
    throw new ReadError("file-corrupt", { name, format: "PDF" }, { cause: error });
  }
}

interface PageText {
  pieces: TextPiece[];
  fields: TextPiece[];
  chars: number;
}

async function pageText(pdfjs: PdfJs, page: PDFPageProxy, name: string): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  if (content.items.length > PDF_LIMITS.maxItemsPerPage) {
    throw new ReadError("file-too-large", { name, detail: `${content.items.length} text items on a page` });
  }
  const pieces: TextPiece[] = [];
  let chars = 0;
  for (const item of content.items) {
    if (!("str" in item) || item.str.length === 0) continue;
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // Only text that runs left to right on the page as read; rotated margin notes would scramble lines.
    if (Math.abs(b as number) > 0.01 * Math.abs(a as number) || (a as number) <= 0) continue;
    chars += item.str.replace(/\s/g, "").length;
    pieces.push({
      text: item.str,
      x: e as number,
      y: f as number,
      width: item.width > 0 ? item.width : item.str.length * 0.5 * Math.hypot(c as number, d as number),
      size: Math.hypot(c as number, d as number) || item.height,
    });
  }
  const toPage = (x: number, y: number): [number, number] =>
    viewport.convertToViewportPoint(x, y) as [number, number];
  const annotations = (await page.getAnnotations({ intent: "display" })) as AnnotationData[];
  const fields = withoutDuplicates(annotationPieces(annotations, { scale: 1, toPage }), pieces);
  if (hasInsertedPieces([...pieces, ...fields])) {
    // Items overlap (a fallback font fills gaps in a run): only glyph positions order the letters.
    const glyphs = await glyphPieces(page, pdfjs.OPS, toPage, pdfjs.AnnotationMode.DISABLE);
    if (glyphs.length > 0) return { pieces: glyphs, fields, chars };
  }
  return { pieces, fields, chars };
}

/** A page with (almost) no text layer that paints an image: a scanned page. */
async function isScan(pdfjs: PdfJs, page: PDFPageProxy, text: PageText): Promise<boolean> {
  if (text.chars >= 20) return false;
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  return ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
}

async function renderPage(pdfjs: PdfJs, page: PDFPageProxy): Promise<Uint8Array> {
  const base = page.getViewport({ scale: 1 });
  let scale = PDF_LIMITS.ocrDpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > PDF_LIMITS.maxRenderPixels) scale *= Math.sqrt(PDF_LIMITS.maxRenderPixels / pixels);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({
    canvas: canvas as unknown as RenderParameters["canvas"],
    viewport,
    background: "#ffffff",
    annotationMode: pdfjs.AnnotationMode.ENABLE,
  }).promise;
  return new Uint8Array(await canvas.encode("png"));
}

export async function readPdf(
  bytes: Uint8Array,
  name: string,
  options: PdfReadOptions,
): Promise<{ text: string; warnings: ReadWarning[]; ocrConfidence: number | null }> {
  checkStructure(bytes, name);
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await open(pdfjs, bytes, name);
  try {
    if (doc.numPages === 0) throw new ReadError("file-corrupt", { name, format: "PDF" });
    if (doc.numPages > PDF_LIMITS.maxPages) {
      throw new ReadError("file-too-large", { name, detail: `${doc.numPages} pages` });
    }
    const pages: (string[] | null)[] = [];
    const scans: number[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await pageText(pdfjs, page, name);
      if (await isScan(pdfjs, page, text)) {
        scans.push(n);
        pages.push(null);
      } else pages.push(rebuildLines([...text.pieces, ...text.fields], { tables: true }));
      chars += text.chars;
      if (chars > PDF_LIMITS.maxChars)
        throw new ReadError("file-too-large", { name, detail: `${chars} characters` });
      page.cleanup();
    }
    const scanned = await recognizePages({
      count: scans.length,
      render: async (i) => {
        const page = await doc.getPage(scans[i] as number);
        const image = await renderPage(pdfjs, page);
        page.cleanup();
        return image;
      },
      createEngine: () => options.ocr(PDF_LIMITS.ocrDpi),
      onProgress: options.onProgress,
    });
    let confidenceSum = 0;
    let words = 0;
    scanned.forEach((result, i) => {
      pages[(scans[i] as number) - 1] = ocrLines(result);
      confidenceSum += result.confidenceSum;
      words += result.words;
    });
    const text = joinPages(pages.map((lines) => lines ?? []));
    return {
      text,
      warnings: [],
      ocrConfidence: scans.length > 0 ? (words > 0 ? confidenceSum / words : 0) : null,
    };
  } catch (error) {
    if (error instanceof ReadError) throw error;
    // pdf.js opened the file but a page or its resources are broken beyond what it repairs.
    throw new ReadError("file-corrupt", { name, format: "PDF" }, { cause: error });
  } finally {
    await doc.loadingTask.destroy();
  }
}
