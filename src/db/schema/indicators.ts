// Indicators (chỉ tiêu) from the documents' targets, and the values bodies report for them.

import {
  type AnyPgColumn,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { documents, sections } from "./documents.ts";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

export const indicators = pgTable(
  "indicators",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    sectionId: integer().references(() => sections.id, { onDelete: "set null" }),
    organisationId: integer().references(() => organisations.id),
    parentIndicatorId: integer().references((): AnyPgColumn => indicators.id, { onDelete: "set null" }),
    name: text().notNull(),
    text: text().notNull(),
    kind: text().notNull(),
    unit: text(),
    per: real(),
    targetValue: numeric({ mode: "number" }),
    targetLow: numeric({ mode: "number" }),
    targetHigh: numeric({ mode: "number" }),
    targetYear: integer(),
    baselineValue: numeric({ mode: "number" }),
    baselineUnit: text(),
    baselineYear: integer(),
    reviewState: text().notNull().default("proposed"),
    spanStart: integer(),
    spanEnd: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("indicators_document_idx").on(t.documentId),
    index("indicators_parent_idx").on(t.parentIndicatorId),
  ],
);

export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    // "2025", "2025-H1", "2025-Q3", "2025-07"
    period: text().notNull(),
    year: integer().notNull(),
    value: numeric({ mode: "number" }).notNull(),
    source: text(),
    recordedBy: integer().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("indicator_values_key").on(t.indicatorId, t.organisationId, t.period),
    index("indicator_values_org_idx").on(t.organisationId),
  ],
);

/**
 * The latest value of each indicator for each body (and its first year's value), kept by a trigger
 * on indicator_values (migration 0001), with its assessment (migration 0003): dashboards read the current state of millions of values
 * without scanning them, and it is never stale.
 */
export const indicatorLatest = pgTable(
  "indicator_latest",
  {
    indicatorId: integer().notNull(),
    organisationId: integer().notNull(),
    period: text().notNull(),
    year: integer().notNull(),
    value: numeric({ mode: "number" }).notNull(),
    // the first year's value (its latest period): the start of the trajectory without a baseline
    firstPeriod: text().notNull(),
    firstYear: integer().notNull(),
    firstValue: numeric({ mode: "number" }).notNull(),
    // the assessment of this latest value against the indicator's target (src/domain/trajectory.ts
    // `assess`), kept by triggers on this table and on indicators (migration 0003): on-track counts
    // at national scale read it instead of grading every body's value on every request
    status: text(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.organisationId] })],
);
