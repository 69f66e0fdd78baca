// Users administration through the API: the list and its filters, creation, changes under If-Match
// with before/after in the audit log, disabling (sessions end), passwords set by an administrator,
// API tokens made and revoked by administrators and by their owners, and administrators scoped to
// a subtree. Refused input changes nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { asc, desc, expectOrdered, expectUnknownSort } from "../support/order.ts";

interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  scopeOrganisationId: number | null;
  scopeOrganisationName: string | null;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
  version: number;
}

let h: ApiHarness;
let admin: ApiClient;
const org: Record<string, number> = {};
const user: Record<string, number> = {};

beforeAll(async () => {
  h = await apiHarness({ env: { TRIENKHAI_LOGIN_RATE_LIMIT: "1000" } });
  admin = await h.login("quantri");
  for (const r of await rows<{ id: number; code: string }>(
    h.db,
    sql`select id, code from organisations where code in ('P51.2025', 'P51.2025-SKHCN', 'P01')`,
  ))
    org[r.code] = r.id;
  for (const r of await rows<{ id: number; username: string }>(h.db, sql`select id, username from users`))
    user[r.username] = r.id;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string, url: string) =>
  h.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });

async function lastAudit(action: string) {
  const [r] = await rows<{ actor_name: string; entity_id: string; before: unknown; after: unknown }>(
    h.db,
    sql`select actor_name, entity_id, before, after from audit_log where action = ${action} order by id desc limit 1`,
  );
  return r;
}

describe("the user list", () => {
  it("lists users by username, filtered by role, scope subtree and words without diacritics", async () => {
    const all = (await admin.get("/api/users")).json() as { items: User[]; total: number };
    const names = all.items.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(["quantri", "lanhdao", "sokhcn", "xem"]));
    expect(names).toEqual([...names].sort());
    expect(JSON.stringify(all)).not.toMatch(/argon2|password/i);
    const officers = (await admin.get("/api/users?role=unit_officer")).json() as { items: User[] };
    expect(officers.items.map((u) => u.username)).toEqual(["sokhcn", "xabinhson"]);
    const skhcn = (await admin.get(`/api/users?organisationId=${org["P51.2025-SKHCN"]}`)).json() as {
      items: User[];
    };
    expect(skhcn.items.map((u) => u.username)).toEqual(["sokhcn"]);
    const words = (await admin.get("/api/users?q=binh%20son")).json() as { items: User[] };
    expect(words.items.map((u) => u.username)).toEqual(["xabinhson"]);
    const paged = (await admin.get("/api/users?pageSize=2&page=2")).json() as {
      items: User[];
      total: number;
    };
    expect(paged.items.map((u) => u.username)).toEqual(names.slice(2, 4));
    expect(paged.total).toBe(all.total);
  });

  it("sorts by username (the default), name, organisation of the scope or creation", async () => {
    const list = async (sort: string) =>
      ((await admin.get(`/api/users?pageSize=500${sort}`)).json() as { items: User[] }).items;
    const byUsername = await list("");
    expectOrdered(byUsername, (a, b) => asc(a.username, b.username));
    const byName = await list("&sort=name");
    expectOrdered(byName, (a, b) => asc(a.displayName, b.displayName) || a.id - b.id);
    expect(byName.map((u) => u.id)).not.toEqual(byUsername.map((u) => u.id));
    // the unscoped first, then by the scope's name
    const unscopedFirst = (u: User) => (u.scopeOrganisationName === null ? 0 : 1);
    expectOrdered(
      await list("&sort=organisation"),
      (a, b) =>
        unscopedFirst(a) - unscopedFirst(b) ||
        asc(a.scopeOrganisationName, b.scopeOrganisationName) ||
        asc(a.username, b.username),
    );
    expectOrdered(await list("&sort=-createdAt"), (a, b) => desc(a.createdAt, b.createdAt) || b.id - a.id);
    expectUnknownSort(await admin.get("/api/users?sort=password"));
  });

  it("is for administrators only", async () => {
    const leader = await h.login("lanhdao");
    const r = await leader.get("/api/users");
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("api-forbidden");
  });
});

describe("creating and changing a user", () => {
  it("creates a user who can then sign in; the write is audited", async () => {
    const r = await admin.post("/api/users", {
      username: "chuyenvien.skhcn",
      displayName: "Chuyên viên Sở KH&CN",
      email: "cv@skhcn.quangngai.gov.vn",
      password: "mat-khau-dai-du",
      role: "unit_officer",
      scopeOrganisationId: org["P51.2025-SKHCN"],
    });
    expect(r.statusCode).toBe(201);
    const u = r.json() as User;
    expect(u).toMatchObject({
      username: "chuyenvien.skhcn",
      role: "unit_officer",
      disabled: false,
      version: 1,
    });
    expect(r.headers.location).toBe(`/api/users/${u.id}`);
    expect(r.headers.etag).toBe('"1"');
    user[u.username] = u.id;
    const me = (await (await h.login("chuyenvien.skhcn", "mat-khau-dai-du")).get("/api/auth/me")).json();
    expect(me).toMatchObject({ username: "chuyenvien.skhcn", scopeOrganisationId: org["P51.2025-SKHCN"] });
    expect(await lastAudit("user.create")).toMatchObject({ actor_name: "quantri", entity_id: String(u.id) });
  });

  it("refuses duplicates (409), unknown scopes (404) and invalid input (400), changing nothing", async () => {
    const before = await databaseFingerprint(h.db);
    const base = {
      username: "moi.nguoi",
      displayName: "Người mới",
      password: "mat-khau-dai-du",
      role: "viewer",
      scopeOrganisationId: org["P51.2025"],
    };
    const dup = await admin.post("/api/users", { ...base, username: "sokhcn" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("duplicate-user");
    const unknown = await admin.post("/api/users", { ...base, scopeOrganisationId: 2147480000 });
    expect(unknown.statusCode).toBe(404);
    for (const bad of [
      { ...base, password: "ngan" },
      { ...base, username: "Có Dấu" },
      { ...base, role: "superuser" },
      { ...base, email: "not-an-email" },
      { ...base, scopeOrganisationId: "1; drop table users" },
    ]) {
      const r = await admin.post("/api/users", bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("changes a user under If-Match and audits before and after", async () => {
    const id = user["chuyenvien.skhcn"] as number;
    const get = await admin.get(`/api/users/${id}`);
    expect(get.headers.etag).toBe('"1"');
    const before = await databaseFingerprint(h.db);
    expect((await admin.patch(`/api/users/${id}`, { role: "monitor" })).statusCode).toBe(428);
    const stale = await admin.patch(`/api/users/${id}`, { role: "monitor" }, { "if-match": '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("stale-version");
    for (const bad of [{}, { username: "doi-ten" }, { email: "x" }, { role: "boss" }, { disabled: "yes" }]) {
      const r = await admin.patch(`/api/users/${id}`, bad, { "if-match": '"1"' });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const outsideScope = await admin.patch(
      `/api/users/${id}`,
      { scopeOrganisationId: 2147480000 },
      { "if-match": '"1"' },
    );
    expect(outsideScope.statusCode).toBe(404);
    expect(await databaseFingerprint(h.db)).toEqual(before);
    const r = await admin.patch(
      `/api/users/${id}`,
      {
        role: "monitor",
        displayName: "Chuyên viên theo dõi Sở",
        scopeOrganisationId: org["P51.2025"],
        email: null,
      },
      { "if-match": '"1"' },
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe('"2"');
    expect(r.json()).toMatchObject({
      role: "monitor",
      scopeOrganisationId: org["P51.2025"],
      email: null,
      version: 2,
    });
    expect(await lastAudit("user.update")).toMatchObject({
      actor_name: "quantri",
      before: {
        role: "unit_officer",
        scopeOrganisationId: org["P51.2025-SKHCN"],
        email: "cv@skhcn.quangngai.gov.vn",
      },
      after: { role: "monitor", scopeOrganisationId: org["P51.2025"], email: null },
    });
  });

  it("disabling ends the user's sessions and refuses their tokens until enabled again", async () => {
    const id = user.xem as number;
    const viewer = await h.login("xem");
    const token = (await viewer.post("/api/auth/tokens", { name: "bảng tin" })).json().token as string;
    expect((await bearer(token, "/api/auth/me")).statusCode).toBe(200);
    const v = (await admin.get(`/api/users/${id}`)).json().version as number;
    const r = await admin.patch(`/api/users/${id}`, { disabled: true }, { "if-match": `"${v}"` });
    expect(r.json()).toMatchObject({ disabled: true, version: v + 1 });
    expect((await viewer.get("/api/auth/me")).statusCode).toBe(401);
    expect((await bearer(token, "/api/auth/me")).statusCode).toBe(401);
    const [sessions] = await rows<{ n: number; revoked: number }>(
      h.db,
      sql`select (select count(*)::int from sessions where user_id = ${id}) as n,
        (select count(*)::int from api_tokens where user_id = ${id} and revoked_at is not null) as revoked`,
    );
    // sessions end; tokens are not revoked, only refused while the user is disabled
    expect(sessions).toEqual({ n: 0, revoked: 0 });
    const login = await h.anonymous.post("/api/auth/login", { username: "xem", password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe("api-account-disabled");
    expect(await lastAudit("user.update")).toMatchObject({
      before: { disabled: false },
      after: { disabled: true },
    });
    await admin.patch(`/api/users/${id}`, { disabled: false }, { "if-match": `"${v + 1}"` });
    expect((await bearer(token, "/api/auth/me")).statusCode).toBe(200);
    expect((await (await h.login("xem")).get("/api/auth/me")).statusCode).toBe(200);
  });

  it("does not let an administrator disable themselves or change their own role", async () => {
    const id = user.quantri as number;
    const v = (await admin.get(`/api/users/${id}`)).json().version as number;
    for (const patch of [{ disabled: true }, { role: "viewer" }]) {
      const r = await admin.patch(`/api/users/${id}`, patch, { "if-match": `"${v}"` });
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe("user-self-lockout");
    }
  });
});

describe("passwords set by an administrator", () => {
  it("ends the user's sessions, lifts a lock-out and replaces the old password", async () => {
    const id = user.theodoi as number;
    const monitor = await h.login("theodoi");
    await h.db.execute(
      sql`update users set failed_logins = 3, locked_until = now() + interval '10 minutes' where id = ${id}`,
    );
    const v = (await admin.get(`/api/users/${id}`)).json() as User;
    expect(v.locked).toBe(true);
    const before = await databaseFingerprint(h.db);
    expect((await admin.post(`/api/users/${id}/password`, { password: "mat-khau-moi-dai" })).statusCode).toBe(
      428,
    );
    expect(
      (await admin.post(`/api/users/${id}/password`, { password: "ngan" }, { "if-match": `"${v.version}"` }))
        .statusCode,
    ).toBe(400);
    expect(await databaseFingerprint(h.db)).toEqual(before);
    const r = await admin.post(
      `/api/users/${id}/password`,
      { password: "mat-khau-moi-dai" },
      { "if-match": `"${v.version}"` },
    );
    expect(r.statusCode).toBe(204);
    expect(r.headers.etag).toBe(`"${v.version + 1}"`);
    expect((await monitor.get("/api/auth/me")).statusCode).toBe(401);
    const old = await h.anonymous.post("/api/auth/login", { username: "theodoi", password: DEMO_PASSWORD });
    expect(old.statusCode).toBe(401);
    await h.login("theodoi", "mat-khau-moi-dai");
    expect((await admin.get(`/api/users/${id}`)).json()).toMatchObject({ locked: false, failedLogins: 0 });
    expect(await lastAudit("user.password")).toMatchObject({ actor_name: "quantri", entity_id: String(id) });
    // the administrator's own session stays when they set their own password
    const own = (await admin.get(`/api/users/${user.quantri}`)).json().version as number;
    await admin.post(
      `/api/users/${user.quantri}/password`,
      { password: DEMO_PASSWORD },
      { "if-match": `"${own}"` },
    );
    expect((await admin.get("/api/auth/me")).statusCode).toBe(200);
  });
});

describe("API tokens", () => {
  it("an administrator makes a token for a system user, lists it without its secret and revokes it", async () => {
    const created = await admin.post("/api/users", {
      username: "he-thong.tonghop",
      displayName: "Hệ thống tổng hợp của tỉnh",
      password: "mat-khau-he-thong",
      role: "viewer",
      scopeOrganisationId: org["P51.2025"],
    });
    const id = created.json().id as number;
    const r = await admin.post(`/api/users/${id}/tokens`, { name: "kho dữ liệu", days: 30 });
    expect(r.statusCode).toBe(201);
    const { id: tokenId, token } = r.json() as { id: number; token: string };
    expect((await bearer(token, "/api/auth/me")).json()).toMatchObject({
      username: "he-thong.tonghop",
      via: "token",
    });
    const list = await admin.get(`/api/users/${id}/tokens`);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: tokenId, name: "kho dữ liệu", revokedAt: null }),
    ]);
    expect(list.body).not.toContain(token);
    expect((await admin.delete(`/api/tokens/${tokenId}`)).statusCode).toBe(204);
    expect((await bearer(token, "/api/auth/me")).statusCode).toBe(401);
    const audits = async () =>
      (
        await rows<{ n: number }>(
          h.db,
          sql`select count(*)::int as n from audit_log where action = 'token.revoke'`,
        )
      )[0]?.n;
    const n = await audits();
    // revoking again changes nothing and writes nothing
    expect((await admin.delete(`/api/tokens/${tokenId}`)).statusCode).toBe(204);
    expect(await audits()).toBe(n);
    expect((await admin.delete("/api/tokens/2147480000")).statusCode).toBe(404);
  });

  it("a user lists and revokes their own tokens, and cannot touch anyone else's", async () => {
    const officer = await h.login("sokhcn");
    const other = await h.login("xabinhson");
    const mine = (await officer.post("/api/auth/tokens", { name: "máy trạm" })).json() as {
      id: number;
      token: string;
    };
    const theirs = (await other.post("/api/auth/tokens", { name: "điện thoại" })).json() as {
      id: number;
      token: string;
    };
    const list = (await officer.get("/api/auth/tokens")).json() as { id: number; userId: number }[];
    expect(list.map((t) => t.id)).toContain(mine.id);
    expect(list.every((t) => t.userId === user.sokhcn)).toBe(true);
    const before = await databaseFingerprint(h.db);
    const refused = await officer.post("/api/auth/tokens/revoke", { id: theirs.id });
    expect(refused.json()).toEqual({ revoked: false });
    expect(await databaseFingerprint(h.db)).toEqual(before);
    expect((await bearer(theirs.token, "/api/auth/me")).statusCode).toBe(200);
    const forbidden = await officer.delete(`/api/tokens/${theirs.id}`);
    expect(forbidden.statusCode).toBe(403);
    expect((await officer.post("/api/auth/tokens/revoke", { id: mine.id })).json()).toEqual({
      revoked: true,
    });
    expect((await bearer(mine.token, "/api/auth/me")).statusCode).toBe(401);
  });
});

describe("an administrator scoped to a province", () => {
  it("manages the accounts of that province only", async () => {
    await admin.post("/api/users", {
      username: "quantri.quangngai",
      displayName: "Quản trị tỉnh Quảng Ngãi",
      password: "mat-khau-quan-tri",
      role: "admin",
      scopeOrganisationId: org["P51.2025"],
    });
    const local = await h.login("quantri.quangngai", "mat-khau-quan-tri");
    const list = (await local.get("/api/users?pageSize=500")).json() as { items: User[] };
    expect(list.items.map((u) => u.username)).not.toContain("quantri");
    expect(list.items.map((u) => u.username)).toContain("sokhcn");
    const before = await databaseFingerprint(h.db);
    const outside = await local.get(`/api/users/${user.quantri}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe("api-out-of-scope");
    const base = {
      username: "nguoi.ha-noi",
      displayName: "Người Hà Nội",
      password: "mat-khau-dai-du",
      role: "viewer",
    };
    const unscoped = await local.post("/api/users", { ...base, scopeOrganisationId: null });
    expect(unscoped.json().code).toBe("user-scope-outside");
    const hanoi = await local.post("/api/users", { ...base, scopeOrganisationId: org.P01 });
    expect(hanoi.json().code).toBe("api-out-of-scope");
    const v = (await local.get(`/api/users/${user.sokhcn}`)).json().version as number;
    const move = await local.patch(
      `/api/users/${user.sokhcn}`,
      { scopeOrganisationId: org.P01 },
      { "if-match": `"${v}"` },
    );
    expect(move.statusCode).toBe(403);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});
