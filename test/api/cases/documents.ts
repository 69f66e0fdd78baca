// Access-matrix cases for src/server/documents/routes.ts. Writes carry a stale version: inside the
// scope an allowed caller meets the published demo document (409) or the stale version, never 403.
import type { RouteCase } from "../../support/route-cases.ts";

/** A multipart body with a file of a type the import refuses: allowed callers get 415, nothing runs. */
function refusedUpload() {
  const boundary = "----trienkhaiAccessMatrix";
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.exe"\r\nContent-Type: application/octet-stream\r\n\r\nMZ\r\n--${boundary}--\r\n`,
    ),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const stale = { "if-match": '"999999"' };

export const cases: RouteCase[] = [
  {
    method: "POST",
    path: "/api/documents/imports",
    scoped: false,
    build: () => ({ url: "/api/documents/imports", ...refusedUpload() }),
  },
  {
    method: "GET",
    path: "/api/documents/imports/:id",
    // an import is its uploader's (and the administrator's): the other side's is out of scope
    scoped: true,
    build: (t) => ({ url: `/api/documents/imports/${t.importId}` }),
  },
  {
    method: "GET",
    path: "/api/documents",
    scoped: true,
    build: (t) => ({ url: `/api/documents?issuerId=${t.organisationId}` }),
  },
  {
    method: "GET",
    path: "/api/documents/:id",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}` }),
  },
  {
    method: "PATCH",
    path: "/api/documents/:id",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}`, payload: { place: "Huế" }, headers: stale }),
  },
  {
    method: "POST",
    path: "/api/documents/:id/review",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}/review`, payload: {}, headers: stale }),
  },
  {
    method: "POST",
    path: "/api/documents/:id/publish",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}/publish`, payload: {}, headers: stale }),
  },
  {
    method: "POST",
    path: "/api/documents/:id/reject",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}/reject`, payload: {}, headers: stale }),
  },
  {
    method: "GET",
    path: "/api/documents/:id/source",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}/source` }),
  },
  {
    method: "GET",
    path: "/api/documents/:id/lineage",
    scoped: true,
    build: (t) => ({ url: `/api/documents/${t.documentId}/lineage` }),
  },
];
