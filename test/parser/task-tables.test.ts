// Task tables: which column holds the lead body, whatever the order of the columns.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";
import { taskColumns } from "../../src/parser/tables.ts";

const source = { name: "t.md", format: "md" as const, sha256: "0".repeat(64) };

describe("task table columns", () => {
  it("a time column named 'Thời gian thực hiện' before the lead column is the deadline, not the lead", () => {
    const cols = taskColumns([
      "TT",
      "Nội dung công việc",
      "Thời gian thực hiện",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
    ]);
    expect(cols).toMatchObject({ task: 1, deadline: 2, lead: 3, cooperating: 4, number: 0 });
  });

  it("without 'chủ trì', the column of the bodies that carry it out leads", () => {
    expect(
      taskColumns(["STT", "Nội dung thực hiện", "Thời gian thực hiện", "Đơn vị thực hiện", "Sản phẩm"]),
    ).toMatchObject({
      task: 1,
      deadline: 2,
      lead: 3,
      output: 4,
    });
    expect(taskColumns(["STT", "Nhiệm vụ", "Trách nhiệm thực hiện", "Phối hợp", "Tiến độ"])).toMatchObject({
      task: 1,
      lead: 2,
      cooperating: 3,
      deadline: 4,
    });
  });

  it("a header with no lead column is not a task table", () => {
    expect(taskColumns(["STT", "Nội dung", "Thời gian thực hiện", "Ghi chú"])).toBeNull();
  });
});

describe("layouts a converter leaves", () => {
  const doc = [
    "| UBND TỈNH AN GIANG<br>**SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**<br>--------<br>Số: 412/KH-SNNMT | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>---------------<br>*An Giang, ngày 20 tháng 11 năm 2026* |",
    "|---|---|",
    "",
    "## KẾ HOẠCH",
    "",
    "**Phòng, chống hạn hán, xâm nhập mặn mùa khô 2026 - 2027**",
    "",
    "Kế hoạch gồm các nhiệm vụ tại Phụ lục kèm theo.",
    "",
    "| **Nơi nhận:**<br>- UBND tỉnh (b/c);<br>- Lưu: VT, KHTC. | **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC**<br><br>**Nguyễn Thị Kim Loan** |",
    "|---|---|",
    "",
    "## PHỤ LỤC",
    "",
    "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |",
    "|---|---|---|---|---|",
    "| 1 | Rà soát, cập nhật kịch bản xâm | Chi cục Thủy lợi | Trung tâm Khí tượng | Trước ngày |",
    "|   | nhập mặn và phương án ứng phó |  | Thủy văn tỉnh | 15/12/2026 |",
    "|   | Nhóm nhiệm vụ về sản xuất |  |  |  |",
    "| 2 | Hướng dẫn lịch thời vụ, chuyển đổi | Chi cục Trồng trọt và | Trung tâm Khuyến nông | Quý I/2027 |",
    "|   | cây trồng thích ứng hạn, mặn | Bảo vệ thực vật |  |  |",
    "",
  ].join("\n");

  it("a two-column layout table with <br> in its cells reads as the header and signature it lays out", () => {
    const d = parseDocument(doc, source);
    expect(d.issuer).toEqual({ name: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", parent: "UBND TỈNH AN GIANG" });
    expect([d.symbol, d.date, d.place]).toEqual(["412/KH-SNNMT", "2026-11-20", "An Giang"]);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "GIÁM ĐỐC",
      role: "PHÓ GIÁM ĐỐC",
      name: "Nguyễn Thị Kim Loan",
    });
    expect(d.distribution).toEqual(["UBND tỉnh (b/c)", "Lưu: VT, KHTC"]);
  });

  it("rows with no number that go on in lower case are the wrapped rest of the row above", () => {
    const d = parseDocument(doc, source);
    expect(
      d.assignments.map((a) => ({ lead: a.lead, cooperating: a.cooperating, due: a.deadline?.date ?? null })),
    ).toEqual([
      { lead: ["Chi cục Thủy lợi"], cooperating: ["Trung tâm Khí tượng Thủy văn tỉnh"], due: "2026-12-15" },
      {
        lead: ["Chi cục Trồng trọt và Bảo vệ thực vật"],
        cooperating: ["Trung tâm Khuyến nông"],
        due: "2027-03-31",
      },
    ]);
    expect(d.appendices[0]?.tables?.[0]?.[1]).toEqual([
      "1",
      "Rà soát, cập nhật kịch bản xâm nhập mặn và phương án ứng phó",
      "Chi cục Thủy lợi",
      "Trung tâm Khí tượng Thủy văn tỉnh",
      "Trước ngày 15/12/2026",
    ]);
  });

  it("a two-column table that holds 'Nơi nhận' and the signature row by row is laid out too", () => {
    const d = parseDocument(
      [
        "| ỦY BAN NHÂN DÂN TỈNH GIA LAI   | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |",
        "|--------------------------------|------------------------------------------------------------------|",
        "| Số: 3187/UBND-KT               | Gia Lai, ngày 19 tháng 8 năm 2026                                |",
        "",
        "V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2026",
        "",
        "1. Sở Tài chính chủ trì tổng hợp tình hình giải ngân, báo cáo trước ngày 30/9/2026.",
        "",
        "| **Nơi nhận:**                           | **KT. CHỦ TỊCH**           |",
        "| + Như trên;                             | **PHÓ CHỦ TỊCH**           |",
        "| + Bộ Tài chính (b/c);                   |                            |",
        "| + Lưu: VT, KT.                          | **Nguyễn Tuấn Anh**        |",
        "",
      ].join("\n"),
      source,
    );
    expect(d.distribution).toEqual(["Như trên", "Bộ Tài chính (b/c)", "Lưu: VT, KT"]);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "CHỦ TỊCH",
      role: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Tuấn Anh",
    });
    expect([d.symbol, d.date]).toEqual(["3187/UBND-KT", "2026-08-19"]);
  });

  it("sub-items of a numbered row ('|  | a) …') and a two-column table of data with <br> stay rows", () => {
    const d = parseDocument(
      [
        "UBND TỈNH HÀ TĨNH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 81/KH-UBND                   Hà Tĩnh, ngày 05 tháng 12 năm 2026",
        "",
        "KẾ HOẠCH",
        "Phát triển đô thị năm 2027",
        "",
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Rà soát quy hoạch | Sở Xây dựng | Quý I/2027 |",
        "|   | a) rà soát quy hoạch chung đô thị | Sở Xây dựng | Quý I/2027 |",
        "|   | b) rà soát quy hoạch nông thôn | UBND các xã | Quý II/2027 |",
        "",
        "| Nội dung<br>công việc | Thời gian<br>hoàn thành |",
        "|---|---|",
        "| Lập hồ sơ | Tháng 3/2027 |",
        "| Trình phê duyệt | Tháng 6/2027 |",
        "",
      ].join("\n"),
      source,
    );
    expect(d.assignments.map((a) => [a.lead.join(";"), a.deadline?.date ?? null])).toEqual([
      ["Sở Xây dựng", "2027-03-31"],
      ["Sở Xây dựng", "2027-03-31"],
      ["UBND các xã", "2027-06-30"],
    ]);
    expect(d.preamble).toContain("| Lập hồ sơ | Tháng 3/2027 |\n| Trình phê duyệt | Tháng 6/2027 |");
  });

  it("a two-column table of data that quotes the Party's name or says 'Nơi nhận báo cáo' stays a table", () => {
    const d = parseDocument(
      [
        "UBND TỈNH HÀ TĨNH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 82/KH-UBND                   Hà Tĩnh, ngày 05 tháng 12 năm 2026",
        "",
        "KẾ HOẠCH",
        "Tuyên truyền năm 2027",
        "",
        "| Nơi nhận báo cáo | Thời hạn gửi |",
        "|---|---|",
        "| Tuyên truyền về Đảng Cộng sản Việt Nam | Tháng 2/2027 |",
        "| Sở Nội vụ | 15/12/2027 |",
        "",
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức tuyên truyền, hoàn thành trước ngày 30/6/2027.",
        "",
      ].join("\n"),
      source,
    );
    expect(d.distribution).toEqual([]);
    expect(d.assignments.map((a) => a.lead)).toEqual([["Sở Văn hóa, Thể thao và Du lịch"]]);
    expect(d.preamble).toContain("| Tuyên truyền về Đảng Cộng sản Việt Nam | Tháng 2/2027 |");
  });
});
