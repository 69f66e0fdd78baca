// Access-matrix cases for the operations routes (readiness; /metrics is outside /api and has its own
// token check, tested in test/api/operations.db.test.ts).
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  { method: "GET", path: "/api/ready", scoped: false, build: () => ({ url: "/api/ready" }) },
];
