// One process: the API and the web UI on one port, the background jobs beside them. SIGTERM (or
// Ctrl+C) stops taking new requests, lets those in flight finish, then stops the jobs and closes
// the database.
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { failInterruptedImports } from "./documents/imports.ts";
import { buildApp } from "./http/app.ts";
import type { App, AppContext } from "./http/context.ts";
import { startInstance } from "./jobs/instance.ts";
import { startJobQueue } from "./jobs/queue.ts";
import { startReminderJobs } from "./reminders/jobs.ts";
import { startReportExportJobs } from "./report-exports/jobs.ts";
import { failInterruptedExports } from "./report-exports/store.ts";

export interface RunningServer {
  app: App;
  url: string;
  /** Stops accepting, waits for requests in flight, then releases the jobs (not the database). */
  close(): Promise<void>;
}

/** How often a running instance looks for work a dead one left behind. */
const SWEEP_MS = 60_000;

/** Fails the imports and exports of instances that are gone: cut off, they would stay "running" for ever. */
async function sweep(database: Database, self: number): Promise<void> {
  await failInterruptedImports(database.db, { self });
  await failInterruptedExports(database.db, self);
}

export async function startServer(config: Config, database: Database): Promise<RunningServer> {
  const ctx: AppContext = { database, db: database.db, config, today: config.today, jobs: null };
  const app = await buildApp(ctx);
  const instance = await startInstance(database, app.log);
  ctx.instance = instance.id;
  await sweep(database, instance.id);
  // an instance of several may die while the others run on: theirs look again now and then
  const sweeper = setInterval(() => {
    sweep(database, instance.id).catch((error: unknown) => app.log.warn({ err: error }, "sweep failed"));
  }, SWEEP_MS);
  sweeper.unref();
  const jobs = await startJobQueue(database, { log: app.log, concurrency: config.jobs.jobConcurrency });
  await startReminderJobs(jobs, ctx);
  await startReportExportJobs(jobs, ctx);
  ctx.jobs = jobs;
  const stop = async () => {
    clearInterval(sweeper);
    await jobs.stop();
    await instance.close();
  };
  const address = await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    app,
    url: address,
    close: async () => {
      await app.close();
      await stop();
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
