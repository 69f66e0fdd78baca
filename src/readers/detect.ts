// Which reader a file needs: magic bytes first, the name's extension second. A name that promises a
// binary format whose bytes do not match is a damaged file, not an unknown one.
import type { SourceFormat } from "../parser/schema.ts";
import { ReadError } from "./errors.ts";
import { looksLikeText } from "./text.ts";

const EXTENSIONS: Record<string, SourceFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".docx": "docx",
  ".pdf": "pdf",
  ".png": "png",
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
};
const LABELS: Record<SourceFormat, string> = {
  txt: "TXT",
  md: "Markdown",
  docx: "DOCX",
  pdf: "PDF",
  html: "HTML",
  png: "PNG",
  jpeg: "JPEG",
};

/** The media type a file of each format is stored and served back with. */
export const CONTENT_TYPES: Record<SourceFormat, string> = {
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  html: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
};

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function includesAscii(bytes: Uint8Array, text: string, limit = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).includes(
    text,
    0,
    "latin1",
  );
}

/** An OLE compound file: a password-protected DOCX (its EncryptedPackage stream) or a legacy .doc. */
function compoundFile(bytes: Uint8Array, name: string): never {
  const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(
    Buffer.from("EncryptedPackage", "utf16le"),
  );
  if (encrypted) throw new ReadError("file-encrypted", { name });
  throw new ReadError("format-unknown", { name });
}

export function detectFormat(bytes: Uint8Array, name: string): SourceFormat {
  const ext = extensionOf(name);
  const byName = EXTENSIONS[ext];
  // Some producers put a few bytes before the header; readers accept %PDF in the first kilobyte.
  if (includesAscii(bytes, "%PDF-", 1024)) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) compoundFile(bytes, name);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Any ZIP: a Word document names its main part in a local header near the start.
    if (byName === "docx" || includesAscii(bytes, "word/document.xml")) return "docx";
    throw new ReadError("format-unknown", { name });
  }
  if (byName && byName !== "txt" && byName !== "md") {
    throw new ReadError("file-corrupt", { name, format: LABELS[byName] });
  }
  if (!looksLikeText(bytes) || startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new ReadError("format-unknown", { name });
  }
  // Text under a name with no extension (standard input, a pipe) is read as plain text; a foreign
  // extension (.html, .rtf, .csv…) is not guessed at.
  if (byName) return byName;
  if (ext === "") return "txt";
  throw new ReadError("format-unknown", { name });
}
