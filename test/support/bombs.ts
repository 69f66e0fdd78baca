// Test-only: decompression bombs, small files that inflate to more than a gigabyte. A DOCX whose main
// part is one deflated run of spaces (its headers may lie about the size), and PDFs whose page
// content passes twice through FlateDecode, so a few kilobytes stand for the whole run.
import { crc32, createDeflate, createDeflateRaw, deflateSync } from "node:zlib";

const GIB = 1024 * 1024 * 1024;

/**
 * `bytes` spaces deflated (raw for a ZIP entry, zlib-wrapped for a PDF's FlateDecode), produced in
 * chunks so that the run itself is never in memory.
 */
async function deflatedSpaces(bytes: number, wrap: "raw" | "zlib"): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const options = { level: 9, memLevel: 9 };
  const deflate = wrap === "raw" ? createDeflateRaw(options) : createDeflate(options);
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc };
}

/**
 * A .docx whose word/document.xml inflates to `inflated` bytes (1.1 GiB by default). With
 * `honest`, the headers declare that size (a reader refuses it unopened); otherwise they claim 1 KB
 * and only the inflation itself can stop it.
 */
export async function docxBomb(options: { inflated?: number; honest?: boolean } = {}): Promise<Uint8Array> {
  const inflated = options.inflated ?? Math.round(1.1 * GIB);
  const { data, crc } = await deflatedSpaces(inflated, "raw");
  const declared = options.honest ? inflated : 1024;
  const name = Buffer.from("word/document.xml", "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directory = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, directory, end]));
}

/** A PDF written object by object, with a correct cross-reference table. */
export function rawPdf(objects: (string | Buffer)[], trailer = ""): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let size = (parts[0] as Buffer).length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const body = typeof o === "string" ? Buffer.from(o, "latin1") : o;
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(b);
    size += b.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
  ].join("");
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${size}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/** A stream object: its dictionary entries (without << >>) and its raw data. */
export function pdfStream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

/** `inflated` spaces deflated twice over (zlib): what /Filter [/FlateDecode /FlateDecode] reads. */
export async function flateTwice(inflated: number): Promise<Buffer> {
  const { data } = await deflatedSpaces(inflated, "zlib");
  return deflateSync(data, { level: 9 });
}

/** A one-page PDF whose page content is `content` under the stream dictionary entries `dict`. */
export function onePagePdf(dict: string, content: Buffer): Uint8Array {
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    pdfStream(dict, content),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

/** A one-page PDF whose content stream inflates to `inflated` bytes through two Flate filters. */
export async function pdfBomb(inflated = Math.round(1.1 * GIB)): Promise<Uint8Array> {
  return onePagePdf("/Filter [/FlateDecode /FlateDecode]", await flateTwice(inflated));
}
