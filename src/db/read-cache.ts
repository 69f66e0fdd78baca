// An exact read cache: results of read queries kept in this process against the data version, a
// number in the database that triggers move on every statement changing a table those reads
// depend on (migration 0006_data_version.sql; a new reader adds its tables' triggers there). A hit
// costs one tiny query (the version, shared by concurrent hits) instead of the read; the version
// lives in the database, so another instance's or the CLI's writes invalidate these entries too.
//
// Guarantee: a hit answers exactly what the read would answer at the moment the version was read,
// and that read starts after the request came: a list asked for after a change committed, here or
// anywhere, shows it. Why: a miss stores its result R under version v only if, in this order, (1)
// v was read and then the writers' lock found free (data_version_settled), (2) the read ran, (3)
// the version read again was still v. Take a transaction W that changed a watched table and
// committed before a later hit at version v. If W's last bump came after v was read, the version
// has moved past v (seen at (3) or at the hit): no hit. If it came before, W held the shared lock
// from before that bump until its commit was visible to all; the lock was free at (1), so W's
// changes were visible when the read at (2) took its snapshot, and R holds them.
// Residual staleness, at most READ_CACHE_TTL_MS (2 s) from the start of the read that made the
// entry: changes that fire no trigger (triggers disabled, session_replication_role = replica, a
// table the read uses without the trigger) and the sequence set back (an older database restored
// under a running server).
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { LRUCache } from "lru-cache";
import type { Db } from "./client.ts";
import { rows } from "./rows.ts";

export const READ_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  version: string;
  value: unknown;
  bytes: number;
  until: number;
}

/** What the caches did in this process, for tests and metrics. */
export const readCacheStats = { hits: 0, misses: 0 };

/** A database's cache, and its version reads under way. */
interface State {
  lru: LRUCache<string, Entry>;
  /** Callers waiting for the next version read. */
  waiting: { resolve(v: string | undefined): void; reject(e: unknown): void }[];
  reading: boolean;
}

/** One cache per database handle: two databases in one process (tests) never share entries. */
const states = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = {
      lru: new LRUCache<string, Entry>({
        max: MAX_ENTRIES,
        maxSize: MAX_BYTES,
        sizeCalculation: (e) => Math.max(1, e.bytes),
      }),
      waiting: [],
      reading: false,
    };
    states.set(db, s);
  }
  return s;
}

/**
 * The current version, by a read that starts after this call (so a hit is as current as if it had
 * read alone); the callers that come while a read is under way share the next one: one query for
 * many concurrent hits.
 */
function version(db: Db, s: State): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    s.waiting.push({ resolve, reject });
    if (!s.reading) void readVersions(db, s);
  });
}

async function readVersions(db: Db, s: State): Promise<void> {
  s.reading = true;
  while (s.waiting.length > 0) {
    const batch = s.waiting;
    s.waiting = [];
    try {
      const [r] = await rows<{ v: string }>(db, sql`select last_value::text as v from data_version`);
      for (const w of batch) w.resolve(r?.v);
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
  s.reading = false;
}

async function settledVersion(db: Db): Promise<string | null> {
  const [r] = await rows<{ v: string | null }>(db, sql`select data_version_settled()::text as v`);
  return r?.v ?? null;
}

/**
 * `read()` from the cache when nothing it depends on changed since, else run and remembered. The
 * key must name everything the result depends on besides the watched tables (the caller's scope,
 * the filter, the day); callers must not change the value returned. `bytes` estimates its size.
 */
export async function cachedRead<T>(
  db: Db,
  key: string,
  read: () => Promise<T>,
  bytes: (value: T) => number,
): Promise<T> {
  // a transaction sees its own uncommitted changes, which may yet be rolled back
  if (db instanceof PgTransaction) return read();
  const s = stateOf(db);
  const started = Date.now();
  const hit = s.lru.get(key);
  if (hit) {
    if (hit.until > started && hit.version === (await version(db, s))) {
      readCacheStats.hits++;
      return hit.value as T;
    }
    if (s.lru.peek(key) === hit) s.lru.delete(key);
  }
  readCacheStats.misses++;
  const before = await settledVersion(db);
  const value = await read();
  if (before !== null && before === (await version(db, s)))
    s.lru.set(key, { version: before, value, bytes: bytes(value), until: started + READ_CACHE_TTL_MS });
  return value;
}
