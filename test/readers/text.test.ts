// Plain text in the encodings Vietnamese offices produce: UTF-8 (with and without a BOM), UTF-16 with
// a BOM, and the windows-1258 code page, which writes tones as combining marks.
import { describe, expect, it } from "vitest";
import { readDocumentBytes } from "../../src/readers/read.ts";

const SAMPLE = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 12/KH-UBND\nQuảng Ngãi, ngày 15 tháng 3 năm 2025\n";

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

/** Node's windows-1258 table turned around: character → byte. */
const CP1258 = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) CP1258.set(new TextDecoder("windows-1258").decode(Uint8Array.of(b)), b);

/** windows-1258 has Â, Ơ, Ư… precomposed but writes the five tones as combining marks after them. */
function windows1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const cluster of text.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? []) {
    const [base = "", ...marks] = [...cluster];
    const modifiers = marks.filter((m) => /[\u0302\u0306\u031b]/.test(m));
    const tones = marks.filter((m) => !modifiers.includes(m));
    for (const ch of [`${base}${modifiers.join("")}`.normalize("NFC"), ...tones]) {
      const code = ch.codePointAt(0) as number;
      const byte = code < 0x80 ? code : CP1258.get(ch);
      if (byte === undefined) throw new Error(`no windows-1258 byte for U+${code.toString(16)}`);
      bytes.push(byte);
    }
  }
  return new Uint8Array(bytes);
}

describe("plain text", () => {
  it("reads UTF-8 and returns NFC text, the name, the format and the hash of the bytes", async () => {
    const bytes = new Uint8Array(Buffer.from(SAMPLE.normalize("NFD"), "utf8"));
    const r = await readDocumentBytes(bytes, "/tmp/ke-hoach.txt");
    expect(r.text).toBe(SAMPLE);
    expect(r.text.normalize("NFC")).toBe(r.text);
    expect(r.name).toBe("ke-hoach.txt");
    expect(r.format).toBe("txt");
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.warnings).toEqual([]);
  });

  it("strips a UTF-8 byte-order mark and turns CRLF into LF; .md is markdown", async () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${SAMPLE.replaceAll("\n", "\r\n")}`, "utf8"));
    const r = await readDocumentBytes(bytes, "ke-hoach.md");
    expect(r.text).toBe(SAMPLE);
    expect(r.format).toBe("md");
  });

  it("reads UTF-16 little- and big-endian with a BOM", async () => {
    expect((await readDocumentBytes(utf16(SAMPLE, false), "a.txt")).text).toBe(SAMPLE);
    expect((await readDocumentBytes(utf16(SAMPLE, true), "a.txt")).text).toBe(SAMPLE);
  });

  it("falls back to windows-1258 when the bytes are not UTF-8, composing the tones", async () => {
    const bytes = windows1258(SAMPLE);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const r = await readDocumentBytes(bytes, "cu.txt");
    expect(r.text).toBe(SAMPLE);
  });

  it("reads text with no extension (standard input) as plain text", async () => {
    const r = await readDocumentBytes(new Uint8Array(Buffer.from(SAMPLE)), "stdin");
    expect(r.format).toBe("txt");
    expect(r.text).toBe(SAMPLE);
  });
});
