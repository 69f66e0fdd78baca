import { describe, expect, it } from "vitest";
import { callsForConcretization } from "../../src/domain/duties.ts";
import { searchKey } from "../../src/domain/names.ts";

describe("callsForConcretization", () => {
  it("reads the duty to issue an own programme or plan, with or without diacritics", () => {
    for (const text of [
      "Các tỉnh ủy, thành ủy nghiên cứu, quán triệt; xây dựng chương trình, kế hoạch thực hiện Kết luận này.",
      "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện Chương trình.",
      "Các sở, ngành cụ thể hóa Nghị quyết thành chương trình công tác.",
      "UBND cac xa xay dung ke hoach trien khai",
    ])
      expect([text, callsForConcretization(searchKey(text))]).toEqual([text, true]);
  });

  it("does not read it into other work that builds something or names a plan", () => {
    for (const text of [
      "Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung của tỉnh, hoàn thành trong năm 2026.",
      "Các chi bộ trực thuộc tổ chức quán triệt Chương trình đến đảng viên.",
      "Báo cáo kết quả thực hiện kế hoạch hằng quý.",
      "Xây dựng đội ngũ cán bộ đủ phẩm chất, năng lực, uy tín ngang tầm nhiệm vụ, thực hiện chương trình",
    ])
      expect([text, callsForConcretization(searchKey(text))]).toEqual([text, false]);
  });
});
