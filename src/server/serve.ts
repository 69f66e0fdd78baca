// One process: the API and the web UI on one port, the background jobs beside them. SIGTERM (or
// Ctrl+C) stops taking new requests, lets those in flight finish, then stops the jobs and closes
// the database.
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { failInterruptedImports } from "./documents/imports.ts";
import { buildApp } from "./http/app.ts";
import type { App, AppContext } from "./http/context.ts";
import { startJobQueue } from "./jobs/queue.ts";
import { startReminderJobs } from "./reminders/jobs.ts";
import { startReportExportJobs } from "./report-exports/jobs.ts";

export interface RunningServer {
  app: App;
  url: string;
  /** Stops accepting, waits for requests in flight, then releases the jobs (not the database). */
  close(): Promise<void>;
}

export async function startServer(config: Config, database: Database): Promise<RunningServer> {
  // an upload cut short by the last stop would otherwise stay "running" for ever
  await failInterruptedImports(database.db);
  const ctx: AppContext = { database, db: database.db, config, today: config.today, jobs: null };
  const app = await buildApp(ctx);
  const jobs = await startJobQueue(database, { log: app.log });
  await startReminderJobs(jobs, ctx);
  await startReportExportJobs(jobs, ctx);
  ctx.jobs = jobs;
  const address = await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
    await jobs.stop();
    throw error;
  });
  return {
    app,
    url: address,
    close: async () => {
      await app.close();
      await jobs.stop();
    },
  };
}

/** Runs until SIGTERM or SIGINT, then shuts down in order; resolves when everything is closed. */
export function untilSignal(server: RunningServer, database: Database): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      server.app.log.info({ signal }, "shutting down");
      void server
        .close()
        .then(() => database.close())
        .then(resolve, (error: unknown) => {
          server.app.log.error({ err: error }, "shutdown failed");
          resolve();
        });
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
