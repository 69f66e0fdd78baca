// Users, their role and the organisation subtree they are scoped to; the append-only audit log.

import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    displayName: text().notNull(),
    email: text(),
    passwordHash: text(),
    role: text().notNull(),
    scopeOrganisationId: integer().references(() => organisations.id),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true, mode: "string" }),
    disabledAt: timestamp({ withTimezone: true, mode: "string" }),
    /** The dashboard view the user saved (document, level, hidden panels), kept with the account. */
    dashboardView: jsonb()
      .$type<{ documentId?: number; level?: string; hidden?: string[] }>()
      .notNull()
      .default({}),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_key").on(t.username)],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    actorId: integer(),
    actorName: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    origin: text(),
    requestId: text(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);
