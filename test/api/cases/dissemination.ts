// Access-matrix cases for src/server/dissemination/routes.ts and src/server/inspections/routes.ts.
// The writes give a day after today: an allowed caller in scope gets 422 and nothing is stored.
import type { RouteCase } from "../../support/route-cases.ts";

const LATER = "2099-01-01";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/disseminations",
    scoped: true,
    build: (t) => ({
      url: `/api/disseminations?documentId=${t.documentId}&organisationId=${t.organisationId}`,
    }),
  },
  {
    method: "POST",
    path: "/api/disseminations",
    scoped: true,
    build: (t) => ({
      url: "/api/disseminations",
      payload: {
        documentId: t.documentId,
        organisationId: t.organisationId,
        heldOn: LATER,
        form: "conference",
      },
    }),
  },
  {
    method: "GET",
    path: "/api/inspections",
    scoped: true,
    build: (t) => ({ url: `/api/inspections?documentId=${t.documentId}&organisationId=${t.organisationId}` }),
  },
  {
    method: "POST",
    path: "/api/inspections",
    scoped: true,
    build: (t) => ({
      url: "/api/inspections",
      payload: {
        documentId: t.documentId,
        inspectedOrganisationId: t.organisationId,
        heldOn: LATER,
        findings: "Kiểm tra việc triển khai.",
      },
    }),
  },
];
