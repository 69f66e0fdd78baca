// npm run bench:api — the task list through the whole HTTP stack under load, on the national dataset
// of bench:seed (run that first; the goal is for PostgreSQL, BENCH_DATABASE_URL). autocannon on
// loopback sends GET /api/tasks?pageSize=50 as a monitor scoped to one province to the real app as
// deployed (its exact read cache on, src/db/read-cache.ts), to the app with TRIENKHAI_READ_CACHE=0,
// and to a bare Fastify route running the same listTasks query for the same principal, uncached (no
// authentication, validation, hooks, plugins or cache); req/s and p99 of each, and the ratios to
// the bare route. The headline figures, last, are the deployed app's.
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { loadConfig } from "../src/config.ts";
import { readCacheStats } from "../src/db/read-cache.ts";
import { rows } from "../src/db/rows.ts";
import { cliActor } from "../src/server/audit/repository.ts";
import { principalOfSession } from "../src/server/auth/service.ts";
import { buildApp } from "../src/server/http/app.ts";
import type { AppContext } from "../src/server/http/context.ts";
import { pageOf } from "../src/server/http/schemas.ts";
import { listTasks, type TaskFilter } from "../src/server/tasks/repository.ts";
import { userByName } from "../src/server/users/repository.ts";
import { createUser } from "../src/server/users/service.ts";
import { openBenchDatabase } from "./seed.ts";

const TODAY = "2026-11-24";
/** The monitor's scope: a province (Hà Nội) by default; BENCH_API_SCOPE names another body by code. */
const SCOPE = process.env.BENCH_API_SCOPE ?? "P01";
const USERNAME = `bench.${SCOPE.toLowerCase()}`;
const PASSWORD = "bench-monitor-password";
/** Each side runs ROUNDS times, alternating with the other, so a noisy neighbour hits both alike. */
const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 10;

interface Load {
  url: string;
  headers: Record<string, string>;
}

interface LoadResult {
  rps: number;
  seconds: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

async function run(load: Load, seconds: number): Promise<LoadResult> {
  // workers: 1 runs the connections in a worker thread, off the server's event loop
  const r = await autocannon({ ...load, connections: CONNECTIONS, duration: seconds, workers: 1 });
  return {
    rps: r.requests.total / r.duration,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

/** Rounds of each load in turn after a warm-up: req/s over all rounds, p50 and p99 of the worst round. */
async function measure(loads: [string, Load][]): Promise<LoadResult[]> {
  for (const [, load] of loads) await run(load, WARMUP_SECONDS);
  const rounds: LoadResult[][] = loads.map(() => []);
  for (let i = 0; i < ROUNDS; i++)
    for (const [j, [, load]] of loads.entries()) rounds[j]?.push(await run(load, SECONDS));
  return loads.map(([name], j) => {
    const rs = rounds[j] ?? [];
    const seconds = rs.reduce((n, x) => n + x.seconds, 0);
    const requests = rs.reduce((n, x) => n + x.requests, 0);
    const r: LoadResult = {
      rps: requests / seconds,
      seconds,
      p50: Math.max(...rs.map((x) => x.p50)),
      p99: Math.max(...rs.map((x) => x.p99)),
      requests,
      bad: rs.reduce((n, x) => n + x.bad, 0),
    };
    console.log(
      `${name}: ${r.rps.toFixed(0)} req/s (rounds: ${rs.map((x) => x.rps.toFixed(0)).join(", ")}), p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.bad} not 2xx`,
    );
    if (r.bad > 0) throw new Error(`${name}: ${r.bad} requests failed`);
    return r;
  });
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(false, true);
  const { db } = database;
  const [scope] = await rows<{ id: number; name: string; path: string; n: number }>(
    db,
    sql`select o.id, o.name, o.path, (select count(*)::int from assignments a join organisations c
        on c.id = a.organisation_id where c.path like o.path || '%') as n
      from organisations o where o.code = ${SCOPE}`,
  );
  if (!scope?.n) throw new Error("no bench data: run npm run bench:seed first");
  console.log(`database: ${database.kind}`);
  if (!(await userByName(db, USERNAME)))
    await createUser(
      db,
      {
        username: USERNAME,
        displayName: "Bench monitor",
        password: PASSWORD,
        role: "monitor",
        scopeOrganisationId: scope.id,
      },
      cliActor,
    );
  console.log(`user: ${USERNAME} (monitor of ${scope.name}, ${scope.n} assignments in scope)`);

  const serve = async (readCache: "0" | "1") => {
    const config = loadConfig({
      TRIENKHAI_TODAY: TODAY,
      LOG_LEVEL: "warn",
      // one user sends every request here: the per-user limit would answer 429 to most of them
      TRIENKHAI_RATE_LIMIT: "100000000",
      TRIENKHAI_IP_RATE_LIMIT: "100000000",
      TRIENKHAI_READ_CACHE: readCache,
    });
    const ctx: AppContext = { database, db, config, today: config.today, jobs: null };
    const app = await buildApp(ctx, { logger: { level: "warn" } });
    return { app, base: await app.listen({ host: "127.0.0.1", port: 0 }) };
  };
  const { app, base: appBase } = await serve("1");
  const { app: uncachedApp, base: uncachedBase } = await serve("0");
  const signIn = await fetch(`${appBase}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`login: ${signIn.status} ${await signIn.text()}`);
  const session = /trienkhai_session=([^;]+)/.exec(signIn.headers.getSetCookie().join("\n"))?.[1];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const principal = session ? await principalOfSession(db, session) : null;
  if (!session || !principal) throw new Error("login: no session");
  const cookie = `trienkhai_session=${session}`;

  const filter: TaskFilter = { sort: "deadline", page: 1, pageSize: 50 };
  const bare = Fastify({ logger: false });
  bare.get("/tasks", async (_request, reply) => {
    const r = await listTasks(db, principal, filter, TODAY, null);
    return reply.type("application/json").send(JSON.stringify(pageOf(r.items, r.total, filter)));
  });
  const bareBase = await bare.listen({ host: "127.0.0.1", port: 0 });

  const appUrl = `${appBase}/api/tasks?pageSize=50`;
  const uncachedUrl = `${uncachedBase}/api/tasks?pageSize=50`;
  const bareUrl = `${bareBase}/tasks`;
  const [viaApp, viaUncached, viaBare] = await Promise.all([
    fetch(appUrl, { headers: { cookie } }).then((r) => r.json()),
    fetch(uncachedUrl, { headers: { cookie } }).then((r) => r.json()),
    fetch(bareUrl).then((r) => r.json()),
  ]);
  if (!isDeepStrictEqual(viaApp, viaBare) || !isDeepStrictEqual(viaUncached, viaBare))
    throw new Error("the app and the bare route answer differently");
  if ((viaApp as { items: unknown[] }).items.length !== 50) throw new Error("expected a page of 50 rows");

  const [a, u, b] = (await measure([
    ["app (GET /api/tasks)", { url: appUrl, headers: { cookie } }],
    ["app, TRIENKHAI_READ_CACHE=0", { url: uncachedUrl, headers: { cookie } }],
    ["bare route (same SQL, uncached)", { url: bareUrl, headers: {} }],
  ])) as [LoadResult, LoadResult, LoadResult];
  console.log(`read cache: ${readCacheStats.hits} hits, ${readCacheStats.misses} misses`);

  await fetch(`${appBase}/api/auth/logout`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrfToken },
  });
  await bare.close();
  await uncachedApp.close();
  await app.close();
  await database.close();
  console.log(`bare_rps: ${b.rps.toFixed(0)} req/s`);
  console.log(`api_uncached_rps: ${u.rps.toFixed(0)} req/s`);
  console.log(`api_uncached_vs_bare: ${(u.rps / b.rps).toFixed(2)} x`);
  console.log(`api_p99: ${a.p99} ms`);
  console.log(`api_rps: ${a.rps.toFixed(0)} req/s`);
  console.log(`api_vs_bare: ${(a.rps / b.rps).toFixed(2)} x`);
}

await main();
