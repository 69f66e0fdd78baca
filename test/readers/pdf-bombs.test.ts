// PDF decompression bombs: a page content that inflates to more than a gigabyte through two Flate
// filters, the same behind ASCII85 or ASCIIHex, calling itself an image, or built from the filters
// that grow without Flate (LZW, RunLength). Each is refused as too large in well under a second,
// before pdf.js decodes it; real PDFs are measured and read as before.
import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { measureStreams, STREAM_LIMITS } from "../../src/readers/pdf-streams.ts";
import { readDocumentBytes } from "../../src/readers/read.ts";
import { flateTwice, onePagePdf } from "../support/bombs.ts";
import { textToPdf } from "../support/text-to-pdf.ts";

const GIB = 1024 * 1024 * 1024;

function ascii85(data: Buffer): Buffer {
  let out = "";
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(i + 4, data.length));
    let v = chunk.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, Math.min(5, data.length - i + 1)).join("");
  }
  return Buffer.from(`${out}~>`, "latin1");
}

/** LZW codes (PDF flavour: 9 to 12 bits, the width growing one code early) packed into bytes. */
function lzwBits(codes: number[]): Buffer {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let next = 258;
  let width = 9;
  let previous = -1;
  for (const code of codes) {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out.push((buffer >>> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (previous >= 0 && next < 4096) next++;
    if (next + 1 >= 1 << width && width < 12) width++;
    previous = code;
  }
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** Tables of ever longer runs of spaces: each code repeats the last string plus one space. */
function lzwBomb(tables: number): Buffer {
  const codes: number[] = [];
  for (let t = 0; t < tables; t++) {
    codes.push(0x20);
    for (let c = 258; c < 4096; c++) codes.push(c);
    codes.push(256);
  }
  codes.push(257);
  return lzwBits(codes);
}

async function refusedQuickly(bytes: Uint8Array): Promise<number> {
  const started = performance.now();
  await expect(readDocumentBytes(bytes, "bom.pdf")).rejects.toMatchObject({ code: "file-too-large" });
  return performance.now() - started;
}

let inner: Buffer;

beforeAll(async () => {
  inner = await flateTwice(Math.round(1.1 * GIB));
}, 60_000);

describe("PDF decompression bombs", () => {
  it("refuses a page content that inflates to 1.1 GiB through two Flate filters", async () => {
    const bomb = onePagePdf("/Filter [/FlateDecode /FlateDecode]", inner);
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(await refusedQuickly(bomb)).toBeLessThan(5000);
  }, 60_000);

  it("refuses it behind ASCII85 or ASCIIHex, and when it calls itself an image", async () => {
    await refusedQuickly(onePagePdf("/Filter [/ASCII85Decode /FlateDecode /FlateDecode]", ascii85(inner)));
    await refusedQuickly(
      onePagePdf(
        "/Filter [/ASCIIHexDecode /FlateDecode /FlateDecode]",
        Buffer.from(`${inner.toString("hex")}>`),
      ),
    );
    await refusedQuickly(
      onePagePdf(
        "/Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]",
        inner,
      ),
    );
  });

  it("refuses LZW and RunLength runs that grow past the cap", async () => {
    const lzw = lzwBomb(10);
    expect(lzw.length).toBeLessThan(100 * 1024);
    await refusedQuickly(onePagePdf("/Filter /LZWDecode", lzw));
    const runs = Buffer.alloc(2 * 600_000);
    for (let i = 0; i < runs.length; i += 2) runs.set([129, 0x20], i);
    await refusedQuickly(onePagePdf("/Filter /RunLengthDecode", runs));
  });

  it("decodes what a real PDF holds and reads it as before", async () => {
    // the PDF reference's LZW example: 80 0B 60 50 22 0C 0C 85 01 is "-----A---B"
    const example = Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    const lzwPdf = onePagePdf("/Filter /LZWDecode", example);
    expect(measureStreams(lzwPdf, Buffer.from(lzwPdf).toString("latin1"))).toBe(10);
    const text = "BT /F1 12 Tf 72 700 Td (Ke hoach so 12) Tj ET";
    const flatePdf = onePagePdf("/Filter /FlateDecode", deflateSync(Buffer.from(text)));
    expect(measureStreams(flatePdf, Buffer.from(flatePdf).toString("latin1"))).toBe(text.length);
    expect((await readDocumentBytes(flatePdf, "ke-hoach.pdf")).text).toContain("Ke hoach so 12");
    const real = await textToPdf("Kế hoạch số 12/KH-UBND\nNgày 15 tháng 3 năm 2025");
    const measured = measureStreams(real, Buffer.from(real).toString("latin1"));
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThan(STREAM_LIMITS.maxStreamBytes);
  });
});
