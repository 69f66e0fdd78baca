// The status of an assignment as SQL, for rollups over hundreds of thousands of rows. It states
// the same rules as the domain's status function (a test checks that both agree row by row); each
// status is one predicate, so a rollup counts them all in one pass with FILTER.
import { type SQL, sql } from "drizzle-orm";

export const STATUSES = [
  "done_on_time",
  "done_late",
  "in_progress",
  "not_yet_due",
  "overdue",
  "continuous",
] as const;
export type StatusName = (typeof STATUSES)[number];

export function statusPredicates(today: string): Record<StatusName, SQL> {
  const done = sql`a.completed_at is not null`;
  const open = sql`a.completed_at is null`;
  return {
    done_on_time: sql`${done} and (a.deadline_date is null or a.completed_at <= a.deadline_date)`,
    done_late: sql`${done} and a.completed_at > a.deadline_date`,
    continuous: sql`${open} and a.deadline_date is null`,
    overdue: sql`${open} and a.deadline_date < ${today}::date`,
    in_progress: sql`${open} and a.deadline_date >= ${today}::date and (a.percent > 0 or a.last_update_at is not null)`,
    not_yet_due: sql`${open} and a.deadline_date >= ${today}::date and a.percent = 0 and a.last_update_at is null`,
  };
}

/** One CASE expression from the same predicates, for listing rows with their status. */
export function statusCase(today: string): SQL {
  const p = statusPredicates(today);
  const whens = STATUSES.map((s) => sql`when ${p[s]} then ${s}`);
  return sql`case ${sql.join(whens, sql` `)} end`;
}
