// Users: each has one role and is scoped to an organisation subtree.
import { hash } from "@node-rs/argon2";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { apiTokens, sessions } from "../../db/schema/access.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { users } from "../../db/schema/users.ts";
import { ROLES } from "../../domain/access.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput, notFound, staleVersion } from "../errors.ts";
import { insertUser, userByName } from "./repository.ts";

export const newUserSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/, "3–40 chữ thường, số, dấu chấm, gạch"),
  displayName: z.string().trim().min(1).max(120),
  email: z.email().optional(),
  password: z.string().min(10).max(200),
  role: z.enum(ROLES),
  scopeOrganisationId: z.number().int().positive().nullable(),
});
export type NewUser = z.infer<typeof newUserSchema>;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

export async function createUser(db: Db, input: NewUser, actor: Actor): Promise<number> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success)
    throw invalidInput(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const u = parsed.data;
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    if (await userByName(tx, u.username))
      throw new DomainError("duplicate-user", 409, { username: u.username });
    if (u.scopeOrganisationId !== null) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, u.scopeOrganisationId));
      if (!org)
        throw new DomainError("not-found", 404, {
          entity: "organisation",
          id: String(u.scopeOrganisationId),
        });
    }
    const id = await insertUser(tx, {
      username: u.username,
      displayName: u.displayName,
      email: u.email ?? null,
      passwordHash,
      role: u.role,
      scopeOrganisationId: u.scopeOrganisationId,
    });
    await appendAudit(tx, actor, {
      action: "user.create",
      entity: "user",
      entityId: id,
      after: { username: u.username, role: u.role, scopeOrganisationId: u.scopeOrganisationId },
    });
    return id;
  });
}

export const userPatchSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120).optional(),
    email: z.email().max(200).nullable().optional(),
    role: z.enum(ROLES).optional(),
    scopeOrganisationId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
    /** Disabling ends the user's sessions; their tokens stop working while disabled. */
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), "nothing to change");
export type UserPatch = z.infer<typeof userPatchSchema>;

/**
 * Changes a user at `version`; returns the new version (the same when nothing differs). An
 * administrator may not disable themselves or change their own role: the system would be left
 * without one who can undo it.
 */
export async function updateUser(
  db: Db,
  id: number,
  version: number,
  patch: UserPatch,
  actor: Actor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!u) throw notFound("user", id);
    if (u.version !== version) throw staleVersion("user", id, version, u.version);
    const current: Required<UserPatch> = {
      displayName: u.displayName,
      email: u.email,
      role: u.role as Required<UserPatch>["role"],
      scopeOrganisationId: u.scopeOrganisationId,
      disabled: u.disabledAt !== null,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(current) as (keyof UserPatch)[])
      if (patch[key] !== undefined && patch[key] !== current[key]) {
        before[key] = current[key];
        after[key] = patch[key];
      }
    if (Object.keys(after).length === 0) return u.version;
    if (actor.id === id && ("disabled" in after || "role" in after))
      throw new DomainError("user-self-lockout", 422);
    await tx
      .update(users)
      .set({
        displayName: patch.displayName ?? u.displayName,
        email: patch.email === undefined ? u.email : patch.email,
        role: patch.role ?? u.role,
        scopeOrganisationId:
          patch.scopeOrganisationId === undefined ? u.scopeOrganisationId : patch.scopeOrganisationId,
        ...("disabled" in after ? { disabledAt: patch.disabled ? sql`now()` : null } : {}),
        version: u.version + 1,
      })
      .where(eq(users.id, id));
    if (after.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(tx, actor, { action: "user.update", entity: "user", entityId: id, before, after });
    return u.version + 1;
  });
}

export const passwordSetSchema = z.object({ password: z.string().min(10).max(200) });

/**
 * An administrator sets a user's password at `version`: the user's sessions end (but
 * `keepSession`, the caller's own) and a lock-out is lifted. Returns the new version.
 */
export async function setPassword(
  db: Db,
  id: number,
  version: number,
  password: string,
  actor: Actor,
  keepSession: string,
): Promise<number> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ version: users.version }).from(users).where(eq(users.id, id)).for("update");
    if (!u) throw notFound("user", id);
    if (u.version !== version) throw staleVersion("user", id, version, u.version);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, version: u.version + 1 })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(and(eq(sessions.userId, id), ne(sessions.tokenHash, keepSession)));
    await appendAudit(tx, actor, { action: "user.password", entity: "user", entityId: id });
    return u.version + 1;
  });
}

/**
 * Revokes a token (only if `ownerId` owns it, when given); revoking one already revoked changes
 * nothing. Returns whether an active token was revoked.
 */
export async function revokeToken(db: Db, id: number, actor: Actor, ownerId?: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [t] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
          ownerId === undefined ? undefined : eq(apiTokens.userId, ownerId),
        ),
      )
      .returning({ userId: apiTokens.userId, name: apiTokens.name });
    if (t)
      await appendAudit(tx, actor, {
        action: "token.revoke",
        entity: "api_token",
        entityId: id,
        before: { userId: t.userId, name: t.name },
      });
    return t !== undefined;
  });
}
