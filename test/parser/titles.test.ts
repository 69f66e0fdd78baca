// The type line and the title: what stands between them (who issues it, the plenum that adopted it)
// is not part of the title, and a title in two parts joined by ";" is read whole.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };
const parse = (text: string) => parseDocument(text, source);

const partyHeader = (place: string, symbol: string) =>
  `TỈNH ỦY ${place.toUpperCase()}                      ĐẢNG CỘNG SẢN VIỆT NAM\n        *\nSố ${symbol}                 ${place}, ngày 03 tháng 3 năm 2027\n\n`;

describe("titles", () => {
  it("a 'của …' line between the type line and the 'về …' line names the issuer", () => {
    const d = parse(
      `${partyHeader("Hà Tĩnh", "21-CT/TU")}CHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy\nvề đẩy mạnh chuyển đổi số trong các cơ quan đảng\n\n1. Các cấp ủy quán triệt Chỉ thị này.\n`,
    );
    expect(d.type).toBe("chi_thi");
    expect(d.title).toBe("đẩy mạnh chuyển đổi số trong các cơ quan đảng");
    expect(d.issuer).toEqual({ name: "Ban Thường vụ Tỉnh ủy", parent: "TỈNH ỦY HÀ TĨNH" });
  });

  it("a committee named only by its kind under its Party organisation takes the organisation's place", () => {
    for (const [organisation, committee, name] of [
      ["ĐẢNG BỘ TỈNH SƠN LA", "TỈNH ỦY", "TỈNH ỦY SƠN LA"],
      ["ĐẢNG BỘ XÃ TUY PHƯỚC", "ĐẢNG ỦY", "ĐẢNG ỦY XÃ TUY PHƯỚC"],
      ["ĐẢNG BỘ TỈNH GIA LAI", "ĐẢNG ỦY XÃ TUY PHƯỚC", "ĐẢNG ỦY XÃ TUY PHƯỚC"],
    ] as const) {
      const d = parse(
        `${organisation}                 ĐẢNG CỘNG SẢN VIỆT NAM\n${committee}\n        *\nSố 12-KH/TU                 Sơn La, ngày 03 tháng 3 năm 2027\n\nKẾ HOẠCH\nthực hiện chuyển đổi số\n\n1. Các cấp ủy quán triệt Kế hoạch này.\n`,
      );
      expect(d.issuer).toEqual({ name, parent: organisation });
    }
  });

  it("a title that begins with 'của' is kept when no 'về …' line follows", () => {
    const d = parse(
      `${partyHeader("Hà Tĩnh", "22-KH/TU")}KẾ HOẠCH\ncủa Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\n1. Các cấp ủy quán triệt Nghị quyết.\n`,
    );
    expect(d.title).toContain("thực hiện Nghị quyết số 57-NQ/TW");
  });

  it("the plenum line of a resolution is not part of its title", () => {
    const d = parse(
      `ĐẢNG BỘ TỈNH NGHỆ AN                 ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH\n        *               Nghệ An, ngày 20 tháng 12 năm 2026\nSố 11-NQ/TU\n\nNGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ CHÍN BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX\nvề phát triển kinh tế biển đến năm 2030\n\n1. Các cấp ủy quán triệt Nghị quyết.\n`,
    );
    expect(d.title).toBe("phát triển kinh tế biển đến năm 2030");
    expect(d.issuer?.name).toBe("BAN CHẤP HÀNH");
  });

  it("a title in two parts joined by ';' is read whole, and the text after it is not", () => {
    const d = parse(
      `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\nSố: 77/BC-UBND                 Hà Tĩnh, ngày 05 tháng 12 năm 2026\n\nBÁO CÁO\nKết quả công tác cải cách hành chính năm 2026;\nphương hướng, nhiệm vụ năm 2027\n\nThực hiện chỉ đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh báo cáo như sau:\n`,
    );
    expect(d.title).toBe("Kết quả công tác cải cách hành chính năm 2026; phương hướng, nhiệm vụ năm 2027");
    expect(d.preamble).toMatch(/^Thực hiện chỉ đạo/);
  });
});
