// The status of an assignment as SQL, for rollups over hundreds of thousands of rows. It states the
// rules of src/domain/status.ts again (test/db/status-sql.db.test.ts checks that both agree row by
// row on generated data): one-off and continuous deadlines from the assignment's own columns, as
// one predicate per status (so counts take one pass with FILTER); recurring ones from the updates
// inside the current period, looked up for those rows only. Days of updates are Vietnam days.
import { type SQL, sql } from "drizzle-orm";
import { monthsIn, type Period } from "../../domain/period.ts";
import { currentPeriod, STATUSES, type Status } from "../../domain/status.ts";

export { STATUSES };
export type StatusName = Status;

const RECURRING = ["monthly", "quarterly", "semiannual", "annual", "periodic"] as const;
const recurringList = sql.join(
  RECURRING.map((r) => sql`${r}`),
  sql`, `,
);
const isRecurring = sql`a.recurrence in (${recurringList})`;
const notRecurring = sql`(a.recurrence is null or a.recurrence not in (${recurringList}))`;
/** An assignment handed to a successor body is counted through the successor's row only. */
const current = sql`a.transferred_to_id is null`;

/** The day of a timestamp in Vietnam. */
export const vnDay = (column: SQL): SQL => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

/** One-off and continuous rules: exactly one predicate holds for each non-recurring row. */
function oneOffPredicates(today: string): Record<Status, SQL> {
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

function dueIn(period: Period): SQL {
  // periodDue: the anchor's month offset inside its own period, its day moved back to the month's end
  const months = monthsIn(period.frequency);
  const year = Number(period.start.slice(0, 4));
  const startMonth = Number(period.start.slice(5, 7));
  const month = sql`(${startMonth} + ((extract(month from a.deadline_date)::int - 1) % ${months}))`;
  const first = sql`make_date(${year}, ${month}, 1)`;
  const lastDay = sql`extract(day from (${first} + interval '1 month' - interval '1 day'))::int`;
  return sql`case when a.deadline_date is null then ${period.end}::date
    else make_date(${year}, ${month}, least(extract(day from a.deadline_date)::int, ${lastDay})) end`;
}

/** Per recurrence, a SQL value chosen by a.recurrence. */
function byRecurrence(today: string, value: (p: Period) => SQL): SQL {
  const whens = RECURRING.map((r) => sql`when ${r} then ${value(currentPeriod(r, today) as Period)}`);
  return sql`case a.recurrence ${sql.join(whens, sql` `)} end`;
}

/** (id, organisation_id, document_id, province_id, status) of the recurring assignments `where` selects. */
function recurringRows(where: SQL, today: string): SQL {
  const start = byRecurrence(today, (p) => sql`${p.start}::date`);
  const end = byRecurrence(today, (p) => sql`${p.end}::date`);
  return sql`
    select id, organisation_id, document_id, province_id, case
      when first_done is not null then case when first_done <= due then 'done_on_time' else 'done_late' end
      when ${today}::date > due then 'overdue'
      when any_update then 'in_progress'
      else 'not_yet_due' end as status
    from (
      select a.id, a.organisation_id, a.document_id, o.province_id, ${byRecurrence(today, dueIn)} as due,
        min(${vnDay(sql`u.created_at`)}) filter (where u.percent >= 100) as first_done,
        count(u.id) > 0 as any_update
      from assignments a
      left join organisations o on o.id = a.organisation_id
      left join progress_updates u on u.assignment_id = a.id and u.state <> 'returned'
        and ${vnDay(sql`u.created_at`)} between ${start} and ${end}
      where (${where}) and ${current} and ${isRecurring}
      group by a.id, o.province_id) r`;
}

/**
 * (id, organisation_id, document_id, province_id, status) of the assignments aliased `a` that
 * `where` selects; `where` may also use the organisation `o` of the assignment.
 */
export function statusRows(where: SQL, today: string): SQL {
  const p = oneOffPredicates(today);
  const whens = STATUSES.map((s) => sql`when ${p[s]} then ${s}`);
  return sql`
    select a.id, a.organisation_id, a.document_id, o.province_id, case ${sql.join(whens, sql` `)} end as status
    from assignments a left join organisations o on o.id = a.organisation_id
    where (${where}) and ${current} and ${notRecurring}
    union all
    ${recurringRows(where, today)}`;
}

/**
 * Status counts grouped by `groupBy` (an expression over the organisation `o` of the assignments),
 * columns named after the statuses, for the assignments aliased `a` that `where` selects (over `a`
 * only). Counted per organisation first, then grouped: one pass with FILTER over every current row
 * as if it were one-off or continuous, read from assignments_document_idx alone; the recurring rows
 * (few, found by their partial index) are taken back out of those counts and counted by their own
 * rule instead. Subtracting them is cheaper than testing every row for a recurrence.
 */
export function statusCounts(where: SQL, today: string, groupBy: SQL): SQL {
  const p = oneOffPredicates(today);
  const oneOff = STATUSES.map((s) => sql`count(*) filter (where ${p[s]}) as ${sql.identifier(s)}`);
  const notOneOff = STATUSES.map((s) => sql`-count(*) filter (where ${p[s]})`);
  const recurring = STATUSES.map((s) => sql`count(*) filter (where r.status = ${s})`);
  const total = STATUSES.map((s) => sql`sum(c.${sql.identifier(s)})::int as ${sql.identifier(s)}`);
  return sql`
    select ${groupBy} as g, ${sql.join(total, sql`, `)}
    from (
      select a.organisation_id, ${sql.join(oneOff, sql`, `)}
      from assignments a
      where (${where}) and ${current}
      group by a.organisation_id
      union all
      select a.organisation_id, ${sql.join(notOneOff, sql`, `)}
      from assignments a
      where (${where}) and ${current} and ${isRecurring}
      group by a.organisation_id
      union all
      select r.organisation_id, ${sql.join(recurring, sql`, `)}
      from (${recurringRows(where, today)}) r
      group by r.organisation_id
    ) c left join organisations o on o.id = c.organisation_id
    group by 1`;
}
