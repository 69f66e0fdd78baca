// A fresh, migrated database for a test file: the embedded PGlite by default (started from a dump
// of a migrated template, so each file does not pay for migrations), or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (created for the file and dropped after it).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.ts";

const migrationsDir = join(import.meta.dirname, "..", "..", "src", "db", "migrations");

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(migrationsDir).sort())
    if (f.endsWith(".sql")) h.update(readFileSync(join(migrationsDir, f)));
  return h.digest("hex").slice(0, 16);
}

async function templateDump(): Promise<Blob> {
  const file = join(tmpdir(), `trienkhai-pglite-template-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const template = await openDatabase({ dataDir: "memory://" });
    const dump = await (template.pglite as NonNullable<Database["pglite"]>).dumpDataDir("gzip");
    await template.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

let counter = 0;
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: "memory://", loadDataDir: await templateDump() });
  const name = `trienkhai_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
