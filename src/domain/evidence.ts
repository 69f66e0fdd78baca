// Which files a body may attach as evidence of its progress: documents, spreadsheets, photos and
// plain text. The name's extension and the bytes must both say the same format, so a script renamed
// to .pdf is refused rather than handed to a reader's browser.
import { looksLikeText } from "../readers/text.ts";

export type EvidenceFormat = "pdf" | "docx" | "xlsx" | "jpeg" | "png" | "txt";

const BY_EXTENSION: Record<string, EvidenceFormat> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".xlsx": "xlsx",
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
  ".txt": "txt",
};

export const EVIDENCE_CONTENT_TYPES: Record<EvidenceFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpeg: "image/jpeg",
  png: "image/png",
  // the bytes may be UTF-8, UTF-16 or windows-1258: no charset is promised
  txt: "text/plain",
};

/** The formats as users name them, for messages. */
export const EVIDENCE_LABELS: Record<EvidenceFormat, string> = {
  pdf: "PDF",
  docx: "DOCX",
  xlsx: "XLSX",
  jpeg: "JPEG",
  png: "PNG",
  txt: "TXT",
};

/** The extensions accepted, for messages. */
export const EVIDENCE_EXTENSIONS = Object.keys(BY_EXTENSION).join(", ");

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

const containsAscii = (bytes: Uint8Array, text: string, limit = bytes.length): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).includes(text, 0, "latin1");

// an Office file is a ZIP whose entry names (kept uncompressed) give the application away
const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

const CONTENT: Record<EvidenceFormat, (bytes: Uint8Array) => boolean> = {
  // readers accept a few bytes of junk before the header
  pdf: (b) => containsAscii(b, "%PDF-", 1024),
  docx: (b) => isZip(b) && containsAscii(b, "word/document.xml"),
  xlsx: (b) => isZip(b) && containsAscii(b, "xl/workbook.xml"),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  txt: (b) => looksLikeText(b) && !containsAscii(b, "%PDF-", 1024) && !isZip(b),
};

export type EvidenceCheck =
  | { ok: true; format: EvidenceFormat; contentType: string }
  | { ok: false; reason: "extension" | "content"; format: EvidenceFormat | null };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Whether `bytes` named `name` is an accepted evidence file: its extension first, then its bytes. */
export function checkEvidence(name: string, bytes: Uint8Array): EvidenceCheck {
  const format = BY_EXTENSION[extensionOf(name)];
  if (format === undefined) return { ok: false, reason: "extension", format: null };
  if (!CONTENT[format](bytes)) return { ok: false, reason: "content", format };
  return { ok: true, format, contentType: EVIDENCE_CONTENT_TYPES[format] };
}

/**
 * A file name fit to store and to send back: the last path piece, composed Unicode (macOS sends
 * Vietnamese letters decomposed), no control characters, at most 200 characters with its extension
 * kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.slice(Math.max(raw.lastIndexOf("/"), raw.lastIndexOf("\\")) + 1);
  const name = base
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .trim();
  if (name.length <= 200) return name;
  const ext = extensionOf(name);
  return name.slice(0, 200 - ext.length) + ext;
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the exact UTF-8 name
 * in RFC 5987 form (filename*), which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const fallback =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\]/g, "_") || "file";
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
