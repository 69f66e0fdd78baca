// The API's frame: health, OpenAPI, sign-in with cookie and CSRF, problem+json in two languages,
// versions as ETags with If-Match, and no lost update under 50 concurrent writers.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

let h: ApiHarness;
let officer: ApiClient;

beforeAll(async () => {
  h = await apiHarness();
  officer = await h.login("sokhcn");
});
afterAll(async () => {
  await h?.close();
});

async function ownAssignment(): Promise<{ id: number; version: number }> {
  const r = await officer.get("/api/tasks?pageSize=50");
  const items = (r.json() as { items: { assignmentId: number; version: number; status: string }[] }).items;
  const a = items.find((i) => i.status !== "done_on_time" && i.status !== "done_late") ?? items[0];
  if (!a) throw new Error("the demo officer has no assignment");
  return { id: a.assignmentId, version: a.version };
}

describe("the API frame", () => {
  it("reports health and serves an OpenAPI 3.1 document with every route", async () => {
    const health = await h.anonymous.get("/api/health");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: "ok", database: h.database.kind });
    const doc = (await h.anonymous.get("/api/openapi.json")).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/tasks", "/api/auth/login"]));
    expect((await h.anonymous.get("/api/docs/")).statusCode).toBe(200);
  });

  it("answers anonymous calls with 401 problem+json, in Vietnamese or English", async () => {
    const vi = await h.anonymous.get("/api/tasks");
    expect(vi.statusCode).toBe(401);
    expect(vi.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(vi.json()).toMatchObject({ status: 401, code: "api-unauthenticated", title: "Chưa đăng nhập" });
    expect(vi.json().detail).toMatch(/đăng nhập/);
    const en = await h.anonymous.request({
      method: "GET",
      url: "/api/tasks",
      headers: { "accept-language": "en" },
    });
    expect(en.json().detail).toMatch(/not signed in/);
    expect(en.json().requestId).toBe(en.headers["x-request-id"]);
  });

  it("refuses a wrong password and keeps the account usable", async () => {
    const r = await h.anonymous.post("/api/auth/login", { username: "sokhcn", password: "wrong-password" });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("api-login-failed");
    expect((await officer.get("/api/auth/me")).json()).toMatchObject({
      username: "sokhcn",
      role: "unit_officer",
    });
  });

  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const a = await ownAssignment();
    const r = await officer.request({
      method: "POST",
      url: `/api/assignments/${a.id}/progress`,
      payload: { percent: 10 },
      headers: { "x-csrf-token": "forged", "if-match": `"${a.version}"` },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("api-csrf");
  });

  it("requires If-Match on writes and refuses a stale version with 412", async () => {
    const a = await ownAssignment();
    const missing = await officer.post(`/api/assignments/${a.id}/progress`, { percent: 20 });
    expect(missing.statusCode).toBe(428);
    const stale = await officer.post(
      `/api/assignments/${a.id}/progress`,
      { percent: 20 },
      { "if-match": `"${a.version + 7}"` },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("stale-version");
    const ok = await officer.post(
      `/api/assignments/${a.id}/progress`,
      { percent: 20 },
      { "if-match": `"${a.version}"` },
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.headers.etag).toBe(`"${a.version + 1}"`);
  });

  it("loses no update when 50 writers race on one assignment", async () => {
    const a = await ownAssignment();
    const [before] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from progress_updates where assignment_id = ${a.id}`,
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        officer.post(
          `/api/assignments/${a.id}/progress`,
          { percent: 30 + (i % 50), narrative: `writer ${i}` },
          { "if-match": `"${a.version}"` },
        ),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const winner = results.find((r) => r.statusCode === 201)?.json() as { version: number };
    const [after] = await rows<{ n: number; version: number; percent: number; narrative: string }>(
      h.db,
      sql`select (select count(*)::int from progress_updates where assignment_id = ${a.id}) as n, a.version, a.percent,
        (select narrative from progress_updates where assignment_id = a.id order by id desc limit 1) as narrative
        from assignments a where a.id = ${a.id}`,
    );
    expect(after?.n).toBe((before?.n ?? 0) + 1);
    expect(after?.version).toBe(winner.version);
    // the stored state is the winner's, whole
    const i = Number(after?.narrative.replace("writer ", ""));
    expect(after?.percent).toBe(30 + (i % 50));
  });
});
