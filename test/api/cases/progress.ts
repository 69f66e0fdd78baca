// Access-matrix cases for src/server/progress/routes.ts (evidence, review) and the task and
// assignment detail routes of src/server/tasks/routes.ts.
import type { RouteCase } from "../../support/route-cases.ts";

/** A multipart upload of a file the type check refuses: an allowed caller in scope gets 415 and nothing is stored. */
function refusedUpload(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "matrixboundary";
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.exe"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\nMZ\r\n--${boundary}--\r\n`,
    ),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export const cases: RouteCase[] = [
  { method: "GET", path: "/api/tasks/:id", scoped: true, build: (t) => ({ url: `/api/tasks/${t.taskId}` }) },
  {
    method: "GET",
    path: "/api/assignments/:id",
    scoped: true,
    build: (t) => ({ url: `/api/assignments/${t.assignmentId}` }),
  },
  {
    method: "POST",
    path: "/api/assignments/:id/evidence",
    scoped: true,
    build: (t) => ({ url: `/api/assignments/${t.assignmentId}/evidence`, ...refusedUpload() }),
  },
  {
    method: "GET",
    path: "/api/evidence/:fileId",
    scoped: true,
    build: (t) => ({ url: `/api/evidence/${t.evidenceFileId}` }),
  },
  {
    method: "POST",
    path: "/api/progress/:id/approve",
    scoped: true,
    // the first allowed caller in scope approves it; the next ones get 409
    build: (t) => ({ url: `/api/progress/${t.progressUpdateId}/approve`, payload: {} }),
  },
  {
    method: "POST",
    path: "/api/progress/:id/return",
    scoped: true,
    // a blank reason: an allowed caller in scope gets 422 (or 409 once approved), nothing changes
    build: (t) => ({ url: `/api/progress/${t.progressUpdateId}/return`, payload: { note: " " } }),
  },
];
