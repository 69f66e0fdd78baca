// The official status categories, indicator grades and report states: their names (messages.ts)
// and colours, one place for every screen. Colours keep 4.5:1 contrast with white text.
import { Tag } from "antd";
import type { Schemas } from "./api/client.ts";
import { useI18n } from "./i18n.tsx";

export type Status = Schemas["TaskRow"]["status"];
export const STATUSES: Status[] = [
  "done_on_time",
  "done_late",
  "in_progress",
  "not_yet_due",
  "overdue",
  "continuous",
];

export const STATUS_COLOURS: Record<Status, string> = {
  done_on_time: "#1e7e34",
  done_late: "#6b6b00",
  in_progress: "#0b57d0",
  not_yet_due: "#5f6368",
  overdue: "#c5221f",
  continuous: "#7b1fa2",
};

export type Grade = keyof Omit<Schemas["GradeCounts"], "total">;
export const GRADES: Grade[] = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "deteriorating",
  "insufficient_data",
];
export const GRADE_COLOURS: Record<Grade, string> = {
  achieved: "#1e7e34",
  on_track: "#2e7d32",
  at_risk: "#a14f00",
  off_track: "#c5221f",
  deteriorating: "#8e244d",
  insufficient_data: "#5f6368",
};

export type ReportState = "on_time" | "late" | "missing" | "not_yet_due" | "not_expected";
/** Cell backgrounds of the completeness heatmap, with the text colour that reads on each. */
export const REPORT_COLOURS: Record<ReportState, { bg: string; fg: string }> = {
  on_time: { bg: "#1e7e34", fg: "#fff" },
  late: { bg: "#f6c344", fg: "#000" },
  missing: { bg: "#c5221f", fg: "#fff" },
  not_yet_due: { bg: "#e8eaed", fg: "#000" },
  not_expected: { bg: "#ffffff", fg: "#444" },
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status-${status}`)}
    </Tag>
  );
}
