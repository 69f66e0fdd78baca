// Reminders and the inbox in SQL: the facts the reminder rules judge (open assignments, owed
// reports, the users who may receive them), the notifications kept once per dedupe key, and each
// user's own inbox.
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { notifications } from "../../db/schema/notifications.ts";
import type { Role } from "../../domain/access.ts";
import { isRecurring } from "../../domain/status.ts";
import type { Recurrence } from "../../parser/schema.ts";
import { vnDay } from "../rollups/status-sql.ts";

const RECURRING = sql`('monthly', 'quarterly', 'semiannual', 'annual', 'periodic')`;

/** Someone could receive a reminder about the body `o`: rows without one are not worth judging. */
const hasRecipient = sql`exists (select 1 from users ru left join organisations ro on ro.id = ru.scope_organisation_id
  where ru.disabled_at is null and ru.role in ('unit_officer', 'monitor')
    and (ru.scope_organisation_id is null or o.path like (ro.path || '%')))`;

const intArray = (ids: readonly number[]): string => `{${ids.join(",")}}`;

export interface AssignmentFacts {
  id: number;
  organisationPath: string;
  organisationName: string;
  taskText: string;
  documentSymbol: string | null;
  deadlineDate: string | null;
  recurrence: Recurrence | null;
  completedAt: string | null;
  percent: number;
  lastUpdateAt: string | null;
  transferred: boolean;
  /** Updates of recurring duties this year (their Vietnam day), the current period's among them. */
  updates: { at: string; percent: number }[];
}

/**
 * Assignments of published documents that could call for a reminder: one-off ones not completed
 * with a deadline up to `horizon`, and every recurring one.
 */
export async function openAssignments(db: Db, today: string, horizon: string): Promise<AssignmentFacts[]> {
  const list = await rows<Omit<AssignmentFacts, "updates">>(
    db,
    sql`select a.id, o.path as "organisationPath", o.name as "organisationName", t.text as "taskText",
        d.symbol as "documentSymbol", a.deadline_date::text as "deadlineDate", a.recurrence,
        a.completed_at::text as "completedAt", a.percent, a.last_update_at::text as "lastUpdateAt",
        a.transferred_to_id is not null as transferred
      from assignments a
      join organisations o on o.id = a.organisation_id
      join tasks t on t.id = a.task_id
      join documents d on d.id = a.document_id
      where d.status = 'published' and t.review_state <> 'rejected'
        and (a.recurrence in ${RECURRING}
          or (a.completed_at is null and a.deadline_date is not null and a.deadline_date <= ${horizon}::date))
        and ${hasRecipient}
      order by a.id`,
  );
  const ids = list.filter((a) => isRecurring(a.recurrence)).map((a) => a.id);
  const updates = new Map<number, { at: string; percent: number }[]>();
  if (ids.length > 0) {
    const found = await rows<{ assignmentId: number; at: string; percent: number }>(
      db,
      sql`select u.assignment_id as "assignmentId", ${vnDay(sql`u.created_at`)}::text as at, u.percent
        from progress_updates u
        where u.assignment_id in (select unnest(${intArray(ids)}::int[]))
          and ${vnDay(sql`u.created_at`)} >= ${`${today.slice(0, 4)}-01-01`}::date`,
    );
    for (const u of found) updates.set(u.assignmentId, [...(updates.get(u.assignmentId) ?? []), u]);
  }
  return list.map((a) => ({ ...a, updates: updates.get(a.id) ?? [] }));
}

export interface DutyFacts {
  cycleId: number;
  cycleName: string;
  documentSymbol: string | null;
  frequency: string;
  dueDay: number;
  dueMonthOfPeriod: string;
  startDate: string;
  endDate: string | null;
  organisationId: number;
  organisationPath: string;
  organisationName: string;
  activeFrom: string | null;
  activeUntil: string | null;
  reported: string[];
}

/** Every body's duty under a reporting cycle in force, with the periods it has reported on. */
export async function reportDuties(db: Db): Promise<DutyFacts[]> {
  return rows<DutyFacts>(
    db,
    sql`select c.id as "cycleId", c.name as "cycleName", d.symbol as "documentSymbol", c.frequency,
        c.due_day as "dueDay",
        c.due_month_of_period as "dueMonthOfPeriod", c.start_date::text as "startDate",
        c.end_date::text as "endDate", b.organisation_id as "organisationId",
        o.path as "organisationPath", o.name as "organisationName",
        o.valid_from::text as "activeFrom", o.valid_to::text as "activeUntil",
        coalesce((select array_agg(r.period order by r.period) from reports r
          where r.cycle_id = c.id and r.organisation_id = b.organisation_id), '{}') as reported
      from reporting_cycles c
      join reporting_cycle_bodies b on b.cycle_id = c.id
      join organisations o on o.id = b.organisation_id
      left join documents d on d.id = c.document_id
      where c.review_state <> 'rejected' and (c.document_id is null or d.status = 'published')
        and ${hasRecipient}
      order by c.id, b.organisation_id`,
  );
}

export interface RecipientFacts {
  userId: number;
  role: Role;
  scopePath: string | null;
  displayName: string;
}

/** Active users who receive reminders: unit officers and monitors. */
export async function reminderRecipients(db: Db): Promise<RecipientFacts[]> {
  return rows<RecipientFacts>(
    db,
    sql`select u.id as "userId", u.role, so.path as "scopePath", u.display_name as "displayName"
      from users u left join organisations so on so.id = u.scope_organisation_id
      where u.disabled_at is null and u.role in ('unit_officer', 'monitor')
        and (u.scope_organisation_id is null or so.id is not null)
      order by u.id`,
  );
}

export type NewNotification = typeof notifications.$inferInsert;

/** Keeps the notifications whose key is new; returns those (others were kept by an earlier scan). */
export async function insertNotifications(
  db: Db,
  list: readonly NewNotification[],
): Promise<{ id: number; userId: number }[]> {
  const created: { id: number; userId: number }[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const batch = list.slice(i, i + 500);
    created.push(
      ...(await db
        .insert(notifications)
        .values(batch)
        .onConflictDoNothing({ target: notifications.dedupeKey })
        .returning({ id: notifications.id, userId: notifications.userId })),
    );
  }
  return created;
}

/** The users among `userIds` who have an e-mail address. */
export async function usersWithEmail(db: Db, userIds: readonly number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const found = await rows<{ id: number }>(
    db,
    sql`select id from users where id in (select unnest(${intArray([...new Set(userIds)])}::int[]))
      and email is not null and email <> '' and disabled_at is null`,
  );
  return new Set(found.map((u) => u.id));
}

export interface MailToSend {
  id: number;
  email: string;
  subject: string;
  body: string;
}

/** A notification still to be e-mailed, with its recipient's address; null once sent (or no address). */
export async function mailToSend(db: Db, id: number): Promise<MailToSend | null> {
  const [m] = await rows<MailToSend>(
    db,
    sql`select n.id, u.email, n.subject, n.body from notifications n join users u on u.id = n.user_id
      where n.id = ${id} and n.emailed_at is null and u.email is not null and u.disabled_at is null`,
  );
  return m ?? null;
}

export async function markEmailed(db: Db, id: number): Promise<void> {
  await db
    .update(notifications)
    .set({ emailedAt: sql`now()` })
    .where(and(eq(notifications.id, id), isNull(notifications.emailedAt)));
}

export interface NotificationRow {
  id: number;
  kind: string;
  entity: string;
  entityId: string;
  dueDate: string | null;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

const COLUMNS = sql`n.id, n.kind, n.entity, n.entity_id as "entityId", n.due_date::text as "dueDate",
  n.subject, n.body, n.created_at::text as "createdAt", n.read_at::text as "readAt",
  n.emailed_at::text as "emailedAt"`;

export const NOTIFICATION_SORTS = ["unread", "-createdAt", "createdAt", "dueDate"] as const;
export type NotificationSort = (typeof NOTIFICATION_SORTS)[number];

/** "unread": unread first, each part newest first; "dueDate": the nearest due first. */
const ORDER: Record<NotificationSort, SQL> = {
  unread: sql`(n.read_at is null) desc, n.created_at desc, n.id desc`,
  "-createdAt": sql`n.created_at desc, n.id desc`,
  createdAt: sql`n.created_at asc, n.id`,
  dueDate: sql`n.due_date asc nulls last, n.id`,
};

/** A user's notifications, sorted (unread first by default); with the total and the unread count. */
export async function listNotifications(
  db: Db,
  userId: number,
  q: { unreadOnly: boolean; sort: NotificationSort; page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const where: SQL = q.unreadOnly
    ? sql`n.user_id = ${userId} and n.read_at is null`
    : sql`n.user_id = ${userId}`;
  const items = await rows<NotificationRow>(
    db,
    sql`select ${COLUMNS} from notifications n where ${where}
      order by ${ORDER[q.sort]}
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [c] = await rows<{ total: number; unread: number }>(
    db,
    sql`select count(*) filter (where ${where})::int as total,
        count(*) filter (where n.read_at is null)::int as unread
      from notifications n where n.user_id = ${userId}`,
  );
  return { items, total: c?.total ?? 0, unread: c?.unread ?? 0 };
}

/** Marks one of the user's notifications read (kept at its first reading); null when not theirs. */
export async function markRead(db: Db, userId: number, id: number): Promise<NotificationRow | null> {
  const [n] = await rows<NotificationRow>(
    db,
    sql`update notifications n set read_at = coalesce(n.read_at, now())
      where n.id = ${id} and n.user_id = ${userId} returning ${COLUMNS}`,
  );
  return n ?? null;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllRead(db: Db, userId: number): Promise<number> {
  const changed = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
