// Tasks and their assignments. Each lead body gets its own assignment with its own progress; the
// status is derived from dates and updates (src/domain/status.ts), never stored.

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea, documents, sections } from "./documents.ts";
import { organisations } from "./organisations.ts";
import { inspections } from "./reporting.ts";
import { users } from "./users.ts";

export const tasks = pgTable(
  "tasks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    sectionId: integer().references(() => sections.id, { onDelete: "set null" }),
    // the task of the parent document this one concretizes
    parentTaskId: integer().references((): AnyPgColumn => tasks.id, { onDelete: "set null" }),
    inspectionId: integer().references(() => inspections.id, { onDelete: "set null" }),
    text: text().notNull(),
    expectedOutput: text(),
    isKey: boolean().notNull().default(false),
    deadlineDate: date({ mode: "string" }),
    recurrence: text(),
    deadlineText: text(),
    origin: text().notNull().default("assignment"),
    reviewState: text().notNull().default("proposed"),
    spanStart: integer(),
    spanEnd: integer(),
    searchKey: text().notNull().default(""),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_document_idx").on(t.documentId),
    index("tasks_parent_idx").on(t.parentTaskId),
    index("tasks_deadline_idx").on(t.deadlineDate),
  ],
);

/** Suggested parent tasks for a task of a child document, by text similarity, accepted at review. */
export const taskParentSuggestions = pgTable(
  "task_parent_suggestions",
  {
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    parentTaskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    score: real().notNull(),
    state: text().notNull().default("proposed"),
  },
  (t) => [uniqueIndex("task_parent_suggestions_key").on(t.taskId, t.parentTaskId)],
);

export const assignments = pgTable(
  "assignments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    // null while the phrase is not resolved to an organisation; the phrase is always kept
    organisationId: integer().references(() => organisations.id),
    phrase: text().notNull(),
    role: text().notNull(),
    resolution: text().notNull(),
    percent: real().notNull().default(0),
    completedAt: date({ mode: "string" }),
    lastUpdateAt: timestamp({ withTimezone: true, mode: "string" }),
    // copied from the task so that lists and rollups need no join
    deadlineDate: date({ mode: "string" }),
    recurrence: text(),
    isKey: boolean().notNull().default(false),
    // An assignment of a body dissolved later, handed to its successor: the row stays with its
    // updates (history stays true) and points at the successor's assignment, which carries the work
    // on; rollups count the successor's row only.
    transferredToId: integer().references((): AnyPgColumn => assignments.id),
    transferredAt: timestamp({ withTimezone: true, mode: "string" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("assignments_task_idx").on(t.taskId),
    // a document's assignments by body, with every column their status needs: status counts read
    // the index alone (an index-only scan) instead of the wide rows
    index("assignments_document_idx").on(
      t.documentId,
      t.organisationId,
      t.role,
      t.transferredToId,
      t.recurrence,
      t.completedAt,
      t.deadlineDate,
      t.percent,
      t.lastUpdateAt,
    ),
    // a body's current assignments with what the task list picks, sorts and counts a page by: a
    // province's list reads this index alone (bench/api.ts)
    index("assignments_org_idx").on(
      t.organisationId,
      t.transferredToId,
      t.deadlineDate,
      t.id,
      t.taskId,
      t.documentId,
    ),
    // recurring duties are judged from their updates: rollups look them up apart from the rest
    index("assignments_recurring_idx")
      .on(t.documentId)
      .where(sql`${t.recurrence} in ('monthly', 'quarterly', 'semiannual', 'annual', 'periodic')`),
    uniqueIndex("assignments_task_org_key")
      .on(t.taskId, t.organisationId, t.role)
      .where(sql`${t.organisationId} is not null`),
  ],
);

export const progressUpdates = pgTable(
  "progress_updates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    assignmentId: integer()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    // the assignment's version this update produced
    version: integer().notNull(),
    percent: real().notNull(),
    narrative: text().notNull().default(""),
    evidence: jsonb().$type<{ name: string; url?: string; fileId?: number }[]>().notNull().default([]),
    completedAt: date({ mode: "string" }),
    authorId: integer().references(() => users.id),
    state: text().notNull().default("submitted"),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true, mode: "string" }),
    reviewNote: text(),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("progress_updates_assignment_idx").on(t.assignmentId, t.createdAt)],
);

/** Files attached to progress updates as evidence, uploaded before the update that cites them. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    assignmentId: integer()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    name: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    uploadedBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("evidence_files_assignment_idx").on(t.assignmentId)],
);
