// trienkhai serve: the HTTP server alone (the database is migrated, nothing is seeded), for
// deployments where each instance is started by a service manager.
import { loadConfig } from "../config.ts";
import { startServer, untilSignal } from "../server/serve.ts";
import { openConfiguredDatabase } from "./database.ts";
import { expectNoArguments } from "./usage.ts";

export async function serveCommand(args: string[]): Promise<number> {
  expectNoArguments(args);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const server = await startServer(config, database);
  await untilSignal(server, database);
  return 0;
}
