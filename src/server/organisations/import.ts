// Importing further organisations from CSV or XLSX (the layout of the organisation export): one row
// per organisation with its code, name, kind, level, parent code, validity, aliases and successors.
// All rows are checked first; the import is one transaction; groups waiting for members expand.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { MessageRef } from "../../messages/catalog.ts";
import { openZip, ZipError, type ZipLimits } from "../../readers/zip.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput } from "../errors.ts";
import { realDate } from "../validation.ts";
import { expandWaitingGroups } from "./groups.ts";
import { insertOrganisations, knownCodes, type OrganisationInput } from "./repository.ts";

export const ORGANISATION_COLUMNS = [
  ["code", "Mã"],
  ["name", "Tên"],
  ["kind", "Loại"],
  ["level", "Cấp"],
  ["parent_code", "Mã cơ quan cấp trên"],
  ["valid_from", "Hiệu lực từ"],
  ["valid_to", "Hiệu lực đến"],
  ["aliases", "Tên gọi khác"],
  ["successor_codes", "Mã cơ quan kế thừa"],
] as const;

const KINDS = [
  "party_committee",
  "party_standing_board",
  "party_standing_office",
  "party_board",
  "party_office",
  "party_inspection",
  "party_delegation",
  "party_cadre_committee",
  "peoples_council",
  "peoples_committee",
  "department",
  "fatherland_front",
  "socio_political",
  "press",
  "administrative_unit",
  "other",
] as const;

const date = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .refine((s) => s === null || (/^\d{4}-\d{2}-\d{2}$/.test(s) && realDate(s)), "ngày dạng YYYY-MM-DD")
  .nullable();
const list = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(/[;\n]/)
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const rowSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\d.\-_]+$/u, "mã chỉ gồm chữ, số, dấu chấm, gạch"),
  name: z.string().trim().min(2).max(300),
  kind: z.enum(KINDS),
  level: z.enum(["central", "province", "district", "commune"]),
  parent_code: z
    .string()
    .trim()
    .default("")
    .transform((s) => (s === "" ? null : s)),
  // a missing column is an empty cell: prefault (unlike default) runs the date's checks on it
  valid_from: date.prefault(""),
  valid_to: date.prefault(""),
  aliases: list,
  successor_codes: list,
});

/** Column names in either language ("Mã" or "code"). */
function columnKey(header: string): string | null {
  const h = header.trim().toLowerCase();
  for (const [key, vi] of ORGANISATION_COLUMNS) if (h === key || h === vi.toLowerCase()) return key;
  return null;
}

/** An organisation sheet of the whole country inflates to a few megabytes. */
const XLSX_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
};

/** ExcelJS inflates what it reads without a cap: a zip bomb is stopped here first, under caps. */
function checkSpreadsheet(bytes: Uint8Array): void {
  try {
    const zip = openZip(bytes, XLSX_LIMITS);
    for (const name of zip.names()) zip.read(name);
  } catch (error) {
    if (error instanceof ZipError && error.kind === "too-large")
      throw new DomainError("file-too-large", 413, { name: "XLSX", detail: error.message });
    throw new DomainError("file-corrupt", 422, { name: "XLSX", format: "XLSX" });
  }
}

const REQUIRED = ["code", "name", "kind", "level"];

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const table: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v === null || v === undefined
            ? ""
            : String(cell.text ?? v);
    });
    table.push(Array.from(cells, (c) => c ?? ""));
  });
  return table;
}

async function readRows(bytes: Uint8Array, format: "csv" | "xlsx"): Promise<Record<string, string>[]> {
  if (format === "xlsx") checkSpreadsheet(bytes);
  let table: string[][];
  try {
    if (format === "csv") {
      table = parseCsv(
        Buffer.from(bytes)
          .toString("utf8")
          .replace(/^\uFEFF/, ""),
        { skip_empty_lines: true, relax_column_count: true },
      );
    } else {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      // the first sheet laid out for organisations (a whole exported workbook holds it on a later sheet)
      const tables = book.worksheets.map(sheetRows);
      const found = tables.find((t) => REQUIRED.every((k) => (t[0] ?? []).map(columnKey).includes(k)));
      const first = found ?? tables[0];
      if (!first) throw new Error("no sheet");
      table = first;
    }
  } catch {
    throw new DomainError("file-corrupt", 422, { name: format.toUpperCase(), format: format.toUpperCase() });
  }
  const [header, ...body] = table;
  if (!header) throw invalidInput({ code: "table-no-header" });
  const keys = header.map(columnKey);
  for (const required of REQUIRED)
    if (!keys.includes(required))
      throw invalidInput({ code: "table-missing-column", params: { column: required } });
  return body.map((cells) => Object.fromEntries(keys.flatMap((k, i) => (k ? [[k, cells[i] ?? ""]] : []))));
}

export async function importOrganisations(
  db: Db,
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  actor: Actor,
): Promise<{ imported: number; expandedAssignments: number }> {
  const raw = await readRows(bytes, format);
  if (raw.length === 0) throw invalidInput({ code: "table-no-rows" });
  const problems: MessageRef[] = [];
  const input: OrganisationInput[] = [];
  raw.forEach((r, i) => {
    const parsed = rowSchema.safeParse(r);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join(", ");
      problems.push({ code: "input-row", params: { row: i + 2, detail } });
      return;
    }
    const o = parsed.data;
    if (o.valid_from && o.valid_to && o.valid_from > o.valid_to)
      problems.push({
        code: "input-row",
        params: { row: i + 2, detail: { code: "organisation-valid-range" } },
      });
    input.push({
      code: o.code,
      name: o.name,
      kind: o.kind,
      level: o.level,
      parentCode: o.parent_code,
      validFrom: o.valid_from,
      validTo: o.valid_to,
      aliases: o.aliases,
      successorCodes: o.successor_codes,
    });
  });
  const codes = input.map((o) => o.code as string);
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) problems.push({ code: "organisation-code-repeated", params: { code: c } });
    seen.add(c);
  }
  if (problems.length > 0) throw invalidInput(problems.slice(0, 20), { problems });
  return db.transaction(async (tx) => {
    const known = await knownCodes(tx, [
      ...new Set(input.flatMap((o) => [o.code as string, o.parentCode ?? "", ...o.successorCodes])),
    ]);
    const missing = input.flatMap((o) =>
      [o.parentCode, ...o.successorCodes].filter(
        (c): c is string => c !== null && !known.has(c) && !seen.has(c),
      ),
    );
    if (missing.length > 0)
      throw invalidInput({
        code: "organisation-codes-unknown",
        params: { codes: [...new Set(missing)].slice(0, 10).join(", ") },
      });
    const already = codes.filter((c) => known.has(c));
    if (already.length > 0)
      throw new DomainError("duplicate-organisation", 409, { codes: already.slice(0, 10).join(", ") });
    await insertOrganisations(tx, input);
    const expandedAssignments = await expandWaitingGroups(tx, actor);
    await appendAudit(tx, actor, {
      action: "organisation.import",
      entity: "organisation",
      entityId: null,
      after: { count: input.length, codes: codes.slice(0, 50) },
    });
    return { imported: input.length, expandedAssignments };
  });
}
