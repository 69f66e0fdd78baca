// Access-matrix cases for src/server/indicators/routes.ts. The writes name a period that has not
// begun: an allowed caller in scope gets 422 and nothing is stored; outside its scope, 403.
import type { RouteCase } from "../../support/route-cases.ts";

const FUTURE = "2099";

/** A CSV upload of one value for the side's indicator and body. */
function sheet(
  indicatorId: number,
  organisationId: number,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "matrixboundary";
  const csv = `Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\r\n${indicatorId},${organisationId},${FUTURE},"0,7"\r\n`;
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-lieu.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/indicators",
    scoped: true,
    build: (t) => ({ url: `/api/indicators?documentId=${t.documentId}` }),
  },
  {
    method: "GET",
    path: "/api/indicators/:id",
    scoped: true,
    build: (t) => ({ url: `/api/indicators/${t.indicatorId}` }),
  },
  {
    method: "POST",
    path: "/api/indicators/values",
    scoped: true,
    build: (t) => ({
      url: "/api/indicators/values",
      payload: [{ indicatorId: t.indicatorId, organisationId: t.organisationId, period: FUTURE, value: 1 }],
    }),
  },
  {
    method: "POST",
    path: "/api/indicators/values/import",
    scoped: true,
    build: (t) => ({ url: "/api/indicators/values/import", ...sheet(t.indicatorId, t.organisationId) }),
  },
];
