// What a reader hands back, shared by the format readers and their callers.
import type { SourceFormat } from "../parser/schema.ts";

export interface OcrProgress {
  stage: "ocr";
  /** The scanned page being recognised, 1-based, among `pages` scanned pages. */
  page: number;
  pages: number;
  /** Share of the whole OCR work done, 0–1. */
  fraction: number;
}

export interface ReadOptions {
  onProgress?(progress: OcrProgress): void;
}

export interface ReadWarning {
  code: string;
  message: string;
}

export interface ReadResult {
  /** NFC text with LF line ends and layout hints (tabs between columns, pipe rows for tables). */
  text: string;
  name: string;
  format: SourceFormat;
  /** SHA-256 of the bytes as read, hex. */
  sha256: string;
  warnings: ReadWarning[];
  /** The file as read, kept with an imported document. */
  bytes: Uint8Array;
}
