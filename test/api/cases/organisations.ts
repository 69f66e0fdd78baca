// Access-matrix cases for src/server/organisations/routes.ts.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/organisations",
    scoped: true,
    build: (t) => ({ url: `/api/organisations?parentId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/organisations/tree",
    scoped: true,
    build: (t) => ({ url: `/api/organisations/tree?rootId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/organisations/:id",
    scoped: true,
    build: (t) => ({ url: `/api/organisations/${t.organisationId}` }),
  },
  {
    method: "POST",
    path: "/api/organisations/import",
    scoped: false,
    // not multipart: the administrator gets 415, nothing is imported
    build: () => ({ url: "/api/organisations/import", payload: { file: "none" } }),
  },
];
