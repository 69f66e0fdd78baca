// Scans: a short Vietnamese plan rendered to a 300 dpi page image, read back by Tesseract — directly as
// a PNG and inside an image-only PDF. OCR makes small mistakes, so the checks are on the lines a parser
// needs (symbol, place and date, section headings) and on the reported confidence. Slow on two cores.
import { describe, expect, it } from "vitest";
import { readDocumentBytes } from "../../src/readers/read.ts";
import type { OcrProgress } from "../../src/readers/read-types.ts";
import { pngPagesToPdf, textToPngPages } from "../support/text-to-png.ts";

const PLAN = [
  "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "HUYỆN SƠN TỊNH\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 12/KH-UBND\tSơn Tịnh, ngày 20 tháng 5 năm 2025",
  "",
  "KẾ HOẠCH",
  "Phát động phong trào trồng cây xanh trong trường học năm 2025",
  "",
  "I. MỤC ĐÍCH",
  "1. Tạo cảnh quan xanh, sạch, đẹp tại các trường học trên địa bàn huyện.",
  "2. Giáo dục học sinh ý thức bảo vệ môi trường.",
  "II. NHIỆM VỤ",
  "1. Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Đoàn Thanh niên hướng dẫn các trường tổ chức trồng cây trước ngày 30/9/2025.",
  "2. Mỗi trường trồng ít nhất 50 cây xanh.",
  "Nơi nhận:\tCHỦ TỊCH",
].join("\n");

const OCR_TIMEOUT = 180_000;

function checkKeyLines(text: string): void {
  const lines = text.split("\n").map((l) => l.trim());
  expect(lines).toContain("KẾ HOẠCH");
  // The symbol and the place-date line share a row of the two-column header: a TAB keeps them apart.
  expect(text).toMatch(/Số: 12\/KH-UBND\tSơn Tịnh, ngày 20 tháng 5 năm 2025/);
  expect(text).toMatch(/ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  expect(lines).toContain("I. MỤC ĐÍCH");
  expect(lines).toContain("II. NHIỆM VỤ");
  expect(text).toContain("Phòng Giáo dục và Đào tạo chủ trì");
  expect(text).toMatch(/trước ngày 30\/9\/2025/);
}

function confidenceOf(warnings: { code: string; message: string }[]): number {
  const ocr = warnings.find((w) => w.code === "ocr");
  expect(ocr).toBeDefined();
  const m = /(\d{1,3}\.\d)%/.exec(ocr?.message ?? "");
  expect(m).not.toBeNull();
  return Number(m?.[1]);
}

describe("OCR", () => {
  it(
    "reads a scanned page image (PNG) and reports the mean confidence",
    async () => {
      const [png] = await textToPngPages(PLAN);
      const progress: OcrProgress[] = [];
      const r = await readDocumentBytes(png as Uint8Array, "scan.png", {
        onProgress: (p) => progress.push(p),
      });
      expect(r.format).toBe("png");
      checkKeyLines(r.text);
      const confidence = confidenceOf(r.warnings);
      expect(confidence).toBeGreaterThan(80);
      expect(confidence).toBeLessThanOrEqual(100);
      expect(progress[0]).toMatchObject({ stage: "ocr", page: 1, pages: 1, fraction: 0 });
      expect(progress.at(-1)).toMatchObject({ fraction: 1 });
    },
    OCR_TIMEOUT,
  );

  it(
    "reads an image-only PDF (a scan) through OCR, page by page with progress",
    async () => {
      const pages = await textToPngPages(PLAN);
      const second = await textToPngPages(
        "III. TỔ CHỨC THỰC HIỆN\nGiao Văn phòng theo dõi, báo cáo hằng quý.",
      );
      const pdf = await pngPagesToPdf([...pages, ...second]);
      const progress: OcrProgress[] = [];
      const r = await readDocumentBytes(pdf, "scan.pdf", { onProgress: (p) => progress.push(p) });
      expect(r.format).toBe("pdf");
      checkKeyLines(r.text);
      expect(r.text).toMatch(/TỔ CHỨC THỰC HIỆN/);
      expect(confidenceOf(r.warnings)).toBeGreaterThan(80);
      expect(new Set(progress.map((p) => p.page))).toEqual(new Set([1, 2]));
      expect(progress.every((p) => p.pages === 2)).toBe(true);
      const fractions = progress.map((p) => p.fraction);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    },
    OCR_TIMEOUT,
  );
});
