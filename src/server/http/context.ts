// What route handlers share: the database, the configuration and the background jobs. Passed in,
// never imported as a singleton, so a test builds an app on its own database.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";
import type { Database, Db } from "../../db/client.ts";

/** Background work the API hands off (reminders, imports); absent when no queue runs (tests). */
export interface JobQueue {
  send(name: string, data: object): Promise<string | null>;
  /** Queues jobs as part of a transaction: they exist if and only if it commits. */
  insertInTransaction(tx: Db, jobs: { name: string; data: object }[]): Promise<void>;
  /** Resolves when the queue is running and its tables answer (readiness). */
  probe(): Promise<void>;
}

export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  today: () => string;
  jobs: JobQueue | null;
  /**
   * The id this instance writes on the imports and exports it runs (src/server/jobs/instance.ts);
   * absent where no server runs (tests building an app), whose rows any start may then fail.
   */
  instance?: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A feature's routes, registered by src/server/http/routes.ts. */
export type Routes = (app: App, ctx: AppContext) => Promise<void>;

declare module "fastify" {
  interface FastifyInstance {
    /** The upload limit, for the messages that quote it. */
    uploadMaxBytes: number;
  }
}
