// A minimal ZIP reader for the few parts of a DOCX we need. It trusts no size a header declares:
// every entry inflates through node:zlib with maxOutputLength, so a zip bomb stops at the cap instead
// of filling memory, and the number of entries and the declared total are capped before anything runs.
import { inflateRawSync } from "node:zlib";

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};

export class ZipError extends Error {
  readonly kind: "corrupt" | "too-large" | "encrypted";
  constructor(kind: "corrupt" | "too-large" | "encrypted", detail: string) {
    super(detail);
    this.kind = kind;
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function centralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const dv = view(bytes);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is ≤ 64 KiB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory");
  const count = dv.getUint16(eocd + 10, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError("too-large", "ZIP64 archive");
  if (count > limits.maxEntries) throw new ZipError("too-large", `${count} entries`);
  const entries: Entry[] = [];
  const names = new TextDecoder("utf-8");
  let p = offset;
  let declared = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) {
      throw new ZipError("corrupt", "bad central directory");
    }
    const nameLength = dv.getUint16(p + 28, true);
    const entry: Entry = {
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    declared += entry.size;
    if (entry.size > limits.maxEntryBytes || declared > limits.maxTotalBytes) {
      throw new ZipError("too-large", `${entry.name}: ${entry.size} bytes`);
    }
    entries.push(entry);
    p += 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return entries;
}

function inflate(bytes: Uint8Array, entry: Entry, limits: ZipLimits): Uint8Array {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) {
    throw new ZipError("corrupt", `bad local header for ${entry.name}`);
  }
  if (entry.flags & 1) throw new ZipError("encrypted", entry.name);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError("corrupt", `${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError("corrupt", `${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ZipError("too-large", `${entry.name} inflates past ${limits.maxEntryBytes} bytes`);
    }
    throw new ZipError("corrupt", `${entry.name}: ${(error as Error).message}`);
  }
}

export interface ZipArchive {
  names(): string[];
  /** The entry inflated, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null;
}

/** Reads the directory now and inflates entries on demand, counting what they inflate to. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const entries = new Map(centralDirectory(bytes, limits).map((e) => [e.name, e]));
  let total = 0;
  return {
    names: () => [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const data = inflate(bytes, entry, limits);
      total += data.length;
      if (total > limits.maxTotalBytes) throw new ZipError("too-large", "archive inflates past the cap");
      return data;
    },
  };
}
