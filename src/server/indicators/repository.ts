// SQL for indicators: which the caller may see, the list with each indicator's grades over the
// caller's bodies, one indicator's values, and the lookups an import needs.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../../domain/trajectory.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { documentInScope, orgInScope } from "../http/scope.ts";
import { type BodyFilter, bodyIn } from "../rollups/filter.ts";

/** SQL true when the indicator `i` concerns the scope: its document does, or its responsible body is in it. */
export function indicatorInScope(p: Principal, i: string): SQL {
  if (p.scopePath === null) return sql`true`;
  return sql`(${documentInScope(p, sql.raw(`${i}.document_id`))} or ${orgInScope(p, sql.raw(`${i}.organisation_id`))})`;
}

export async function assertIndicatorInScope(db: Db, p: Principal, id: number): Promise<void> {
  const [r] = await rows<{ ok: boolean }>(
    db,
    sql`select ${indicatorInScope(p, "i")} as ok from indicators i where i.id = ${id}`,
  );
  if (!r) throw notFound("indicator", id);
  if (!r.ok) throw new DomainError("api-out-of-scope", 403, { entity: "indicator", id: String(id) });
}

export interface IndicatorRow {
  id: number;
  documentId: number;
  documentSymbol: string | null;
  name: string;
  kind: string;
  unit: string | null;
  targetValue: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  organisationId: number | null;
  organisationName: string | null;
  reviewState: string;
  /** Bodies of the caller's scope with a value. */
  bodies: number;
  /** Their latest values' grades. */
  counts: Record<AssessmentStatus, number>;
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

export const INDICATOR_SORTS = ["document", "name", "organisation", "-behind"] as const;
export type IndicatorSort = (typeof INDICATOR_SORTS)[number];

/** "-behind": first the indicators with the most of the caller's bodies at risk, off track or worse. */
const ORDER: Record<IndicatorSort, SQL> = {
  document: sql`i.document_id, i.id`,
  name: sql`i.name collate "C", i.id`,
  organisation: sql`org.name collate "C" nulls last, i.id`,
  "-behind": sql`count(l.indicator_id) filter (where l.status in ('at_risk', 'off_track', 'deteriorating')) desc, i.id`,
};

export interface IndicatorFilter {
  documentId?: number | undefined;
  status?: AssessmentStatus[] | undefined;
  sort: IndicatorSort;
  page: number;
  pageSize: number;
}

/** The published, not rejected indicators the caller may see, with grade counts over `bodies`. */
export async function listIndicators(
  db: Db,
  p: Principal,
  bodies: BodyFilter,
  f: IndicatorFilter,
): Promise<{ items: IndicatorRow[]; total: number }> {
  const where: SQL[] = [
    sql`d.status = 'published'`,
    sql`i.review_state <> 'rejected'`,
    indicatorInScope(p, "i"),
  ];
  if (f.documentId !== undefined) where.push(sql`i.document_id = ${f.documentId}`);
  const counts = ASSESSMENT_STATUSES.map(
    (s) => sql`count(l.indicator_id) filter (where l.status = ${s})::int as ${sql.identifier(s)}`,
  );
  const having =
    f.status && f.status.length > 0
      ? sql`having bool_or(l.status in (${sql.join(
          f.status.map((s) => sql`${s}`),
          sql`, `,
        )}))`
      : sql``;
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select i.id, i.document_id, d.symbol, i.name, i.kind, i.unit, i.target_value, i.target_low,
        i.target_high, i.target_year, i.baseline_value, i.baseline_year, i.organisation_id,
        org.name as organisation_name, i.review_state, count(l.indicator_id)::int as bodies,
        ${sql.join(counts, sql`, `)}, count(*) over ()::int as total
      from indicators i
      join documents d on d.id = i.document_id
      left join organisations org on org.id = i.organisation_id
      left join indicator_latest l on l.indicator_id = i.id and ${bodyIn(bodies, sql`l.organisation_id`)}
      where ${sql.join(where, sql` and `)}
      group by i.id, d.symbol, org.name
      ${having}
      order by ${ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const items = list.map((r) => ({
    id: Number(r.id),
    documentId: Number(r.document_id),
    documentSymbol: (r.symbol as string | null) ?? null,
    name: String(r.name),
    kind: String(r.kind),
    unit: (r.unit as string | null) ?? null,
    targetValue: num(r.target_value),
    targetLow: num(r.target_low),
    targetHigh: num(r.target_high),
    targetYear: num(r.target_year),
    baselineValue: num(r.baseline_value),
    baselineYear: num(r.baseline_year),
    organisationId: num(r.organisation_id),
    organisationName: (r.organisation_name as string | null) ?? null,
    reviewState: String(r.review_state),
    bodies: Number(r.bodies),
    counts: Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, Number(r[s] ?? 0)])) as Record<
      AssessmentStatus,
      number
    >,
  }));
  let total = Number(list[0]?.total ?? 0);
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select i.id from indicators i join documents d on d.id = i.document_id
        left join indicator_latest l on l.indicator_id = i.id and ${bodyIn(bodies, sql`l.organisation_id`)}
        where ${sql.join(where, sql` and `)} group by i.id ${having}) x`,
    );
    total = c?.n ?? 0;
  }
  return { items, total };
}

export interface IndicatorDefinition {
  id: number;
  documentId: number;
  documentSymbol: string | null;
  sectionId: number | null;
  organisationId: number | null;
  organisationName: string | null;
  parentIndicatorId: number | null;
  name: string;
  text: string;
  kind: string;
  unit: string | null;
  per: number | null;
  targetValue: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineUnit: string | null;
  baselineYear: number | null;
  reviewState: string;
  version: number;
}

export async function indicatorDefinition(db: Db, id: number): Promise<IndicatorDefinition> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`select i.*, d.symbol, org.name as organisation_name from indicators i
      join documents d on d.id = i.document_id left join organisations org on org.id = i.organisation_id
      where i.id = ${id}`,
  );
  if (!r) throw notFound("indicator", id);
  return {
    id: Number(r.id),
    documentId: Number(r.document_id),
    documentSymbol: (r.symbol as string | null) ?? null,
    sectionId: num(r.section_id),
    organisationId: num(r.organisation_id),
    organisationName: (r.organisation_name as string | null) ?? null,
    parentIndicatorId: num(r.parent_indicator_id),
    name: String(r.name),
    text: String(r.text),
    kind: String(r.kind),
    unit: (r.unit as string | null) ?? null,
    per: num(r.per),
    targetValue: num(r.target_value),
    targetLow: num(r.target_low),
    targetHigh: num(r.target_high),
    targetYear: num(r.target_year),
    baselineValue: num(r.baseline_value),
    baselineUnit: (r.baseline_unit as string | null) ?? null,
    baselineYear: num(r.baseline_year),
    reviewState: String(r.review_state),
    version: Number(r.version),
  };
}

export interface ValueRow {
  id: number;
  organisationId: number;
  organisationName: string;
  period: string;
  year: number;
  value: number;
  source: string | null;
  recordedAt: string;
  version: number;
}

/** An indicator's values for the bodies of the filter, by body and period (chronological). */
export async function valuesOf(db: Db, indicatorId: number, bodies: BodyFilter): Promise<ValueRow[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select v.id, v.organisation_id, o.name, v.period, v.year, v.value, v.source,
        v.recorded_at::text as recorded_at, v.version
      from indicator_values v join organisations o on o.id = v.organisation_id
      where v.indicator_id = ${indicatorId} and ${bodyIn(bodies, sql`v.organisation_id`)}
      order by o.name collate "C", v.organisation_id, period_rank(v.period)`,
  );
  return list.map((r) => ({
    id: Number(r.id),
    organisationId: Number(r.organisation_id),
    organisationName: String(r.name),
    period: String(r.period),
    year: Number(r.year),
    value: Number(r.value),
    source: (r.source as string | null) ?? null,
    recordedAt: String(r.recorded_at),
    version: Number(r.version),
  }));
}

/** Of the indicator ids, those that exist, each with whether the caller may see it. */
export async function indicatorsById(
  db: Db,
  p: Principal,
  ids: number[],
): Promise<Map<number, { inScope: boolean }>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: number; ok: boolean }>(
    db,
    sql`select i.id, ${indicatorInScope(p, "i")} as ok from indicators i
      where i.id in (${sql.join(
        ids.map((x) => sql`${x}`),
        sql`, `,
      )})`,
  );
  return new Map(list.map((r) => [Number(r.id), { inScope: r.ok }]));
}

/** Organisations named by code (or by id when all digits), each with its id and whether it is in scope. */
export async function organisationsByKey(
  db: Db,
  p: Principal,
  keys: string[],
): Promise<Map<string, { id: number; inScope: boolean }>> {
  if (keys.length === 0) return new Map();
  const ids = keys.filter((k) => /^\d{1,9}$/.test(k)).map(Number);
  const list = await rows<{ id: number; code: string | null; ok: boolean }>(
    db,
    sql`select o.id, o.code, ${orgInScope(p, sql`o.id`)} as ok from organisations o
      where o.code in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})${
        ids.length > 0
          ? sql` or o.id in (${sql.join(
              ids.map((x) => sql`${x}`),
              sql`, `,
            )})`
          : sql``
      }`,
  );
  const out = new Map<string, { id: number; inScope: boolean }>();
  for (const r of list) if (r.code !== null) out.set(r.code, { id: Number(r.id), inScope: r.ok });
  // a code wins over an id that reads the same
  for (const r of list)
    if (!out.has(String(r.id))) out.set(String(r.id), { id: Number(r.id), inScope: r.ok });
  return out;
}

/** Of the organisation ids, those that exist, each with whether it is in the caller's scope. */
export async function organisationsById(
  db: Db,
  p: Principal,
  ids: number[],
): Promise<Map<number, { inScope: boolean }>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: number; ok: boolean }>(
    db,
    sql`select o.id, ${orgInScope(p, sql`o.id`)} as ok from organisations o
      where o.id in (${sql.join(
        ids.map((x) => sql`${x}`),
        sql`, `,
      )})`,
  );
  return new Map(list.map((r) => [Number(r.id), { inScope: r.ok }]));
}
