// SQL for reporting cycles and reports: which cycles the caller may see, the bodies that owe reports,
// the reports submitted, and the body × period completeness matrix of one cycle or many
// (src/domain/completeness.ts judges each cell; this only loads).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import {
  type Cell,
  type CompletenessMatrix,
  completeness,
  type DueRule,
  type Rates,
  ratesOf,
} from "../../domain/completeness.ts";
import { FREQUENCIES, type Frequency } from "../../domain/period.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { documentInScope, orgInScope } from "../http/scope.ts";
import { type BodyFilter, bodyIn } from "../rollups/filter.ts";
import { vnDay } from "../rollups/status-sql.ts";

/** SQL true when the cycle `c` concerns the scope: its document does, or a body owing it is in it. */
export function cycleInScope(p: Principal, c: string): SQL {
  if (p.scopePath === null) return sql`true`;
  const cycle = sql.raw(c);
  return sql`((${cycle}.document_id is not null and ${documentInScope(p, sql`${cycle}.document_id`)})
    or exists (select 1 from reporting_cycle_bodies scope_b where scope_b.cycle_id = ${cycle}.id
      and ${orgInScope(p, sql`scope_b.organisation_id`)}))`;
}

export async function assertCycleInScope(db: Db, p: Principal, id: number): Promise<void> {
  const [r] = await rows<{ ok: boolean }>(
    db,
    sql`select ${cycleInScope(p, "c")} as ok from reporting_cycles c where c.id = ${id}`,
  );
  if (!r) throw notFound("reporting_cycle", id);
  if (!r.ok) throw new DomainError("api-out-of-scope", 403, { entity: "reporting_cycle", id: String(id) });
}

export interface CycleRow {
  id: number;
  documentId: number | null;
  documentSymbol: string | null;
  taskId: number | null;
  name: string;
  frequency: string;
  dueDay: number;
  dueMonthOfPeriod: string;
  startDate: string;
  endDate: string | null;
  reviewState: string;
  version: number;
  /** Bodies owing reports inside the caller's scope, and in all. */
  bodiesInScope: number;
  bodiesTotal: number;
}

const cycleColumns = (
  bodies: BodyFilter,
) => sql`c.id, c.document_id as "documentId", d.symbol as "documentSymbol",
  c.task_id as "taskId", c.name, c.frequency, c.due_day as "dueDay", c.due_month_of_period as "dueMonthOfPeriod",
  c.start_date::text as "startDate", c.end_date::text as "endDate", c.review_state as "reviewState", c.version,
  (select count(*)::int from reporting_cycle_bodies b where b.cycle_id = c.id
    and ${bodyIn(bodies, sql`b.organisation_id`)}) as "bodiesInScope",
  (select count(*)::int from reporting_cycle_bodies b where b.cycle_id = c.id) as "bodiesTotal"`;

export const CYCLE_SORTS = ["document", "name", "startDate", "-startDate"] as const;
export type CycleSort = (typeof CYCLE_SORTS)[number];

/** "document": the cycles of each document together, in the order documents came in. */
const CYCLE_ORDER: Record<CycleSort, SQL> = {
  document: sql`c.document_id nulls last, c.id`,
  name: sql`c.name collate "C", c.id`,
  startDate: sql`c.start_date asc, c.id`,
  "-startDate": sql`c.start_date desc, c.id desc`,
};

export async function listCycles(
  db: Db,
  p: Principal,
  bodies: BodyFilter,
  f: { documentId?: number | undefined; sort: CycleSort; page: number; pageSize: number },
): Promise<{ items: CycleRow[]; total: number }> {
  const where = [cycleInScope(p, "c")];
  if (f.documentId !== undefined) where.push(sql`c.document_id = ${f.documentId}`);
  const list = await rows<CycleRow & { total: number }>(
    db,
    sql`select ${cycleColumns(bodies)}, count(*) over ()::int as total
      from reporting_cycles c left join documents d on d.id = c.document_id
      where ${sql.join(where, sql` and `)}
      order by ${CYCLE_ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reporting_cycles c where ${sql.join(where, sql` and `)}`,
    );
    total = c?.n ?? 0;
  }
  return { items: list.map(({ total: _t, ...r }) => r), total };
}

export async function cycleById(db: Db, id: number, bodies: BodyFilter): Promise<CycleRow> {
  const [r] = await rows<CycleRow>(
    db,
    sql`select ${cycleColumns(bodies)} from reporting_cycles c left join documents d on d.id = c.document_id
      where c.id = ${id}`,
  );
  if (!r) throw notFound("reporting_cycle", id);
  return r;
}

export interface OwingBody {
  organisationId: number;
  name: string;
  level: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The bodies of the filter that owe reports in the cycles, by cycle. */
async function owingBodies(
  db: Db,
  cycleIds: number[],
  bodies: BodyFilter,
): Promise<Map<number, OwingBody[]>> {
  const out = new Map<number, OwingBody[]>(cycleIds.map((c) => [c, []]));
  if (cycleIds.length === 0) return out;
  const list = await rows<OwingBody & { cycleId: number }>(
    db,
    sql`select b.cycle_id as "cycleId", o.id as "organisationId", o.name, o.level,
        o.valid_from::text as "validFrom", o.valid_to::text as "validTo"
      from reporting_cycle_bodies b join organisations o on o.id = b.organisation_id
      where b.cycle_id in (${sql.join(
        cycleIds.map((c) => sql`${c}`),
        sql`, `,
      )}) and ${bodyIn(bodies, sql`b.organisation_id`)}
      order by o.name collate "C", o.id`,
  );
  for (const { cycleId, ...b } of list) out.get(cycleId)?.push(b);
  return out;
}

export async function bodiesOfCycle(db: Db, cycleId: number, bodies: BodyFilter): Promise<OwingBody[]> {
  return (await owingBodies(db, [cycleId], bodies)).get(cycleId) ?? [];
}

export interface CountedReport {
  id: number;
  cycleId: number;
  organisationId: number;
  period: string;
  submittedAt: string;
  /** The day of submission in Vietnam, the day the matrix judges. */
  submittedOn: string;
}

export interface CycleCompleteness {
  cycleId: number;
  name: string;
  documentId: number | null;
  frequency: string;
  matrix: CompletenessMatrix;
  bodies: OwingBody[];
  reports: CountedReport[];
}

const ruleOf = (c: { frequency: string; dueDay: number; dueMonthOfPeriod: string }): DueRule => ({
  frequency: c.frequency as Frequency,
  dueDay: c.dueDay,
  dueMonthOfPeriod:
    c.dueMonthOfPeriod === "first" || c.dueMonthOfPeriod === "last"
      ? c.dueMonthOfPeriod
      : Number(c.dueMonthOfPeriod) || "last",
});

/**
 * The completeness matrices of the cycles `where` selects (over `c`, joined to its document `d`),
 * for the bodies of the filter, on `today`.
 */
export async function completenessOf(
  db: Db,
  where: SQL,
  bodies: BodyFilter,
  today: string,
): Promise<CycleCompleteness[]> {
  const cycles = await rows<{
    id: number;
    name: string;
    documentId: number | null;
    frequency: string;
    dueDay: number;
    dueMonthOfPeriod: string;
    startDate: string;
    endDate: string | null;
  }>(
    db,
    sql`select c.id, c.name, c.document_id as "documentId", c.frequency, c.due_day as "dueDay",
        c.due_month_of_period as "dueMonthOfPeriod", c.start_date::text as "startDate", c.end_date::text as "endDate"
      from reporting_cycles c left join documents d on d.id = c.document_id
      where (${where}) and c.frequency in (${sql.join(
        FREQUENCIES.map((f) => sql`${f}`),
        sql`, `,
      )})
      order by c.document_id nulls last, c.id`,
  );
  const ids = cycles.map((c) => c.id);
  const owing = await owingBodies(db, ids, bodies);
  const reports =
    ids.length === 0
      ? []
      : await rows<CountedReport>(
          db,
          sql`select r.id, r.cycle_id as "cycleId", r.organisation_id as "organisationId", r.period,
              r.submitted_at::text as "submittedAt", ${vnDay(sql`r.submitted_at`)}::text as "submittedOn"
            from reports r
            where r.cycle_id in (${sql.join(
              ids.map((c) => sql`${c}`),
              sql`, `,
            )}) and ${bodyIn(bodies, sql`r.organisation_id`)}
            order by r.id`,
        );
  return cycles.map((c) => {
    const list = owing.get(c.id) ?? [];
    const submitted = reports.filter((r) => r.cycleId === c.id);
    const matrix = completeness({
      rule: ruleOf(c),
      bodies: list.map((b) => ({ id: b.organisationId, activeFrom: b.validFrom, activeUntil: b.validTo })),
      submissions: submitted.map((r) => ({
        bodyId: r.organisationId,
        period: r.period,
        submittedAt: r.submittedOn,
      })),
      startDate: c.startDate,
      endDate: c.endDate,
      today,
    });
    return {
      cycleId: c.id,
      name: c.name,
      documentId: c.documentId,
      frequency: c.frequency,
      matrix,
      bodies: list,
      reports: submitted,
    };
  });
}

/** Counts and rates over every cell of several matrices. */
export function totalRates(list: CycleCompleteness[]): Rates {
  return ratesOf(list.flatMap((c) => c.matrix.rows.flatMap((r) => r.cells as Cell[])));
}

export interface ReportRow {
  id: number;
  cycleId: number;
  cycleName: string;
  organisationId: number;
  organisationName: string;
  period: string;
  submittedAt: string;
  state: string;
  authorId: number | null;
  version: number;
}

const reportColumns = sql`r.id, r.cycle_id as "cycleId", c.name as "cycleName", r.organisation_id as "organisationId",
  o.name as "organisationName", r.period, r.submitted_at::text as "submittedAt", r.state, r.author_id as "authorId",
  r.version`;

export const REPORT_SORTS = ["-submittedAt", "submittedAt", "-period", "period", "organisation"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** Periods by their last month (period_rank), so "2025-Q3" falls between "2025-08" and "2025". */
const REPORT_ORDER: Record<ReportSort, SQL> = {
  "-submittedAt": sql`r.submitted_at desc, r.id desc`,
  submittedAt: sql`r.submitted_at asc, r.id`,
  "-period": sql`period_rank(r.period) desc, r.id desc`,
  period: sql`period_rank(r.period) asc, r.id`,
  organisation: sql`o.name collate "C", r.submitted_at desc, r.id desc`,
};

export async function listReports(
  db: Db,
  bodies: BodyFilter,
  f: {
    cycleId?: number | undefined;
    period?: string | undefined;
    sort: ReportSort;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ReportRow[]; total: number }> {
  const where = [bodyIn(bodies, sql`r.organisation_id`)];
  if (f.cycleId !== undefined) where.push(sql`r.cycle_id = ${f.cycleId}`);
  if (f.period !== undefined) where.push(sql`r.period = ${f.period}`);
  const list = await rows<ReportRow & { total: number }>(
    db,
    sql`select ${reportColumns}, count(*) over ()::int as total
      from reports r join reporting_cycles c on c.id = r.cycle_id join organisations o on o.id = r.organisation_id
      where ${sql.join(where, sql` and `)}
      order by ${REPORT_ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reports r where ${sql.join(where, sql` and `)}`,
    );
    total = c?.n ?? 0;
  }
  return { items: list.map(({ total: _t, ...r }) => r), total };
}

export interface ReportDetail extends ReportRow {
  content: string;
  difficulties: string | null;
  proposals: string | null;
}

/** One report, if its body is in the principal's scope (403 outside, 404 unknown). */
export async function reportInScope(db: Db, p: Principal, id: number): Promise<ReportDetail> {
  const [r] = await rows<ReportDetail & { ok: boolean }>(
    db,
    sql`select ${reportColumns}, r.content, r.difficulties, r.proposals, ${orgInScope(p, sql`r.organisation_id`)} as ok
      from reports r join reporting_cycles c on c.id = r.cycle_id join organisations o on o.id = r.organisation_id
      where r.id = ${id}`,
  );
  if (!r) throw notFound("report", id);
  if (!r.ok) throw new DomainError("api-out-of-scope", 403, { entity: "report", id: String(id) });
  const { ok: _ok, ...report } = r;
  return report;
}
