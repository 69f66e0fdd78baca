// The IO edge for documents: file bytes → text with layout hints, ready for the parser. Heavy readers
// (pdf.js, Tesseract, the DOCX reader) are imported only for the formats that need them, so reading a
// .txt starts as fast as Node does.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { message } from "../messages/catalog.ts";
import { detectFormat } from "./detect.ts";
import { ReadError } from "./errors.ts";
import type { ReadOptions, ReadResult, ReadWarning } from "./read-types.ts";
import { decodeText } from "./text.ts";

export type { OcrProgress, ReadOptions, ReadResult, ReadWarning } from "./read-types.ts";

/** Larger inputs are not official documents; refusing them early keeps memory bounded. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

function ocrWarning(confidence: number): ReadWarning {
  const rounded = Math.round(confidence * 10) / 10;
  return { code: "ocr", message: message("ocr", { confidence: rounded.toFixed(1) }) };
}

export async function readDocumentBytes(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError("file-empty", { name });
  if (bytes.length > MAX_INPUT_BYTES)
    throw new ReadError("file-too-large", { name, detail: `${bytes.length} bytes` });
  const format = detectFormat(bytes, name);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const warnings: ReadWarning[] = [];
  let text: string;
  switch (format) {
    case "txt":
    case "md":
    case "html":
      text = decodeText(bytes);
      if (text.trim().length === 0) throw new ReadError("file-empty", { name });
      break;
    case "docx": {
      const { readDocx } = await import("./docx.ts");
      text = readDocx(bytes, name);
      break;
    }
    case "pdf": {
      const { readPdf } = await import("./pdf.ts");
      const pdf = await readPdf(bytes, name, {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ocr: async (dpi) => (await import("./ocr.ts")).createOcrEngine({ dpi }),
      });
      text = pdf.text;
      warnings.push(...pdf.warnings);
      if (pdf.ocrConfidence !== null) warnings.push(ocrWarning(pdf.ocrConfidence));
      break;
    }
    case "png":
    case "jpeg": {
      const { readImage } = await import("./image.ts");
      const image = await readImage(bytes, name, format, options.onProgress);
      text = image.text;
      warnings.push(ocrWarning(image.confidence));
      break;
    }
  }
  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (text.trim().length === 0) throw new ReadError("no-text", { name });
  return { text, name: basename(name), format, sha256, warnings, bytes };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES)
      throw new ReadError("file-too-large", { name: "stdin", detail: `> ${MAX_INPUT_BYTES} bytes` });
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function fileError(error: unknown, path: string): ReadError {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new ReadError("file-missing", { name: path }, { cause: error });
  return new ReadError("file-unreadable", { name: path }, { cause: error });
}

/** Reads a file by path, or standard input for "-". */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (path === "-") return readDocumentBytes(await readStdin(), "stdin", options);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: "EISDIR" });
    if (info.size > MAX_INPUT_BYTES)
      throw new ReadError("file-too-large", { name: path, detail: `${info.size} bytes` });
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw fileError(error, path);
  }
  return readDocumentBytes(bytes, path, options);
}
