// Access-matrix cases for the task, sign-in and health routes.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  { method: "GET", path: "/api/health", scoped: false, build: () => ({ url: "/api/health" }) },
  { method: "GET", path: "/api/auth/me", scoped: false, build: () => ({ url: "/api/auth/me" }) },
  {
    method: "PUT",
    path: "/api/auth/me/dashboard-view",
    scoped: true,
    // a view naming a document: one outside the caller's scope is refused
    build: (t) => ({
      url: "/api/auth/me/dashboard-view",
      payload: { documentId: t.documentId, level: "province" },
    }),
  },
  // an empty body: the public sign-in route answers 400, never 401/403
  {
    method: "POST",
    path: "/api/auth/login",
    scoped: false,
    build: () => ({ url: "/api/auth/login", payload: {} }),
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    scoped: false,
    ownSession: true,
    build: () => ({ url: "/api/auth/logout" }),
  },
  {
    method: "POST",
    path: "/api/auth/password",
    scoped: false,
    // the wrong current password: 422, nothing changes
    build: () => ({
      url: "/api/auth/password",
      payload: { currentPassword: "not-the-password", newPassword: "a-new-password-1" },
    }),
  },
  {
    method: "POST",
    path: "/api/auth/tokens",
    scoped: false,
    build: () => ({ url: "/api/auth/tokens", payload: { name: "matrix" } }),
  },
  {
    method: "GET",
    path: "/api/tasks",
    scoped: true,
    build: (t) => ({ url: `/api/tasks?organisationId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/tasks/documents",
    scoped: true,
    build: (t) => ({ url: `/api/tasks/documents?organisationId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/assignments/:id/progress",
    scoped: true,
    build: (t) => ({ url: `/api/assignments/${t.assignmentId}/progress` }),
  },
  {
    method: "POST",
    path: "/api/assignments/:id/progress",
    scoped: true,
    // a deliberately stale version: an allowed caller in scope gets 412, never 403
    build: (t) => ({
      url: `/api/assignments/${t.assignmentId}/progress`,
      payload: { percent: 5 },
      headers: { "if-match": '"999999"' },
    }),
  },
];
