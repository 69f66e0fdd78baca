// SQL for documents and what a document brings: sections, tasks, assignments, indicators,
// reporting cycles and links. Only this file and its siblings' repositories touch these tables.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { documentFiles, documentLinks, documents, sections } from "../../db/schema/documents.ts";
import { indicators } from "../../db/schema/indicators.ts";
import { reportingCycleBodies, reportingCycles } from "../../db/schema/reporting.ts";
import { assignments, taskParentSuggestions, tasks } from "../../db/schema/tasks.ts";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

export async function findDuplicate(
  db: Db,
  issuerKey: string,
  symbol: string | null,
  date: string | null,
  title: string | null,
  sha256: string,
) {
  const bySymbol =
    symbol === null
      ? []
      : await db
          .select({ id: documents.id, symbol: documents.symbol, date: documents.date })
          .from(documents)
          .where(
            and(
              eq(documents.issuerKey, issuerKey),
              eq(documents.symbol, symbol),
              date === null ? isNull(documents.date) : eq(documents.date, date),
              sql`${documents.status} <> 'rejected'`,
            ),
          )
          .limit(1);
  if (bySymbol[0]) return { kind: "symbol" as const, ...bySymbol[0] };
  // without a symbol, the same issuer, date and title make the same document
  if (symbol === null && title) {
    const byTitle = await db
      .select({ id: documents.id, symbol: documents.symbol, date: documents.date })
      .from(documents)
      .where(
        and(
          eq(documents.issuerKey, issuerKey),
          isNull(documents.symbol),
          date === null ? isNull(documents.date) : eq(documents.date, date),
          eq(documents.title, title),
          sql`${documents.status} <> 'rejected'`,
        ),
      )
      .limit(1);
    if (byTitle[0]) return { kind: "symbol" as const, ...byTitle[0] };
  }
  const byFile = await db
    .select({ id: documents.id, symbol: documents.symbol, date: documents.date })
    .from(documents)
    .where(and(eq(documents.sourceSha256, sha256), sql`${documents.status} <> 'rejected'`))
    .limit(1);
  if (byFile[0]) return { kind: "file" as const, ...byFile[0] };
  return null;
}

export async function insertDocument(
  db: Db,
  row: NewDocument,
  file: { bytes: Uint8Array; contentType: string },
): Promise<number> {
  const [inserted] = await db.insert(documents).values(row).returning({ id: documents.id });
  const id = (inserted as { id: number }).id;
  await db
    .insert(documentFiles)
    .values({ documentId: id, contentType: file.contentType, size: file.bytes.length, bytes: file.bytes });
  return id;
}

export async function insertSections(
  db: Db,
  documentId: number,
  list: {
    key: string;
    parentKey: string | null;
    label: string;
    heading: string;
    text: string;
    ordinal: number;
    span: [number, number] | null;
  }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const s of list) {
    const [row] = await db
      .insert(sections)
      .values({
        documentId,
        parentId: s.parentKey ? (ids.get(s.parentKey) ?? null) : null,
        key: s.key,
        label: s.label,
        heading: s.heading,
        text: s.text,
        ordinal: s.ordinal,
        spanStart: s.span?.[0] ?? null,
        spanEnd: s.span?.[1] ?? null,
      })
      .returning({ id: sections.id });
    ids.set(s.key, (row as { id: number }).id);
  }
  return ids;
}

export async function insertTask(db: Db, row: typeof tasks.$inferInsert): Promise<number> {
  const [r] = await db.insert(tasks).values(row).returning({ id: tasks.id });
  return (r as { id: number }).id;
}

export async function insertAssignments(db: Db, list: (typeof assignments.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2000)
    await db
      .insert(assignments)
      .values(list.slice(i, i + 2000))
      .onConflictDoNothing();
}

export async function insertIndicators(db: Db, list: (typeof indicators.$inferInsert)[]): Promise<void> {
  if (list.length > 0) await db.insert(indicators).values(list);
}

export async function insertCycle(
  db: Db,
  row: typeof reportingCycles.$inferInsert,
  bodyIds: number[],
): Promise<void> {
  const [r] = await db.insert(reportingCycles).values(row).returning({ id: reportingCycles.id });
  const cycleId = (r as { id: number }).id;
  const unique = [...new Set(bodyIds)];
  if (unique.length > 0)
    await db
      .insert(reportingCycleBodies)
      .values(unique.map((organisationId) => ({ cycleId, organisationId })));
}

/** Links to referenced documents, pointing at those already in the database. */
export async function insertLinks(
  db: Db,
  fromDocumentId: number,
  list: {
    symbol: string;
    date: string | null;
    type: string | null;
    issuer: string | null;
    relation: string;
    parentSymbol: string | null;
    rank: number;
  }[],
): Promise<void> {
  if (list.length === 0) return;
  const known = await db
    .select({ id: documents.id, symbol: documents.symbol, date: documents.date })
    .from(documents)
    .where(
      and(
        inArray(
          documents.symbol,
          list.map((l) => l.symbol),
        ),
        sql`${documents.status} <> 'rejected'`,
      ),
    );
  await db.insert(documentLinks).values(
    list.map((l) => {
      const match =
        known.find(
          (k) => k.symbol === l.symbol && (l.date === null || k.date === null || k.date === l.date),
        ) ?? null;
      return {
        fromDocumentId,
        toDocumentId: match?.id ?? null,
        toSymbol: l.symbol,
        toDate: l.date,
        toType: l.type,
        toIssuer: l.issuer,
        toParentSymbol: l.parentSymbol,
        relation: l.relation,
        rank: l.rank,
      };
    }),
  );
}

/** Points the links that were waiting for this document (by symbol and date) at it. */
export async function relinkWaiting(
  db: Db,
  documentId: number,
  symbol: string | null,
  date: string | null,
): Promise<number> {
  if (!symbol) return 0;
  const updated = await db
    .update(documentLinks)
    .set({ toDocumentId: documentId })
    .where(
      and(
        isNull(documentLinks.toDocumentId),
        eq(documentLinks.toSymbol, symbol),
        date === null ? sql`true` : or(isNull(documentLinks.toDate), eq(documentLinks.toDate, date)),
      ),
    )
    .returning({ id: documentLinks.id });
  return updated.length;
}

/** The documents one document implements or cites, in its own order. */
export async function linksOf(
  db: Db,
  documentId: number,
): Promise<{ symbol: string; relation: string; documentId: number | null }[]> {
  return db
    .select({
      symbol: documentLinks.toSymbol,
      relation: documentLinks.relation,
      documentId: documentLinks.toDocumentId,
    })
    .from(documentLinks)
    .where(eq(documentLinks.fromDocumentId, documentId))
    .orderBy(documentLinks.rank, documentLinks.id);
}

/** The document this one implements first (its parent in the cascade), if it is in the database. */
export async function parentDocumentId(db: Db, documentId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: documentLinks.toDocumentId })
    .from(documentLinks)
    .where(and(eq(documentLinks.fromDocumentId, documentId), eq(documentLinks.relation, "implements")))
    .orderBy(documentLinks.rank)
    .limit(1);
  return row?.id ?? null;
}

export async function tasksOf(db: Db, documentId: number): Promise<{ id: number; text: string }[]> {
  return db.select({ id: tasks.id, text: tasks.text }).from(tasks).where(eq(tasks.documentId, documentId));
}

export async function insertSuggestions(
  db: Db,
  list: { taskId: number; parentTaskId: number; score: number }[],
): Promise<void> {
  if (list.length > 0) await db.insert(taskParentSuggestions).values(list).onConflictDoNothing();
}

export async function documentById(db: Db, id: number): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

export async function documentsBySymbol(db: Db, symbol: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.symbol, symbol));
}

/** Accepts what review left proposed and marks the document published, if it still has `version`. */
export async function publish(db: Db, id: number, version: number): Promise<boolean> {
  const updated = await db
    .update(documents)
    .set({
      status: "published",
      publishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${documents.version} + 1`,
    })
    .where(and(eq(documents.id, id), eq(documents.version, version)))
    .returning({ id: documents.id });
  if (updated.length === 0) return false;
  await db
    .update(tasks)
    .set({ reviewState: "accepted" })
    .where(and(eq(tasks.documentId, id), eq(tasks.reviewState, "proposed")));
  await db
    .update(indicators)
    .set({ reviewState: "accepted" })
    .where(and(eq(indicators.documentId, id), eq(indicators.reviewState, "proposed")));
  await db
    .update(reportingCycles)
    .set({ reviewState: "accepted" })
    .where(and(eq(reportingCycles.documentId, id), eq(reportingCycles.reviewState, "proposed")));
  await db
    .update(documentLinks)
    .set({ reviewState: "accepted" })
    .where(and(eq(documentLinks.fromDocumentId, id), eq(documentLinks.reviewState, "proposed")));
  return true;
}

export interface TreeRow {
  id: number;
  symbol: string | null;
  type: string;
  issuer: string | null;
  date: string | null;
  title: string | null;
  status: string;
  parent_id: number | null;
  parent_symbol: string | null;
}

/** Every document with the first document it implements (by id when imported, else by symbol). */
export async function cascadeRows(db: Db): Promise<TreeRow[]> {
  return rows<TreeRow>(
    db,
    sql`select d.id, d.symbol, d.type, d.issuer_name as issuer, d.date, d.title, d.status,
               l.to_document_id as parent_id, l.to_symbol as parent_symbol
        from documents d
        left join lateral (
          select to_document_id, to_symbol from document_links
          where from_document_id = d.id and relation = 'implements' order by rank limit 1
        ) l on true
        where d.status <> 'rejected'
        order by d.date nulls last, d.id`,
  );
}

export interface ReferenceStub {
  symbol: string;
  date: string | null;
  type: string | null;
  issuer: string | null;
  parentSymbol: string | null;
}

/** Referenced documents not imported, by symbol: nodes of the cascade that are still missing. */
export async function missingReferences(db: Db, symbols: string[]): Promise<ReferenceStub[]> {
  if (symbols.length === 0) return [];
  const list = await db
    .select({
      symbol: documentLinks.toSymbol,
      date: documentLinks.toDate,
      type: documentLinks.toType,
      issuer: documentLinks.toIssuer,
      parentSymbol: documentLinks.toParentSymbol,
    })
    .from(documentLinks)
    .where(and(isNull(documentLinks.toDocumentId), inArray(documentLinks.toSymbol, symbols)));
  const seen = new Map<string, ReferenceStub>();
  for (const r of list) {
    const prev = seen.get(r.symbol);
    seen.set(r.symbol, {
      symbol: r.symbol,
      date: prev?.date ?? r.date,
      type: prev?.type ?? r.type,
      issuer: prev?.issuer ?? r.issuer,
      parentSymbol: prev?.parentSymbol ?? r.parentSymbol,
    });
  }
  return [...seen.values()];
}

export interface AssignmentBrief {
  id: number;
  organisationId: number | null;
  role: string;
  deadlineDate: string | null;
  recurrence: string | null;
  version: number;
  taskText: string;
}

export async function assignmentsOfDocument(db: Db, documentId: number): Promise<AssignmentBrief[]> {
  return db
    .select({
      id: assignments.id,
      organisationId: assignments.organisationId,
      role: assignments.role,
      deadlineDate: assignments.deadlineDate,
      recurrence: assignments.recurrence,
      version: assignments.version,
      taskText: tasks.text,
    })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(eq(assignments.documentId, documentId))
    .orderBy(assignments.id);
}

export async function indicatorsOfDocument(db: Db, documentId: number) {
  return db.select().from(indicators).where(eq(indicators.documentId, documentId)).orderBy(indicators.id);
}

export async function cyclesOfDocument(db: Db, documentId: number) {
  const cycles = await db
    .select()
    .from(reportingCycles)
    .where(eq(reportingCycles.documentId, documentId))
    .orderBy(reportingCycles.id);
  const bodies = cycles.length
    ? await db
        .select()
        .from(reportingCycleBodies)
        .where(
          inArray(
            reportingCycleBodies.cycleId,
            cycles.map((c) => c.id),
          ),
        )
    : [];
  return cycles.map((c) => ({
    ...c,
    bodies: bodies.filter((b) => b.cycleId === c.id).map((b) => b.organisationId),
  }));
}
