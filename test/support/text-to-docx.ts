// Test-only: text → a real .docx (the docx package): each line a paragraph (tabs as Word tabs), and each
// block of table rows — pipe rows or lines with two or more tabs, as the parser reads them — a real Word
// table with one cell per column. Markdown separator rows are dropped, as Word has none.
import { Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { readTableRow } from "../../src/parser/tables.ts";

function paragraph(line: string): Paragraph {
  const parts = line.split("\t");
  const children = parts.flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
  return new Paragraph({ children: [new TextRun({ children })] });
}

function table(rows: string[][]): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: columns },
            (_, i) => new TableCell({ children: [new Paragraph(cells[i] ?? "")] }),
          ),
        }),
    ),
  });
}

function isRow(line: string): string[] | null {
  const t = line.trim();
  const tabs = line.match(/\t/g)?.length ?? 0;
  if (!t.startsWith("|") && tabs < 2) return null;
  return readTableRow(line);
}

export async function textToDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) children.push(table(rows));
    rows = [];
  };
  for (const line of text.split("\n")) {
    const cells = isRow(line);
    if (cells) {
      if (cells.length > 0) rows.push(cells);
      continue;
    }
    flush();
    children.push(paragraph(line));
  }
  flush();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
