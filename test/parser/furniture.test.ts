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

  it("markdown footnotes, HTML leftovers and hard line breaks are not text; a footnote's document is a reference", () => {
    const d = parseDocument(
      [
        "| ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|---|---|",
        "| Số: 12/CT-UBND | Quảng Trị, ngày 02 tháng 3 năm 2026 |",
        "",
        "# CHỈ THỊ",
        "",
        "Về tăng cường phòng cháy, chữa cháy rừng\\",
        "",
        "Diện tích rừng của tỉnh lớn<sup>1</sup>, nguy cơ cháy rừng cao.",
        "",
        "1\\. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh&nbsp;và các chủ đầu tư kiểm tra các <u>khu rừng trọng điểm</u> trước ngày 30/4/2026.",
        "",
        "**Nơi nhận:**  ",
        "\\- Bộ Nông nghiệp và Môi trường;  ",
        "\\- Lưu: VT, KT.",
        "",
        "**TM. ỦY BAN NHÂN DÂN**  ",
        "**CHỦ TỊCH**",
        "",
        "**Lê Quang Tùng**",
        "",
        "---",
        "",
        "<sup>1</sup> Số liệu theo Quyết định số 356/QĐ-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh.",
        "",
      ].join("\n"),
      { name: "t.md", format: "md", sha256: "0".repeat(64) },
    );
    expect(d.title).toBe("tăng cường phòng cháy, chữa cháy rừng");
    expect(d.distribution).toEqual(["Bộ Nông nghiệp và Môi trường", "Lưu: VT, KT"]);
    expect(d.assignments).toMatchObject([
      {
        lead: ["Sở Nông nghiệp và Môi trường"],
        cooperating: ["Công an tỉnh", "các chủ đầu tư"],
        deadline: { date: "2026-04-30" },
      },
    ]);
    expect(d.assignments[0]?.task).toContain("kiểm tra các khu rừng trọng điểm");
    expect(d.references.map((r) => [r.symbol, r.date, r.relation])).toEqual([
      ["356/QĐ-UBND", "2026-01-20", "cites"],
    ]);
    expect(JSON.stringify(d.sections)).not.toContain("Số liệu theo");
  });

  it("a footnote's mark at the start of a wrapped line of text does not make the line a footnote", () => {
    const d = parseDocument(
      "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI                          Độc lập - Tự do - Hạnh phúc\nSố: 13/KH-UBND                  Lào Cai, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\nTiêm chủng năm 2027\n\n1. Sở Y tế chủ trì triển khai Kết luận số 215-KL/TW\n<sup>1</sup> của Bộ Chính trị, tổ chức tiêm bù, hoàn thành trước ngày 31/3/2027.\n",
      { name: "t.md", format: "md", sha256: "0".repeat(64) },
    );
    expect(d.assignments.map((a) => a.deadline?.date ?? null)).toEqual(["2027-03-31"]);
  });

  it("a line repeated as printed is a running head; the same words in another case are not", () => {
    const d = parseDocument(
      [
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG TRỊ",
        "-------",
        "Số: 25/2026/QĐ-UBND",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Trị, ngày 05 tháng 11 năm 2026",
        "",
        "QUYẾT ĐỊNH",
        "Ban hành Quy chế phối hợp quản lý tài nguyên nước trên địa bàn",
        "tỉnh Quảng Trị",
        "",
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý tài nguyên nước.",
        "Điều 2. Sở Nông nghiệp và Môi trường chủ trì tổ chức thực hiện Quy chế.",
        "",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "",
        "Hoàng Nam",
        "",
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG TRỊ",
        "",
        "QUY CHẾ",
        "Phối hợp quản lý tài nguyên nước trên địa bàn",
        "tỉnh Quảng Trị",
        "",
      ].join("\n"),
      source,
    );
    expect(d.issuer).toEqual({ name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", parent: null });
  });
});
