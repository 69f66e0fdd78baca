// OCR with Tesseract (tesseract.js, WebAssembly) and the Vietnamese model that @tesseract.js-data/vie
// ships in node_modules: nothing is downloaded and nothing is cached on disk (cacheMethod "none"), so a
// run never writes into the project tree. tesseract.js is imported only when a scan needs it.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { rebuildLines, type TextPiece } from "./layout-lines.ts";

export interface OcrPage {
  pieces: TextPiece[];
  /** Sum and count of word confidences (0–100), so pages can be averaged together. */
  confidenceSum: number;
  words: number;
}

export interface OcrEngine {
  recognize(image: Uint8Array, onFraction?: (fraction: number) => void): Promise<OcrPage>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The LSTM integer model: the one tesseract.js itself uses for its default (LSTM-only) engine. */
function languagePath(): string {
  return join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int");
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface OcrLine {
  bbox: Bbox;
  baseline: Bbox;
  rowAttributes?: { rowHeight?: number };
  words: { text: string; bbox: Bbox; confidence: number }[];
}

function piecesOf(line: OcrLine): TextPiece[] {
  const rowHeight = line.rowAttributes?.rowHeight ?? 0;
  const size = rowHeight > 0 ? rowHeight / 1.15 : (line.bbox.y1 - line.bbox.y0) / 1.25;
  const { x0, y0, x1, y1 } = line.baseline;
  const slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
  return line.words.map((w) => ({
    text: w.text,
    x: w.bbox.x0,
    y: y0 + slope * (w.bbox.x0 - x0),
    width: w.bbox.x1 - w.bbox.x0,
    size,
  }));
}

/** `dpi`: the resolution of the images to come, when known (rendered PDF pages). */
/**
 * A sans-serif capital I is a bare stroke that Tesseract often reads as "|" or "l": in a heading label
 * ("| - MỤC ĐÍCH", "||. NHIỆM VỤ", "lll - TỔ CHỨC") it is a roman numeral, and a pipe left there would
 * make the parser see a table row. An "l" counts only before a capitalised heading: "l. Mục đích" may
 * as well be "1.".
 */
function fixRomanLabel(line: string): string {
  const m = /^(\s*(?:#{1,6}\s*)?(?:\*{1,2})?)([IVXl|]{1,6})(\s*[.\-–:)]\s+)(\*{0,2}\p{L}+)/u.exec(line);
  if (!m) return line;
  const [whole, before, label, separator, next] = m as unknown as [string, string, string, string, string];
  const pipe = label.includes("|");
  const heading = label.includes("l") && next.replace(/^\*+/, "") === next.replace(/^\*+/, "").toUpperCase();
  if (!pipe && !heading) return line;
  return `${before}${label.replace(/[|l]/g, "I")}${separator}${next}${line.slice(whole.length)}`;
}

/**
 * A Party document prints an asterisk under the issuer's name, alone in the header's left column;
 * Tesseract reads the small raised star as "x" or "×". That one mark alone on a line (or in the
 * first column of one) is no word in any document, and left as a letter it reads as part of the header.
 */
function fixStar(line: string): string {
  return line.replace(/^(\s*)[xX×✱∗⁎＊](?=[^\S\t]*(?:\t|$))/u, "$1*");
}

/**
 * Tesseract's Vietnamese model reads the hook above "ỉ" as an acute or adds one: "TÍNH ỦY" for
 * "TỈNH ỦY", "các chỉ bộ" for "các chi bộ". Neither pair of words exists in Vietnamese ("tính" comes
 * before "ủy" only in "ủy thác", "ủy nhiệm"… — left alone —, "các" never before the adverb "chỉ"
 * followed by "bộ"), so they are put right.
 */
const TONE_SLIPS: [RegExp, (m: string) => string][] = [
  [
    /(?<![\p{L}])(TÍNH|Tính|tính)(?=\s+(?:ỦY|UỶ|Ủy|Uỷ|ủy|uỷ)(?![\p{L}])(?!\s+(?:thác|nhiệm|quyền|mị|lạo)(?![\p{L}])))/gu,
    (m) => m.replace("Í", "Ỉ").replace("í", "ỉ"),
  ],
  [
    /(?<![\p{L}])(CÁC|Các|các)(\s+)(CHỈ|chỉ)(?=\s+(?:BỘ|bộ)(?![\p{L}]))/gu,
    (m) => m.replace("CHỈ", "CHI").replace("chỉ", "chi"),
  ],
];

function fixToneSlips(line: string): string {
  return TONE_SLIPS.reduce((out, [re, fix]) => out.replace(re, fix), line);
}

/** The lines of a recognised page, with the corrections OCR text needs. */
export function ocrLines(page: OcrPage): string[] {
  return rebuildLines(page.pieces).map((line) => fixToneSlips(fixStar(fixRomanLabel(line))));
}

export async function createOcrEngine(options: { dpi?: number } = {}): Promise<OcrEngine> {
  const { createWorker } = await import("tesseract.js");
  let report: ((fraction: number) => void) | undefined;
  const worker = await createWorker("vie", 1, {
    langPath: languagePath(),
    gzip: true,
    cacheMethod: "none",
    logger: (m) => {
      if (m.status === "recognizing text") report?.(m.progress);
    },
    // Without a handler tesseract.js throws a failed job's error out of its message listener, where
    // nothing can catch it; the job's promise rejects anyway and is handled by the caller.
    errorHandler: () => {},
  });
  // A known resolution spares Tesseract a guess (and the warning it prints about it).
  if (options.dpi) await worker.setParameters({ user_defined_dpi: String(options.dpi) });
  return {
    async recognize(image, onFraction) {
      report = onFraction;
      try {
        const { data } = await worker.recognize(Buffer.from(image), {}, { blocks: true, text: false });
        const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)) as OcrLine[];
        const words = lines.flatMap((l) => l.words);
        return {
          pieces: lines.flatMap(piecesOf),
          confidenceSum: words.reduce((sum, w) => sum + w.confidence, 0),
          words: words.length,
        };
      } finally {
        report = undefined;
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
