// The task list: one row per assignment (a task given to one body), with its derived status, for
// the user's scope and the filters asked; the total comes with the page in the same query.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { searchKey } from "../../domain/names.ts";
import { STATUSES, type Status } from "../../domain/status.ts";
import type { Principal } from "../auth/service.ts";
import type { Level } from "../rollups/filter.ts";
import { statusRows } from "../rollups/status-sql.ts";

export const TASK_SORTS = [
  "deadline",
  "-deadline",
  "updated",
  "-updated",
  "organisation",
  "percent",
  "-percent",
  // the document's own order: section by section, task by task, the lead body first
  "structure",
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export interface TaskFilter {
  /** The subtree of this organisation. */
  organisationId?: number | undefined;
  documentId?: number | undefined;
  /** The level of the assigned body (central, province, district, commune). */
  level?: Level | undefined;
  status?: Status[] | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  isKey?: boolean | undefined;
  /** Words in the task's text, with or without diacritics. */
  q?: string | undefined;
  sort: TaskSort;
  page: number;
  pageSize: number;
}

export interface TaskRow {
  assignmentId: number;
  taskId: number;
  documentId: number;
  documentSymbol: string | null;
  documentTitle: string | null;
  /** The task's section and the sections above it, outermost first. */
  sectionPath: SectionStep[];
  text: string;
  organisationId: number | null;
  organisationName: string | null;
  phrase: string;
  role: string;
  status: Status;
  percent: number;
  deadlineDate: string | null;
  recurrence: string | null;
  isKey: boolean;
  completedAt: string | null;
  lastUpdateAt: string | null;
  version: number;
}

export interface SectionStep {
  id: number;
  label: string;
  heading: string;
}

const ORDER: Record<TaskSort, SQL> = {
  deadline: sql`a.deadline_date asc nulls last, a.id`,
  "-deadline": sql`a.deadline_date desc nulls last, a.id`,
  updated: sql`a.updated_at asc, a.id`,
  "-updated": sql`a.updated_at desc, a.id`,
  organisation: sql`o.name collate "C", a.id`,
  percent: sql`a.percent asc, a.id`,
  "-percent": sql`a.percent desc, a.id`,
  structure: sql`d.date desc nulls last, a.document_id desc, sec.ordinal nulls first, t.span_start nulls last,
    t.id, a.role <> 'lead', a.id`,
};

/** The conditions on the assignment `a` (and its organisation `o`) of a scope and a filter. */
function conditions(p: Principal, f: TaskFilter, subtreePath: string | null): SQL {
  const parts: SQL[] = [sql`a.transferred_to_id is null`];
  if (p.scopePath !== null) parts.push(inSubtree(p.scopePath));
  if (subtreePath !== null) parts.push(inSubtree(subtreePath));
  if (f.documentId !== undefined) parts.push(sql`a.document_id = ${f.documentId}`);
  if (f.level !== undefined)
    parts.push(sql`a.organisation_id = any(array(select id from organisations where level = ${f.level}))`);
  if (f.deadlineFrom !== undefined) parts.push(sql`a.deadline_date >= ${f.deadlineFrom}::date`);
  if (f.deadlineTo !== undefined) parts.push(sql`a.deadline_date <= ${f.deadlineTo}::date`);
  if (f.isKey !== undefined) parts.push(sql`a.is_key = ${f.isKey}`);
  const key = f.q ? searchKey(f.q) : "";
  if (key) parts.push(sql`a.task_id in (select id from tasks where search_key like ${`%${key}%`})`);
  return sql.join(parts, sql` and `);
}

/**
 * The assignment's body lies in the subtree at `path`. As an array of the subtree's bodies, so the
 * planner reads the assignments of those bodies through their index; a join on the path makes it
 * scan every assignment of the country.
 */
function inSubtree(path: string): SQL {
  return sql`a.organisation_id = any(array(select id from organisations where path like ${`${path}%`}))`;
}

/** The rows a list may show: current assignments of published documents, tasks not rejected. */
const shown = sql`d.status = 'published' and t.review_state <> 'rejected'`;
const joins = sql`join tasks t on t.id = a.task_id
      join documents d on d.id = a.document_id
      left join sections sec on sec.id = t.section_id
      left join organisations o on o.id = a.organisation_id`;

export async function listTasks(
  db: Db,
  p: Principal,
  f: TaskFilter,
  today: string,
  subtreePath: string | null,
): Promise<{ items: TaskRow[]; total: number }> {
  const where = conditions(p, f, subtreePath);
  // Which rows, and how many: a status filter needs every row's status; otherwise the page is
  // chosen and counted from the columns alone, and only its rows get a status.
  const matching =
    f.status && f.status.length > 0
      ? sql`(${statusRows(where, today)}) s join assignments a on a.id = s.id ${joins}
        where ${shown} and s.status in (${sql.join(
          f.status.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : sql`assignments a ${joins} where (${where}) and ${shown}`;
  const list = await rows<Omit<TaskRow, "sectionPath"> & { total: number; sectionId: number | null }>(
    db,
    sql`with page as materialized (
        select a.id, count(*) over ()::int as total from ${matching}
        order by ${ORDER[f.sort]}
        limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize})
      select a.id as "assignmentId", a.task_id as "taskId", a.document_id as "documentId",
        d.symbol as "documentSymbol", d.title as "documentTitle", t.text, t.section_id as "sectionId", a.organisation_id as "organisationId",
        o.name as "organisationName", a.phrase, a.role, s.status, a.percent,
        a.deadline_date::text as "deadlineDate", a.recurrence, a.is_key as "isKey",
        a.completed_at::text as "completedAt", a.last_update_at::text as "lastUpdateAt", a.version,
        (select total from page limit 1) as total
      from (${statusRows(sql`a.id in (select id from page)`, today)}) s
      join assignments a on a.id = s.id ${joins}
      order by ${ORDER[f.sort]}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    // past the last page: count apart so the client can come back
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${matching}`);
    total = c?.n ?? 0;
  }
  const paths = await sectionPaths(
    db,
    list.map((r) => r.sectionId),
  );
  return {
    items: list.map(({ total: _t, sectionId, ...row }) => ({
      ...row,
      sectionPath: sectionId === null ? [] : (paths.get(sectionId) ?? []),
    })),
    total,
  };
}

/** Each section with the sections above it, outermost first, for the sections of a page. */
async function sectionPaths(db: Db, ids: (number | null)[]): Promise<Map<number, SectionStep[]>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const out = new Map<number, SectionStep[]>();
  if (wanted.length === 0) return out;
  const steps = await rows<SectionStep & { of: number; depth: number }>(
    db,
    sql`with recursive up as (
        select s.id as of, s.id, s.parent_id, s.label, s.heading, 0 as depth
        from sections s where s.id in (${sql.join(
          wanted.map((id) => sql`${id}`),
          sql`, `,
        )})
        union all
        select up.of, p.id, p.parent_id, p.label, p.heading, up.depth + 1
        from up join sections p on p.id = up.parent_id where up.depth < 20)
      select of, id, label, heading, depth from up order by of, depth desc`,
  );
  for (const { of, depth: _d, ...step } of steps) {
    const path = out.get(of) ?? [];
    path.push(step);
    out.set(of, path);
  }
  return out;
}

/**
 * What a task list depends on besides the tables it reads, for the read cache (src/db/read-cache.ts):
 * the scope, the day and the filter in a normal form (one status list in one order, the search
 * words as they are matched).
 */
export function taskListKey(p: Principal, f: TaskFilter, today: string, subtreePath: string | null): string {
  const status = f.status && f.status.length > 0 ? [...new Set(f.status)].sort() : null;
  return JSON.stringify([
    "tasks",
    today,
    p.scopePath,
    subtreePath,
    f.documentId ?? null,
    f.level ?? null,
    status,
    f.deadlineFrom ?? null,
    f.deadlineTo ?? null,
    f.isKey ?? null,
    f.q ? searchKey(f.q) : "",
    f.sort,
    f.page,
    f.pageSize,
  ]);
}

export interface TaskDocumentGroup {
  documentId: number;
  symbol: string | null;
  title: string | null;
  date: string | null;
  /** Assignments of the document that the filter keeps, by status. */
  counts: Record<Status, number>;
  total: number;
}

/**
 * The documents of the filtered assignments, newest first, with their assignments counted by
 * status: the first level of the task tree, whose branches the task list then fills in one document
 * at a time (sort "structure").
 */
export async function listTaskDocuments(
  db: Db,
  p: Principal,
  f: Omit<TaskFilter, "sort">,
  today: string,
  subtreePath: string | null,
): Promise<{ items: TaskDocumentGroup[]; total: number; assignments: number }> {
  const where = conditions(p, { ...f, sort: "structure" }, subtreePath);
  const statusFilter =
    f.status && f.status.length > 0
      ? sql` and s.status in (${sql.join(
          f.status.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : sql``;
  const counted = await rows<{ documentId: number; status: Status; n: number }>(
    db,
    sql`select a.document_id as "documentId", s.status, count(*)::int as n
      from (${statusRows(where, today)}) s join assignments a on a.id = s.id ${joins}
      where ${shown}${statusFilter}
      group by a.document_id, s.status`,
  );
  const byDocument = new Map<number, Record<Status, number>>();
  for (const c of counted) {
    const counts = byDocument.get(c.documentId) ?? emptyCounts();
    counts[c.status] += c.n;
    byDocument.set(c.documentId, counts);
  }
  const ids = [...byDocument.keys()];
  const assignments = counted.reduce((sum, c) => sum + c.n, 0);
  if (ids.length === 0) return { items: [], total: 0, assignments };
  const page = await rows<{ id: number; symbol: string | null; title: string | null; date: string | null }>(
    db,
    // the ids as one array parameter: a national scope may hold more documents than a statement has parameters
    sql`select id, symbol, title, date from documents where id = any(${`{${ids.join(",")}}`}::int[])
      order by date desc nulls last, id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return {
    items: page.map((d) => {
      const counts = byDocument.get(d.id) ?? emptyCounts();
      return {
        documentId: d.id,
        symbol: d.symbol,
        title: d.title,
        date: d.date,
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      };
    }),
    total: ids.length,
    assignments,
  };
}

function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}
