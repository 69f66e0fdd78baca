// What `trienkhai start` and `trienkhai demo` print about the database: where it is, how much it
// holds, the cascade of documents and the demo accounts.
import { sql } from "drizzle-orm";
import type { Database, Db } from "../db/client.ts";
import { rows } from "../db/rows.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../demo/accounts.ts";
import { type MessageCode, vi } from "../messages/catalog.ts";
import { cascadeTree } from "../server/documents/service.ts";
import { printTree } from "./tree-command.ts";

export interface Counts {
  organisations: number;
  documents: number;
  tasks: number;
  /** Current assignments: a transferred one is counted once, through its successor's row. */
  assignments: number;
  users: number;
}

export async function counts(db: Db): Promise<Counts> {
  const [r] = await rows<Counts>(
    db,
    sql`select (select count(*)::int from organisations where not is_group) as organisations,
               (select count(*)::int from documents) as documents,
               (select count(*)::int from tasks) as tasks,
               (select count(*)::int from assignments where transferred_to_id is null) as assignments,
               (select count(*)::int from users) as users`,
  );
  return r as Counts;
}

export function databaseLine(database: Database): string {
  return vi("start-database", {
    kind: vi(database.kind === "pglite" ? "db-kind-pglite" : "db-kind-postgres"),
    location: database.location,
  });
}

export function countsLine(c: Counts): string {
  return vi("start-counts", {
    organisations: c.organisations,
    documents: c.documents,
    tasks: c.tasks,
    assignments: c.assignments,
  });
}

/** The cascade, at most `max` lines; a line naming the command that prints the rest. */
export async function treeLines(db: Db, max = 40): Promise<string[]> {
  const out: string[] = [];
  printTree(await cascadeTree(db), "  ", out);
  if (out.length === 0) return [vi("start-no-documents")];
  const lines = [vi("start-tree"), ...out.slice(0, max)];
  if (out.length > max) lines.push(`  ${vi("start-tree-more", { count: out.length - max })}`);
  return lines;
}

/** The demo accounts present in the database, with their roles. */
export async function demoUserLines(db: Db): Promise<string[]> {
  const present = await rows<{ username: string }>(
    db,
    sql`select username from users where username in (${sql.join(
      DEMO_USERS.map((u) => sql`${u.username}`),
      sql`, `,
    )})`,
  );
  const names = new Set(present.map((p) => p.username));
  const users = DEMO_USERS.filter((u) => names.has(u.username));
  if (users.length === 0) return [];
  return [
    vi("demo-users", { password: DEMO_PASSWORD }),
    ...users.map((u) => `  ${u.username.padEnd(10)} ${vi(`role-${u.role}` as MessageCode)}`),
  ];
}
