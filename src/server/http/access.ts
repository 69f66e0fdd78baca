// Who is asking, and may they: every API route declares the action it performs (`config.action`);
// this plugin finds the principal (session cookie or bearer token), refuses anonymous calls, roles
// without the action and cookie-authenticated writes without the CSRF token. Scope (which rows) is
// checked by the routes with ./scope.ts.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Action, can } from "../../domain/access.ts";
import type { Actor } from "../audit/repository.ts";
import { type Principal, principalOfSession, principalOfToken } from "../auth/service.ts";
import { DomainError } from "../errors.ts";
import type { AppContext } from "./context.ts";

export const SESSION_COOKIE = "trienkhai_session";
export const CSRF_COOKIE = "trienkhai_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** What a route needs: a role action, any signed-in user, or nobody (health, login, docs). */
export type RouteAccess = Action | "signed-in" | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function principalOf(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const auth = request.headers.authorization;
  if (typeof auth === "string" && /^bearer\s+/i.test(auth)) {
    const token = auth.replace(/^bearer\s+/i, "").trim();
    return token.length > 0 && token.length < 200 ? principalOfToken(ctx.db, token) : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie && cookie.length < 200 ? principalOfSession(ctx.db, cookie) : null;
}

export const accessPlugin = fp<{ ctx: AppContext }>(async (app: FastifyInstance, { ctx }) => {
  app.decorateRequest("principal", null);
  // a route under /api that forgets to say who may call it does not start
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/") && route.config?.access === undefined)
      throw new Error(`route ${route.method} ${route.url} declares no access`);
  });
  // before the body is read: a caller who may not call the route costs no parsing and learns
  // nothing from validation messages
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    request.principal = await principalOf(ctx, request);
    const p = request.principal;
    if (!p) throw new DomainError("api-unauthenticated", 401);
    if (p.via === "session" && !SAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== "string" || !p.csrfToken || !sameToken(header, p.csrfToken))
        throw new DomainError("api-csrf", 403);
    }
    if (access !== "signed-in" && !can(p.role, access))
      throw new DomainError("api-forbidden", 403, { role: p.role });
  });
});

/** The signed-in principal of a route that requires one. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError("api-unauthenticated", 401);
  return request.principal;
}

/** Who did it and from where, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    id: request.principal?.userId ?? null,
    name: request.principal?.username ?? "anonymous",
    origin: request.ip,
    requestId: String(request.id),
  };
}
