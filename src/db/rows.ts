// Raw SQL results read the same way on PGlite and node-postgres: `db.execute()` returns `{ rows }`
// on both, typed as unknown by Drizzle.
import type { SQL } from "drizzle-orm";
import type { Db } from "./client.ts";

export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
