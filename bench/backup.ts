// npm run bench:backup — the national-size round trip, too slow for the test suite: the bench
// database (npm run bench:seed: ≥ 2,000,000 indicator values, ≥ 1,000,000 progress updates) backed
// up, restored into a new database on the PostgreSQL server (and, with BENCH_BACKUP_PGLITE=1, into
// an embedded one too), every table's row count and digest compared. Prints the figures.
// BENCH_DATABASE_URL names the server (postgres on 127.0.0.1:5432 by default).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupDatabase, restoreDatabase } from "../src/db/backup.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { databaseFingerprint } from "../test/support/api.ts";
import { scratchServerDatabase } from "../test/support/db.ts";
import { openBenchDatabase } from "./seed.ts";

process.env.BENCH_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const serverUrl = process.env.BENCH_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "trienkhai-bench-backup-"));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await work();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

async function roundTrip(label: string, target: Database, file: string, source: Record<string, string>) {
  const s = await timed(`restore into ${label}`, () => restoreDatabase(target, file));
  const fingerprint = await timed(`digest of ${label}`, () => databaseFingerprint(target.db));
  const differ = Object.keys(source).filter((t) => source[t] !== fingerprint[t]);
  console.log(
    `${label}: ${s.rows} rows restored; tables that differ: ${differ.length === 0 ? "none" : differ.join(", ")}`,
  );
  return differ.length;
}

const source = await openBenchDatabase(false, false);
let differ = 0;
try {
  const file = join(dir, "national.trienkhai.gz");
  const summary = await timed("backup", () => backupDatabase(source, file));
  console.log(
    `backup: ${summary.tables} tables, ${summary.rows} rows, ${(statSync(file).size / 1048576).toFixed(1)} MB gzip'd`,
  );
  for (const [t, n] of Object.entries(summary.counts).filter(([, n]) => n >= 100_000))
    console.log(`  ${t}: ${n}`);
  const fingerprint = await timed("digest of the source", () => databaseFingerprint(source.db));

  const scratch = await scratchServerDatabase(serverUrl, "trienkhai_bench_restore");
  const server = await openDatabase({ url: scratch.url, migrate: false });
  try {
    differ += await roundTrip("PostgreSQL", server, file, fingerprint);
  } finally {
    await server.close();
    await scratch.drop();
  }
  if (process.env.BENCH_BACKUP_PGLITE === "1") {
    const embedded = await openDatabase({ dataDir: join(dir, "pglite"), migrate: false });
    try {
      differ += await roundTrip("PGlite", embedded, file, fingerprint);
    } finally {
      await embedded.close();
    }
  }
} finally {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`backup_round_trip_tables_differing: ${differ}`);
process.exitCode = differ === 0 ? 0 : 1;
