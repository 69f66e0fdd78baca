// Organisations (cơ quan, đơn vị, tổ chức) with their history: validity dates, successors, aliases.
// `path` is the materialised chain of ancestor ids ("/1/5/23/"), so a subtree is one prefix scan.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const organisations = pgTable(
  "organisations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text(),
    name: text().notNull(),
    kind: text().notNull(),
    level: text().notNull(),
    parentId: integer().references((): AnyPgColumn => organisations.id),
    path: text().notNull().default("/"),
    // the province (administrative unit) the organisation belongs to: rollups by province need no walk
    provinceId: integer(),
    validFrom: date({ mode: "string" }),
    validTo: date({ mode: "string" }),
    // An organisation group ("UBND các xã thuộc huyện X"): its members are the organisations of
    // `groupMemberKind` under `groupScopeId`, valid on the date they are needed.
    isGroup: boolean().notNull().default(false),
    groupMemberKind: text(),
    groupScopeId: integer().references((): AnyPgColumn => organisations.id),
    searchKey: text().notNull().default(""),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_code_key").on(t.code).where(sql`${t.code} is not null`),
    index("organisations_parent_idx").on(t.parentId),
    // with the id, a subtree's bodies are listed from the index alone (scoped lists)
    index("organisations_path_idx").on(t.path.op("text_pattern_ops"), t.id),
    index("organisations_kind_idx").on(t.kind, t.level),
    index("organisations_province_idx").on(t.provinceId),
  ],
);

export const organisationAliases = pgTable(
  "organisation_aliases",
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    alias: text().notNull(),
    // folded (lower case, one tone placement) and unaccented, for matching
    aliasKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.aliasKey] }),
    index("organisation_aliases_key_idx").on(t.aliasKey),
  ],
);

export const organisationSuccessors = pgTable(
  "organisation_successors",
  {
    predecessorId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    successorId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    since: date({ mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index("organisation_successors_succ_idx").on(t.successorId),
  ],
);
