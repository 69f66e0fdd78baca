// Access-matrix cases for src/server/report-exports/routes.ts: exports of the side's document
// narrowed to its body (written at once, in CSV), the side's recorded export and its file (409 while
// not written: allowed, never refused), and the templates with a stale version.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "POST",
    path: "/api/reports/exports",
    scoped: true,
    build: (t) => ({
      url: "/api/reports/exports",
      payload: { documentId: t.documentId, organisationId: t.organisationId, period: "2026", format: "csv" },
    }),
  },
  {
    method: "GET",
    path: "/api/reports/exports/:id",
    scoped: true,
    build: (t) => ({ url: `/api/reports/exports/${t.reportExportId}` }),
  },
  {
    method: "GET",
    path: "/api/reports/exports/:id/file",
    scoped: true,
    build: (t) => ({ url: `/api/reports/exports/${t.reportExportId}/file` }),
  },
  {
    method: "GET",
    path: "/api/report-templates",
    scoped: false,
    build: () => ({ url: "/api/report-templates" }),
  },
  {
    method: "PUT",
    path: "/api/report-templates/:key",
    scoped: false,
    // an empty body: an administrator gets 400, nothing changes
    build: () => ({ url: "/api/report-templates/state", payload: {}, headers: { "if-match": '"999999"' } }),
  },
];
