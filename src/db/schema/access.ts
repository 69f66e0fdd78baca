// Sign-in: browser sessions (a cookie holding a random token; only its SHA-256 is stored) and API
// tokens for other systems (likewise stored hashed). Both live in the database so that every
// instance of the server accepts them.
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // double-submit CSRF token: cookie-authenticated writes must echo it in a header
    csrfToken: text().notNull(),
    origin: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: "string" }),
    revokedAt: timestamp({ withTimezone: true, mode: "string" }),
    lastUsedAt: timestamp({ withTimezone: true, mode: "string" }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);
