// trienkhai start (what `npm start` runs): migrate the configured database, load the reference
// organisations and the demo when it is empty (no documents, no users; first run only, in one
// transaction), print an overview, then serve the API and the web UI until stopped.
// `--no-serve` stops after the overview.
import { sql } from "drizzle-orm";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { rows } from "../db/rows.ts";
import { message, vi } from "../messages/catalog.ts";
import { transferOffers } from "../server/organisations/transfers.ts";
import { startServer, untilSignal } from "../server/serve.ts";
import { openConfiguredDatabase } from "./database.ts";
import { counts, countsLine, databaseLine, demoUserLines, treeLines } from "./overview.ts";
import { expectNoArguments } from "./usage.ts";
import { version } from "./version.ts";

async function isEmpty(db: Db): Promise<boolean> {
  const [r] = await rows<{ empty: boolean }>(
    db,
    sql`select not exists (select 1 from documents) and not exists (select 1 from users) as empty`,
  );
  return r?.empty === true;
}

export async function startCommand(args: string[]): Promise<number> {
  const serve = args[0] !== "--no-serve";
  expectNoArguments(serve ? args : args.slice(1));
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  let served = false;
  try {
    const { db } = database;
    const today = config.today();
    if (await isEmpty(db)) {
      process.stdout.write(`${vi("start-seeding")}\n`);
      // the demo (and the parser it runs) is loaded only when it is needed
      const { installDemo } = await import("../demo/demo.ts");
      await installDemo(db, today);
    }
    const lines = [version(), databaseLine(database), countsLine(await counts(db))];
    lines.push(...(await treeLines(db)), ...(await demoUserLines(db)));
    const offers = (await transferOffers(db, today)).length;
    if (offers > 0) lines.push(vi("start-transfers", { count: offers }));
    if (!serve) {
      lines.push("", vi("start-no-serve"));
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    }
    const server = await startServer(config, database);
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
    lines.push("", message("start-serving", { url }, "vi"), message("start-serving", { url }, "en"));
    process.stdout.write(`${lines.join("\n")}\n`);
    served = true;
    await untilSignal(server, database);
    return 0;
  } finally {
    if (!served) await database.close();
  }
}
