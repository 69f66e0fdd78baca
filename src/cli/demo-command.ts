// trienkhai demo: the demo installation (src/demo) in the configured database, unless it is there
// already. Migrates, loads the reference organisations, creates the demo in one transaction (an
// interrupted run leaves nothing half-made) and prints what the database holds and the demo accounts.
import { loadConfig } from "../config.ts";
import { demoInstalled, installDemo } from "../demo/demo.ts";
import { vi } from "../messages/catalog.ts";
import { openConfiguredDatabase } from "./database.ts";
import { counts, countsLine, databaseLine, demoUserLines } from "./overview.ts";
import { expectNoArguments } from "./usage.ts";

export async function demoCommand(args: string[]): Promise<number> {
  expectNoArguments(args);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const { db } = database;
    const lines = [databaseLine(database)];
    if (await demoInstalled(db)) lines.push(vi("demo-exists"));
    else {
      const summary = await installDemo(db, config.today());
      lines.push(vi("demo-created", { ...summary, users: summary.users.length }));
    }
    lines.push(countsLine(await counts(db)), ...(await demoUserLines(db)));
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
