// The status of an assignment as SQL, for rollups over hundreds of thousands of rows. It states the
// rules of src/domain/status.ts again (test/db/status-sql.db.test.ts checks that both agree row by
// row on generated data): one-off and continuous deadlines from the assignment's columns, recurring
// ones from the updates inside the current period. Days of updates are Vietnam days (UTC+7).
import { type SQL, sql } from "drizzle-orm";
import { monthsIn, type Period } from "../../domain/period.ts";
import { currentPeriod, STATUSES, type Status } from "../../domain/status.ts";

export { STATUSES };
export type StatusName = Status;

const RECURRING = ["monthly", "quarterly", "semiannual", "annual", "periodic"] as const;

/** The day of a timestamp in Vietnam. */
export const vnDay = (column: SQL): SQL => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

function dueIn(period: Period, months: number): SQL {
  // periodDue: the anchor's month offset inside its own period, its day moved back to the month's end
  const year = Number(period.start.slice(0, 4));
  const startMonth = Number(period.start.slice(5, 7));
  const month = sql`(${startMonth} + ((extract(month from a.deadline_date)::int - 1) % ${months}))`;
  const first = sql`make_date(${year}, ${month}, 1)`;
  const lastDay = sql`extract(day from (${first} + interval '1 month' - interval '1 day'))::int`;
  return sql`case when a.deadline_date is null then ${period.end}::date
    else make_date(${year}, ${month}, least(extract(day from a.deadline_date)::int, ${lastDay})) end`;
}

function recurringCase(today: string): SQL {
  const branches = RECURRING.map((r) => {
    const period = currentPeriod(r, today) as Period;
    const due = dueIn(period, monthsIn(period.frequency));
    const inPeriod = sql`${vnDay(sql`u.created_at`)} between ${period.start}::date and ${period.end}::date`;
    const firstDone = sql`(select min(${vnDay(sql`u.created_at`)}) from progress_updates u
      where u.assignment_id = a.id and u.percent >= 100 and ${inPeriod})`;
    const anyUpdate = sql`exists (select 1 from progress_updates u where u.assignment_id = a.id and ${inPeriod})`;
    return sql`when a.recurrence = ${r} then case
      when ${firstDone} is not null then case when ${firstDone} <= ${due} then 'done_on_time' else 'done_late' end
      when ${today}::date > ${due} then 'overdue'
      when ${anyUpdate} then 'in_progress'
      else 'not_yet_due' end`;
  });
  return sql.join(branches, sql` `);
}

/** One CASE expression: the status of the assignment row aliased `a`, on `today`. */
export function statusCase(today: string): SQL {
  return sql`case ${recurringCase(today)}
    when a.completed_at is not null then
      case when a.deadline_date is null or a.completed_at <= a.deadline_date then 'done_on_time' else 'done_late' end
    when a.deadline_date is null then 'continuous'
    when a.deadline_date < ${today}::date then 'overdue'
    when a.percent > 0 or a.last_update_at is not null then 'in_progress'
    else 'not_yet_due' end`;
}
