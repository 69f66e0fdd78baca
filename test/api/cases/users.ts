// Access-matrix cases for src/server/users/routes.ts: users administration and API tokens.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/users",
    scoped: true,
    build: (t) => ({ url: `/api/users?organisationId=${t.organisationId}` }),
  },
  {
    method: "POST",
    path: "/api/users",
    scoped: true,
    build: (t) => ({
      url: "/api/users",
      payload: {
        username: `matrix.${t.organisationId}`,
        displayName: "Tài khoản kiểm thử",
        password: "matrix-password-1",
        role: "viewer",
        scopeOrganisationId: t.organisationId,
      },
    }),
  },
  {
    method: "GET",
    path: "/api/users/:id",
    scoped: true,
    build: (t) => ({ url: `/api/users/${t.userId}` }),
  },
  {
    method: "PATCH",
    path: "/api/users/:id",
    scoped: true,
    // a deliberately stale version: an allowed caller in scope gets 412, nothing changes
    build: (t) => ({
      url: `/api/users/${t.userId}`,
      payload: { displayName: "Đổi tên" },
      headers: { "if-match": '"999999"' },
    }),
  },
  {
    method: "POST",
    path: "/api/users/:id/password",
    scoped: true,
    // stale too: a password set would end the sessions the matrix signs in with
    build: (t) => ({
      url: `/api/users/${t.userId}/password`,
      payload: { password: "matrix-password-2" },
      headers: { "if-match": '"999999"' },
    }),
  },
  {
    method: "GET",
    path: "/api/users/:id/tokens",
    scoped: true,
    build: (t) => ({ url: `/api/users/${t.userId}/tokens` }),
  },
  {
    method: "POST",
    path: "/api/users/:id/tokens",
    scoped: true,
    build: (t) => ({ url: `/api/users/${t.userId}/tokens`, payload: { name: "matrix", days: 1 } }),
  },
  {
    method: "DELETE",
    path: "/api/tokens/:id",
    scoped: true,
    build: (t) => ({ url: `/api/tokens/${t.tokenId}` }),
  },
  { method: "GET", path: "/api/auth/tokens", scoped: false, build: () => ({ url: "/api/auth/tokens" }) },
  {
    method: "POST",
    path: "/api/auth/tokens/revoke",
    scoped: false,
    // revokes only the caller's own token: for anyone else the answer is { revoked: false }
    build: (t) => ({ url: "/api/auth/tokens/revoke", payload: { id: t.tokenId } }),
  },
];
