// The job queue: pg-boss on the application's own database, so that background work survives a
// restart and several instances share it (a job is fetched by one worker, FOR UPDATE SKIP LOCKED;
// a cron schedule fires once across instances).
//
// On PostgreSQL pg-boss runs on the application's connection pool. On PGlite it calls the same
// embedded instance directly, not through @electric-sql/pglite-socket: the socket server runs each
// wire message under PGlite's query lock only, so a queue statement arriving while the application
// is inside a transaction runs in that transaction — and pg-boss's own "BEGIN; …; COMMIT;" commits
// the application's half-done work (measured: 150 rolled-back transactions beside a looping queue
// client left 166 of their 300 rows behind). Called directly, every queue statement waits for the
// application's transaction to end; hence, on PGlite, never await the queue inside a transaction
// except through `insertInTransaction`.
import { type SQL, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type pg from "pg";
import PgBoss from "pg-boss";
import type { Database, Db } from "../../db/client.ts";
import type { JobQueue } from "../http/context.ts";
import { jobFailures } from "../metrics/metrics.ts";

type Log = Pick<FastifyBaseLogger, "warn" | "error">;

/** What pg-boss needs of a database: one statement (with $n parameters) or a script without. */
type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

function databaseExecutor(database: Database): Executor {
  const pglite = database.pglite;
  if (pglite)
    return {
      async executeSql(text, values) {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
    };
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** Counts the queue's statements and jobs under way, so that stopping can wait for the last one. */
class Activity {
  #running = 0;

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
    }
  }

  /** Resolves once nothing has run for a few ticks in a row, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (let quiet = 0; quiet < 3 && Date.now() < until; ) {
      quiet = this.#running === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  executor(inner: Executor): Executor {
    return { executeSql: (text, values) => this.track(() => inner.executeSql(text, values)) };
  }
}

/** pg-boss's positional SQL ($1, $2 …) as a Drizzle query, so that it runs in the caller's transaction. */
function positionalSql(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [sql.raw(parts[0] ?? "")];
  for (let i = 1; i < parts.length; i += 2)
    chunks.push(sql`${sql.param(values[Number(parts[i]) - 1])}`, sql.raw(parts[i + 1] ?? ""));
  return sql.join(chunks);
}

function transactionExecutor(tx: Db): Executor {
  return {
    async executeSql(text, values = []) {
      const result = (await tx.execute(positionalSql(text, values))) as unknown as { rows?: unknown[] };
      return { rows: result.rows ?? [] };
    },
  };
}

export interface JobDefinition<T extends object> {
  name: string;
  handle(data: T): Promise<void>;
  /** Attempts after the first, `retryDelay` seconds apart (doubling when `retryBackoff`). */
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** A job running longer is given up and retried. */
  expireInSeconds: number;
}

export interface QueueOptions {
  log: Log;
  /** How often an idle worker asks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Jobs of each queue run at once by this instance (TRIENKHAI_JOB_CONCURRENCY); 1 by default. */
  concurrency?: number;
}

export class Jobs implements JobQueue {
  readonly #boss: PgBoss;
  readonly #activity: Activity;
  readonly #log: Log;
  readonly #polling: number;
  readonly #concurrency: number;
  readonly #executor: Executor;
  #stopping = false;

  constructor(boss: PgBoss, activity: Activity, executor: Executor, options: QueueOptions) {
    this.#boss = boss;
    this.#executor = executor;
    this.#activity = activity;
    this.#log = options.log;
    this.#polling = options.pollingIntervalSeconds ?? 2;
    this.#concurrency = options.concurrency ?? 1;
  }

  send(name: string, data: object): Promise<string | null> {
    return this.#boss.send(name, data);
  }

  /** Enqueues in the caller's transaction: the jobs exist if, and only if, it commits. */
  async insertInTransaction(tx: Db, jobs: { name: string; data: object }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.#boss.insert(jobs, { db: transactionExecutor(tx) });
  }

  /** Creates the job's queue (or brings its retry policy up to date) and starts a worker. */
  async define<T extends object>(job: JobDefinition<T>): Promise<void> {
    const policy = {
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelay,
      retryBackoff: job.retryBackoff,
      expireInSeconds: job.expireInSeconds,
    };
    await this.#boss.createQueue(job.name, { name: job.name, ...policy });
    await this.#boss.updateQueue(job.name, { name: job.name, ...policy });
    // pg-boss 10 runs one job at a time per worker: N workers, each fetching one job, run N at once
    for (let i = 0; i < this.#concurrency; i++)
      await this.#boss.work<T>(
        job.name,
        { batchSize: 1, pollingIntervalSeconds: this.#polling },
        async (batch) => {
          for (const j of batch) {
            // a fetch that was under way when stopping began: hand the job back for a later run
            if (this.#stopping) throw new Error("the job queue is stopping");
            await this.#activity
              .track(() => job.handle(j.data))
              .catch((error: unknown) => {
                jobFailures.inc({ queue: job.name });
                this.#log.warn({ err: error, job: job.name, id: j.id }, "job failed; the queue retries it");
                throw error;
              });
          }
        },
      );
  }

  /** Runs the job on a cron schedule in a time zone; a schedule fires once whatever the instances. */
  schedule(name: string, cron: string, timeZone: string, data: object = {}): Promise<void> {
    return this.#boss.schedule(name, cron, data, { tz: timeZone });
  }

  async probe(): Promise<void> {
    if (this.#stopping) throw new Error("the job queue is stopping");
    await this.#executor.executeSql("select version from pgboss.version");
  }

  /** Jobs of a queue not finished yet (created, retry or active). */
  pending(name: string): Promise<number> {
    return this.#boss.getQueueSize(name, { before: "completed" });
  }

  /**
   * Stops fetching and lets running jobs finish (up to `timeoutMs`); resolves when the queue no
   * longer touches the database, which stays open.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.#stopping = true;
    await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    await this.#activity.settled(timeoutMs);
  }
}

/** Starts pg-boss on the database (creating or migrating its schema "pgboss" on first use). */
export async function startJobQueue(database: Database, options: QueueOptions): Promise<Jobs> {
  const activity = new Activity();
  const executor = activity.executor(databaseExecutor(database));
  const boss = new PgBoss({
    db: executor as PgBoss.Db,
    schedule: true,
    supervise: true,
  });
  boss.on("error", (error) => options.log.error({ err: error }, "job queue error"));
  await boss.start();
  return new Jobs(boss, activity, executor, options);
}
