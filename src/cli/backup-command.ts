// trienkhai backup --out FILE: every table of the configured database (embedded or PostgreSQL) in one
// gzip'd file that `trienkhai restore` reads into either kind (src/db/backup.ts).
import { resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { backupDatabase } from "../db/backup.ts";
import { bilingual } from "../messages/catalog.ts";
import { openConfiguredDatabase } from "./database.ts";
import { UsageError } from "./usage.ts";

export async function backupCommand(args: string[]): Promise<number> {
  if (args.length !== 2 || args[0] !== "--out" || !args[1] || args[1].startsWith("-"))
    throw new UsageError("cli-backup-usage");
  const file = resolve(args[1]);
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const s = await backupDatabase(database, file);
    const size = `${(s.bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
    process.stdout.write(
      `${bilingual("backup-done", { tables: s.tables, rows: s.rows, database: database.location, file, size })}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
