// Access-matrix cases for src/server/audit/routes.ts.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/audit",
    scoped: true,
    build: (t) => ({ url: `/api/audit?actorId=${t.userId}` }),
  },
];
