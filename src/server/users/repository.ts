// SQL for users.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema/users.ts";

export type UserRow = typeof users.$inferSelect;

export async function userByName(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<number> {
  const [r] = await db.insert(users).values(row).returning({ id: users.id });
  return (r as { id: number }).id;
}
