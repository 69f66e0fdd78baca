// The dashboard's figures for a body filter (scope, subtree, level) and optionally one document:
// assignment status counts with each body's completion, indicator grades, dissemination and
// concretization coverage, and the deadlines ahead. Each can hand back the rows it counted, so a
// number on a screen can be traced to the rows behind it (test/api/rollups.db.test.ts holds counts,
// rows and the domain rules to each other).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { concretizationCoverage, disseminationCoverage, taskCoverage } from "../../domain/coverage.ts";
import { callsForConcretization } from "../../domain/duties.ts";
import { daysBetween } from "../../domain/period.ts";
import { currentPeriod, isRecurring, periodDue, STATUSES, type Status } from "../../domain/status.ts";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../../domain/trajectory.ts";
import type { Recurrence } from "../../parser/schema.ts";
import { type BodyFilter, bodyIn, ratio } from "./filter.ts";
import { statusCounts, statusRows, vnDay } from "./status-sql.ts";

const inList = (ids: readonly (number | string)[]): SQL =>
  sql.join(
    ids.map((x) => sql`${x}`),
    sql`, `,
  );

/** The assignments `a` a status figure counts: of published documents, tasks not rejected, bodies of the filter. */
export function assignmentsWhere(f: BodyFilter, documentId: number | undefined): SQL {
  const parts = [
    // both as hashed sets (few documents, fewer rejected tasks): the counts still read the index alone
    sql`a.document_id in (select fd.id from documents fd where fd.status = 'published')`,
    sql`a.task_id not in (select ft.id from tasks ft where ft.review_state = 'rejected')`,
    bodyIn(f, sql`a.organisation_id`),
  ];
  if (documentId !== undefined) parts.push(sql`a.document_id = ${documentId}`);
  return sql.join(parts, sql` and `);
}

export type StatusCounts = Record<Status, number> & { total: number };

export interface Share {
  formula: "share_done_of_due" | "share_done_on_time";
  value: number | null;
  numerator: number;
  denominator: number;
}

/** src/domain/rollup.ts's shares from counts: done (or done on time) ÷ due, due = done + overdue. */
export function sharesOf(c: StatusCounts): { completion: Share; onTime: Share } {
  const done = c.done_on_time + c.done_late;
  const due = done + c.overdue;
  return {
    completion: { formula: "share_done_of_due", value: ratio(done, due), numerator: done, denominator: due },
    onTime: {
      formula: "share_done_on_time",
      value: ratio(c.done_on_time, due),
      numerator: c.done_on_time,
      denominator: due,
    },
  };
}

const zeroCounts = (): StatusCounts =>
  Object.assign(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, { total: 0 });

export interface BodyStatus {
  organisationId: number | null;
  name: string | null;
  level: string | null;
  counts: StatusCounts;
  completion: Share;
  onTime: Share;
}

export interface StatusFigure {
  counts: StatusCounts;
  completion: Share;
  onTime: Share;
  /** Every body with assignments, ranked by completion (rankBodies). */
  byOrganisation: BodyStatus[];
  rows?: { assignmentId: number; organisationId: number | null; documentId: number; status: Status }[];
}

/**
 * Bodies by completion: "desc" puts the most complete first, "asc" the most lagging; either way a
 * body with nothing due yet (no completion to judge) comes last, and ties go to the one with more due.
 */
export function rankBodies(list: BodyStatus[], order: "asc" | "desc"): BodyStatus[] {
  const sign = order === "asc" ? 1 : -1;
  return [...list].sort(
    (a, b) =>
      Number(a.completion.value === null) - Number(b.completion.value === null) ||
      sign * ((a.completion.value ?? 0) - (b.completion.value ?? 0)) ||
      b.completion.denominator - a.completion.denominator ||
      (a.name ?? "").localeCompare(b.name ?? "", "vi"),
  );
}

export async function statusFigure(
  db: Db,
  f: BodyFilter,
  documentId: number | undefined,
  today: string,
  order: "asc" | "desc",
  withRows: boolean,
): Promise<StatusFigure> {
  const where = assignmentsWhere(f, documentId);
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select c.*, bo.name, bo.level from (${statusCounts(where, today, sql`o.id`)}) c
      left join organisations bo on bo.id = c.g`,
  );
  const counts = zeroCounts();
  const byOrganisation = list.map((r) => {
    const own = zeroCounts();
    for (const s of STATUSES) {
      own[s] = Number(r[s] ?? 0);
      own.total += own[s];
      counts[s] += own[s];
    }
    counts.total += own.total;
    return {
      organisationId: r.g === null ? null : Number(r.g),
      name: (r.name as string | null) ?? null,
      level: (r.level as string | null) ?? null,
      counts: own,
      ...sharesOf(own),
    };
  });
  const figure: StatusFigure = {
    counts,
    ...sharesOf(counts),
    byOrganisation: rankBodies(byOrganisation, order),
  };
  if (withRows)
    figure.rows = await rows(
      db,
      sql`select s.id as "assignmentId", s.organisation_id as "organisationId", s.document_id as "documentId", s.status
        from (${statusRows(where, today)}) s order by s.id`,
    );
  return figure;
}

export type GradeCounts = Record<AssessmentStatus, number> & { total: number };

export interface OutcomeShare {
  formula: "share_on_track";
  value: number | null;
  numerator: number;
  denominator: number;
}

/** src/domain/rollup.ts `outcomeRollup` from counts: achieved or on track ÷ those that could be assessed. */
export function outcomeOf(c: GradeCounts): OutcomeShare {
  const numerator = c.achieved + c.on_track;
  const denominator = c.total - c.insufficient_data;
  return { formula: "share_on_track", value: ratio(numerator, denominator), numerator, denominator };
}

export interface IndicatorFigure {
  counts: GradeCounts;
  outcome: OutcomeShare;
  byIndicator: {
    indicatorId: number;
    documentId: number;
    name: string;
    unit: string | null;
    counts: GradeCounts;
    outcome: OutcomeShare;
  }[];
  rows?: {
    indicatorId: number;
    organisationId: number;
    period: string;
    value: number;
    status: AssessmentStatus;
  }[];
}

export async function indicatorFigure(
  db: Db,
  f: BodyFilter,
  documentId: number | undefined,
  withRows: boolean,
): Promise<IndicatorFigure> {
  const parts = [
    sql`d.status = 'published'`,
    sql`i.review_state <> 'rejected'`,
    bodyIn(f, sql`l.organisation_id`),
  ];
  if (documentId !== undefined) parts.push(sql`i.document_id = ${documentId}`);
  const where = sql.join(parts, sql` and `);
  const grade = sql`coalesce(l.status, 'insufficient_data')`;
  const columns = ASSESSMENT_STATUSES.map(
    (s) => sql`count(*) filter (where ${grade} = ${s})::int as ${sql.identifier(s)}`,
  );
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select i.id, i.document_id, i.name, i.unit, count(*)::int as total, ${sql.join(columns, sql`, `)}
      from indicator_latest l join indicators i on i.id = l.indicator_id join documents d on d.id = i.document_id
      where ${where}
      group by i.id order by i.document_id, i.id`,
  );
  const counts = Object.assign(
    Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>,
    { total: 0 },
  );
  const byIndicator = list.map((r) => {
    const own = Object.assign(
      Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, Number(r[s] ?? 0)])) as Record<
        AssessmentStatus,
        number
      >,
      { total: Number(r.total) },
    );
    for (const s of ASSESSMENT_STATUSES) counts[s] += own[s];
    counts.total += own.total;
    return {
      indicatorId: Number(r.id),
      documentId: Number(r.document_id),
      name: String(r.name),
      unit: (r.unit as string | null) ?? null,
      counts: own,
      outcome: outcomeOf(own),
    };
  });
  const figure: IndicatorFigure = { counts, outcome: outcomeOf(counts), byIndicator };
  if (withRows) {
    const found = await rows<{
      indicatorId: number;
      organisationId: number;
      period: string;
      value: unknown;
      status: AssessmentStatus;
    }>(
      db,
      sql`select l.indicator_id as "indicatorId", l.organisation_id as "organisationId", l.period, l.value,
          ${grade} as status
        from indicator_latest l join indicators i on i.id = l.indicator_id join documents d on d.id = i.document_id
        where ${where} order by l.indicator_id, l.organisation_id`,
    );
    figure.rows = found.map((r) => ({ ...r, value: Number(r.value) }));
  }
  return figure;
}

export interface CoverageCounts {
  required: number;
  covered: number;
  missing: number;
  rate: number | null;
  /** Bodies that acted without being required (shown, not counted). */
  unrequired: number;
}

export interface TaskCoverageCounts {
  parents: number;
  covered: number;
  uncovered: number;
  rate: number | null;
  /** Child tasks that take up no parent task. */
  unlinked: number;
}

export interface BodyCoverageRow {
  documentId: number;
  organisationId: number;
  required: boolean;
  /** Acted by today (a body not required that acted is listed too, not counted). */
  covered: boolean;
  /** The first session, or the first plan issued. */
  first: string | null;
  /** The sessions, or the documents issued. */
  refs: number[];
}

export interface CoverageFigure {
  dissemination: CoverageCounts;
  concretization: CoverageCounts;
  tasks: TaskCoverageCounts;
  byDocument: {
    documentId: number;
    symbol: string | null;
    title: string | null;
    dissemination: CoverageCounts;
    concretization: CoverageCounts;
    tasks: TaskCoverageCounts;
  }[];
  rows?: {
    dissemination: BodyCoverageRow[];
    concretization: BodyCoverageRow[];
    tasks: { documentId: number; parentTaskId: number; childTaskIds: number[] }[];
  };
}

function byDocument<T extends { document_id: number }>(list: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const group = out.get(x.document_id);
    if (group) group.push(x);
    else out.set(x.document_id, [x]);
  }
  return out;
}

const sumCoverage = (list: CoverageCounts[]): CoverageCounts => {
  const required = list.reduce((s, c) => s + c.required, 0);
  const covered = list.reduce((s, c) => s + c.covered, 0);
  return {
    required,
    covered,
    missing: list.reduce((s, c) => s + c.missing, 0),
    rate: ratio(covered, required),
    unrequired: list.reduce((s, c) => s + c.unrequired, 0),
  };
};

const sumTasks = (list: TaskCoverageCounts[]): TaskCoverageCounts => {
  const parents = list.reduce((s, c) => s + c.parents, 0);
  const covered = list.reduce((s, c) => s + c.covered, 0);
  return {
    parents,
    covered,
    uncovered: list.reduce((s, c) => s + c.uncovered, 0),
    rate: ratio(covered, parents),
    unlinked: list.reduce((s, c) => s + c.unlinked, 0),
  };
};

/**
 * Coverage down the cascade, by `today`, for the documents `documents` selects (over `d`):
 *   dissemination   bodies the document gives work to (any assignment, lead or cooperating: a body
 *                   carries out only what it has studied) that have held a session on it;
 *   concretization  bodies with a lead assignment on a task calling for their own programme or plan
 *                   (src/domain/duties.ts) that have issued a document implementing this one, issued
 *                   by the body or by a body inside it (its standing board);
 *   tasks           the document's tasks that a task of an implementing document (issued inside the
 *                   filter) concretizes.
 */
export async function coverageFigure(
  db: Db,
  f: BodyFilter,
  documents: SQL,
  today: string,
  withRows: boolean,
): Promise<CoverageFigure> {
  const docs = await rows<{ id: number; symbol: string | null; title: string | null }>(
    db,
    sql`select d.id, d.symbol, d.title from documents d where d.status = 'published' and (${documents}) order by d.id`,
  );
  const empty: CoverageFigure = {
    dissemination: sumCoverage([]),
    concretization: sumCoverage([]),
    tasks: sumTasks([]),
    byDocument: [],
    ...(withRows ? { rows: { dissemination: [], concretization: [], tasks: [] } } : {}),
  };
  if (docs.length === 0) return empty;
  const docIds = docs.map((d) => d.id);
  const tasks = await rows<{ id: number; document_id: number; search_key: string }>(
    db,
    sql`select t.id, t.document_id, t.search_key from tasks t
      where t.document_id in (${inList(docIds)}) and t.review_state <> 'rejected' order by t.id`,
  );
  const concretize = new Set(tasks.filter((t) => callsForConcretization(t.search_key)).map((t) => t.id));
  // one row per document and body (a directive gives thousands of bodies several tasks each); the
  // lead bodies of tasks calling for a plan come apart with their paths
  const assigned = await rows<{ document_id: number; organisation_id: number }>(
    db,
    sql`select distinct a.document_id, a.organisation_id
      from assignments a join organisations o on o.id = a.organisation_id
      where a.document_id in (${inList(docIds)}) and a.transferred_to_id is null and not o.is_group
        and a.task_id not in (select ft.id from tasks ft where ft.review_state = 'rejected')
        and ${bodyIn(f, sql`a.organisation_id`)}
      order by a.organisation_id`,
  );
  const planning =
    concretize.size === 0
      ? []
      : await rows<{ document_id: number; organisation_id: number; path: string }>(
          db,
          sql`select distinct a.document_id, a.organisation_id, o.path
            from assignments a join organisations o on o.id = a.organisation_id
            where a.task_id in (${inList([...concretize])}) and a.role = 'lead' and a.transferred_to_id is null
              and not o.is_group and ${bodyIn(f, sql`a.organisation_id`)}
            order by a.organisation_id`,
        );
  const sessions = await rows<{ id: number; document_id: number; organisation_id: number; held_on: string }>(
    db,
    sql`select s.id, s.document_id, s.organisation_id, s.held_on::text as held_on from dissemination_sessions s
      where s.document_id in (${inList(docIds)}) and ${bodyIn(f, sql`s.organisation_id`)} order by s.id`,
  );
  // documents implementing these, with the day they were issued (the printed date, else their import)
  const children = await rows<{
    parent: number;
    id: number;
    issuer_id: number | null;
    issuer_path: string | null;
    issued_on: string;
    in_filter: boolean;
  }>(
    db,
    sql`select l.to_document_id as parent, c.id, c.issuer_id, io.path as issuer_path,
        case when length(c.date) = 10 then c.date else ${vnDay(sql`c.created_at`)}::text end as issued_on,
        coalesce(${bodyIn(f, sql`c.issuer_id`)}, false) as in_filter
      from document_links l join documents c on c.id = l.from_document_id
      left join organisations io on io.id = c.issuer_id
      where l.relation = 'implements' and l.review_state <> 'rejected' and c.status <> 'rejected'
        and l.to_document_id in (${inList(docIds)})
      order by c.id`,
  );
  const childIds = [...new Set(children.filter((c) => c.in_filter).map((c) => c.id))];
  const childTasks =
    childIds.length === 0
      ? []
      : await rows<{ id: number; document_id: number; parent_task_id: number | null }>(
          db,
          sql`select t.id, t.document_id, t.parent_task_id from tasks t
            where t.document_id in (${inList(childIds)}) and t.review_state <> 'rejected' order by t.id`,
        );

  const assignedBy = byDocument(assigned);
  const sessionsBy = byDocument(sessions);
  const out: CoverageFigure = { ...empty, byDocument: [] };
  const rowsOut: NonNullable<CoverageFigure["rows"]> = { dissemination: [], concretization: [], tasks: [] };
  for (const doc of docs) {
    const mustHold = (assignedBy.get(doc.id) ?? []).map((a) => a.organisation_id);
    const mustPlan = planning.filter((a) => a.document_id === doc.id);
    const held = (sessionsBy.get(doc.id) ?? []).map((s) => ({
      id: s.id,
      organisationId: s.organisation_id,
      heldOn: s.held_on,
    }));
    const d = disseminationCoverage({ required: mustHold, sessions: held, by: today });
    // a plan counts for each required body it was issued by or inside; other issuers are shown apart
    const planners = [...new Map(mustPlan.map((l) => [l.organisation_id, l.path])).entries()];
    const plans = children
      .filter((c) => c.parent === doc.id && c.issuer_id !== null)
      .flatMap((c) => {
        const by = planners.filter(([, path]) => (c.issuer_path ?? "").startsWith(path)).map(([id]) => id);
        if (by.length > 0)
          return by.map((organisationId) => ({ documentId: c.id, organisationId, issuedOn: c.issued_on }));
        return c.in_filter
          ? [{ documentId: c.id, organisationId: c.issuer_id as number, issuedOn: c.issued_on }]
          : [];
      });
    const k = concretizationCoverage({ required: planners.map(([id]) => id), plans, by: today });
    const parents = tasks.filter((t) => t.document_id === doc.id).map((t) => t.id);
    const mine = new Set(children.filter((c) => c.parent === doc.id && c.in_filter).map((c) => c.id));
    const t = taskCoverage({
      parentTaskIds: parents,
      childTasks: childTasks
        .filter((c) => mine.has(c.document_id))
        .map((c) => ({ id: c.id, concretizes: c.parent_task_id === null ? [] : [c.parent_task_id] })),
    });
    const counts = (c: typeof d): CoverageCounts => ({
      required: c.required.length,
      covered: c.covered.length,
      missing: c.missing.length,
      rate: c.rate,
      unrequired: c.unrequired.length,
    });
    out.byDocument.push({
      documentId: doc.id,
      symbol: doc.symbol,
      title: doc.title,
      dissemination: counts(d),
      concretization: counts(k),
      tasks: {
        parents: parents.length,
        covered: t.covered.length,
        uncovered: t.uncovered.length,
        rate: t.rate,
        unlinked: t.unlinked.length,
      },
    });
    // the bodies that acted unasked, read as if they had been asked: their first day and events
    const unasked = {
      dissemination: disseminationCoverage({ required: d.unrequired, sessions: held, by: today }),
      concretization: concretizationCoverage({ required: k.unrequired, plans, by: today }),
    };
    const bodyRows = (c: typeof d, extra: typeof d): BodyCoverageRow[] => {
      const covered = new Map([...c.covered, ...extra.covered].map((x) => [x.bodyId, x]));
      return [...c.required, ...c.unrequired].map((id) => {
        const hit = covered.get(id);
        return {
          documentId: doc.id,
          organisationId: Number(id),
          required: c.required.includes(id),
          covered: hit !== undefined,
          first: hit?.first ?? null,
          refs: (hit?.refs ?? []).map(Number),
        };
      });
    };
    rowsOut.dissemination.push(...bodyRows(d, unasked.dissemination));
    rowsOut.concretization.push(...bodyRows(k, unasked.concretization));
    rowsOut.tasks.push(
      ...t.covered.map((c) => ({
        documentId: doc.id,
        parentTaskId: Number(c.parentTaskId),
        childTaskIds: c.childTaskIds.map(Number),
      })),
    );
  }
  out.dissemination = sumCoverage(out.byDocument.map((b) => b.dissemination));
  out.concretization = sumCoverage(out.byDocument.map((b) => b.concretization));
  out.tasks = sumTasks(out.byDocument.map((b) => b.tasks));
  if (withRows) out.rows = rowsOut;
  return out;
}

export interface DeadlineRow {
  assignmentId: number;
  taskId: number;
  documentId: number;
  documentSymbol: string | null;
  text: string;
  organisationId: number | null;
  organisationName: string | null;
  role: string;
  status: Status;
  recurrence: string | null;
  /** The deadline that applies: the date, or the current period's due day for a recurring duty. */
  due: string;
  /** Days past the deadline (overdue) or left before it (due soon). */
  days: number;
}

export interface DeadlineFigure {
  days: number;
  until: string;
  counts: { overdue: number; dueSoon: number };
  overdue: DeadlineRow[];
  dueSoon: DeadlineRow[];
  rows?: { assignmentId: number; status: Status; due: string; list: "overdue" | "due_soon" }[];
}

/**
 * Overdue assignments (most overdue first) and open ones whose deadline falls in the next `days`
 * days, today included (soonest first); the lists hold `limit` rows each, the counts all of them.
 */
export async function deadlineFigure(
  db: Db,
  f: BodyFilter,
  documentId: number | undefined,
  today: string,
  days: number,
  limit: number,
  withRows: boolean,
): Promise<DeadlineFigure> {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  // one-off deadlines are sorted, cut and counted in SQL (the bulk of a directive's rows); recurring
  // ones (few) come whole, their due day being the current period's (src/domain/status.ts periodDue)
  const recurring = sql`('monthly', 'quarterly', 'semiannual', 'annual', 'periodic')`;
  const cap = withRows ? sql`all` : sql`${limit}`;
  const candidates = await rows<{
    part: "recurring" | "overdue" | "due_soon";
    id: number;
    status: Status;
    deadline: string | null;
    recurrence: string | null;
    n: number;
  }>(
    db,
    sql`with c as (
        select s.id, s.status, a.deadline_date::text as deadline, a.recurrence,
          coalesce(a.recurrence in ${recurring}, false) as recurring
        from (${statusRows(assignmentsWhere(f, documentId), today)}) s join assignments a on a.id = s.id
        where s.status = 'overdue' or (s.status in ('in_progress', 'not_yet_due')
          and (a.recurrence in ${recurring} or a.deadline_date <= ${until}::date)))
      select 'recurring' as part, id, status, deadline, recurrence, 0 as n from c where recurring
      union all (select 'overdue', id, status, deadline, recurrence, count(*) over ()::int from c
        where not recurring and status = 'overdue' order by deadline, id limit ${cap})
      union all (select 'due_soon', id, status, deadline, recurrence, count(*) over ()::int from c
        where not recurring and status <> 'overdue' order by deadline, id limit ${cap})`,
  );
  type Judged = (typeof candidates)[number] & { due: string; list: "overdue" | "due_soon"; days: number };
  const judged = candidates.flatMap((c): Judged[] => {
    const recurrence = c.recurrence as Recurrence | null;
    const period = isRecurring(recurrence) ? currentPeriod(recurrence, today) : null;
    const due = period ? periodDue(period, c.deadline) : c.deadline;
    if (due === null) return [];
    if (c.status === "overdue") return [{ ...c, due, list: "overdue", days: daysBetween(due, today) }];
    if (due < today || due > until) return [];
    return [{ ...c, due, list: "due_soon", days: daysBetween(today, due) }];
  });
  const byDue = (a: { due: string; id: number }, b: { due: string; id: number }) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id;
  const overdue = judged.filter((j) => j.list === "overdue").sort(byDue);
  const dueSoon = judged.filter((j) => j.list === "due_soon").sort(byDue);
  /** How many a list holds: its recurring rows, and the one-off rows SQL counted before the cut. */
  const total = (list: Judged[], part: "overdue" | "due_soon") =>
    list.filter((j) => j.part === "recurring").length + (candidates.find((c) => c.part === part)?.n ?? 0);
  const shown = [...overdue.slice(0, limit), ...dueSoon.slice(0, limit)];
  const details =
    shown.length === 0
      ? []
      : await rows<Omit<DeadlineRow, "status" | "due" | "days">>(
          db,
          sql`select a.id as "assignmentId", a.task_id as "taskId", a.document_id as "documentId",
              d.symbol as "documentSymbol", t.text, a.organisation_id as "organisationId",
              o.name as "organisationName", a.role, a.recurrence
            from assignments a join tasks t on t.id = a.task_id join documents d on d.id = a.document_id
            left join organisations o on o.id = a.organisation_id
            where a.id in (${inList(shown.map((s) => s.id))})`,
        );
  const detailOf = new Map(details.map((d) => [d.assignmentId, d]));
  const view = (list: typeof judged): DeadlineRow[] =>
    list.slice(0, limit).flatMap((j) => {
      const d = detailOf.get(j.id);
      return d ? [{ ...d, status: j.status, due: j.due, days: j.days }] : [];
    });
  const figure: DeadlineFigure = {
    days,
    until,
    counts: { overdue: total(overdue, "overdue"), dueSoon: total(dueSoon, "due_soon") },
    overdue: view(overdue),
    dueSoon: view(dueSoon),
  };
  if (withRows)
    figure.rows = [...overdue, ...dueSoon].map((j) => ({
      assignmentId: j.id,
      status: j.status,
      due: j.due,
      list: j.list,
    }));
  return figure;
}
