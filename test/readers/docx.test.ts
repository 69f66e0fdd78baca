// DOCX: paragraphs, breaks, tabs, Word's automatic numbers, data tables as pipe rows and layout tables
// column by column — on real .docx files written by the docx package, and archives built byte by byte
// for the zip bombs.
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { readDocumentBytes } from "../../src/readers/read.ts";
import { textToDocx } from "../support/text-to-docx.ts";
import { makeZip } from "../support/zip.ts";

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function read(bytes: Uint8Array): Promise<string> {
  return (await readDocumentBytes(bytes, "van-ban.docx")).text;
}

function cell(...lines: string[]): TableCell {
  return new TableCell({ children: lines.map((l) => new Paragraph(l)) });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

describe("docx paragraphs", () => {
  it("turns paragraphs into lines, w:br into a newline, w:tab into a tab and keeps empty paragraphs", async () => {
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph("Tiêu đề trang lặp lại")] }) },
          footers: { default: new Footer({ children: [new Paragraph("Trang 1")] }) },
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Paragraph({
              children: [
                new TextRun("Triển khai Kết luận số 69-KL/TW"),
                new TextRun({ text: "của Bộ Chính trị", break: 1 }),
              ],
            }),
            new Paragraph(""),
            new Paragraph({
              children: [new TextRun({ children: ["Số: 12/KH-UBND", new Tab(), "Quảng Ngãi"] })],
            }),
            new Paragraph({
              children: [
                new TextRun("Giao Sở Nội vụ "),
                new DeletedTextRun({
                  text: "và Sở Tài chính ",
                  id: 1,
                  author: "A",
                  date: "2025-01-01T00:00:00Z",
                }),
                new TextRun({ text: "(ghi chú ẩn) ", vanish: true }),
                new TextRun("chủ trì."),
              ],
            }),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "KẾ HOẠCH",
        "Triển khai Kết luận số 69-KL/TW\ncủa Bộ Chính trị",
        "",
        "Số: 12/KH-UBND\tQuảng Ngãi",
        "Giao Sở Nội vụ chủ trì.",
      ].join("\n"),
    );
  });

  it("writes Word's automatic numbers (I., 1., a)) in front of the paragraphs", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "muc",
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)", alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "MỤC ĐÍCH, YÊU CẦU", numbering: { reference: "muc", level: 0 } }),
            new Paragraph({ text: "Mục đích", numbering: { reference: "muc", level: 1 } }),
            new Paragraph({ text: "Yêu cầu", numbering: { reference: "muc", level: 1 } }),
            new Paragraph({ text: "cụ thể", numbering: { reference: "muc", level: 2 } }),
            new Paragraph({ text: "NHIỆM VỤ", numbering: { reference: "muc", level: 0 } }),
            new Paragraph({ text: "Tuyên truyền", numbering: { reference: "muc", level: 1 } }),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "a) cụ thể",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
      ].join("\n"),
    );
  });
});

describe("docx tables", () => {
  it("prints a data table as one pipe row per table row, cell paragraphs joined by a space", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("Phụ lục"),
            new Table({
              rows: [
                new TableRow({ children: [cell("STT"), cell("Nội dung"), cell("Cơ quan chủ trì")] }),
                new TableRow({
                  children: [cell("1"), cell("Tổ chức hội nghị", "quán triệt"), cell("Ban Tuyên giáo")],
                }),
                new TableRow({ children: [cell("2"), cell("Báo cáo sơ kết"), cell("Văn phòng")] }),
              ],
            }),
            new Paragraph("Hết."),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "Phụ lục",
        "| STT | Nội dung | Cơ quan chủ trì |",
        "| 1 | Tổ chức hội nghị quán triệt | Ban Tuyên giáo |",
        "| 2 | Báo cáo sơ kết | Văn phòng |",
        "Hết.",
      ].join("\n"),
    );
  });

  it("recognises a two-column data table by its header and repeats a vertically merged cell", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [cell("Nhiệm vụ"), cell("Cơ quan chủ trì")] }),
                new TableRow({
                  children: [
                    cell("Xây dựng kế hoạch"),
                    new TableCell({ rowSpan: 2, children: [new Paragraph("Sở Nội vụ")] }),
                  ],
                }),
                new TableRow({ children: [cell("Tổ chức tập huấn")] }),
              ],
            }),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "| Nhiệm vụ | Cơ quan chủ trì |",
        "| Xây dựng kế hoạch | Sở Nội vụ |",
        "| Tổ chức tập huấn | Sở Nội vụ |",
      ].join("\n"),
    );
  });

  it("prints the issuer | motto header table column by column so the columns stay apart", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              borders: TableBorders.NONE,
              rows: [
                new TableRow({
                  children: [
                    cell("TỈNH ỦY QUẢNG NGÃI", "*", "Số 12-KH/TU"),
                    cell("ĐẢNG CỘNG SẢN VIỆT NAM", "", "Quảng Ngãi, ngày 3 tháng 4 năm 2025"),
                  ],
                }),
              ],
            }),
            new Paragraph("KẾ HOẠCH"),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "TỈNH ỦY QUẢNG NGÃI",
        "*",
        "Số 12-KH/TU",
        "",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "",
        "Quảng Ngãi, ngày 3 tháng 4 năm 2025",
        "KẾ HOẠCH",
      ].join("\n"),
    );
  });

  it("prints the Nơi nhận | signature table column by column, even with borders", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              borders: { ...NO_BORDERS, top: { style: BorderStyle.SINGLE, size: 4, color: "000000" } },
              rows: [
                new TableRow({
                  children: [
                    cell("Nơi nhận:", "- Như trên;", "- Lưu: VT."),
                    cell("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    expect(await read(await pack(doc))).toBe(
      [
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "",
        "Nguyễn Văn An",
      ].join("\n"),
    );
  });

  it("round-trips text through textToDocx: pipe rows become a Word table and come back as pipe rows", async () => {
    const text = [
      "KẾ HOẠCH",
      "| STT | Nội dung | Cơ quan chủ trì | Thời gian |",
      "|---|---|---|---|",
      "| 1 | Quán triệt Kết luận | Ban Tuyên giáo | Quý II/2025 |",
      "Số: 12/KH-UBND\tQuảng Ngãi, ngày 15 tháng 3 năm 2025",
    ].join("\n");
    expect(await read(await textToDocx(text))).toBe(
      [
        "KẾ HOẠCH",
        "| STT | Nội dung | Cơ quan chủ trì | Thời gian |",
        "| 1 | Quán triệt Kết luận | Ban Tuyên giáo | Quý II/2025 |",
        "Số: 12/KH-UBND\tQuảng Ngãi, ngày 15 tháng 3 năm 2025",
      ].join("\n"),
    );
  });
});

describe("docx archives that must be refused", () => {
  const documentXml = (body: string): Uint8Array =>
    new Uint8Array(
      Buffer.from(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    );

  it("reads a minimal hand-made archive", async () => {
    const zip = makeZip([
      { name: "word/document.xml", data: documentXml("<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>") },
    ]);
    expect(await read(zip)).toBe("Xin chào");
  });

  it("stops an entry that inflates past the cap even when its header declares a small size", async () => {
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    const zip = makeZip([{ name: "word/document.xml", data: huge, declaredSize: 1000 }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    await expect(readDocumentBytes(zip, "bom.docx")).rejects.toMatchObject({ code: "file-too-large" });
  });

  it("refuses an archive that declares more than the cap", async () => {
    const zip = makeZip([
      { name: "word/document.xml", data: documentXml(""), declaredSize: 300 * 1024 * 1024 },
    ]);
    await expect(readDocumentBytes(zip, "bom.docx")).rejects.toMatchObject({ code: "file-too-large" });
  });

  it("calls a .docx without a document part, or with broken XML, corrupt", async () => {
    const noMain = makeZip([{ name: "word/styles.xml", data: documentXml("") }]);
    await expect(readDocumentBytes(noMain, "x.docx")).rejects.toMatchObject({ code: "file-corrupt" });
    const broken = makeZip([
      { name: "word/document.xml", data: new Uint8Array(Buffer.from("<w:document><w:body><w:p>")) },
    ]);
    await expect(readDocumentBytes(broken, "x.docx")).rejects.toMatchObject({ code: "file-corrupt" });
  });
});
