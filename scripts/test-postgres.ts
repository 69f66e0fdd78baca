// The PostgreSQL leg of `npm test`: the database test files (*.db.test.ts) again, against a
// PostgreSQL server (TEST_DATABASE_URL, else DATABASE_URL, else postgres on 127.0.0.1:5432).
// Without a reachable server the leg is skipped with a message, unless TRIENKHAI_REQUIRE_POSTGRES
// is set (CI sets it), in which case it fails.
import { spawnSync } from "node:child_process";
import pg from "pg";

const url =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const required = Boolean(process.env.TRIENKHAI_REQUIRE_POSTGRES);

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const r = await client.query("select version()");
    await client.end();
    return String(r.rows[0]?.version ?? "");
  } catch (e) {
    return e instanceof Error ? `!${e.message}` : "!unreachable";
  }
}

const version = await reachable();
if (version === null || version.startsWith("!")) {
  const line = `PostgreSQL không kết nối được (${url}): bỏ qua lượt kiểm thử trên PostgreSQL / PostgreSQL unreachable: PostgreSQL leg skipped (${version?.slice(1)})`;
  console.log(line);
  process.exit(required ? 1 : 0);
}
console.log(`Lượt kiểm thử trên PostgreSQL / PostgreSQL leg: ${version?.split(",")[0]}`);
const result = spawnSync("vitest", ["run", ".db.test"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
