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
});
