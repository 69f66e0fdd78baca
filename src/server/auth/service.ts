// Sign-in: password check with lock-out, sessions and API tokens, and the principal a request acts
// as. Tokens are random 32 bytes; the database keeps only their SHA-256, so a leaked table opens
// nothing.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { SecurityConfig } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { apiTokens, sessions } from "../../db/schema/access.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { users } from "../../db/schema/users.ts";
import type { Role } from "../../domain/access.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError } from "../errors.ts";
import { hashPassword } from "../users/service.ts";

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrganisationId: number | null;
  /** The scope organisation's path ("/1/5/"); null means every organisation. */
  scopePath: string | null;
  via: "session" | "token";
  /** For sessions: the CSRF token cookie-authenticated writes must echo. */
  csrfToken: string | null;
  /** The session's or token's hash, to end it. */
  credentialHash: string;
}

export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");
const newToken = (prefix: string): string => `${prefix}${randomBytes(32).toString("base64url")}`;

// verifying against a fixed hash when the user does not exist keeps the answer time the same
const DUMMY_HASH = hash("trienkhai-dummy-password", { algorithm: 2 });

export const loginSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  userId: number;
}

export async function login(
  db: Db,
  input: z.infer<typeof loginSchema>,
  security: SecurityConfig,
  origin: { ip: string; userAgent: string | undefined; requestId: string },
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username.trim().toLowerCase()));
  const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), input.password).catch(() => false);
  const actor: Actor = {
    id: user?.id ?? null,
    name: input.username.slice(0, 100),
    origin: origin.ip,
    requestId: origin.requestId,
  };
  if (!user) throw new DomainError("api-login-failed", 401);
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now())
    throw new DomainError("api-account-locked", 423, {
      minutes: Math.ceil((Date.parse(user.lockedUntil) - Date.now()) / 60_000),
    });
  if (user.disabledAt) throw new DomainError("api-account-disabled", 403);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= security.loginMaxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? sql`now() + make_interval(mins => ${security.lockMinutes})` : null,
        })
        .where(eq(users.id, user.id));
      await appendAudit(tx, actor, {
        action: lock ? "auth.lock" : "auth.fail",
        entity: "user",
        entityId: user.id,
        after: { failures },
      });
    });
    if (lock) throw new DomainError("api-account-locked", 423, { minutes: security.lockMinutes });
    throw new DomainError("api-login-failed", 401);
  }
  const sessionToken = newToken("s_");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + security.sessionHours * 3_600_000).toISOString();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      tokenHash: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      origin: origin.ip,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    await appendAudit(tx, actor, { action: "auth.login", entity: "user", entityId: user.id });
  });
  return { sessionToken, csrfToken, expiresAt, userId: user.id };
}

export async function logout(db: Db, principal: Principal, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, principal.credentialHash));
    await appendAudit(tx, actor, { action: "auth.logout", entity: "user", entityId: principal.userId });
  });
  forgetSessions();
}

/**
 * Sessions are shared by every instance through the database, but a session looked up here in the
 * last SESSION_MEMORY_MS is answered from memory: otherwise every read pays a second database round
 * trip for its cookie (up to a quarter of the task list's throughput, bench/api.ts). Staleness
 * window, 5 seconds: a session ended, or its user disabled, re-scoped or given another role, by
 * another process (a second instance, the CLI) still acts as before here for that long. In this
 * process every write request forgets them all as it answers (app.ts), and so do sign-out and
 * password change; only a read racing such a write may bring the old state back for that window.
 */
const SESSION_MEMORY_MS = 5_000;
const SESSION_MEMORY_MAX = 10_000;
const rememberedSessions = new Map<string, { principal: Principal; until: number }>();

/** Forgets the sessions answered from memory: the next request of each reads the database. */
export function forgetSessions(): void {
  rememberedSessions.clear();
}

const principalColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  scopeOrganisationId: users.scopeOrganisationId,
  scopePath: organisations.path,
  disabledAt: users.disabledAt,
};

/** The principal behind a session cookie, or null when it is unknown, expired or its user disabled. */
export async function principalOfSession(db: Db, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const now = Date.now();
  const remembered = rememberedSessions.get(tokenHash);
  if (remembered && remembered.until > now) return remembered.principal;
  const [row] = await db
    .select({
      ...principalColumns,
      csrfToken: sessions.csrfToken,
      expiresMs: sql<number>`(extract(epoch from ${sessions.expiresAt}) * 1000)::float8`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.scopeOrganisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  if (!row || row.disabledAt) {
    rememberedSessions.delete(tokenHash);
    return null;
  }
  const principal = Object.freeze(toPrincipal(row, "session", row.csrfToken, tokenHash));
  if (rememberedSessions.size >= SESSION_MEMORY_MAX) rememberedSessions.clear();
  rememberedSessions.set(tokenHash, { principal, until: Math.min(now + SESSION_MEMORY_MS, row.expiresMs) });
  return principal;
}

export async function principalOfToken(db: Db, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select(principalColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(organisations, eq(organisations.id, users.scopeOrganisationId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row || row.disabledAt) return null;
  return toPrincipal(row, "token", null, tokenHash);
}

function toPrincipal(
  row: {
    userId: number;
    username: string;
    displayName: string;
    role: string;
    scopeOrganisationId: number | null;
    scopePath: string | null;
  },
  via: Principal["via"],
  csrfToken: string | null,
  credentialHash: string,
): Principal {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    scopeOrganisationId: row.scopeOrganisationId,
    // a scoped user whose organisation vanished sees nothing rather than everything
    scopePath: row.scopeOrganisationId === null ? null : (row.scopePath ?? "/nothing/"),
    via,
    csrfToken,
    credentialHash,
  };
}

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  db: Db,
  principal: Principal,
  input: z.infer<typeof passwordChangeSchema>,
  actor: Actor,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
  if (!user?.passwordHash || !(await verify(user.passwordHash, input.currentPassword).catch(() => false)))
    throw new DomainError("api-wrong-password", 422);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${principal.credentialHash}`));
    await appendAudit(tx, actor, { action: "auth.password", entity: "user", entityId: user.id });
  });
  forgetSessions();
}

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token expires; none means it lasts until revoked. */
  days: z.number().int().min(1).max(3650).optional(),
});

export async function createToken(
  db: Db,
  userId: number,
  input: z.infer<typeof tokenInputSchema>,
  actor: Actor,
): Promise<{ id: number; token: string; expiresAt: string | null }> {
  const token = newToken("tk_");
  const expiresAt = input.days ? new Date(Date.now() + input.days * 86_400_000).toISOString() : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name: input.name, tokenHash: sha256(token), expiresAt })
      .returning({ id: apiTokens.id });
    const id = (row as { id: number }).id;
    await appendAudit(tx, actor, {
      action: "token.create",
      entity: "api_token",
      entityId: id,
      after: { userId, name: input.name, expiresAt },
    });
    return { id, token, expiresAt };
  });
}
