// Deadlines as people read them: the date, the period of a recurring duty, and how many days are
// left or late — counted from the server's today (the demo runs on a fixed day), not the PC's clock.
import { useQuery } from "@tanstack/react-query";
import { Tag } from "antd";
import { api, unwrap } from "../../api/client.ts";
import { daysBetween, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import type { MessageKey } from "../../messages.ts";
import { GRADE_COLOURS, STATUS_COLOURS, type Status } from "../../status.tsx";

const RECURRING = ["monthly", "quarterly", "semiannual", "annual", "periodic"];

export function isRecurring(recurrence: string | null): boolean {
  return recurrence !== null && RECURRING.includes(recurrence);
}

export function recurrenceKey(recurrence: string | null): MessageKey | null {
  return recurrence && [...RECURRING, "once", "continuous"].includes(recurrence)
    ? (`recurrence-${recurrence}` as MessageKey)
    : null;
}

/** The server's today: the date every status is judged on (the deadlines figure states it). */
export function useToday(): string | undefined {
  return useQuery({
    queryKey: ["today"],
    staleTime: 60 * 60_000,
    queryFn: () => unwrap(api.GET("/api/rollups/deadlines", { params: { query: { days: 0, limit: 1 } } })),
    select: (d) => d.today,
  }).data;
}

/** "còn 5 ngày", "hạn hôm nay", "quá 12 ngày" for a one-off deadline not yet met. */
export function Countdown({
  today,
  due,
  status,
}: {
  today: string | undefined;
  due: string | null;
  status: Status;
}) {
  const { t, lang } = useI18n();
  if (!today || !due || status === "done_on_time" || status === "done_late" || status === "continuous")
    return null;
  const days = daysBetween(today, due);
  if (days < 0)
    return (
      <Tag color={STATUS_COLOURS.overdue} data-testid="countdown">
        {t("days-late", { days: formatNumber(-days, lang) })}
      </Tag>
    );
  if (days === 0)
    return (
      <Tag color={GRADE_COLOURS.at_risk} data-testid="countdown">
        {t("days-today")}
      </Tag>
    );
  return (
    <Tag color={days <= 7 ? GRADE_COLOURS.at_risk : STATUS_COLOURS.in_progress} data-testid="countdown">
      {t("days-left", { days: formatNumber(days, lang) })}
    </Tag>
  );
}
