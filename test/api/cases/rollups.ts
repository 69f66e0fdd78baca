// Access-matrix cases for src/server/rollups/routes.ts: each figure narrowed to the side's
// organisation and document, with the rows it counted.
import type { RouteCase } from "../../support/route-cases.ts";

const figure = (name: string): RouteCase => ({
  method: "GET",
  path: `/api/rollups/${name}`,
  scoped: true,
  build: (t) => ({
    url: `/api/rollups/${name}?documentId=${t.documentId}&organisationId=${t.organisationId}&rows=true`,
  }),
});

export const cases: RouteCase[] = ["status", "indicators", "coverage", "completeness", "deadlines"].map(
  figure,
);
