// A file that cannot be read is a value with a code from the message catalogue, so every edge (CLI,
// API) reports it the same way, in Vietnamese and English.
import { bilingual, type MessageParams, message } from "../messages/catalog.ts";

export const READ_ERROR_CODES = [
  "file-missing",
  "file-empty",
  "file-unreadable",
  "file-encrypted",
  "file-corrupt",
  "file-too-large",
  "format-unknown",
  "no-text",
] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly params: MessageParams;

  constructor(code: ReadErrorCode, params: MessageParams, options?: { cause?: unknown }) {
    super(message(code, params, "en"), options);
    this.name = "ReadError";
    this.code = code;
    this.params = params;
  }

  /** One line for a terminal: Vietnamese, then English. */
  bilingual(): string {
    return bilingual(this.code, this.params);
  }
}
