// Access-matrix cases for src/server/tasks/routes.ts and src/server/auth/routes.ts and health.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  { method: "GET", path: "/api/health", scoped: false, build: () => ({ url: "/api/health" }) },
  { method: "GET", path: "/api/auth/me", scoped: false, build: () => ({ url: "/api/auth/me" }) },
  {
    method: "GET",
    path: "/api/tasks",
    scoped: true,
    build: (t) => ({ url: `/api/tasks?organisationId=${t.organisationId}` }),
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
    build: (t) => ({ url: `/api/assignments/${t.assignmentId}/progress`, payload: { percent: 5 }, headers: { "if-match": '"999999"' } }),
  },
];
