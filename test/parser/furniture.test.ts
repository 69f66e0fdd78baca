// What a word processor or a converter prints on a page besides the text: footers with the file's
// path and footnotes are kept out of the sections, the tasks and the distribution list.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };

const doc = [
  "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "TỈNH HÀ TĨNH                          Độc lập - Tự do - Hạnh phúc",
  "Số: 2046/UBND-VP                Hà Tĩnh, ngày 10 tháng 11 năm 2026",
  "V/v rà soát dữ liệu hộ tịch",
  "",
  "Kính gửi: Sở Tư pháp.",
  "",
  "Thực hiện Kết luận số 215-KL/TW¹, Ủy ban nhân dân tỉnh yêu cầu:",
  "1. Sở Tư pháp chủ trì rà soát dữ liệu hộ tịch, hoàn thành trước ngày 30/11/2026.",
  "_______________",
  "¹ Kết luận số 215-KL/TW ngày 10/11/2026 của Ban Bí thư về phòng, chống lãng phí.",
  "",
  "C:\\Users\\VanThu\\Documents\\2026\\CV 2046 UBND-VP ho tich.doc                 Trang 1/2",
  "",
  "2. Công an tỉnh phối hợp cung cấp dữ liệu dân cư.",
  "",
  "Nơi nhận:                                    KT. CHỦ TỊCH",
  "- Như trên;                                  PHÓ CHỦ TỊCH",
  "- Lưu: VT, NC.",
  "                                             Nguyễn Văn An",
  "",
  "C:\\Users\\VanThu\\Documents\\2026\\CV 2046 UBND-VP ho tich.doc                 Trang 2/2",
  "",
].join("\n");

describe("page furniture", () => {
  it("a file-path footer and a footnote are neither text, nor tasks, nor recipients", () => {
    const d = parseDocument(doc, source);
    expect(d.distribution).toEqual(["Như trên", "Lưu: VT, NC"]);
    expect(d.assignments.map((a) => a.lead)).toEqual([["Sở Tư pháp"], ["Công an tỉnh"]]);
    const text = JSON.stringify(d.sections);
    expect(text).not.toContain("Ban Bí thư");
    expect(text).not.toContain("ho tich.doc");
    expect(d.warnings.find((w) => w.code === "page-furniture-removed")).toBeDefined();
  });
});
