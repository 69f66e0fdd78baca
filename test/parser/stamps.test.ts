// Incoming stamps as scans and OCR give them: "ĐẾN" and the stamp's first field on one line.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };

describe("incoming stamps", () => {
  it("'ĐẾN Số: 4471' on one line is a stamp, with its number, day and the receiving body above", () => {
    const d = parseDocument(
      "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\nSố: 2156/UBND-NL               Hà Tĩnh, ngày 18 tháng 8 năm 2026\nV/v phòng, chống dịch bệnh trên đàn gia súc\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nĐẾN Số: 4471\nNgày: 19/8/2026\nChuyển: P.CNTY\n\nKính gửi: Sở Nông nghiệp và Môi trường.\n\n1. Sở Nông nghiệp và Môi trường chủ trì tổ chức tiêm phòng, hoàn thành trước ngày 30/9/2026.\n",
      source,
    );
    expect(d.received).toMatchObject([
      { issuer: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", number: "4471", date: "2026-08-19" },
    ]);
    expect(d.title).toBe("phòng, chống dịch bệnh trên đàn gia súc");
  });

  it("'đến' at the start of a line of text is no stamp", () => {
    const d = parseDocument(
      "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\nSố: 2157/UBND-NL               Hà Tĩnh, ngày 18 tháng 8 năm 2026\nV/v phòng, chống dịch bệnh\n\n1. Sở Nông nghiệp và Môi trường theo dõi từ tháng 8\nđến số liệu tháng 12 năm 2026.\n",
      source,
    );
    expect(d.received).toEqual([]);
  });

  it("a stamp framed with box-drawing characters is read as the stamp inside the frame", () => {
    const d = parseDocument(
      "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\nSố: 2158/UBND-NL               Hà Tĩnh, ngày 18 tháng 8 năm 2026\nV/v phòng, chống dịch bệnh trên đàn gia súc\n          ┌──────────────────────────┐\n          │ UBND XÃ CẨM XUYÊN        │\n          │ VĂN BẢN ĐẾN              │\n          │ Số: 4472                 │\n          │ Ngày: 19/8/2026          │\n          └──────────────────────────┘\nKính gửi: Ủy ban nhân dân các xã.\n\n1. Ủy ban nhân dân các xã tổ chức tiêm phòng, hoàn thành trước ngày 30/9/2026.\n─────────────────────────────\n",
      source,
    );
    expect(d.received).toMatchObject([{ issuer: "UBND XÃ CẨM XUYÊN", number: "4472", date: "2026-08-19" }]);
    expect(d.assignments.map((a) => a.task)).toEqual([
      "Ủy ban nhân dân các xã tổ chức tiêm phòng, hoàn thành trước ngày 30/9/2026.",
    ]);
  });

  it("a one-line stamp between the header and the symbol takes neither the header nor the symbol", () => {
    const d = parseDocument(
      "UỶ BAN NHÂN DÂN                 CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH                          Độc lập - Tự do - Hạnh phúc\nĐẾN Số: 1875 Ngày: 12/11/2026\nSố: 2O45 /UBND - VP                Hà Tĩnh, ngày 10 tháng 11 năm 2026\nV/v rà soát dữ liệu hộ tịch\n\nKính gửi: Sở Tư pháp.\n\nThực hiện Chỉ thị số 07/CT - TTg ngày 12/3/2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh đề nghị:\n1. Sở Tư pháp chủ trì rà soát dữ liệu hộ tịch, hoàn thành trước ngày 30/11/2026.\n",
      source,
    );
    expect(d.received).toMatchObject([{ issuer: null, number: "1875", date: "2026-11-12" }]);
    // an O between digits is a zero an OCR misread
    expect([d.symbol, d.number]).toEqual(["2045/UBND-VP", "2045"]);
    expect(d.issuer).toEqual({ name: "UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH", parent: null });
    expect(d.references.map((r) => [r.symbol, r.date])).toEqual([["07/CT-TTg", "2026-03-12"]]);
  });
});
