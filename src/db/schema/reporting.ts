// Reporting duties (kỳ báo cáo) and the reports bodies submit; dissemination sessions; inspections.

import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { documents } from "./documents.ts";
import { organisations } from "./organisations.ts";

export const reportingCycles = pgTable(
  "reporting_cycles",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer().references(() => documents.id, { onDelete: "cascade" }),
    taskId: integer(),
    name: text().notNull(),
    frequency: text().notNull(),
    // "before the 15th of the last month of each quarter": dueDay 15, dueMonthOfPeriod "last"
    dueDay: integer().notNull(),
    dueMonthOfPeriod: text().notNull().default("last"),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    reviewState: text().notNull().default("proposed"),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("reporting_cycles_document_idx").on(t.documentId)],
);

export const reportingCycleBodies = pgTable(
  "reporting_cycle_bodies",
  {
    cycleId: integer()
      .notNull()
      .references(() => reportingCycles.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.organisationId] })],
);

export const reports = pgTable(
  "reports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    cycleId: integer()
      .notNull()
      .references(() => reportingCycles.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    period: text().notNull(),
    submittedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    content: text().notNull().default(""),
    difficulties: text(),
    proposals: text(),
    data: jsonb(),
    state: text().notNull().default("submitted"),
    authorId: integer(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex("reports_key").on(t.cycleId, t.organisationId, t.period)],
);

export const disseminationSessions = pgTable(
  "dissemination_sessions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    heldOn: date({ mode: "string" }).notNull(),
    form: text().notNull(),
    attendance: integer(),
    notes: text(),
    createdBy: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("dissemination_document_idx").on(t.documentId, t.organisationId)],
);

export const inspections = pgTable(
  "inspections",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer().references(() => documents.id, { onDelete: "cascade" }),
    inspectedOrganisationId: integer()
      .notNull()
      .references(() => organisations.id),
    inspectingOrganisationId: integer().references(() => organisations.id),
    heldOn: date({ mode: "string" }).notNull(),
    findings: text().notNull().default(""),
    createdBy: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("inspections_document_idx").on(t.documentId)],
);
