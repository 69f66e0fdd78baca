// The reporting completeness matrix, body × period, each cell coloured by the report's state with the
// day it came in: the dashboard shows it, and Báo cáo định kỳ lets a cell be clicked to submit.
import { Flex } from "antd";
import type { ReactNode } from "react";
import { byName, formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { REPORT_COLOURS, type ReportState } from "../../status.tsx";

const REPORT_STATES: ReportState[] = ["on_time", "late", "missing", "not_yet_due", "not_expected"];

interface Cell {
  period: string;
  state: ReportState;
  submittedAt: string | null;
  due: string;
}
export interface HeatmapRow {
  organisationId: number;
  organisationName: string;
  cells: Cell[];
}

export function CompletenessHeatmap({
  name,
  periods,
  rows,
  testId,
  action,
}: {
  name: string;
  periods: { key: string; due: string }[];
  rows: HeatmapRow[];
  testId: string;
  /** A cell's content as a control (a button to submit its report), or null to show it as text. */
  action?: (row: HeatmapRow, cell: Cell, text: string, colour: string) => ReactNode | null;
}) {
  const { t } = useI18n();
  const due = new Map(periods.map((p) => [p.key, p.due]));
  const sorted = [...rows].sort(byName((r) => r.organisationName));
  return (
    <>
      <div style={{ overflowX: "auto" }}>
        <table className="heatmap" data-testid={testId}>
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dash-body")}</th>
              {periods.map((p) => (
                <th key={p.key} scope="col" title={t("rep-period-due", { date: formatDate(p.due) })}>
                  {p.key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.organisationId}>
                <th scope="row">{r.organisationName}</th>
                {r.cells.map((c) => {
                  const colour = REPORT_COLOURS[c.state];
                  const label = t(`report-${c.state}`);
                  const when = c.submittedAt ? ` ${formatDate(c.submittedAt)}` : "";
                  const text =
                    c.state === "on_time" || c.state === "late"
                      ? formatDate(c.submittedAt).slice(0, 5)
                      : label;
                  const control = action?.(r, c, text, colour.fg) ?? null;
                  return (
                    <td
                      key={c.period}
                      style={{ background: colour.bg, color: colour.fg, minWidth: 64, padding: 0 }}
                      title={`${label}${when} (${formatDate(due.get(c.period) ?? c.due)})`}
                      data-state={c.state}
                      data-period={c.period}
                    >
                      {control ?? <span style={{ display: "block", padding: "4px 8px" }}>{text}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex wrap gap={8} style={{ marginTop: 12 }} aria-hidden>
        {REPORT_STATES.map((s) => (
          <span key={s} style={{ fontSize: 13 }}>
            <span
              style={{
                display: "inline-block",
                width: 12,
                height: 12,
                background: REPORT_COLOURS[s].bg,
                border: "1px solid #ccc",
                marginInlineEnd: 4,
                verticalAlign: "middle",
              }}
            />
            {t(`report-${s}`)}
          </span>
        ))}
      </Flex>
    </>
  );
}
