// The tables of an export, one definition for the workbook and the CSV files: sheet name, columns
// (Vietnamese header, width, kind of value) and rows. Two tables keep the layout their imports read
// (src/server/indicators/import.ts VALUE_COLUMNS, src/server/organisations/import.ts
// ORGANISATION_COLUMNS), so an exported sheet imports back as it is.

import { gradeLabel, statusLabel, targetText } from "../../domain/review-report.ts";
import { type MessageCode, message } from "../../messages/catalog.ts";
import { VALUE_COLUMNS } from "../indicators/import.ts";
import { ORGANISATION_COLUMNS } from "../organisations/import.ts";
import type { ExportTable, ReportSource } from "./source.ts";

export type CellValue = string | number | null;

export interface ColumnDef {
  header: string;
  /** In characters, as spreadsheets measure columns. */
  width: number;
  /** A date column holds ISO days ("2026-11-24"), written as dates. */
  kind: "text" | "number" | "date";
}

export interface TableDef {
  key: ExportTable;
  sheet: string;
  columns: ColumnDef[];
  rows: CellValue[][];
}

const col = (code: MessageCode, width: number, kind: ColumnDef["kind"] = "text"): ColumnDef => ({
  header: message(code),
  width,
  kind,
});

const yesNo = (b: boolean): string => message(b ? "export-yes" : "export-no");

function tasks(src: ReportSource): TableDef {
  return {
    key: "tasks",
    sheet: message("export-sheet-tasks"),
    columns: [
      col("export-col-assignment-id", 10, "number"),
      col("export-col-task-id", 10, "number"),
      col("export-col-document", 16),
      col("export-col-group", 28),
      col("export-col-task", 60),
      col("export-col-organisation-code", 20),
      col("export-col-organisation", 36),
      col("export-col-role", 10),
      col("export-col-deadline", 12, "date"),
      col("export-col-recurrence", 14),
      col("export-col-status", 24),
      col("export-col-percent", 10, "number"),
      col("export-col-completed", 14, "date"),
      col("export-col-last-update", 14, "date"),
    ],
    rows: src.assignments.map((a) => [
      a.assignmentId,
      a.taskId,
      a.documentSymbol,
      a.group,
      a.text,
      a.organisationCode,
      a.organisationName ?? a.phrase,
      message(a.role === "lead" ? "role-lead" : "role-cooperating"),
      a.deadline,
      a.recurrence ? message(`recurrence-${a.recurrence}` as "recurrence-once") : null,
      statusLabel(a.status),
      a.percent,
      a.completedAt,
      a.lastUpdateOn,
    ]),
  };
}

function indicators(src: ReportSource): TableDef {
  return {
    key: "indicators",
    sheet: message("export-sheet-indicators"),
    columns: [
      col("export-col-indicator-id", 10, "number"),
      col("report-col-indicator", 48),
      col("export-col-unit", 10),
      col("export-col-organisation-code", 20),
      col("export-col-organisation", 36),
      col("report-col-baseline", 12, "number"),
      col("export-col-baseline-year", 10, "number"),
      col("report-col-target", 28),
      col("export-col-target-year", 10, "number"),
      col("export-col-latest-period", 12),
      col("report-col-latest", 14, "number"),
      col("report-col-expected", 14, "number"),
      col("report-col-grade", 18),
      col("export-col-forecast-year", 10, "number"),
      col("export-col-forecast", 14, "number"),
      col("export-col-meets-target", 12),
    ],
    rows: src.indicators.map((r) => [
      r.indicatorId,
      r.name,
      r.unit,
      r.organisationCode,
      r.organisation,
      r.baseline?.value ?? null,
      r.baseline?.year ?? null,
      targetText(r),
      r.target.year,
      r.latest?.period ?? null,
      r.latest?.value ?? null,
      r.expected,
      gradeLabel(r.status),
      r.forecast?.year ?? null,
      r.forecast?.value ?? null,
      r.forecast?.meetsTarget === null || r.forecast === null ? null : yesNo(r.forecast.meetsTarget),
    ]),
  };
}

/** The import's own columns first (Mã chỉ tiêu, Mã đơn vị, Kỳ, Giá trị, Ghi chú), names after them. */
function values(src: ReportSource): TableDef {
  const [indicator, organisation, period, value, note] = VALUE_COLUMNS.map(([, vi]) => vi as string) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    key: "indicator-values",
    sheet: message("export-sheet-values"),
    columns: [
      { header: indicator, width: 12, kind: "number" },
      { header: organisation, width: 22, kind: "text" },
      { header: period, width: 10, kind: "text" },
      { header: value, width: 14, kind: "number" },
      { header: note, width: 30, kind: "text" },
      col("report-col-indicator", 48),
      col("export-col-organisation", 36),
    ],
    rows: src.values.map((v) => [
      v.indicatorId,
      v.organisationCode ?? String(v.organisationId),
      v.period,
      v.value,
      v.source,
      v.indicatorName,
      v.organisationName,
    ]),
  };
}

/** One row per cycle and body, one column per period any cycle expects (empty where it expects none). */
function completeness(src: ReportSource): TableDef {
  const periods = new Map<string, string>();
  for (const c of src.completeness) for (const p of c.periods) periods.set(p.key, p.end);
  const keys = [...periods.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  const codes = new Map(src.organisations.map((o) => [o.id, o.code]));
  return {
    key: "completeness",
    sheet: message("export-sheet-completeness"),
    columns: [
      col("export-col-cycle", 36),
      col("export-col-organisation-code", 20),
      col("export-col-organisation", 36),
      ...keys.map(([key]): ColumnDef => ({ header: key, width: 12, kind: "text" })),
      col("export-col-expected", 10, "number"),
      col("export-col-reported", 10, "number"),
      col("export-col-on-time", 10, "number"),
      col("export-col-reporting-rate", 12, "number"),
    ],
    rows: src.completeness.flatMap((c) =>
      c.rows.map((r) => {
        const cells = new Map(r.cells.map((x) => [x.period, x.state]));
        return [
          c.name,
          codes.get(r.organisationId) ?? null,
          r.organisationName,
          ...keys.map(([key]) => {
            const state = cells.get(key);
            return state === undefined ? null : message(`report-cell-${state}`);
          }),
          r.rates.expected,
          r.rates.onTime + r.rates.late,
          r.rates.onTime,
          r.rates.reportingRate === null ? null : Math.round(r.rates.reportingRate * 1000) / 10,
        ];
      }),
    ),
  };
}

function coverage(src: ReportSource, key: "dissemination" | "concretization"): TableDef {
  const dissemination = key === "dissemination";
  const list = dissemination ? src.dissemination : src.concretization;
  return {
    key,
    sheet: message(dissemination ? "export-sheet-dissemination" : "export-sheet-concretization"),
    columns: [
      col("export-col-document", 16),
      col("export-col-organisation-code", 20),
      col("export-col-organisation", 36),
      col(dissemination ? "export-col-must-disseminate" : "export-col-must-concretize", 14),
      col(dissemination ? "export-col-disseminated" : "export-col-concretized", 14),
      col(dissemination ? "export-col-first-session" : "export-col-first-plan", 14, "date"),
      col(dissemination ? "export-col-sessions" : "export-col-plans", 10, "number"),
      dissemination ? col("report-col-attendance", 14, "number") : col("export-col-plan-symbols", 40),
    ],
    rows: list.map((r) => [
      r.documentSymbol,
      r.organisationCode,
      r.organisationName,
      yesNo(r.required),
      yesNo(r.covered),
      r.first,
      r.count,
      dissemination ? Number(r.detail) : r.detail,
    ]),
  };
}

function organisations(src: ReportSource): TableDef {
  const kinds: ColumnDef["kind"][] = ["text", "text", "text", "text", "text", "date", "date", "text", "text"];
  const widths = [22, 44, 20, 10, 22, 12, 12, 40, 22];
  return {
    key: "organisations",
    sheet: message("export-sheet-organisations"),
    columns: ORGANISATION_COLUMNS.map(([, vi], i) => ({
      header: vi,
      width: widths[i] ?? 16,
      kind: kinds[i] ?? "text",
    })),
    // the organisation import takes bodies with a code only: they are the rows it could read back
    rows: src.organisations
      .filter((o) => o.code !== null)
      .map((o) => [
        o.code,
        o.name,
        o.kind,
        o.level,
        o.parentCode,
        o.validFrom,
        o.validTo,
        o.aliases.join("; "),
        o.successorCodes.join("; "),
      ]),
  };
}

function remarks(src: ReportSource): TableDef {
  return {
    key: "remarks",
    sheet: message("export-sheet-remarks"),
    columns: [
      col("export-col-remark-kind", 18),
      col("export-col-remark", 60),
      col("export-col-organisation-code", 20),
      col("export-col-organisation", 36),
      col("export-col-cycle", 30),
      col("export-col-period", 10),
      col("export-col-submitted", 14, "date"),
    ],
    rows: src.remarks.map((r) => [
      message(r.kind === "difficulty" ? "report-remarks-difficulties" : "report-remarks-proposals"),
      r.text,
      r.organisationCode,
      r.organisationName,
      r.cycleName,
      r.period,
      r.submittedOn,
    ]),
  };
}

const BUILDERS: Record<ExportTable, (src: ReportSource) => TableDef> = {
  tasks,
  indicators,
  "indicator-values": values,
  completeness,
  dissemination: (src) => coverage(src, "dissemination"),
  concretization: (src) => coverage(src, "concretization"),
  organisations,
  remarks,
};

/** The table asked for, or every table in the order of EXPORT_TABLES. */
export function exportTables(src: ReportSource, only: ExportTable | null): TableDef[] {
  const keys = only ? [only] : (Object.keys(BUILDERS) as ExportTable[]);
  return keys.map((k) => BUILDERS[k](src));
}
