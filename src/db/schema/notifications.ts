// The in-app inbox. A reminder is one row per user, subject and occasion (`dedupeKey`), so a
// reminder scan that runs twice, or on two instances, sends it once.
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    dueDate: date({ mode: "string" }),
    subject: text().notNull(),
    body: text().notNull(),
    dedupeKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true, mode: "string" }),
    emailedAt: timestamp({ withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
  ],
);
