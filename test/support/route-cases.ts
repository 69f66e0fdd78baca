// How the access matrix (test/api/access-matrix.db.test.ts) calls each API route: every feature
// lists, in test/api/cases/<feature>.ts, one case per route it registers. A case builds a request
// aimed at rows of one side of the caller's scope (`Targets` holds ids inside it, or outside it);
// the matrix runs it for every role on both sides and checks the answer.

/** Ids of rows on one side of a scope. */
export interface Targets {
  organisationId: number;
  documentId: number;
  taskId: number;
  assignmentId: number;
  indicatorId: number;
  cycleId: number;
  progressUpdateId: number;
  /** A report of `organisationId` in `cycleId`. */
  reportId: number;
  /** An evidence file uploaded to `assignmentId`. */
  evidenceFileId: number;
  /** A document import uploaded by a monitor of this side. */
  importId: number;
  /** A user scoped to this side. */
  userId: number;
  /** An API token of that user. */
  tokenId: number;
  /** A report export of `documentId` narrowed to `organisationId`, asked for by a user of this side. */
  reportExportId: number;
}

export interface RouteRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as registered, e.g. "/api/assignments/:id/progress". */
  path: string;
  /**
   * true when the route touches rows that belong to organisations (then a request built from
   * outside targets must be refused with 403 api-out-of-scope, or for a list, return no row outside
   * the scope); false for routes about the caller or with no organisation (auth, health, docs).
   */
  scoped: boolean;
  build(t: Targets): RouteRequest;
  /** Run on a session of its own (sign-out, password change would end the shared one). */
  ownSession?: boolean;
}
