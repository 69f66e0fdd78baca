// The access matrix: every route of the API (read from its OpenAPI document, so a new route without
// a case fails here) × every role × a target inside and outside the caller's scope. A role without
// the route's action gets 403 api-forbidden; with it, inside its scope it is never refused, outside
// it gets 403 api-out-of-scope (a list answers with no row). The number of cases is printed.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Action, can, type Role } from "../../src/domain/access.ts";
import type { RouteAccess } from "../../src/server/http/access.ts";
import { API_TODAY, type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";
import type { RouteCase } from "../support/route-cases.ts";
import { type ScopeSides, scopeSides } from "../support/targets.ts";

const ROLE_USERS: Record<Role, string> = {
  admin: "quantri",
  leader: "lanhdao",
  monitor: "theodoi",
  unit_officer: "sokhcn",
  viewer: "xem",
};

async function allCases(): Promise<RouteCase[]> {
  const dir = join(import.meta.dirname, "cases");
  const out: RouteCase[] = [];
  for (const f of readdirSync(dir).sort())
    if (f.endsWith(".ts")) out.push(...((await import(join(dir, f))) as { cases: RouteCase[] }).cases);
  return out;
}

const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

let h: ApiHarness;
let sides: ScopeSides;
let routes: { key: string; access: RouteAccess }[];
let cases: Map<string, RouteCase>;

beforeAll(async () => {
  h = await apiHarness({ env: { TRIENKHAI_LOGIN_RATE_LIMIT: "1000" } });
  sides = await scopeSides(h.db, API_TODAY);
  const spec = (await h.anonymous.get("/api/openapi.json")).json() as {
    paths: Record<string, Record<string, { "x-access"?: RouteAccess }>>;
  };
  routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: keyOf(method, path.replace(/\{(\w+)\}/g, ":$1")),
      access: op["x-access"] as RouteAccess,
    })),
  );
  cases = new Map((await allCases()).map((c) => [keyOf(c.method, c.path), c]));
}, 240_000);

afterAll(async () => {
  await h?.close();
});

function expectedFor(access: RouteAccess, role: Role, side: "inside" | "outside", scoped: boolean) {
  if (access === "public") return "allowed";
  if (access !== "signed-in" && !can(role, access as Action)) return "forbidden";
  if (side === "outside" && scoped && role !== "admin") return "out-of-scope";
  return "allowed";
}

describe("access matrix", () => {
  it("has a case for every route of the OpenAPI document, and every route declares its access", () => {
    const missing = routes.filter((r) => !cases.has(r.key)).map((r) => r.key);
    expect(missing).toEqual([]);
    expect(routes.filter((r) => r.access === undefined).map((r) => r.key)).toEqual([]);
  });

  it("lets nobody read or write outside their scope, nor do what their role may not", async () => {
    const clients = new Map<Role, ApiClient>();
    for (const [role, user] of Object.entries(ROLE_USERS)) clients.set(role as Role, await h.login(user));
    // reads first, so that writes further on cannot hide a read's answer
    const ordered = [...routes].sort(
      (a, b) => Number(a.key.startsWith("GET ")) * -1 - Number(b.key.startsWith("GET ")) * -1,
    );
    const failures: string[] = [];
    let count = 0;
    for (const route of ordered) {
      const c = cases.get(route.key);
      if (!c) continue;
      for (const role of Object.keys(ROLE_USERS) as Role[]) {
        for (const side of ["inside", "outside"] as const) {
          const expected = expectedFor(route.access, role, side, c.scoped);
          const client = c.ownSession ? await h.login(ROLE_USERS[role]) : (clients.get(role) as ApiClient);
          const req = c.build(sides[side]);
          const r = await client.request({
            method: c.method,
            url: req.url,
            ...(req.payload === undefined ? {} : { payload: req.payload as string }),
            headers: req.headers ?? {},
          });
          count++;
          const code = r.headers["content-type"]?.toString().includes("json")
            ? (r.json() as { code?: string }).code
            : undefined;
          const where = `${route.key} as ${role} ${side}: ${r.statusCode} ${code ?? ""}`;
          if (r.statusCode >= 500) failures.push(`${where} (server error)`);
          else if (expected === "forbidden" && !(r.statusCode === 403 && code === "api-forbidden"))
            failures.push(`${where}, expected 403 api-forbidden`);
          else if (expected === "out-of-scope") {
            const emptyList =
              r.statusCode === 200 &&
              Array.isArray((r.json() as { items?: unknown[] }).items) &&
              (r.json() as { items: unknown[] }).items.length === 0;
            if (!(r.statusCode === 403 && code === "api-out-of-scope") && !emptyList)
              failures.push(`${where}, expected 403 api-out-of-scope`);
          } else if (expected === "allowed" && [401, 403, 404].includes(r.statusCode))
            failures.push(`${where}, expected to be allowed`);
        }
      }
    }
    console.log(`access matrix: ${count} cases (${routes.length} routes × 5 roles × inside/outside scope)`);
    expect(failures).toEqual([]);
    expect(count).toBe(routes.length * 10);
  }, 600_000);
});
