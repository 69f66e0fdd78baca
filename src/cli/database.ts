// The database the CLI works on: the one the configuration names (DATABASE_URL or the embedded one).

import type { Config } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
}
