// The audit log: every write appends who, when, what, before and after, and from where.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { auditLog } from "../../db/schema/users.ts";

export interface Actor {
  id: number | null;
  name: string;
  /** IP address or "cli". */
  origin?: string | undefined;
  requestId?: string | undefined;
}

export const cliActor: Actor = { id: null, name: "cli", origin: "cli" };

export async function appendAudit(
  db: Db,
  actor: Actor,
  entry: {
    action: string;
    entity: string;
    entityId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    origin: actor.origin ?? null,
    requestId: actor.requestId ?? null,
  });
}

export interface AuditFilter {
  actorId?: number | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Days (yyyy-mm-dd) in Vietnam's time, both included. */
  from?: string | undefined;
  to?: string | undefined;
  sort: AuditSort;
  page: number;
  pageSize: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  origin: string | null;
  requestId: string | null;
}

export const AUDIT_SORTS = ["-at", "at", "actor", "action"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

/** By actor or action, each one's entries newest first. */
const ORDER: Record<AuditSort, SQL> = {
  "-at": sql`l.at desc, l.id desc`,
  at: sql`l.at asc, l.id`,
  actor: sql`l.actor_name collate "C" asc nulls last, l.at desc, l.id desc`,
  action: sql`l.action collate "C" asc, l.at desc, l.id desc`,
};

/** Vietnam keeps UTC+7 all year: a day there begins at 17:00 UTC the day before. */
const dayStart = (day: string): string => `${day}T00:00:00+07:00`;

/**
 * Entries, newest first unless sorted otherwise. A scoped reader sees what the users scoped inside
 * their subtree did: the actor decides, not the row touched, because an entry's entity may be
 * anything (a token, a session, a whole import) while its actor is always a user or nobody; entries
 * with no user (the command line, the demo, failed sign-ins of unknown names) are for unscoped
 * readers only.
 */
export async function listAudit(
  db: Db,
  scopePath: string | null,
  f: AuditFilter,
): Promise<{ items: AuditEntry[]; total: number }> {
  const parts: SQL[] = [sql`true`];
  if (scopePath !== null)
    parts.push(sql`l.actor_id in (select u.id from users u join organisations o on o.id = u.scope_organisation_id
      where o.path like ${`${scopePath}%`})`);
  if (f.actorId !== undefined) parts.push(sql`l.actor_id = ${f.actorId}`);
  if (f.entity !== undefined) parts.push(sql`l.entity = ${f.entity}`);
  if (f.entityId !== undefined) parts.push(sql`l.entity_id = ${f.entityId}`);
  if (f.action !== undefined) parts.push(sql`l.action = ${f.action}`);
  if (f.from !== undefined) parts.push(sql`l.at >= ${dayStart(f.from)}::timestamptz`);
  if (f.to !== undefined) parts.push(sql`l.at < ${dayStart(f.to)}::timestamptz + interval '1 day'`);
  const where = sql.join(parts, sql` and `);
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log l where ${where}`,
  );
  const items = await rows<AuditEntry>(
    db,
    sql`select l.id::int as id, l.at::text as at, l.actor_id as "actorId", l.actor_name as "actorName", l.action,
        l.entity, l.entity_id as "entityId", l.before, l.after, l.origin, l.request_id as "requestId"
      from audit_log l where ${where}
      order by ${ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total: count?.n ?? 0 };
}
