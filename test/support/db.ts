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

/** A new, empty database on the PostgreSQL server at `serverUrl`: its URL, and how to drop it. */
export async function scratchServerDatabase(
  serverUrl: string,
  prefix = "trienkhai_test",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: "memory://", loadDataDir: await templateDump() });
  const scratch = await scratchServerDatabase(url);
  const database = await openDatabase({ url: scratch.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
