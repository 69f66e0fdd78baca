// Review reports and table exports: the templates an administrator adjusts, and each export asked
// for, with its progress while a job writes it and then the file itself (kept in the database, so
// that whichever instance ran the job, any instance can hand it out).
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea, documents } from "./documents.ts";
import { users } from "./users.ts";

/** One row per template key ("party", "state") once an administrator has changed it. */
export const reportTemplates = pgTable("report_templates", {
  key: text().primaryKey(),
  content: jsonb().notNull(),
  version: integer().notNull().default(1),
  updatedBy: integer().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

export const reportExports = pgTable(
  "report_exports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    state: text().notNull().default("queued"),
    stage: text().notNull().default("queued"),
    percent: integer().notNull().default(0),
    format: text().notNull(),
    // what was asked for (document, organisation, level, period, review, table) and as whom
    request: jsonb().notNull(),
    documentId: integer().references(() => documents.id, { onDelete: "cascade" }),
    // the subtree whose bodies the export covers (null: every body): who may read it
    scopePath: text(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer(),
    bytes: bytea(),
    problem: jsonb(),
    // the instance writing it (src/server/jobs/instance.ts); null while it waits on the queue
    owner: integer(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("report_exports_created_idx").on(t.createdAt)],
);
