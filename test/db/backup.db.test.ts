// Backup and restore (src/db/backup.ts, trienkhai backup / restore): the demo with a generated
// mid-size set (tens of thousands of rows, awkward text, JSON, binary files) backed up and restored
// into an empty database — of the same kind, and in the PostgreSQL leg of the other kind too (PGlite
// → PostgreSQL and back) — with every table's row count and digest, the sequences and the
// migrations identical. A non-empty target, a foreign file and a damaged one are refused with
// nothing changed; the commands exit 2 with one bilingual line. The national-size round trip is
// bench/backup.ts (too slow for the suite).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../../src/db/backup.ts";
import { type Database, type DatabaseKind, openDatabase } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { DomainError } from "../../src/server/errors.ts";
import { type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { scratchServerDatabase, testDatabaseKind } from "../support/db.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/trienkhai");
const serverUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "trienkhai-backup-"));

let h: ApiHarness;
let file: string;
let source: Record<string, string>;
/** The source as it was backed up (later tests write to it). */
let sourceState: Awaited<ReturnType<typeof state>>;

/** An empty database of a kind, not migrated (a restore migrates it). */
async function emptyDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") return openDatabase({ dataDir: "memory://", migrate: false });
  const scratch = await scratchServerDatabase(serverUrl as string, "trienkhai_restore");
  const database = await openDatabase({ url: scratch.url, migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** What must be equal besides the tables: where the sequences stand and the migrations applied. */
async function state(db: Database["db"]) {
  return {
    tables: await databaseFingerprint(db),
    sequences: await rows<{ name: string; value: string | null }>(
      db,
      sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
    ),
    migrations: await rows<{ hash: string; created_at: string }>(
      db,
      sql`select hash, created_at::text from drizzle.__drizzle_migrations order by created_at`,
    ),
  };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

beforeAll(async () => {
  h = await apiHarness();
  // a mid-size set beside the demo: monthly values of every indicator for 150 bodies over six years
  // and progress updates with awkward text, JSON and dates on every assignment
  await h.db.execute(sql`
    insert into indicator_values (indicator_id, organisation_id, period, year, value, source, recorded_at)
    select i.id, o.id, y::text || '-' || lpad(m::text, 2, '0'), y, round((i.id * 7919 + o.id * 104729 + y * 31 + m) % 100000 / 7.0, 3),
      case when m % 3 = 0 then null else E'Sở "Tài chính"\n\\ tab\t— ₫ ' || o.id end,
      timestamptz '2025-01-01 00:00:00.123456+07' + make_interval(days => m, secs => o.id * 1.5)
    from (select id from indicators order by id limit 10) i
    cross join (select id from organisations order by id limit 150) o
    cross join generate_series(2020, 2025) y cross join generate_series(1, 12) m
    on conflict do nothing`);
  await h.db.execute(sql`
    insert into progress_updates (assignment_id, version, percent, narrative, evidence, completed_at, state, created_at)
    select a.id, 1000 + n, (n * 3.3)::real, E'Báo cáo lần ' || n || E'\r\n''trích'' \\ {"x": 1}',
      jsonb_build_array(jsonb_build_object('name', 'biên bản ' || n || '.pdf', 'url', 'https://x.vn/a?b=' || n)),
      date '2026-01-01' + n, case when n % 2 = 0 then 'accepted' else 'submitted' end,
      timestamptz '2026-02-03 04:05:06.789+00' + make_interval(mins => n)
    from assignments a cross join generate_series(1, 40) n`);
  file = join(dir, "demo.trienkhai.gz");
  const started = performance.now();
  const summary = await backupDatabase(h.database, file);
  console.log(
    `backup of the demo and a mid-size set (${testDatabaseKind}): ${summary.tables} tables, ${summary.rows} rows, ${(summary.bytes / 1048576).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`,
  );
  sourceState = await state(h.db);
  source = sourceState.tables;
}, 300_000);

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into an empty database of the same kind: every table, sequence and migration identical", async () => {
    expect(Number(source.indicator_values?.split(":")[0])).toBeGreaterThan(50_000);
    const target = await emptyDatabase(h.database.kind);
    try {
      const started = performance.now();
      const summary = await restoreDatabase(target, file);
      console.log(
        `restore (${target.kind}): ${summary.rows} rows in ${Math.round(performance.now() - started)} ms`,
      );
      expect(await state(target.db)).toEqual(sourceState);
      // the next row gets the id it would have had in the source
      const next = sql`insert into organisations (code, name, kind, level, path) select 'BK-NEXT', 'Kiểm tra', kind, level, '/' from organisations limit 1 returning id`;
      const [a] = await rows<{ id: number }>(target.db, next);
      const [b] = await rows<{ id: number }>(h.db, next);
      expect(a?.id).toBe(b?.id);
      await h.db.execute(sql`delete from organisations where code = 'BK-NEXT'`);
    } finally {
      await target.close();
    }
  }, 300_000);

  it.skipIf(!serverUrl)(
    "moves between the kinds: PostgreSQL → PGlite → PostgreSQL, identical at each step",
    async () => {
      const pglite = await emptyDatabase("pglite");
      const back = await emptyDatabase("postgres");
      try {
        await restoreDatabase(pglite, file);
        expect(await state(pglite.db)).toEqual(sourceState);
        const again = join(dir, "from-pglite.trienkhai.gz");
        await backupDatabase(pglite, again);
        await restoreDatabase(back, again);
        expect(await state(back.db)).toEqual(sourceState);
      } finally {
        await pglite.close();
        await back.close();
      }
    },
    300_000,
  );

  it("refuses a database that holds data, and replaces it with --force", async () => {
    const target = await emptyDatabase(h.database.kind);
    try {
      await restoreDatabase(target, file);
      await target.db.execute(sql`update organisations set name = name || ' (đã sửa)' where id = 1`);
      const changed = await databaseFingerprint(target.db);
      expect(await refusal(restoreDatabase(target, file))).toBe("restore-not-empty");
      expect(await databaseFingerprint(target.db)).toEqual(changed);
      await restoreDatabase(target, file, { force: true });
      expect(await databaseFingerprint(target.db)).toEqual(source);
    } finally {
      await target.close();
    }
  }, 300_000);

  it("refuses a foreign file and a damaged one, leaving the database as it was", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const cases: [string, Buffer, string][] = [
      ["not gzip", Buffer.from("CREATE TABLE x ();\n"), "restore-foreign"],
      ["another JSON", gzipSync(`${JSON.stringify({ format: "other" })}\n`), "restore-foreign"],
      // gzip's check catches the cut
      [
        "cut short",
        readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)),
        "restore-corrupt",
      ],
    ];
    // one value changed, the file re-compressed: only the table's digest can tell
    const row = lines.findIndex((l) => l.startsWith("[") && l.includes("Tài chính"));
    const altered = [...lines];
    altered[row] = (altered[row] as string).replace("Tài chính", "Tài chánh");
    cases.push(["a changed row", gzipSync(altered.join("\n")), "restore-corrupt"]);
    const dropped = lines.filter((_, i) => i !== row);
    cases.push(["a missing row", gzipSync(dropped.join("\n")), "restore-corrupt"]);
    const noTrailer = lines.slice(0, -2);
    cases.push(["no trailer", gzipSync(noTrailer.join("\n")), "restore-corrupt"]);

    const target = await emptyDatabase(h.database.kind);
    try {
      for (const [what, bytes, code] of cases) {
        const bad = join(dir, "bad.gz");
        writeFileSync(bad, bytes);
        expect(`${what}: ${await refusal(restoreDatabase(target, bad))}`).toBe(`${what}: ${code}`);
        // nothing at all: not even the migrations the restore would have applied
        const [t] = await rows<{ n: number }>(
          target.db,
          sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`,
        );
        expect(`${what}: ${t?.n}`).toBe(`${what}: 0`);
      }
    } finally {
      await target.close();
    }
  }, 300_000);
});

describe("trienkhai backup / restore", () => {
  function run(env: NodeJS.ProcessEnv, args: string[]) {
    const r = spawnSync(BIN, args, { env, encoding: "utf8", timeout: 240_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it("restores a backup into a new installation and backs it up again, the same data", async () => {
    const { DATABASE_URL: _url, TRIENKHAI_DATA_DIR: _dir, ...inherited } = process.env;
    const dataDir = join(dir, "install");
    const scratch = serverUrl ? await scratchServerDatabase(serverUrl, "trienkhai_cli_restore") : null;
    const env = scratch
      ? { ...inherited, DATABASE_URL: scratch.url }
      : { ...inherited, TRIENKHAI_DATA_DIR: dataDir };
    const open = () =>
      scratch ? openDatabase({ url: scratch.url }) : openDatabase({ dataDir: join(dataDir, "pglite") });
    try {
      const restored = run(env, ["restore", file]);
      expect(restored.stderr).toBe("");
      expect(restored.status).toBe(0);
      expect(restored.stdout).toMatch(/^Đã khôi phục \d+ bảng, \d+ dòng .* \/ Restored \d+ tables/);

      const again = run(env, ["restore", file]);
      expect(again.status).toBe(2);
      expect(again.stderr.trim().split("\n")).toHaveLength(1);
      expect(again.stderr).toMatch(/đã có dữ liệu .* \/ The target database holds data/);

      const bad = join(dir, "foreign.gz");
      writeFileSync(bad, "not a backup");
      const foreign = run(env, ["restore", bad]);
      expect(foreign.status).toBe(2);
      expect(foreign.stderr).toMatch(/không phải bản sao lưu của trienkhai.* \/ .*is not a trienkhai backup/);
      expect(run(env, ["restore"]).status).toBe(2);

      const out = join(dir, "again.trienkhai.gz");
      const backed = run(env, ["backup", "--out", out]);
      expect(backed.status).toBe(0);
      expect(backed.stdout).toMatch(/^Đã sao lưu \d+ bảng, \d+ dòng .* \/ Backed up \d+ tables/);

      const database = await open();
      try {
        expect(await databaseFingerprint(database.db)).toEqual(source);
        if (!scratch) {
          // the embedded database is one process's: a backup beside a running owner is refused
          const busy = run(env, ["backup", "--out", join(dir, "busy.gz")]);
          expect(busy.status).toBe(2);
          expect(busy.stderr).toMatch(/đang được tiến trình \d+ sử dụng.* \/ .*in use by process \d+/);
        }
      } finally {
        await database.close();
      }
    } finally {
      await scratch?.drop();
    }
  }, 300_000);
});
