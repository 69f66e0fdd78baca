// Sign-in and the API's defences, on the real application: lock-out after repeated wrong passwords,
// sign-in rate limiting per address, CSRF on cookie writes (not on token writes), tokens acting as
// their user, revoked and expired tokens, disabled users, password change, cookie attributes,
// security headers, the body limit, problem+json for every error, and an audit log that can be read
// (within one's scope) but not changed.
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { asc, desc, expectOrdered, expectUnknownSort } from "../support/order.ts";

let h: ApiHarness;
let admin: ApiClient;
let officer: ApiClient;
const org: Record<string, number> = {};
const user: Record<string, number> = {};
let address = 0;

beforeAll(async () => {
  h = await apiHarness({ env: { TRIENKHAI_LOGIN_RATE_LIMIT: "25", TRIENKHAI_LOGIN_MAX_FAILURES: "4" } });
  admin = await h.login("quantri");
  officer = await h.login("sokhcn");
  for (const r of await rows<{ id: number; code: string }>(
    h.db,
    sql`select id, code from organisations where code in ('P51.2025', 'P51.2025-SKHCN')`,
  ))
    org[r.code] = r.id;
  for (const r of await rows<{ id: number; username: string }>(h.db, sql`select id, username from users`))
    user[r.username] = r.id;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** A sign-in from an address of its own, so that each test has its own rate-limit bucket. */
function signIn(username: string, password: string, ip = `10.0.0.${++address}`) {
  return h.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });
}

/** A session's cookie and CSRF token, to send requests with or without either. */
async function session(username: string, password = DEMO_PASSWORD) {
  const r = await signIn(username, password);
  expect(r.statusCode).toBe(200);
  const cookie = r.cookies.find((c) => c.name === "trienkhai_session")?.value as string;
  return { cookie: `trienkhai_session=${cookie}`, csrf: r.json().csrfToken as string };
}

const withToken = (token: string, method: "GET" | "POST", url: string, payload?: object) =>
  h.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

async function newUser(username: string, password: string) {
  const r = await admin.post("/api/users", {
    username,
    displayName: username,
    password,
    role: "viewer",
    scopeOrganisationId: org["P51.2025"],
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as number;
}

/** An error answer as the API promises it: problem+json with a code and a detail. */
function expectProblem(r: LightMyRequestResponse, status: number, code?: string) {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = r.json() as { status: number; code: string; detail: string; title: string };
  expect(body.status).toBe(status);
  expect(body.code).toMatch(/^[a-z0-9-]+$/);
  expect(body.detail.length).toBeGreaterThan(5);
  expect(body.title.length).toBeGreaterThan(2);
  if (code) expect(body.code).toBe(code);
}

describe("lock-out and rate limiting", () => {
  it("locks an account after the configured number of wrong passwords, even for the right one", async () => {
    const id = await newUser("khoa.thu", "mat-khau-dung-roi");
    const max = h.config.security.loginMaxFailures;
    expect(max).toBe(4);
    const ip = "10.1.0.1";
    for (let i = 1; i < max; i++)
      expectProblem(await signIn("khoa.thu", "sai-mat-khau", ip), 401, "api-login-failed");
    expectProblem(await signIn("khoa.thu", "sai-mat-khau", ip), 423, "api-account-locked");
    // from another address, with the right password: still locked
    const right = await signIn("khoa.thu", "mat-khau-dung-roi");
    expectProblem(right, 423, "api-account-locked");
    expect(right.json().detail).toMatch(/15 phút/);
    const [row] = await rows<{ locked: boolean; failed_logins: number; minutes: number }>(
      h.db,
      sql`select locked_until > now() as locked, failed_logins,
        round(extract(epoch from locked_until - now()) / 60)::int as minutes from users where id = ${id}`,
    );
    expect(row).toEqual({ locked: true, failed_logins: 0, minutes: h.config.security.lockMinutes });
    // failed sign-ins are written to the audit log on purpose: the one write bad input makes
    const audit = await rows<{ action: string }>(
      h.db,
      sql`select action from audit_log where entity = 'user' and entity_id = ${String(id)} and action like 'auth.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([...Array(max - 1).fill("auth.fail"), "auth.lock"]);
    // when the lock ends, the right password opens the account again
    await h.db.execute(sql`update users set locked_until = now() - interval '1 second' where id = ${id}`);
    expect((await signIn("khoa.thu", "mat-khau-dung-roi")).statusCode).toBe(200);
  });

  it("limits sign-in attempts per address with 429 problem+json; other addresses go on", async () => {
    const limit = h.config.security.loginRateLimitPerMinute;
    const ip = "10.2.0.1";
    for (let i = 0; i < limit; i++) expect((await signIn("khong-co-ai", "sai", ip)).statusCode).toBe(401);
    const r = await signIn("khong-co-ai", "sai", ip);
    expectProblem(r, 429, "api-rate-limited");
    // even the right password waits: the limit is on the address, not the account
    expectProblem(await signIn("sokhcn", DEMO_PASSWORD, ip), 429, "api-rate-limited");
    expect((await signIn("sokhcn", DEMO_PASSWORD, "10.2.0.2")).statusCode).toBe(200);
  });
});

describe("sessions, CSRF and tokens", () => {
  it("sets the session cookie HttpOnly, SameSite=Strict, Path=/ and the CSRF cookie readable", async () => {
    const r = await signIn("xem", DEMO_PASSWORD);
    const sessionCookie = r.cookies.find((c) => c.name === "trienkhai_session");
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(sessionCookie?.expires).toBeInstanceOf(Date);
    const csrf = r.cookies.find((c) => c.name === "trienkhai_csrf");
    expect(csrf).toMatchObject({ sameSite: "Strict", path: "/" });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(r.json().csrfToken);
  });

  it("refuses a cookie write without the CSRF header and accepts it with it; a token needs none", async () => {
    const s = await session("sokhcn");
    const write = (headers: Record<string, string>) =>
      h.app.inject({ method: "POST", url: "/api/auth/tokens", payload: { name: "csrf" }, headers });
    const before = await databaseFingerprint(h.db);
    expectProblem(await write({ cookie: s.cookie }), 403, "api-csrf");
    expectProblem(await write({ cookie: s.cookie, "x-csrf-token": "forged" }), 403, "api-csrf");
    expect(await databaseFingerprint(h.db)).toEqual(before);
    const ok = await write({ cookie: s.cookie, "x-csrf-token": s.csrf });
    expect(ok.statusCode).toBe(201);
    const byToken = await withToken(ok.json().token, "POST", "/api/auth/tokens", { name: "made by a token" });
    expect(byToken.statusCode).toBe(201);
  });

  it("lets a token act with its user's role and scope, no more", async () => {
    const { token } = (await officer.post("/api/auth/tokens", { name: "phạm vi" })).json() as {
      token: string;
    };
    expect((await withToken(token, "GET", `/api/organisations/${org["P51.2025-SKHCN"]}`)).statusCode).toBe(
      200,
    );
    expectProblem(
      await withToken(token, "GET", `/api/organisations/${org["P51.2025"]}`),
      403,
      "api-out-of-scope",
    );
    expectProblem(await withToken(token, "GET", "/api/users"), 403, "api-forbidden");
    const tasks = (await withToken(token, "GET", "/api/tasks?pageSize=500")).json() as {
      items: { organisationId: number }[];
    };
    expect(tasks.items.length).toBeGreaterThan(0);
    const [path] = await rows<{ ids: number[] }>(
      h.db,
      sql`select array_agg(id) as ids from organisations where path like (select path from organisations where id = ${org["P51.2025-SKHCN"]}) || '%'`,
    );
    expect(tasks.items.every((t) => path?.ids.includes(t.organisationId))).toBe(true);
  });

  it("refuses a revoked token and an expired one with 401", async () => {
    const a = (await officer.post("/api/auth/tokens", { name: "thu hồi" })).json() as {
      id: number;
      token: string;
    };
    const b = (await officer.post("/api/auth/tokens", { name: "hết hạn", days: 1 })).json() as {
      id: number;
      token: string;
    };
    expect((await withToken(a.token, "GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await withToken(b.token, "GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await officer.post("/api/auth/tokens/revoke", { id: a.id })).json()).toEqual({ revoked: true });
    expectProblem(await withToken(a.token, "GET", "/api/auth/me"), 401, "api-unauthenticated");
    await h.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 minute' where id = ${b.id}`,
    );
    expectProblem(await withToken(b.token, "GET", "/api/auth/me"), 401, "api-unauthenticated");
    expectProblem(await withToken("tk_not-a-real-token", "GET", "/api/auth/me"), 401, "api-unauthenticated");
  });

  it("refuses the session of a user who was disabled", async () => {
    const id = await newUser("tam.nghi", "mat-khau-tam-nghi");
    const s = await session("tam.nghi", "mat-khau-tam-nghi");
    const me = () => h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: s.cookie } });
    expect((await me()).statusCode).toBe(200);
    await admin.patch(`/api/users/${id}`, { disabled: true }, { "if-match": '"1"' });
    expectProblem(await me(), 401, "api-unauthenticated");
    expectProblem(await signIn("tam.nghi", "mat-khau-tam-nghi"), 403, "api-account-disabled");
  });

  it("ends the user's other sessions when they change their password", async () => {
    await newUser("doi.mat-khau", "mat-khau-ban-dau");
    const a = await session("doi.mat-khau", "mat-khau-ban-dau");
    const b = await session("doi.mat-khau", "mat-khau-ban-dau");
    const me = (s: { cookie: string }) =>
      h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: s.cookie } });
    const wrong = await h.app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "khong-dung", newPassword: "mat-khau-moi-hon" },
      headers: { cookie: a.cookie, "x-csrf-token": a.csrf },
    });
    expectProblem(wrong, 422, "api-wrong-password");
    const r = await h.app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "mat-khau-ban-dau", newPassword: "mat-khau-moi-hon" },
      headers: { cookie: a.cookie, "x-csrf-token": a.csrf },
    });
    expect(r.statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(200);
    expectProblem(await me(b), 401, "api-unauthenticated");
    expect((await signIn("doi.mat-khau", "mat-khau-moi-hon")).statusCode).toBe(200);
    expectProblem(await signIn("doi.mat-khau", "mat-khau-ban-dau"), 401, "api-login-failed");
  });
});

describe("the HTTP defences", () => {
  it("sends the security headers on every answer", async () => {
    for (const r of [await h.anonymous.get("/api/health"), await h.anonymous.get("/api/tasks")]) {
      expect(r.headers["content-security-policy"]).toMatch(/default-src 'self'/);
      expect(r.headers["content-security-policy"]).toMatch(/frame-ancestors 'self'/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
      expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
      // plain HTTP on an intranet: no HSTS unless cookies are marked secure
      expect(r.headers["strict-transport-security"]).toBeUndefined();
      expect(r.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("refuses a JSON body over 1 MB with 413 problem+json, signed in or not", async () => {
    const big = JSON.stringify({ username: "x", password: "y".repeat(1_100_000) });
    const anonymous = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: big,
      headers: { "content-type": "application/json" },
      remoteAddress: "10.3.0.1",
    });
    expectProblem(anonymous, 413, "api-payload-too-large");
    const before = await databaseFingerprint(h.db);
    const signed = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: JSON.stringify({ username: "lon", displayName: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    });
    expectProblem(signed, 413, "api-payload-too-large");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("answers every kind of error with problem+json carrying a code and a detail, in both languages", async () => {
    const s = await session("sokhcn");
    const cases: [number, string, () => Promise<LightMyRequestResponse>][] = [
      [400, "invalid-input", () => admin.get("/api/users?pageSize=abc")],
      [401, "api-unauthenticated", () => h.anonymous.get("/api/users")],
      [403, "api-forbidden", () => officer.get("/api/users")],
      [403, "api-out-of-scope", () => officer.get(`/api/organisations/${org["P51.2025"]}`)],
      [
        403,
        "api-csrf",
        () => h.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: s.cookie } }),
      ],
      [404, "api-route-not-found", () => admin.get("/api/khong-co")],
      [404, "not-found", () => admin.get("/api/users/2147480000")],
      [
        409,
        "duplicate-user",
        () =>
          admin.post("/api/users", {
            username: "sokhcn",
            displayName: "x",
            password: "mat-khau-dai-du",
            role: "viewer",
            scopeOrganisationId: null,
          }),
      ],
      [
        412,
        "stale-version",
        () => admin.patch(`/api/users/${user.xem}`, { displayName: "x" }, { "if-match": '"99"' }),
      ],
      [
        415,
        "api-unsupported-media-type",
        () =>
          admin.request({
            method: "POST",
            url: "/api/auth/tokens",
            payload: "<name>x</name>",
            headers: { "content-type": "application/xml" },
          }),
      ],
      [
        422,
        "api-wrong-password",
        () =>
          officer.post("/api/auth/password", { currentPassword: "sai-roi", newPassword: "mat-khau-moi-hon" }),
      ],
      [428, "api-precondition-required", () => admin.patch(`/api/users/${user.xem}`, { displayName: "x" })],
    ];
    for (const [status, code, send] of cases) {
      const r = await send();
      expectProblem(r, status, code);
    }
    const en = await h.app.inject({ method: "GET", url: "/api/users", headers: { "accept-language": "en" } });
    expectProblem(en, 401, "api-unauthenticated");
    expect(en.json().detail).toMatch(/not signed in/);
  });
});

describe("the audit log", () => {
  const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  it("is read newest first with filters by actor, entity, action and day", async () => {
    const all = (await admin.get("/api/audit?pageSize=500")).json() as {
      items: {
        id: number;
        at: string;
        action: string;
        actorId: number | null;
        entity: string;
        entityId: string;
      }[];
      total: number;
    };
    expect(all.total).toBeGreaterThan(all.items.length - 1);
    const ats = all.items.map((e) => Date.parse(e.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    const created = (await admin.get("/api/audit?action=user.create&entity=user")).json() as typeof all;
    expect(created.items.length).toBeGreaterThan(6);
    expect(created.items.every((e) => e.action === "user.create")).toBe(true);
    const one = (
      await admin.get(`/api/audit?entity=user&entityId=${user.sokhcn}&action=auth.login`)
    ).json() as typeof all;
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((e) => e.entityId === String(user.sokhcn) && e.actorId === user.sokhcn)).toBe(
      true,
    );
    const byActor = (await admin.get(`/api/audit?actorId=${user.quantri}`)).json() as typeof all;
    expect(byActor.items.every((e) => e.actorId === user.quantri)).toBe(true);
    const today = vietnamToday();
    const todays = (
      await admin.get(`/api/audit?actorId=${user.quantri}&from=${today}&to=${today}`)
    ).json() as typeof all;
    expect(todays.total).toBe(byActor.total);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const before = (
      await admin.get(`/api/audit?actorId=${user.quantri}&to=${yesterday}`)
    ).json() as typeof all;
    expect(before.total).toBe(0);
    const page2 = (await admin.get("/api/audit?pageSize=5&page=2")).json() as typeof all;
    expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(5, 10).map((e) => e.id));
  });

  it("sorts by time (newest first by default), actor or action, each one's entries newest first", async () => {
    type Entries = { items: { id: number; at: string; actorName: string | null; action: string }[] };
    const list = async (sort: string) =>
      ((await admin.get(`/api/audit?pageSize=500${sort}`)).json() as Entries).items;
    // times as the database writes them, in one offset: as text they order as instants
    const newest = await list("");
    expectOrdered(newest, (a, b) => desc(a.at, b.at) || b.id - a.id);
    expectOrdered(await list("&sort=at"), (a, b) => asc(a.at, b.at) || a.id - b.id);
    const byActor = await list("&sort=actor");
    expectOrdered(byActor, (a, b) => asc(a.actorName, b.actorName) || desc(a.at, b.at) || b.id - a.id);
    expect(byActor.map((e) => e.id)).not.toEqual(newest.map((e) => e.id));
    expectOrdered(
      await list("&sort=action"),
      (a, b) => asc(a.action, b.action) || desc(a.at, b.at) || b.id - a.id,
    );
    expectUnknownSort(await admin.get("/api/audit?sort=entity"));
  });

  it("shows a scoped reader what the users of their scope did, and no one else's entries", async () => {
    const leader = await h.login("lanhdao");
    const seen = (await leader.get("/api/audit?pageSize=500")).json() as {
      items: { actorId: number | null }[];
      total: number;
    };
    const [inScope] = await rows<{ ids: number[] }>(
      h.db,
      sql`select array_agg(u.id) as ids from users u join organisations o on o.id = u.scope_organisation_id
        where o.path like (select path from organisations where code = 'P51.2025') || '%'`,
    );
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((e) => e.actorId !== null && inScope?.ids.includes(e.actorId))).toBe(true);
    expect(seen.items.some((e) => e.actorId === user.sokhcn)).toBe(true);
    expectProblem(await leader.get(`/api/audit?actorId=${user.quantri}`), 403, "api-out-of-scope");
    const [unscoped] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_log where actor_id is null or actor_id = ${user.quantri}`,
    );
    expect(unscoped?.n).toBeGreaterThan(0);
    expectProblem(await officer.get("/api/audit"), 403, "api-forbidden");
    expectProblem(await (await h.login("xem")).get("/api/audit"), 403, "api-forbidden");
  });

  it("cannot be changed: no write route, and the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [first] = await rows<{ id: number }>(
      h.db,
      sql`select id::int as id from audit_log order by id limit 1`,
    );
    const before = await databaseFingerprint(h.db);
    for (const r of [
      await admin.patch(`/api/audit/${first?.id}`, { action: "x" }),
      await admin.delete(`/api/audit/${first?.id}`),
      await admin.delete("/api/audit"),
      await admin.post("/api/audit", { action: "x", entity: "user" }),
    ])
      expectProblem(r, 404, "api-route-not-found");
    await expect(
      h.db.execute(sql`update audit_log set action = 'x' where id = ${first?.id}`),
    ).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log where id = ${first?.id}`)).rejects.toThrow();
    await expect(h.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});
