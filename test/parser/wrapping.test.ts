// Lines a PDF converter wrapped: a compound broken at its dash and a symbol broken after its type
// code are joined back, while real bullets stay bullets.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };
const parse = (text: string) => parseDocument(text, source);
const header =
  "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\nSố: 81/KH-UBND                 Hà Tĩnh, ngày 05 tháng 12 năm 2026\n\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2027\n\n";

describe("wrapped lines", () => {
  it("a line that begins '- ' and a lower-case word under a line cut mid-phrase continues it", () => {
    const d = parse(
      `${header}1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị\n- xã hội tỉnh tuyên truyền, vận động nhân dân chủ động phòng, chống thiên tai.\n`,
    );
    expect(d.assignments).toHaveLength(1);
    expect(d.assignments[0]?.cooperating).toContain("các tổ chức chính trị - xã hội tỉnh");
  });

  it("bullets after a colon or a semicolon stay bullets, in lower case too", () => {
    const d = parse(
      `${header}1. Sở Nông nghiệp và Môi trường có trách nhiệm:\n- rà soát phương án ứng phó với bão;\n- tổ chức diễn tập ở các xã ven biển.\n`,
    );
    expect(d.assignments.map((a) => a.task)).toEqual([
      "rà soát phương án ứng phó với bão;",
      "tổ chức diễn tập ở các xã ven biển.",
    ]);
  });

  it("a State symbol broken after its type code is one reference", () => {
    const d = parse(
      `${header}Thực hiện Quyết định số 3412/QĐ-\nUBND ngày 08/5/2026 của Chủ tịch Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n1. Sở Y tế chủ trì thực hiện.\n`,
    );
    expect(d.references.map((r) => r.symbol)).toContain("3412/QĐ-UBND");
  });

  it("a quarter wrapped after 'quý' ('quý' / 'I/2027.') stays in its sentence", () => {
    const d = parse(
      `${header}1. Sở Nông nghiệp và Môi trường chủ trì rà soát phương án ứng phó với bão, hoàn thành trong quý\nI/2027.\n2. Sở Tài chính bố trí kinh phí thực hiện.\n`,
    );
    expect(d.assignments.map((a) => a.deadline?.date ?? null)).toEqual(["2027-03-31", null]);
  });
});
