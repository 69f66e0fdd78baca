// Line rebuilding from positioned pieces, alone: the rules PDF text items, form fields and OCR words
// all go through.
import { describe, expect, it } from "vitest";
import { joinPages, rebuildLines, type TextPiece } from "../../src/readers/layout-lines.ts";
import { ocrLines } from "../../src/readers/ocr.ts";

/** A piece at x on baseline y, 12 pt, width from a rough 0.5 em per character. */
function piece(text: string, x: number, y: number, extra: Partial<TextPiece> = {}): TextPiece {
  return { text, x, y, width: text.length * 6, size: 12, ...extra };
}

describe("rebuildLines", () => {
  it("orders lines top to bottom and pieces left to right, whatever order they come in", () => {
    const lines = rebuildLines([
      piece("dòng hai", 70, 120),
      piece("một", 106, 100.5),
      piece("Dòng", 70, 100),
    ]);
    expect(lines).toEqual(["Dòng một", "dòng hai"]);
  });

  it("joins touching pieces, puts a space in a word gap and a TAB in a column gap", () => {
    const lines = rebuildLines([
      piece("Quảng", 70, 100),
      piece("Ngãi", 70 + 30 + 3, 100),
      piece("Ngh", 300, 100),
      piece("ị quyết", 318, 100),
    ]);
    expect(lines).toEqual(["Quảng Ngãi\tNghị quyết"]);
  });

  it("puts a blank line where the page leaves a gap of about two lines", () => {
    const lines = rebuildLines([
      piece("a", 70, 100),
      piece("b", 70, 116),
      piece("c", 70, 132),
      piece("d", 70, 180),
      piece("e", 70, 196),
    ]);
    expect(lines).toEqual(["a", "b", "c", "", "d", "e"]);
  });

  it("glues an estimated field value to a symbol and keeps words apart from it", () => {
    const lines = rebuildLines([
      piece("Số:", 70, 100),
      piece("726", 92, 100.2, { estimated: true, width: 20 }),
      piece("/KH-UBND", 116, 100),
      piece("ngày", 300, 100),
      piece("15", 330, 100.3, { estimated: true, width: 12 }),
      piece("tháng 3 năm 2025", 346, 100),
    ]);
    expect(lines).toEqual(["Số: 726/KH-UBND\tngày 15 tháng 3 năm 2025"]);
  });

  it("drops text drawn twice for fake bold and ignores whitespace-only pieces", () => {
    const lines = rebuildLines([
      piece("KẾ HOẠCH", 70, 100),
      piece("KẾ HOẠCH", 70.4, 100),
      piece("   ", 130, 100),
    ]);
    expect(lines).toEqual(["KẾ HOẠCH"]);
  });
});

describe("tables in a PDF's text layer", () => {
  // columns at 70, 110, 300, 420; 12 pt lines 16 pt apart; cells wrapped inside their column
  const table = [
    piece("STT", 70, 100),
    piece("Nội dung nhiệm vụ", 110, 100),
    piece("Cơ quan chủ", 300, 100),
    piece("Thời gian", 420, 100),
    piece("trì", 300, 116),
    piece("1", 70, 132),
    piece("Xây dựng kho dữ liệu", 110, 132),
    piece("Sở Khoa học", 300, 132),
    piece("Quý III/2025", 420, 132),
    piece("dùng chung", 110, 148),
    piece("và Công nghệ", 300, 148),
    piece("2", 70, 164),
    piece("Số hóa hồ sơ", 110, 164),
    piece("UBND các xã", 300, 164),
    piece("Hằng năm", 420, 164),
    piece("Các cơ quan báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.", 70, 180),
  ];

  const rows = [
    "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian",
    "1\tXây dựng kho dữ liệu dùng chung\tSở Khoa học và Công nghệ\tQuý III/2025",
    "2\tSố hóa hồ sơ\tUBND các xã\tHằng năm",
  ];

  it("puts a row's wrapped cells back together, a row a line of TAB-separated cells", () => {
    expect(rebuildLines(table, { tables: true })).toEqual([
      ...rows,
      "Các cơ quan báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.",
    ]);
  });

  it("keeps a table whole across the padding and rule between its rows (a gap of about two lines)", () => {
    // the same table under four lines of text 16 pt apart, each row 14 pt lower than the one above
    // would be: 30 pt between rows, as a bordered table's padding and rule leave them
    const text = [
      "Các nhiệm vụ cụ thể như sau.",
      "Các cơ quan thực hiện theo bảng dưới đây,",
      "bảo đảm đúng thời gian.",
      "Bảng nhiệm vụ:",
    ];
    const padded = [
      ...text.map((t, k) => piece(t, 70, 20 + 16 * k)),
      ...table.slice(0, -1).map((p) => ({ ...p, y: p.y + (p.y >= 164 ? 28 : p.y >= 132 ? 14 : 0) })),
    ];
    expect(rebuildLines(padded, { tables: true }).slice(text.length + 1)).toEqual(rows);
  });

  it("reads lines as they are when asked for no tables, or when nothing lines up in three columns", () => {
    expect(rebuildLines(table)).toContain("trì");
    const header = [
      piece("ỦY BAN NHÂN DÂN", 70, 100),
      piece("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 100),
      piece("TỈNH QUẢNG NGÃI", 70, 116),
      piece("Độc lập - Tự do - Hạnh phúc", 300, 116),
    ];
    expect(rebuildLines(header, { tables: true })).toEqual(rebuildLines(header));
  });
});

describe("ocrLines", () => {
  it("puts right the tone slips that make no Vietnamese words", () => {
    expect(
      ocrLines(
        page(
          "TÍNH ỦY QUẢNG NGÃI",
          "- Các chỉ bộ trực thuộc;",
          "Tính ủy viên",
          "có tính ủy thác",
          "chỉ bộ phận",
        ),
      ),
    ).toEqual([
      "TỈNH ỦY QUẢNG NGÃI",
      "- Các chi bộ trực thuộc;",
      "Tỉnh ủy viên",
      "có tính ủy thác",
      "chỉ bộ phận",
    ]);
  });
  /** Words of each line set one space (3 pt) apart, lines 16 pt apart. */
  const page = (...lines: string[]) => ({
    pieces: lines.flatMap((line, i) => {
      let x = 70;
      return line.split(" ").map((word) => {
        const p = piece(word, x, 100 + i * 16);
        x += p.width + 3;
        return p;
      });
    }),
    confidenceSum: 0,
    words: 0,
  });

  it("reads a pipe that stands for a roman numeral in a heading label as I", () => {
    expect(ocrLines(page("| - MỤC ĐÍCH", "||. NHIỆM VỤ", "### |||. TỔ CHỨC", "**lll - KINH PHÍ**"))).toEqual([
      "I - MỤC ĐÍCH",
      "II. NHIỆM VỤ",
      "### III. TỔ CHỨC",
      "**III - KINH PHÍ**",
    ]);
  });

  it("reads the star under a Party issuer's name, which Tesseract takes for an x, as the asterisk", () => {
    const star = { ...piece("x", 120, 116), width: 6 };
    const column = [piece("x", 120, 132), piece("Bình", 320, 132), piece("Sơn", 347, 132)];
    const header = page("ĐẢNG ỦY XÃ BÌNH SƠN");
    const lines = ocrLines({ ...header, pieces: [...header.pieces, star, ...column] });
    expect(lines).toEqual(["ĐẢNG ỦY XÃ BÌNH SƠN", "*", "*\tBình Sơn"]);
  });

  it("leaves an x that is a word or a mark inside a line alone", () => {
    expect(ocrLines(page("x 2", "Xã Bình Sơn", "- x", "X."))).toEqual(["x 2", "Xã Bình Sơn", "- x", "X."]);
  });

  it("leaves table pipes and ordinary labels alone", () => {
    expect(ocrLines(page("| 1 | Nội dung |", "1. Mục đích", "l. Mục đích", "IV. KINH PHÍ"))).toEqual([
      "| 1 | Nội dung |",
      "1. Mục đích",
      "l. Mục đích",
      "IV. KINH PHÍ",
    ]);
  });
});

describe("joinPages", () => {
  it("puts a blank line between pages", () => {
    expect(joinPages([["Trang một."], ["Trang hai."]])).toBe("Trang một.\n\nTrang hai.");
  });

  it("joins a sentence that runs on across a page break as one paragraph", () => {
    expect(joinPages([["- Số bác sĩ tăng gấp đôi (năm 2025 có 186 bác"], ["sĩ).", "III. NHIỆM VỤ"]])).toBe(
      "- Số bác sĩ tăng gấp đôi (năm 2025 có 186 bác\nsĩ).\nIII. NHIỆM VỤ",
    );
  });

  it("keeps the blank line after a finished sentence, before a capital, a label or a bullet", () => {
    expect(joinPages([["hoàn thành trước ngày 30/6/2025."], ["trong đó"]])).toBe(
      "hoàn thành trước ngày 30/6/2025.\n\ntrong đó",
    );
    expect(joinPages([["các nhiệm vụ sau"], ["Ban Tổ chức"]])).toBe("các nhiệm vụ sau\n\nBan Tổ chức");
    expect(joinPages([["các nhiệm vụ sau"], ["a) Rà soát"]])).toBe("các nhiệm vụ sau\n\na) Rà soát");
    expect(joinPages([["các nhiệm vụ sau"], ["- rà soát"]])).toBe("các nhiệm vụ sau\n\n- rà soát");
  });

  it("keeps empty pages (scans without text) as they were", () => {
    expect(joinPages([["Một"], [], ["hai"]])).toBe("Một\n\n\n\nhai");
    expect(joinPages([[], ["hai"]])).toBe("\n\nhai");
  });
});
