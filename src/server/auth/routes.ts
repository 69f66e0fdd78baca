// Sign-in, sign-out, who am I, password change and the user's own API tokens.
import { z } from "zod";
import { ROLES } from "../../domain/access.ts";
import { actorOf, CSRF_COOKIE, principal, SESSION_COOKIE } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { isoDate, problems } from "../http/schemas.ts";
import { dashboardViewOf, dashboardViewSchema, saveDashboardView } from "./dashboard-view.ts";
import {
  changePassword,
  createToken,
  login,
  loginSchema,
  logout,
  passwordChangeSchema,
  principalOfSession,
  tokenInputSchema,
} from "./service.ts";

export const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    scopeOrganisationId: z.number().int().nullable(),
    via: z.enum(["session", "token"]),
    csrfToken: z.string().nullable(),
    /** The server's day, which statuses and countdowns are judged on. */
    today: isoDate,
    dashboardView: dashboardViewSchema,
  })
  .meta({ id: "Me" });

export const authRoutes: Routes = async (app, ctx) => {
  const security = ctx.config.security;
  const cookieOptions = {
    path: "/",
    sameSite: "strict" as const,
    secure: security.cookieSecure,
  };

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        // a guesser is slowed per address here and stopped per account by the lock-out
        rateLimit: {
          max: security.loginRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => req.ip,
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the session cookie and returns the CSRF token",
        body: loginSchema,
        response: { 200: meSchema, ...problems, 423: problems[401] },
      },
    },
    async (request, reply) => {
      const r = await login(ctx.db, request.body, security, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: String(request.id),
      });
      const expires = new Date(r.expiresAt);
      reply.setCookie(SESSION_COOKIE, r.sessionToken, { ...cookieOptions, httpOnly: true, expires });
      // readable by the page's script, which sends it back in the X-CSRF-Token header
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...cookieOptions, httpOnly: false, expires });
      const p = await principalOfSession(ctx.db, r.sessionToken);
      if (!p) throw new Error("session vanished after sign-in");
      request.principal = p;
      return toMe(p, ctx.today(), await dashboardViewOf(ctx.db, p.userId));
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "signed-in" },
      schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null(), ...problems } },
    },
    async (request, reply) => {
      await logout(ctx.db, principal(request), actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" }).clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: "signed-in" },
      schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: meSchema, ...problems } },
    },
    async (request) => {
      const p = principal(request);
      return toMe(p, ctx.today(), await dashboardViewOf(ctx.db, p.userId));
    },
  );

  app.put(
    "/api/auth/me/dashboard-view",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Save the signed-in user's dashboard view (document and level filter)",
        body: dashboardViewSchema,
        response: { 200: dashboardViewSchema, ...problems },
      },
    },
    async (request) => saveDashboardView(ctx.db, principal(request), request.body),
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Change one's password (other sessions end)",
        body: passwordChangeSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await changePassword(ctx.db, principal(request), request.body, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/tokens",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Create an API token acting as the signed-in user (shown once)",
        body: tokenInputSchema,
        response: {
          201: z.object({ id: z.number().int(), token: z.string(), expiresAt: z.string().nullable() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const r = await createToken(ctx.db, principal(request).userId, request.body, actorOf(request));
      return reply.code(201).send(r);
    },
  );
};

function toMe(
  p: ReturnType<typeof principal>,
  today: string,
  dashboardView: z.infer<typeof dashboardViewSchema>,
): z.infer<typeof meSchema> {
  return {
    today,
    dashboardView,
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    scopeOrganisationId: p.scopeOrganisationId,
    via: p.via,
    csrfToken: p.csrfToken,
  };
}
