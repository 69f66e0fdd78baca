// SQL for documents and what a document brings: sections, tasks, assignments, indicators,
// reporting cycles and links. Only this file and its siblings' repositories touch these tables.
import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { documentFiles, documentLinks, documents, sections } from "../../db/schema/documents.ts";
import { indicators } from "../../db/schema/indicators.ts";
import { reportingCycleBodies, reportingCycles } from "../../db/schema/reporting.ts";
import { assignments, taskParentSuggestions, tasks } from "../../db/schema/tasks.ts";
import { searchKey } from "../../domain/names.ts";

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

export const DOCUMENT_SORTS = ["-date", "date", "symbol", "-symbol", "-createdAt", "createdAt"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

const DOCUMENT_ORDER: Record<DocumentSort, SQL> = {
  "-date": sql`d.date desc nulls last, d.id desc`,
  date: sql`d.date asc nulls last, d.id`,
  symbol: sql`d.symbol collate "C" asc nulls last, d.id`,
  "-symbol": sql`d.symbol collate "C" desc nulls last, d.id desc`,
  "-createdAt": sql`d.created_at desc, d.id desc`,
  createdAt: sql`d.created_at asc, d.id`,
};

export interface DocumentFilter {
  /** Words of the symbol, title or issuer, with or without diacritics. */
  q?: string | undefined;
  status?: string[] | undefined;
  type?: string[] | undefined;
  system?: "party" | "state" | undefined;
  issuerId?: number | undefined;
  /** Dates as printed compare as text: "2025-08" falls after "2025-08-01" and before "2025-09". */
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  sort: DocumentSort;
  page: number;
  pageSize: number;
}

export interface DocumentListRow {
  id: number;
  version: number;
  status: string;
  system: string | null;
  type: string;
  symbol: string | null;
  title: string | null;
  issuerId: number | null;
  issuerName: string | null;
  issuerLevel: string | null;
  date: string | null;
  createdAt: string;
  tasks: number;
  assignments: number;
}

const inList = (column: SQL, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Documents that `inScope` admits (SQL over `d.id`), filtered, sorted and paginated, with the total. */
export async function listDocuments(
  db: Db,
  inScope: SQL,
  f: DocumentFilter,
): Promise<{ items: DocumentListRow[]; total: number }> {
  const parts: SQL[] = [inScope];
  if (f.status?.length) parts.push(inList(sql`d.status`, f.status));
  if (f.type?.length) parts.push(inList(sql`d.type`, f.type));
  if (f.system !== undefined) parts.push(sql`d.system = ${f.system}`);
  if (f.issuerId !== undefined) parts.push(sql`d.issuer_id = ${f.issuerId}`);
  if (f.dateFrom !== undefined) parts.push(sql`d.date >= ${f.dateFrom}`);
  if (f.dateTo !== undefined) parts.push(sql`d.date <= ${f.dateTo}`);
  for (const word of f.q ? searchKey(f.q).split(" ").filter(Boolean) : [])
    parts.push(sql`d.search_key like ${`%${word}%`}`);
  const where = sql.join(parts, sql` and `);
  const list = await rows<DocumentListRow & { total: number }>(
    db,
    sql`select d.id, d.version, d.status, d.system, d.type, d.symbol, d.title, d.issuer_id as "issuerId",
        coalesce(o.name, d.issuer_name) as "issuerName", o.level as "issuerLevel", d.date,
        d.created_at::text as "createdAt",
        (select count(*)::int from tasks t where t.document_id = d.id and t.review_state <> 'rejected') as tasks,
        (select count(*)::int from assignments a join tasks t on t.id = a.task_id
          where a.document_id = d.id and a.transferred_to_id is null and t.review_state <> 'rejected') as assignments,
        count(*) over ()::int as total
      from documents d left join organisations o on o.id = d.issuer_id
      where ${where}
      order by ${DOCUMENT_ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from documents d where ${where}`);
    total = c?.n ?? 0;
  }
  return { items: list.map(({ total: _t, ...row }) => row), total };
}

export interface SectionRow {
  id: number;
  parentId: number | null;
  label: string;
  heading: string;
  text: string;
}

export async function sectionsOfDocument(db: Db, documentId: number): Promise<SectionRow[]> {
  return db
    .select({
      id: sections.id,
      parentId: sections.parentId,
      label: sections.label,
      heading: sections.heading,
      text: sections.text,
    })
    .from(sections)
    .where(eq(sections.documentId, documentId))
    .orderBy(sections.ordinal, sections.id);
}

export async function tasksOfDocument(db: Db, documentId: number) {
  return db
    .select({
      id: tasks.id,
      sectionId: tasks.sectionId,
      text: tasks.text,
      expectedOutput: tasks.expectedOutput,
      isKey: tasks.isKey,
      deadlineDate: tasks.deadlineDate,
      recurrence: tasks.recurrence,
      deadlineText: tasks.deadlineText,
      reviewState: tasks.reviewState,
      parentTaskId: tasks.parentTaskId,
      version: tasks.version,
      spanStart: tasks.spanStart,
      spanEnd: tasks.spanEnd,
    })
    .from(tasks)
    .where(eq(tasks.documentId, documentId))
    .orderBy(tasks.id);
}

export interface AssignmentOfTask {
  id: number;
  taskId: number;
  organisationId: number | null;
  organisation: string | null;
  phrase: string;
  role: string;
  resolution: string;
  transferredToId: number | null;
  version: number;
}

export async function assignmentsOfTasks(db: Db, documentId: number): Promise<AssignmentOfTask[]> {
  return rows<AssignmentOfTask>(
    db,
    sql`select a.id, a.task_id as "taskId", a.organisation_id as "organisationId", o.name as organisation,
        a.phrase, a.role, a.resolution, a.transferred_to_id as "transferredToId", a.version
      from assignments a left join organisations o on o.id = a.organisation_id
      where a.document_id = ${documentId} order by a.id`,
  );
}

export interface SuggestionRow {
  taskId: number;
  parentTaskId: number;
  parentText: string;
  parentDocumentId: number;
  score: number;
  state: string;
}

export async function suggestionsOfDocument(db: Db, documentId: number): Promise<SuggestionRow[]> {
  return rows<SuggestionRow>(
    db,
    sql`select s.task_id as "taskId", s.parent_task_id as "parentTaskId", p.text as "parentText",
        p.document_id as "parentDocumentId", s.score, s.state
      from task_parent_suggestions s join tasks t on t.id = s.task_id join tasks p on p.id = s.parent_task_id
      where t.document_id = ${documentId} order by s.task_id, s.score desc, s.parent_task_id`,
  );
}

export async function linksOfDocument(db: Db, documentId: number) {
  return db
    .select({
      id: documentLinks.id,
      relation: documentLinks.relation,
      symbol: documentLinks.toSymbol,
      date: documentLinks.toDate,
      type: documentLinks.toType,
      issuer: documentLinks.toIssuer,
      documentId: documentLinks.toDocumentId,
      reviewState: documentLinks.reviewState,
    })
    .from(documentLinks)
    .where(eq(documentLinks.fromDocumentId, documentId))
    .orderBy(documentLinks.rank, documentLinks.id);
}

export async function documentSource(
  db: Db,
  documentId: number,
): Promise<{ name: string; contentType: string; bytes: Uint8Array } | null> {
  const [r] = await db
    .select({
      name: documents.sourceName,
      contentType: documentFiles.contentType,
      bytes: documentFiles.bytes,
    })
    .from(documentFiles)
    .innerJoin(documents, eq(documents.id, documentFiles.documentId))
    .where(eq(documentFiles.documentId, documentId));
  return r ?? null;
}
