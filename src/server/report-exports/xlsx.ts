// Export tables as an Excel workbook: one sheet per table, the header row in bold and frozen, an
// autofilter over it, columns as wide as the definition says, numbers as numbers and days as real
// dates (dd/mm/yyyy). Written with ExcelJS's streaming writer, which keeps only the row being written
// in memory: a national task table has a hundred thousand rows.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue, TableDef } from "./tables.ts";

/** An ISO day as a Date at midnight UTC: Excel stores the day itself, with no time zone. */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function cellOf(value: CellValue, kind: TableDef["columns"][number]["kind"]): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return isoToDate(value);
  return value;
}

export async function tablesXlsx(
  tables: TableDef[],
  onRows?: (written: number) => void,
): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = "trienkhai";
  let written = 0;
  for (const t of tables) {
    const sheet = book.addWorksheet(t.sheet.slice(0, 31), {
      views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    sheet.columns = t.columns.map((c, i) => ({
      key: String(i),
      width: c.width,
      ...(c.kind === "date" ? { style: { numFmt: "dd/mm/yyyy" } } : {}),
    }));
    const header = sheet.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    });
    header.commit();
    for (const r of t.rows) {
      sheet.addRow(r.map((v, i) => cellOf(v, t.columns[i]?.kind ?? "text"))).commit();
      if (++written % 5000 === 0) onRows?.(written);
    }
    sheet.commit();
  }
  await book.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
