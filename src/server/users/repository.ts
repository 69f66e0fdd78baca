// SQL for users and their API tokens.
import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { apiTokens } from "../../db/schema/access.ts";
import { users } from "../../db/schema/users.ts";

export type UserRow = typeof users.$inferSelect;

export async function userByName(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<number> {
  const [r] = await db.insert(users).values(row).returning({ id: users.id });
  return (r as { id: number }).id;
}

/** A user as administrators see them: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  scopeOrganisationId: number | null;
  scopeOrganisationName: string | null;
  disabledAt: string | null;
  lockedUntil: string | null;
  locked: boolean;
  failedLogins: number;
  createdAt: string;
  version: number;
}

const VIEW = sql`select u.id, u.username, u.display_name as "displayName", u.email, u.role,
    u.scope_organisation_id as "scopeOrganisationId", o.name as "scopeOrganisationName",
    u.disabled_at::text as "disabledAt", u.locked_until::text as "lockedUntil",
    coalesce(u.locked_until > now(), false) as locked, u.failed_logins as "failedLogins",
    u.created_at::text as "createdAt", u.version
  from users u left join organisations o on o.id = u.scope_organisation_id`;

export const USER_SORTS = ["username", "name", "organisation", "-createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** "organisation": by the organisation of the scope, the unscoped first, then by username. */
const ORDER: Record<UserSort, SQL> = {
  username: sql`u.username, u.id`,
  name: sql`u.display_name collate "C", u.id`,
  organisation: sql`o.name collate "C" nulls first, u.username, u.id`,
  "-createdAt": sql`u.created_at desc, u.id desc`,
};

export interface UserFilter {
  role?: string | undefined;
  /** Users scoped inside the subtree with this path. */
  subtreePath?: string | null | undefined;
  disabled?: boolean | undefined;
  sort: UserSort;
}

/** Users scoped inside `scopePath` (null: all, the unscoped too), sorted. */
export async function listUsers(db: Db, scopePath: string | null, f: UserFilter): Promise<UserView[]> {
  const parts: SQL[] = [sql`true`];
  if (scopePath !== null) parts.push(sql`o.path like ${`${scopePath}%`}`);
  if (f.subtreePath) parts.push(sql`o.path like ${`${f.subtreePath}%`}`);
  if (f.role !== undefined) parts.push(sql`u.role = ${f.role}`);
  if (f.disabled !== undefined)
    parts.push(f.disabled ? sql`u.disabled_at is not null` : sql`u.disabled_at is null`);
  return rows<UserView>(db, sql`${VIEW} where ${sql.join(parts, sql` and `)} order by ${ORDER[f.sort]}`);
}

export async function userView(db: Db, id: number): Promise<UserView | null> {
  const [row] = await rows<UserView>(db, sql`${VIEW} where u.id = ${id}`);
  return row ?? null;
}

export interface TokenView {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** A user's API tokens, newest first: names and dates, never the secret. */
export function tokensOf(db: Db, userId: number): Promise<TokenView[]> {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(sql`${apiTokens.createdAt} desc`, asc(apiTokens.id));
}

export async function tokenById(db: Db, id: number): Promise<TokenView | null> {
  const [row] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}
