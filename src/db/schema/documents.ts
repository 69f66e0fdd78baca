// Documents as imported, reviewed and published; the parser's output is kept whole in `parsed`, the
// fields the product filters and shows are columns. A symbol is unique per issuer and date.

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const documents = pgTable(
  "documents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    status: text().notNull().default("imported"),
    system: text(),
    type: text().notNull(),
    symbol: text(),
    number: text(),
    issuerName: text(),
    issuerParent: text(),
    issuerId: integer().references(() => organisations.id),
    // folded issuer name (or "" when none): the uniqueness key with symbol and date
    issuerKey: text().notNull().default(""),
    place: text(),
    // as printed: "2024-02-22", "2024-02" or "2024" when the day or month was left blank
    date: text(),
    title: text(),
    recipients: jsonb().$type<string[]>().notNull().default([]),
    distribution: jsonb().$type<string[]>().notNull().default([]),
    signer: jsonb(),
    preamble: text(),
    parsed: jsonb().notNull(),
    sourceName: text().notNull(),
    sourceFormat: text().notNull(),
    sourceSha256: text().notNull(),
    searchKey: text().notNull().default(""),
    createdBy: integer().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("documents_symbol_key")
      .on(t.issuerKey, t.symbol, t.date)
      .where(sql`${t.symbol} is not null and ${t.status} <> 'rejected'`),
    index("documents_symbol_idx").on(t.symbol),
    index("documents_sha_idx").on(t.sourceSha256),
  ],
);

/** The file as uploaded, kept apart from the row that lists documents. */
export const documentFiles = pgTable("document_files", {
  documentId: integer()
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  contentType: text().notNull(),
  size: integer().notNull(),
  bytes: bytea().notNull(),
});

export const documentLinks = pgTable(
  "document_links",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    fromDocumentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    // null while the referenced document is not in the database; linked when it arrives
    toDocumentId: integer().references(() => documents.id, { onDelete: "set null" }),
    toSymbol: text().notNull(),
    toDate: text(),
    toType: text(),
    toIssuer: text(),
    // what the referenced document itself carries out, as this document describes it: places a
    // referenced-but-not-imported document in the cascade
    toParentSymbol: text(),
    relation: text().notNull(),
    rank: integer().notNull().default(0),
    reviewState: text().notNull().default("proposed"),
  },
  (t) => [
    index("document_links_from_idx").on(t.fromDocumentId),
    index("document_links_to_idx").on(t.toDocumentId),
    index("document_links_symbol_idx").on(t.toSymbol),
  ],
);

export const sections = pgTable(
  "sections",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    parentId: integer().references((): AnyPgColumn => sections.id, { onDelete: "cascade" }),
    key: text().notNull(),
    label: text().notNull(),
    heading: text().notNull(),
    text: text().notNull(),
    ordinal: integer().notNull(),
    spanStart: integer(),
    spanEnd: integer(),
  },
  (t) => [index("sections_document_idx").on(t.documentId)],
);

/** An upload being imported: its progress for the client that polls it, its outcome, and on
 * failure the problem; an import interrupted by a crash is marked failed when the server starts. */
export const documentImports = pgTable(
  "document_imports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    state: text().notNull().default("queued"),
    stage: text().notNull().default("queued"),
    percent: integer().notNull().default(0),
    fileName: text().notNull(),
    size: integer().notNull(),
    documentId: integer().references(() => documents.id, { onDelete: "set null" }),
    result: jsonb(),
    problem: jsonb(),
    // the instance running it (src/server/jobs/instance.ts): a dead owner's import is failed
    owner: integer(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("document_imports_state_idx").on(t.state)],
);
