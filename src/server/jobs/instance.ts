// Which instance runs a piece of work (a document import, a report export), and whether it still
// lives. Each instance picks a random id, writes it on the rows it starts, and on PostgreSQL holds a
// session advisory lock on that id on a connection of its own for as long as it runs. However the
// process ends — SIGKILL included — PostgreSQL ends the session and the lock with it; whoever then
// takes the lock knows the rows are orphaned, while a live instance's lock cannot be taken, so its
// work is left alone. No heartbeat, no clock: the database sees the connection go.
//
// On PGlite one process holds the data directory (src/db/pglite-lock.ts): every other id is a dead
// process's, and the same statement holds (an advisory lock taken in the only session succeeds).
import { randomInt } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { FastifyBaseLogger } from "fastify";
import pg from "pg";
import type { Database } from "../../db/client.ts";

/** The first key of the instance locks, apart from any other advisory lock: "tk". */
const LOCK_CLASS = 0x746b;

type Log = Pick<FastifyBaseLogger, "warn" | "error">;

export interface Instance {
  /** The id written on the rows this instance runs. */
  readonly id: number;
  /** Gives up the lock: the instance's unfinished rows become orphans. */
  close(): Promise<void>;
}

/**
 * True for a row whose owner is gone: neither this instance nor one holding its lock. Takes the dead
 * owner's lock for the statement's transaction only, so it is evaluated again next time.
 */
export function ownerGone(owner: AnyPgColumn, self: number | null): SQL {
  return sql`(${owner} is distinct from ${self}::int and pg_try_advisory_xact_lock(${sql.raw(String(LOCK_CLASS))}, ${owner}))`;
}

async function lockFree(client: pg.Client, id: number): Promise<boolean> {
  const r = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1::int, $2::int) as ok", [
    LOCK_CLASS,
    id,
  ]);
  return r.rows[0]?.ok === true;
}

/** Claims an id for this process; on PostgreSQL its lock is held until `close` or the process ends. */
export async function startInstance(database: Database, log: Log): Promise<Instance> {
  if (database.kind === "pglite") return { id: randomInt(1, 2 ** 31 - 1), close: async () => {} };
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  let closing = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (id: number | null): Promise<number> => {
    const c = new pg.Client(pool.options);
    // a lost connection loses the lock: take it again on a new one (other instances may meanwhile
    // fail this instance's rows; those still running then finish and write their outcome over it)
    c.on("error", (error) => log.warn({ err: error }, "instance lock connection lost"));
    c.on("end", () => {
      if (closing || client !== c) return;
      client = null;
      const again = (): void => {
        retry = setTimeout(() => {
          connect(claimed).catch((error: unknown) => {
            log.warn({ err: error }, "instance lock not taken again yet");
            if (!closing) again();
          });
        }, 1000);
        retry.unref();
      };
      again();
    });
    await c.connect();
    try {
      let chosen = id ?? randomInt(1, 2 ** 31 - 1);
      // two live instances never share an id: a taken one is another instance's
      while (!(await lockFree(c, chosen))) {
        if (id !== null) throw new Error(`instance id ${id} is held by another session`);
        chosen = randomInt(1, 2 ** 31 - 1);
      }
      client = c;
      return chosen;
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
  };
  const claimed = await connect(null);
  return {
    id: claimed,
    async close() {
      closing = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
