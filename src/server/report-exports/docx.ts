// A review report as a Word document in the official layout (Nghị định 30/2020/NĐ-CP for State
// bodies, Hướng dẫn 36-HD/VPTW for Party bodies): A4, margins top and bottom 20 mm, left 30 mm,
// right 15 mm; Times New Roman 14 pt in the body; the issuer and the motto side by side in a
// borderless table with the symbol and the place-and-date line under them; the type name and title
// centred in bold; headings numbered I., 1.; "Nơi nhận" and the signing block side by side at the
// end; the appendix of tasks on its own page. Everything is real text and real tables, so the file
// stays editable in Word and LibreOffice (and reads back through trienkhai's own DOCX reader).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Block, Column, ReportModel } from "../../domain/review-report.ts";
import { message } from "../../messages/catalog.ts";

const MM = 56.7; // twips in a millimetre
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = "Times New Roman";
/** Sizes in half-points. */
const SIZE = { body: 28, table: 24, wideTable: 22, small: 24, motto: 26, type: 32 };
const INDENT = Math.round(10 * MM);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
  });
}

function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, style)] });
}

/** The short rule under an issuer's name or a motto: underlined spaces, which no reader takes for text. */
function rule(characters: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 60 },
    children: [run("\u00a0".repeat(characters), { underline: true, size: 12 })],
  });
}

const noBorders = TableBorders.NONE;

function layoutTable(columns: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    borders: noBorders,
    rows: rows.map(
      (cells) =>
        new TableRow({
          // the signing block stays whole on one page
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columns[i] as number, type: WidthType.DXA },
                borders: noBorders,
                children,
              }),
          ),
        }),
    ),
  });
}

function header(m: ReportModel): Table {
  const party = m.system === "party";
  const [left, right] = party ? [0.42, 0.58] : [0.4, 0.6];
  const widths = [Math.round(TEXT_WIDTH * left), Math.round(TEXT_WIDTH * right)];
  const issuer = m.issuerLines.map((line, i) =>
    centred(line, { bold: i === m.issuerLines.length - 1, size: party ? SIZE.body : SIZE.motto }),
  );
  const mark = party ? [centred("*", { bold: true })] : [rule(16)];
  const motto = party
    ? [centred(m.motto[0] ?? "", { bold: true, size: 30 }), rule(36)]
    : [
        centred(m.motto[0] ?? "", { bold: true, size: SIZE.motto }),
        centred(m.motto[1] ?? "", { bold: true, size: SIZE.body }),
        rule(30),
      ];
  return layoutTable(widths, [
    [[...issuer, ...mark], [...motto]],
    [
      [centred(m.symbol, { size: party ? SIZE.body : SIZE.motto })],
      [centred(m.placeDate, { italics: true })],
    ],
  ]);
}

function heading(b: Block & { kind: "heading" }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: b.level === 1 ? 120 : 60, after: 120, line: 288 },
    keepNext: true,
    children: [run(`${b.number} ${b.text}`, { bold: true })],
  });
}

function paragraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { after: 120, line: 288 },
    children: [run(text)],
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const gridBorders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

function cell(text: string, width: number, align: Column["align"], bold: boolean, size: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: text.split("\n").map(
      (t) =>
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : ALIGN[align],
          children: [run(t, { bold, size })],
        }),
    ),
  });
}

function dataTable(b: Block & { kind: "table" }): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  // seven columns and more fit the page in 11 pt
  const size = b.columns.length > 6 ? SIZE.wideTable : SIZE.table;
  const row = (cells: string[], bold: boolean, headerRow = false) =>
    new TableRow({
      tableHeader: headerRow,
      cantSplit: true,
      children: cells.map((t, i) => cell(t, widths[i] as number, b.columns[i]?.align ?? "left", bold, size)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: gridBorders,
    rows: [
      row(
        b.columns.map((c) => c.title),
        true,
        true,
      ),
      ...b.rows.map((r) => row(r, false)),
      ...(b.total ? [row(b.total, true)] : []),
    ],
  });
}

function block(b: Block): (Paragraph | Table)[] {
  if (b.kind === "heading") return [heading(b)];
  if (b.kind === "paragraph") return [paragraph(b.text)];
  if (b.kind === "bullet") return [paragraph(`- ${b.text}`)];
  return [dataTable(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
}

function closing(m: ReportModel): Table {
  const party = m.system === "party";
  const widths = [Math.round(TEXT_WIDTH * 0.5), Math.round(TEXT_WIDTH * 0.5)];
  const separator = party ? "," : ";";
  const recipients = [
    new Paragraph({
      children: [
        run(
          message("report-recipients"),
          party ? { underline: true } : { bold: true, italics: true, size: SIZE.small },
        ),
      ],
    }),
    ...m.recipients.map(
      (r, i) =>
        new Paragraph({
          children: [
            run(`- ${r}${i === m.recipients.length - 1 ? "." : separator}`, {
              size: party ? SIZE.small : 22,
            }),
          ],
        }),
    ),
  ];
  const signer = [
    ...(m.signer.authority ? [centred(m.signer.authority, { bold: true })] : []),
    centred(m.signer.role, { bold: true }),
    ...Array.from({ length: 4 }, () => centred("")),
    centred(m.signer.name, { bold: true }),
  ];
  return layoutTable(widths, [[recipients, signer]]);
}

export async function reportDocx(m: ReportModel): Promise<Uint8Array> {
  const party = m.system === "party";
  const title = [
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centred(m.typeName, { bold: true, size: party ? SIZE.type : SIZE.body }),
    centred(m.title, { bold: true }, party ? 0 : 60),
    party ? centred("-----", {}, 240) : rule(24),
  ];
  const appendix = m.appendix
    ? [
        new Paragraph({ children: [new PageBreak()] }),
        centred(m.appendix.heading, { bold: true }),
        centred(m.appendix.title, { bold: true }),
        centred(m.appendix.note, { italics: true }, 240),
        dataTable(m.appendix.table),
      ]
    : [];
  const doc = new Document({
    creator: "trienkhai",
    title: `${m.typeName} ${m.title}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          header(m),
          ...title,
          ...m.body.flatMap(block),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          closing(m),
          ...appendix,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
