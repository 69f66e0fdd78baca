// One export table as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese letters),
// comma-separated, the same header as the workbook, days as YYYY-MM-DD and numbers in plain notation.
// The indicator import reads "1.250" the Vietnamese way (one thousand two hundred and fifty): a
// number with exactly three decimals is written with a fourth, a zero, so that it reads back as the
// decimal it is.
import { stringify } from "csv-stringify/sync";
import type { CellValue, TableDef } from "./tables.ts";

export function plainNumber(n: number): string {
  const s = String(n);
  return /^-?\d+\.\d{3}$/.test(s) ? `${s}0` : s;
}

const text = (v: CellValue): string => (v === null ? "" : typeof v === "number" ? plainNumber(v) : v);

export function tableCsv(t: TableDef): Uint8Array {
  const body = stringify([t.columns.map((c) => c.header), ...t.rows.map((r) => r.map(text))], {
    record_delimiter: "\r\n",
  });
  return new Uint8Array(Buffer.from(`\uFEFF${body}`, "utf8"));
}
