// Access-matrix cases for src/server/reports/routes.ts. The report submitted is the side's existing
// one again: an allowed caller in scope gets 409 (or 422 for a period the cycle does not have).
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/reporting-cycles",
    scoped: true,
    build: (t) => ({ url: `/api/reporting-cycles?documentId=${t.documentId}` }),
  },
  {
    method: "GET",
    path: "/api/reporting-cycles/:id",
    scoped: true,
    build: (t) => ({ url: `/api/reporting-cycles/${t.cycleId}` }),
  },
  {
    method: "GET",
    path: "/api/reporting-cycles/:id/completeness",
    scoped: true,
    build: (t) => ({ url: `/api/reporting-cycles/${t.cycleId}/completeness?rows=true` }),
  },
  {
    method: "POST",
    path: "/api/reports",
    scoped: true,
    build: (t) => ({
      url: "/api/reports",
      payload: {
        cycleId: t.cycleId,
        organisationId: t.organisationId,
        period: "2026-H1",
        content: "Báo cáo",
      },
    }),
  },
  {
    method: "GET",
    path: "/api/reports",
    scoped: true,
    build: (t) => ({ url: `/api/reports?cycleId=${t.cycleId}&organisationId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/reports/:id",
    scoped: true,
    build: (t) => ({ url: `/api/reports/${t.reportId}` }),
  },
];
