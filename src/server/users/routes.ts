// Users administration and API tokens. Administrators manage the accounts scoped inside their own
// scope (an unscoped administrator manages all); every user lists and revokes their own tokens.
import { z } from "zod";
import { ROLES } from "../../domain/access.ts";
import { searchKey } from "../../domain/names.ts";
import { createToken, type Principal, tokenInputSchema } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { AppContext, Routes } from "../http/context.ts";
import {
  expectedVersion,
  idParams,
  pageOf,
  pageQuery,
  pageSchema,
  problems,
  setVersion,
} from "../http/schemas.ts";
import { assertOrganisationInScope, assertUserInScope, subtreeInScope } from "../http/scope.ts";
import { listUsers, tokenById, tokensOf, USER_SORTS, type UserView, userView } from "./repository.ts";
import {
  createUser,
  newUserSchema,
  passwordSetSchema,
  revokeToken,
  setPassword,
  updateUser,
  userPatchSchema,
} from "./service.ts";

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: z.enum(ROLES),
    scopeOrganisationId: z.number().int().nullable(),
    scopeOrganisationName: z.string().nullable(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    /** Locked out after failed sign-ins until then. */
    lockedUntil: z.string().nullable(),
    locked: z.boolean(),
    failedLogins: z.number().int(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "User" });

export const tokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export const userQuery = pageQuery.extend({
  role: z.enum(ROLES).optional(),
  /** Users scoped inside this organisation's subtree. */
  organisationId: idParams.shape.id.optional(),
  disabled: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Words of the username, name or e-mail, with or without diacritics. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(USER_SORTS).default("username"),
});

const toUser = ({ role, ...u }: UserView): z.infer<typeof userSchema> => ({
  ...u,
  role: role as z.infer<typeof userSchema>["role"],
  disabled: u.disabledAt !== null,
});

/** A scope the caller may give: an organisation in their own scope, or none if they have none. */
async function assertScopeGrantable(ctx: AppContext, p: Principal, scopeId: number | null): Promise<void> {
  if (scopeId !== null) await assertOrganisationInScope(ctx.db, p, scopeId);
  else if (p.scopePath !== null) throw new DomainError("user-scope-outside", 403);
}

async function loadUser(ctx: AppContext, p: Principal, id: number): Promise<UserView> {
  await assertUserInScope(ctx.db, p, id);
  const u = await userView(ctx.db, id);
  if (!u) throw notFound("user", id);
  return u;
}

export const userRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/users",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Users scoped inside the administrator's scope, by username or sorted",
        querystring: userQuery,
        response: { 200: pageSchema(userSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const subtreePath = await subtreeInScope(ctx.db, p, q.organisationId);
      let list = await listUsers(ctx.db, p.scopePath, {
        role: q.role,
        subtreePath,
        disabled: q.disabled,
        sort: q.sort,
      });
      // accounts number in the hundreds, not millions: the words are matched here
      const words = q.q ? searchKey(q.q).split(" ").filter(Boolean) : [];
      if (words.length > 0)
        list = list.filter((u) => {
          const key = searchKey(`${u.username} ${u.displayName} ${u.email ?? ""}`);
          return words.every((w) => key.includes(w));
        });
      const start = (q.page - 1) * q.pageSize;
      return pageOf(list.slice(start, start + q.pageSize).map(toUser), list.length, q);
    },
  );

  app.post(
    "/api/users",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Create a user with a role, a scope and a first password",
        body: newUserSchema,
        response: { 201: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      await assertScopeGrantable(ctx, p, request.body.scopeOrganisationId);
      const id = await createUser(ctx.db, request.body, actorOf(request));
      const u = await loadUser(ctx, p, id);
      setVersion(reply, u.version);
      return reply.code(201).header("location", `/api/users/${id}`).send(toUser(u));
    },
  );

  app.get(
    "/api/users/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "One user; the ETag is its version",
        params: idParams,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const u = await loadUser(ctx, principal(request), request.params.id);
      setVersion(reply, u.version);
      return toUser(u);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Change a user's name, e-mail, role, scope or disable them; If-Match carries the version",
        params: idParams,
        body: userPatchSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { id } = request.params;
      const version = expectedVersion(request);
      await assertUserInScope(ctx.db, p, id);
      if (request.body.scopeOrganisationId !== undefined)
        await assertScopeGrantable(ctx, p, request.body.scopeOrganisationId);
      await updateUser(ctx.db, id, version, request.body, actorOf(request));
      const u = await loadUser(ctx, p, id);
      setVersion(reply, u.version);
      return toUser(u);
    },
  );

  app.post(
    "/api/users/:id/password",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary:
          "Set a user's password (If-Match: the user's version): their sessions end, a lock-out is lifted",
        params: idParams,
        body: passwordSetSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const expected = expectedVersion(request);
      await assertUserInScope(ctx.db, p, request.params.id);
      const version = await setPassword(
        ctx.db,
        request.params.id,
        expected,
        request.body.password,
        actorOf(request),
        p.credentialHash,
      );
      setVersion(reply, version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/users/:id/tokens",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "A user's API tokens, newest first (never the secret)",
        params: idParams,
        response: { 200: z.array(tokenSchema), ...problems },
      },
    },
    async (request) => {
      await assertUserInScope(ctx.db, principal(request), request.params.id);
      return tokensOf(ctx.db, request.params.id);
    },
  );

  app.post(
    "/api/users/:id/tokens",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Create an API token acting as this user, for another system (shown once)",
        params: idParams,
        body: tokenInputSchema,
        response: {
          201: z.object({ id: z.number().int(), token: z.string(), expiresAt: z.string().nullable() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      await assertUserInScope(ctx.db, principal(request), request.params.id);
      const r = await createToken(ctx.db, request.params.id, request.body, actorOf(request));
      return reply.code(201).send(r);
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "Revoke a user's API token (revoking a revoked one changes nothing)",
        params: idParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const t = await tokenById(ctx.db, request.params.id);
      if (!t) throw notFound("api_token", request.params.id);
      await assertUserInScope(ctx.db, principal(request), t.userId);
      await revokeToken(ctx.db, t.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/tokens",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user's API tokens, newest first (never the secret)",
        response: { 200: z.array(tokenSchema), ...problems },
      },
    },
    async (request) => tokensOf(ctx.db, principal(request).userId),
  );

  app.post(
    "/api/auth/tokens/revoke",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Revoke one of one's own API tokens; `revoked` says whether an active one was",
        body: z.object({ id: z.number().int().positive().max(2_147_483_647) }),
        response: { 200: z.object({ revoked: z.boolean() }), ...problems },
      },
    },
    // like OAuth revocation (RFC 7009), an id that is no active token of the caller's is no error:
    // the answer says nothing about other users' tokens
    async (request) => {
      const p = principal(request);
      return { revoked: await revokeToken(ctx.db, request.body.id, actorOf(request), p.userId) };
    },
  );
};
