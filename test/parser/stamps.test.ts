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
});
