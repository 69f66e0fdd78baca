// One code path for two databases: the embedded PGlite (a file-backed PostgreSQL in the data
// directory, the default) and a PostgreSQL server (DATABASE_URL). Both are typed as the same
// Drizzle database; migrations are applied on open.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./pglite-lock.ts";

export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data is: the data directory, or the server URL without its password. */
  location: string;
  close(): Promise<void>;
  /** The embedded client, for dumps (backup, test templates). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** postgres://… to use a server; otherwise the embedded database. */
  url?: string | undefined;
  /** Data directory of the embedded database; "memory://" keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** A dump (PGlite.dumpDataDir) to start the embedded database from. */
  loadDataDir?: Blob | undefined;
  migrate?: boolean;
}

export const MIGRATIONS = join(import.meta.dirname, "migrations");

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server ends (a restart, a dropped database) is removed by the pool and
    // replaced on next use; unhandled, its 'error' event would end the whole process.
    pool.on("error", () => {});
    const db = drizzlePostgres(pool, { casing: "snake_case" });
    if (migrate) await migratePostgres(db, { migrationsFolder: MIGRATIONS });
    return { db, kind: "postgres", location: redact(options.url), close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? "./data/pglite";
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dirname(dataDir), { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const client = new PGlite(dataDir, {
      extensions: { unaccent, pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { casing: "snake_case" });
    if (migrate) await migratePglite(db, { migrationsFolder: MIGRATIONS });
    const close = async () => {
      await client.close();
      unlock();
    };
    return { db, kind: "pglite", location: dataDir, close, pglite: client };
  } catch (error) {
    unlock();
    throw error;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}
