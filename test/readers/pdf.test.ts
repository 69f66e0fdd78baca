// PDF with a text layer: lines rebuilt from positions, the two-column header and signature kept
// apart by a TAB, e-office form-field stamps put back where they sit, and the files that must be
// refused (password, truncated). All on real PDFs made by pdf-lib and pdfkit.
import { describe, expect, it } from "vitest";
import { readDocumentBytes } from "../../src/readers/read.ts";
import { encryptedPdf } from "../support/encrypted-pdf.ts";
import { textToPdf } from "../support/text-to-pdf.ts";

const HEADER = [
  "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 726/KH-UBND\tQuảng Ngãi, ngày 15 tháng 3 năm 2025",
  "",
  "KẾ HOẠCH",
  "Triển khai thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị",
].join("\n");

const SIGNATURE = [
  "Nơi nhận:\tKT. CHỦ TỊCH",
  "- Thường trực Tỉnh ủy;\tPHÓ CHỦ TỊCH",
  "- Lưu: VT, KGVX.",
].join("\n");

async function read(bytes: Uint8Array): Promise<string> {
  const r = await readDocumentBytes(bytes, "ke-hoach.pdf");
  expect(r.format).toBe("pdf");
  return r.text;
}

describe("pdf text layer", () => {
  it("rebuilds the lines, keeps Vietnamese letters and splits the two header columns with a TAB", async () => {
    expect(await read(await textToPdf(HEADER))).toBe(HEADER);
  });

  it("keeps the Nơi nhận column apart from the signature column", async () => {
    const text = await read(await textToPdf(`Giao Văn phòng theo dõi.\n\n${SIGNATURE}`));
    expect(text.split("\n")).toEqual([
      "Giao Văn phòng theo dõi.",
      "",
      "Nơi nhận:\tKT. CHỦ TỊCH",
      "- Thường trực Tỉnh ủy;\tPHÓ CHỦ TỊCH",
      "- Lưu: VT, KGVX.",
    ]);
  });

  it("wraps long paragraphs into several lines and separates pages with a blank line", async () => {
    const sentence =
      "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường tổ chức quán triệt, xây dựng kế hoạch và báo cáo kết quả định kỳ hằng quý.";
    const body = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence}`).join("\n");
    const text = await read(await textToPdf(body));
    const lines = text.split("\n");
    // Each numbered paragraph is wrapped, so there are more lines than paragraphs, and every word survives.
    expect(lines.length).toBeGreaterThan(120);
    expect(text.replace(/\s+/g, " ")).toBe(body.replace(/\s+/g, " "));
    expect(text).toMatch(/\n\n/);
    const pageBreak = text.indexOf("\n\n");
    expect(text.slice(pageBreak + 2)).toMatch(/^\S/);
  });

  it("reads a sentence that runs on across a page break as one paragraph, with no blank line in it", async () => {
    const filler = Array.from({ length: 80 }, (_, i) => `Dòng ${i + 1}.`);
    const sentence =
      "- Số bác sĩ làm việc tại trạm y tế xã tăng gấp đôi so với năm 2025, bảo đảm mỗi trạm y tế có ít nhất một bác sĩ làm việc thường xuyên.";
    // Shift the sentence down line by line until its wrapped second line starts the next page.
    for (let before = 38; before < 48; before++) {
      const text = [...filler.slice(0, before), sentence, "Dòng cuối."].join("\n");
      const bytes = await textToPdf(text);
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
      const second =
        doc.numPages < 2
          ? []
          : (await (await doc.getPage(2)).getTextContent()).items.map((i) => ("str" in i ? i.str : ""));
      await doc.loadingTask.destroy();
      if (!/^\p{Ll}/u.test(second.find((s) => s.trim().length > 0) ?? "")) continue;
      const read = await readDocumentBytes(bytes, "ke-hoach.pdf");
      const lines = read.text.split("\n");
      const start = lines.findIndex((l) => l.startsWith("- Số bác sĩ"));
      expect(lines[start + 1]).toMatch(/^\p{Ll}/u);
      expect(lines.slice(start, start + 2).join(" ")).toBe(sentence);
      return;
    }
    throw new Error("no layout put the sentence across the page break");
  });

  it("places e-office form-field values (number, day) into the lines where they are stamped", async () => {
    const bytes = await textToPdf(HEADER, {
      formFields: [
        { pattern: /726/, value: "726" },
        { pattern: /(?<=ngày )15/, value: "15" },
      ],
    });
    // The printed text really lacks the stamped values: they exist only as AcroForm fields.
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const printed = content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(printed).not.toContain("726");
    expect(printed).not.toMatch(/ngày\s*15/);
    await doc.loadingTask.destroy();

    const text = await read(bytes);
    expect(text).toContain("Số: 726/KH-UBND\tQuảng Ngãi, ngày 15 tháng 3 năm 2025");
    expect(text).toBe(HEADER);
  });
});

describe("pdf with letters from a fallback font", () => {
  it("puts the letters a fallback font fills into the gaps of the main run back in order", async () => {
    // As LibreOffice prints with Liberation Serif: the main run has gaps, the missing letters follow.
    const text = "Bộ Chính trị về tiếp tục thực hiện Nghị quyết, cấp ủy và Tỉnh ủy; thị trường.\nKẾ HOẠCH";
    const bytes = await textToPdf(text, { fallbackLetters: "ịụựệộủỉẾẠ" });
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : ""));
    await doc.loadingTask.destroy();
    // pdf.js items alone lose the order: the main run reads "c hi n Ngh", the letters come apart.
    expect(items.some((i) => i.includes("hi n Ngh"))).toBe(true);
    expect(await read(bytes)).toBe(text);
  });
});

describe("pdf files that must be refused", () => {
  it("reports a password-protected PDF as encrypted", async () => {
    const bytes = await encryptedPdf("Ke hoach so 12");
    await expect(readDocumentBytes(bytes, "mat.pdf")).rejects.toMatchObject({ code: "file-encrypted" });
  });

  it("reports a truncated PDF as corrupt", async () => {
    const bytes = await textToPdf(HEADER);
    for (const share of [0.2, 0.6, 0.95]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * share));
      await expect(readDocumentBytes(cut, "cut.pdf")).rejects.toMatchObject({ code: "file-corrupt" });
    }
  });

  it("reports a .pdf whose bytes are no PDF as corrupt, naming the format", async () => {
    const bytes = new Uint8Array(Buffer.from("<html>not a pdf</html>"));
    await expect(readDocumentBytes(bytes, "gia.pdf")).rejects.toMatchObject({
      code: "file-corrupt",
      params: { format: "PDF" },
    });
  });

  it("refuses a PDF that claims millions of objects", async () => {
    const bytes = Buffer.from(await textToPdf("Xin chào"));
    const bomb = Buffer.concat([
      bytes.subarray(0, bytes.length - 6),
      Buffer.from("\ntrailer\n<< /Size 99999999 >>\n%%EOF\n"),
    ]);
    await expect(readDocumentBytes(new Uint8Array(bomb), "bom.pdf")).rejects.toMatchObject({
      code: "file-too-large",
    });
  });
});
