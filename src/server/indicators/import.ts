// Indicator values from a body's own spreadsheet (CSV or XLSX): one row per value, columns
//   Mã chỉ tiêu   the indicator's id
//   Mã đơn vị     the organisation's code (P51.2025-UBND), or its id
//   Kỳ            2025, 2025-H1, 2025-Q3 or 2025-07 (an Excel date on the 1st of a month is that month)
//   Giá trị       a number; Vietnamese notation accepted (0,7 → 0.7; 58.000 → 58000; 1.250,5)
//   Ghi chú       optional: where the figure comes from (kept as the value's source)
// English headers (indicator_id, organisation_code, period, value, note) are read too. Every row is
// checked before anything is stored; a file with any bad row stores nothing.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import { parsePeriod } from "../../domain/period.ts";
import type { MessageCode, MessageParams } from "../../messages/catalog.ts";
import { parseNumeral } from "../../parser/numbers.ts";
import { openZip, ZipError } from "../../readers/zip.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError } from "../errors.ts";
import { indicatorsById, organisationsByKey } from "./repository.ts";
import type { IndicatorValueInput } from "./service.ts";

export const VALUE_COLUMNS = [
  ["indicator", "Mã chỉ tiêu", "indicator_id"],
  ["organisation", "Mã đơn vị", "organisation_code"],
  ["period", "Kỳ", "period"],
  ["value", "Giá trị", "value"],
  ["note", "Ghi chú", "note"],
] as const;
type Column = (typeof VALUE_COLUMNS)[number][0];

/** More rows than a body's sheet holds is a mistake, not a sheet. */
export const MAX_ROWS = 10_000;
/** An XLSX inflates past these only when it is a zip bomb. */
const XLSX_LIMITS = { maxEntries: 2000, maxEntryBytes: 40 * 1024 * 1024, maxTotalBytes: 80 * 1024 * 1024 };

export type SheetFormat = "csv" | "xlsx";
type Cell = string | number;

export interface SheetRow {
  /** The row's number in the file (the header is row 1). */
  row: number;
  cells: Record<Column, Cell>;
}

export interface RowProblem {
  row: number;
  code: MessageCode;
  params: MessageParams;
}

/** The format of an upload, by its name or, failing that, by its first bytes (XLSX is a ZIP). */
export function sheetFormat(name: string, bytes: Uint8Array): SheetFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xlsx") return "xlsx";
  if (ext !== undefined) return null;
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? "xlsx" : "csv";
}

function columnOf(header: string): Column | null {
  const h = header.normalize("NFC").trim().toLowerCase();
  for (const [key, vi, en] of VALUE_COLUMNS) if (h === vi.toLowerCase() || h === en) return key;
  return null;
}

/** The CSV's delimiter: whichever of ; , TAB the header line holds most (";" where 0,7 is a number). */
function delimiterOf(text: string): string {
  const end = text.indexOf("\n");
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return [";", "\t", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

function csvTable(bytes: Uint8Array): { row: number; cells: Cell[] }[] {
  const text = Buffer.from(bytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const records = parseCsv(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { info: { lines: number }; record: string[] }[];
  return records.map((r) => ({ row: r.info.lines, cells: r.record }));
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    // a month typed as 2025-07 comes back from Excel as the date 2025-07-01
    const iso = value.toISOString().slice(0, 10);
    return iso.endsWith("-01") ? iso.slice(0, 7) : iso;
  }
  if ("result" in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return String(value.text);
  return "";
}

function sheetTable(sheet: ExcelJS.Worksheet): { row: number; cells: Cell[] }[] {
  const out: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    out.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return out;
}

/** The header holds every required column (Ghi chú may be absent). */
function hasValueColumns(table: { cells: Cell[] }[]): boolean {
  const header = table.find((r) => r.cells.some((c) => String(c).trim() !== ""));
  const keys = (header?.cells ?? []).map((c) => columnOf(String(c)));
  return VALUE_COLUMNS.every(([key]) => key === "note" || keys.includes(key));
}

/** The first sheet laid out for values (a whole exported workbook holds them on a later sheet), else the first. */
async function xlsxTable(bytes: Uint8Array): Promise<{ row: number; cells: Cell[] }[]> {
  // inflate every part under caps first: ExcelJS would inflate a zip bomb without limit
  const zip = openZip(bytes, XLSX_LIMITS);
  for (const name of zip.names()) zip.read(name);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const tables = book.worksheets.map(sheetTable);
  const table = tables.find(hasValueColumns) ?? tables[0];
  if (!table) throw new Error("no sheet");
  return table;
}

/** The rows of the sheet under its header; a damaged file or a missing column refuses the whole. */
export async function readValueSheet(
  name: string,
  bytes: Uint8Array,
  format: SheetFormat,
): Promise<SheetRow[]> {
  let table: { row: number; cells: Cell[] }[];
  try {
    table = format === "csv" ? csvTable(bytes) : await xlsxTable(bytes);
  } catch (error) {
    if (error instanceof ZipError && error.kind === "too-large")
      throw new DomainError("file-too-large", 422, { name, detail: error.message });
    throw new DomainError("file-corrupt", 422, { name, format: format.toUpperCase() });
  }
  const blank = (cells: Cell[]) => cells.every((c) => String(c).trim() === "");
  const filled = table.filter((r) => !blank(r.cells));
  const [header, ...body] = filled;
  if (!header) throw new DomainError("indicator-import-empty", 422, { name });
  const keys = header.cells.map((c) => columnOf(String(c)));
  const missing = VALUE_COLUMNS.filter(([key]) => key !== "note" && !keys.includes(key)).map(([, vi]) => vi);
  if (missing.length > 0)
    throw new DomainError("indicator-import-columns", 422, {
      name,
      missing: missing.join(", "),
      expected: VALUE_COLUMNS.map(([, vi]) => vi).join(", "),
    });
  if (body.length === 0) throw new DomainError("indicator-import-empty", 422, { name });
  if (body.length > MAX_ROWS)
    throw new DomainError("indicator-import-too-many", 422, { name, rows: body.length, max: MAX_ROWS });
  return body.map(({ row, cells }) => {
    const out: Record<Column, Cell> = { indicator: "", organisation: "", period: "", value: "", note: "" };
    keys.forEach((k, i) => {
      if (k) out[k] = cells[i] ?? "";
    });
    return { row, cells: out };
  });
}

/** A number as a sheet holds it: a numeric cell, or text in Vietnamese or plain notation. */
export function sheetNumber(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const t = cell.replace(/[\s\u00a0]/g, "");
  const m = /^([-−]?)(.+)$/.exec(t);
  if (!m || m[2] === undefined) return null;
  const digits = m[2];
  // "0.75" is a decimal, not seventy-five thousandths of a thousand
  const n = /^0\.\d+$/.test(digits)
    ? Number(digits)
    : (parseNumeral(digits) ?? (/^\d+\.\d+$/.test(digits) ? Number(digits) : null));
  if (n === null || !Number.isFinite(n)) return null;
  return m[1] ? -n : n;
}

export interface CheckedSheet {
  values: IndicatorValueInput[];
  problems: RowProblem[];
  /** The first row naming an indicator or a body outside the caller's scope. */
  outOfScope: { row: number; entity: string; id: string } | null;
}

/** Reads every row into a value, or into the problems that keep it out. Nothing is stored here. */
export async function checkValueSheet(
  db: Db,
  p: Principal,
  sheet: SheetRow[],
  today: string,
): Promise<CheckedSheet> {
  const text = (c: Cell) => String(c).normalize("NFC").trim();
  const indicatorIds = sheet
    .map((r) => text(r.cells.indicator))
    .filter((s) => /^\d{1,9}$/.test(s))
    .map(Number);
  const indicators = await indicatorsById(db, p, [...new Set(indicatorIds)]);
  const orgs = await organisationsByKey(db, p, [
    ...new Set(sheet.map((r) => text(r.cells.organisation)).filter((s) => s.length > 0 && s.length <= 64)),
  ]);
  const problems: RowProblem[] = [];
  const values: IndicatorValueInput[] = [];
  const seen = new Map<string, number>();
  let outOfScope: CheckedSheet["outOfScope"] = null;
  for (const { row, cells } of sheet) {
    const before = problems.length;
    const add = (code: MessageCode, params: MessageParams = {}) => problems.push({ row, code, params });
    const indicatorText = text(cells.indicator);
    const indicator = /^\d{1,9}$/.test(indicatorText) ? indicators.get(Number(indicatorText)) : undefined;
    if (!indicator) add("indicator-import-row-indicator", { value: indicatorText.slice(0, 40) });
    else if (!indicator.inScope && !outOfScope) outOfScope = { row, entity: "indicator", id: indicatorText };
    const orgText = text(cells.organisation);
    const org = orgs.get(orgText);
    if (!org) add("indicator-import-row-organisation", { value: orgText.slice(0, 64) });
    else if (!org.inScope && !outOfScope) outOfScope = { row, entity: "organisation", id: String(org.id) };
    const periodText = text(cells.period);
    const period = parsePeriod(periodText);
    if (!period) add("indicator-import-row-period", { value: periodText.slice(0, 20) });
    else if (period.start > today) add("indicator-import-row-future", { value: period.key });
    const value = sheetNumber(cells.value);
    if (value === null) add("indicator-import-row-value", { value: text(cells.value).slice(0, 40) });
    const note = text(cells.note);
    if (note.length > 500) add("indicator-import-row-note", { max: 500 });
    if (problems.length > before || !org || !period || value === null) continue;
    const key = `${indicatorText}|${org.id}|${period.key}`;
    const first = seen.get(key);
    if (first !== undefined) {
      add("indicator-import-row-duplicate", { first });
      continue;
    }
    seen.set(key, row);
    values.push({
      indicatorId: Number(indicatorText),
      organisationId: org.id,
      period: period.key,
      value,
      ...(note ? { source: note } : {}),
    });
  }
  return { values, problems, outOfScope };
}
