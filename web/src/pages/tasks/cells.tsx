// The cells of an assignment that the list and the tree both show: its body and role, its deadline
// with the countdown or the period of a recurring duty, and its progress.
import { Progress, Typography } from "antd";
import type { Schemas } from "../../api/client.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { Countdown, isRecurring, recurrenceKey } from "./deadline.tsx";

type TaskRow = Schemas["TaskRow"];

/** Chủ trì, phối hợp, or the role as the document words it. */
export function RoleText({ role }: { role: string }) {
  const { t } = useI18n();
  return <>{role === "lead" || role === "cooperating" ? t(`assignment-${role}`) : role}</>;
}

export function BodyCell({ row }: { row: TaskRow }) {
  return (
    <div>
      <div>{row.organisationName ?? row.phrase}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <RoleText role={row.role} />
      </Typography.Text>
    </div>
  );
}

export function DeadlineCell({ row, today }: { row: TaskRow; today: string | undefined }) {
  const { t } = useI18n();
  return (
    <div>
      <div>{row.deadlineDate ? formatDate(row.deadlineDate) : t("no-deadline")}</div>
      {isRecurring(row.recurrence) ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t(recurrenceKey(row.recurrence) ?? "recurrence-periodic")}
        </Typography.Text>
      ) : (
        <div>
          <Countdown today={today} due={row.deadlineDate} status={row.status} />
        </div>
      )}
    </div>
  );
}

export function ProgressCell({ row }: { row: TaskRow }) {
  const { t, lang } = useI18n();
  return (
    <Progress
      percent={row.percent}
      size="small"
      format={(p) => `${formatNumber(p ?? 0, lang)}%`}
      aria-label={`${t("tasks-col-progress")}: ${row.percent}%`}
    />
  );
}
