// The documents an opening says it carries out, listed one after another with their dates and issuers.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };
const header =
  "TỈNH ỦY NINH BÌNH                      ĐẢNG CỘNG SẢN VIỆT NAM\n        *\nSố 14-KH/TU                    Ninh Bình, ngày 21 tháng 11 năm 2026\n\nKẾ HOẠCH\nthực hiện công tác chuyển đổi số\n\n";
const relations = (opening: string) =>
  parseDocument(`${header}${opening}\n\n1. Các cấp ủy quán triệt.\n`, source).references.map((r) => [
    r.symbol,
    r.relation,
  ]);

describe("references listed in the opening", () => {
  it("each document of the list after 'Thực hiện' is carried out, dates and issuers between them", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ và Kế hoạch số 01-KH/BCĐTW ngày 15/01/2025 của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([
      ["57-NQ/TW", "implements"],
      ["01-KH/BCĐTW", "implements"],
    ]);
  });

  it("a document the opening names without a list mark before it is only cited", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, theo đề nghị của Ban Tuyên giáo tại Tờ trình số 35-TTr/BTG ngày 01/11/2026, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([
      ["57-NQ/TW", "implements"],
      ["35-TTr/BTG", "cites"],
    ]);
  });

  it("a document listed after one the opening names without a symbol is carried out too", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII, nhiệm kỳ 2025 - 2030 và Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([["19-NQ/TW", "implements"]]);
    // only in a list: a document named after "căn cứ" in the same sentence is cited
    expect(
      relations(
        "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII; căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([["24-QĐ/TW", "cites"]]);
  });

  it("a law named between its type word and its number is carried out like any document", () => {
    expect(
      relations(
        "Để triển khai thi hành Luật Dữ liệu số 60/2024/QH15 ngày 30 tháng 11 năm 2024 và tiếp nối kết quả thực hiện Kế hoạch số 85-KH/TU ngày 20/3/2026 của Tỉnh ủy, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([
      ["60/2024/QH15", "implements"],
      ["85-KH/TU", "cites"],
    ]);
  });

  it("what a cited document promulgates to carry out others is said of it, not of this document", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW và Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([
      ["57-NQ/TW", "implements"],
      ["03/NQ-CP", "cites"],
      ["68-NQ/TW", "cites"],
    ]);
  });

  it("the document this one carries out, named after its own 'ban hành', is carried out", () => {
    expect(
      relations(
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện Nghị quyết số 20-NQ/TW như sau:",
      ),
    ).toEqual([
      ["05-CT/TW", "implements"],
      ["20-NQ/TW", "implements"],
    ]);
  });

  it("what a document named in the opening carries out ('của X thực hiện Nghị quyết …') is that document's", () => {
    expect(
      relations(
        "Thực hiện Kế hoạch số 120-KH/TU ngày 05/9/2026 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
      ),
    ).toEqual([
      ["120-KH/TU", "implements"],
      ["20-NQ/TW", "cites"],
    ]);
  });
});
