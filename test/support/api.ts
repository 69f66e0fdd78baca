// An API under test: the real Fastify application on a test database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL) holding the demo, driven through Fastify's injector or a real socket, with
// one signed-in client per demo account.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type Config, loadConfig } from "../../src/config.ts";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { installDemo } from "../../src/demo/demo.ts";
import { buildApp } from "../../src/server/http/app.ts";
import type { App, AppContext, JobQueue } from "../../src/server/http/context.ts";
import { testDatabase } from "./db.ts";

/** The demo's "today": every status and reminder in API tests is judged on this day. */
export const API_TODAY = "2026-11-24";

export interface ApiClient {
  username: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface ApiHarness {
  app: App;
  ctx: AppContext;
  database: Database;
  db: Database["db"];
  config: Config;
  /** Signs a demo account in (password DEMO_PASSWORD unless given). */
  login(username: string, password?: string): Promise<ApiClient>;
  /** An anonymous client (no cookie). */
  anonymous: ApiClient;
  close(): Promise<void>;
}

/** A PGlite dump of a migrated database with the demo, made once per migration set and demo. */
async function demoDatabase(): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await testDatabase();
    await installDemo(database.db, API_TODAY);
    return database;
  }
  const file = join(tmpdir(), `trienkhai-pglite-demo-${demoHash()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await testDatabase();
    await installDemo(database.db, API_TODAY);
    const dump = await (database.pglite as NonNullable<Database["pglite"]>).dumpDataDir("gzip");
    await database.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(file)]) });
}

/** Changes to migrations or to the demo's sources make a new dump. */
function demoHash(): string {
  const h = createHash("sha256");
  const root = join(import.meta.dirname, "..", "..", "src");
  for (const dir of ["db/migrations", "demo", "demo/documents", "reference"]) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort()) {
      const path = join(full, f);
      if (statSync(path).isFile()) h.update(f).update(readFileSync(path));
    }
  }
  return h.digest("hex").slice(0, 16);
}

export interface HarnessOptions {
  /** Overrides of the environment (limits, SMTP) the app is configured from. */
  env?: Record<string, string>;
  jobs?: JobQueue | null;
  /** An empty database instead of the demo. */
  empty?: boolean;
}

export async function apiHarness(options: HarnessOptions = {}): Promise<ApiHarness> {
  const database = options.empty ? await testDatabase() : await demoDatabase();
  const config = loadConfig({
    TRIENKHAI_TODAY: API_TODAY,
    TRIENKHAI_DATA_DIR: join(tmpdir(), "trienkhai-api-test"),
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const ctx: AppContext = {
    database,
    db: database.db,
    config,
    today: config.today,
    jobs: options.jobs ?? null,
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();

  const client = (username: string, cookie: string, csrfToken: string): ApiClient => {
    const request = (o: InjectOptions) =>
      app.inject({
        ...o,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
          ...(o.headers ?? {}),
        },
      });
    const withBody =
      (method: "POST" | "PATCH" | "PUT") => (url: string, body?: unknown, headers?: Record<string, string>) =>
        request({
          method,
          url,
          ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
          headers: headers ?? {},
        });
    return {
      username,
      csrfToken,
      request,
      get: (url) => request({ method: "GET", url }),
      post: withBody("POST"),
      patch: withBody("PATCH"),
      put: withBody("PUT"),
      delete: (url, headers) => request({ method: "DELETE", url, headers: headers ?? {} }),
    };
  };

  return {
    app,
    ctx,
    database,
    db: database.db,
    config,
    anonymous: client("anonymous", "", ""),
    async login(username, password = DEMO_PASSWORD) {
      const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const session = r.cookies.find((c) => c.name === "trienkhai_session");
      const me = r.json() as { csrfToken: string };
      return client(username, `trienkhai_session=${session?.value}`, me.csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Row counts and a digest of every table's content: equal before and after means nothing changed. */
export async function databaseFingerprint(db: Database["db"]): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await rows<{ n: number; digest: string | null }>(
      db,
      sql.raw(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from "${name}" t`,
      ),
    );
    out[name] = `${r?.n}:${r?.digest ?? ""}`;
  }
  return out;
}
