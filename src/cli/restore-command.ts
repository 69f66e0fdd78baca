// trienkhai restore FILE [--force]: a backup into the configured database, which must be empty unless
// --force; all or nothing (src/db/backup.ts). The database is not migrated on open: the restore
// brings it to the backup's schema first, then to this version's.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { restoreDatabase } from "../db/backup.ts";
import { openDatabase } from "../db/client.ts";
import { bilingual } from "../messages/catalog.ts";
import { ReadError } from "../readers/errors.ts";
import { UsageError } from "./usage.ts";

export async function restoreCommand(args: string[]): Promise<number> {
  const force = args.includes("--force");
  const rest = args.filter((a) => a !== "--force");
  const [given] = rest;
  if (rest.length !== 1 || !given || given.startsWith("-")) throw new UsageError("cli-restore-usage");
  const file = resolve(given);
  if (!existsSync(file)) throw new ReadError("file-missing", { name: given });
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir, migrate: false });
  try {
    const s = await restoreDatabase(database, file, { force });
    process.stdout.write(
      `${bilingual("restore-done", { tables: s.tables, rows: s.rows, file, database: database.location })}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
