// Files the readers refuse, each with its own code from the catalogue and a message in both languages.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReadError } from "../../src/readers/errors.ts";
import { readDocumentBytes, readDocumentFile } from "../../src/readers/read.ts";
import { damagedPng } from "../support/broken-files.ts";

const dir = mkdtempSync(join(tmpdir(), "trienkhai-readers-"));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return (error as ReadError).code;
  }
  throw new Error("expected a ReadError");
}

describe("read errors", () => {
  it("file-missing for a path that does not exist, with the path in both languages", async () => {
    const path = join(dir, "khong-co.txt");
    const error = await readDocumentFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe("file-missing");
    expect((error as ReadError).bilingual()).toBe(`Không tìm thấy tệp ${path} / File not found: ${path}`);
  });

  it("file-unreadable for a directory", async () => {
    expect(await codeOf(readDocumentFile(dir))).toBe("file-unreadable");
  });

  it("file-empty for zero bytes and for text that is only blank", async () => {
    const empty = join(dir, "rong.txt");
    writeFileSync(empty, "");
    expect(await codeOf(readDocumentFile(empty))).toBe("file-empty");
    expect(await codeOf(readDocumentBytes(new Uint8Array(Buffer.from(" \n\t\n")), "trang.txt"))).toBe(
      "file-empty",
    );
  });

  it("format-unknown for binary bytes, a foreign extension, a ZIP that is no Word file and a legacy .doc", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await codeOf(readDocumentBytes(random, "du-lieu.bin"))).toBe("format-unknown");
    expect(await codeOf(readDocumentBytes(new Uint8Array(Buffer.from("a,b,c\n")), "bang.csv"))).toBe(
      "format-unknown",
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect(await codeOf(readDocumentBytes(zip, "bang.xlsx"))).toBe("format-unknown");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await codeOf(readDocumentBytes(ole, "cu.doc"))).toBe("format-unknown");
  });

  it("file-encrypted for a password-protected Word file (an OLE container with an EncryptedPackage)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    expect(await codeOf(readDocumentBytes(new Uint8Array(ole), "mat-khau.docx"))).toBe("file-encrypted");
  });

  it("file-corrupt when the name promises an image the bytes are not", async () => {
    expect(await codeOf(readDocumentBytes(new Uint8Array(Buffer.from("xin chào")), "anh.png"))).toBe(
      "file-corrupt",
    );
  });

  it("file-corrupt for a PNG whose header is fine but whose data is garbage", async () => {
    expect(await codeOf(readDocumentBytes(damagedPng(), "hong.png"))).toBe("file-corrupt");
  });

  it("file-too-large for an image header announcing more pixels than any page", async () => {
    expect(await codeOf(readDocumentBytes(damagedPng(100_000, 100_000), "bom.png"))).toBe("file-too-large");
  });
});
