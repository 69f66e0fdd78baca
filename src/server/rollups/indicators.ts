// Indicator assessment in SQL, for on-track counts over every body at national scale. It states the
// rules of src/domain/trajectory.ts `assess` again, step by step in the same order (a test checks
// that both agree on generated indicators and values), from the start (baseline, or the first
// year's value) and the latest value that the trigger keeps in indicator_latest.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_THRESHOLDS,
  type AssessmentStatus,
} from "../../domain/trajectory.ts";

const nearly = (a: string, b: string) => `abs(${a} - ${b}) <= 1e-9 * greatest(1, abs(${a}), abs(${b}))`;

/**
 * Rows (indicator_id, organisation_id, status) for the indicators matching `where` (on alias i).
 * Four steps, each materialised once (inlining them would copy every expression into every later
 * reference): start and latest; the band; direction, goal and measure; the grade.
 */
function assessed(where: SQL): SQL {
  const t = ASSESSMENT_THRESHOLDS;
  return sql`
  with spread as materialized (
    select indicator_id, organisation_id, kind, unit, ty, sv, sy, lo, hi,
      case when oy > sy then oy else sy end as ly, case when oy > sy then ov else sv end as v,
      kind in ('growth_per_year', 'multiple_of_baseline', 'increment_per_year') as step,
      kind in ('growth_per_year', 'multiple_of_baseline') as compound
    from (
      select i.id as indicator_id, l.organisation_id, i.kind, trim(coalesce(i.unit, '')) as unit, i.target_year as ty,
        least(coalesce(i.target_low, i.target_value), coalesce(i.target_high, i.target_value))::float8 as lo,
        greatest(coalesce(i.target_low, i.target_value), coalesce(i.target_high, i.target_value))::float8 as hi,
        case when i.baseline_value is not null and i.baseline_year is not null then i.baseline_value else l.first_value end::float8 as sv,
        case when i.baseline_value is not null and i.baseline_year is not null then i.baseline_year else l.first_year end as sy,
        l.year as oy, l.value::float8 as ov
      from indicators i join indicator_latest l on l.indicator_id = i.id
      where ${where}) b
  ), banded as materialized (
    select indicator_id, organisation_id, kind, unit, ty, sv, sy, ly, v, compound,
      (lo is null) or (step and (ty is null or ty - sy <= 0 or (compound and sv <= 0))) as no_band,
      case when not step then lo else least(path_lo, path_hi) end as blo,
      case when not step then hi else greatest(path_lo, path_hi) end as bhi
    from (select *,
            case kind when 'growth_per_year' then sv * power(1 + lo / 100, ty - sy)
                      when 'increment_per_year' then sv + lo * (ty - sy) else sv * lo end as path_lo,
            case kind when 'growth_per_year' then sv * power(1 + hi / 100, ty - sy)
                      when 'increment_per_year' then sv + hi * (ty - sy) else sv * hi end as path_hi
          from spread) p
  ), goaled as materialized (
    select indicator_id, organisation_id, kind, unit, ty, sv, ly, v, blo, bhi, no_band, dir, ly - sy as elapsed,
      case when dir = 'up' or (dir = 'hold' and v < blo) then blo else bhi end as goal,
      (v >= blo or ${sql.raw(nearly("v", "blo"))}) as at_least, (v <= bhi or ${sql.raw(nearly("v", "bhi"))}) as at_most,
      compound
    from (select *, case when kind = 'min' then 'up' when kind in ('max', 'rank') then 'down'
                   when sv < blo and not (${sql.raw(nearly("sv", "blo"))}) then 'up'
                   when sv > bhi and not (${sql.raw(nearly("sv", "bhi"))}) then 'down'
                   else 'hold' end as dir
          from banded) d
  )
  select indicator_id, organisation_id, case
      when no_band then 'insufficient_data'
      when (case when dir = 'hold' or kind = 'range' then at_least and at_most when dir = 'up' then at_least else at_most end) then 'achieved'
      when kind = 'range' and ((dir = 'up' and v > bhi) or (dir = 'down' and v < blo)) then 'off_track'
      when measure is null or ty is null then 'insufficient_data'
      when ty - ly <= 0 then case when (v - sv) * (goal - v) < 0 then 'deteriorating' else 'off_track' end
      -- achieved ÷ required as in floating point: x/0 is ±infinity, 0/0 is NaN (graded deteriorating)
      when required = 0 then case when achieved > 0 then 'on_track' else 'deteriorating' end
      when achieved / required >= ${t.onTrack} then 'on_track'
      when achieved / required >= ${t.atRisk} then 'at_risk'
      when achieved / required >= ${t.offTrack} then 'off_track'
      else 'deteriorating' end as status
  from (
    select *,
      case measure when 'compound' then power(v / sv, 1.0 / elapsed) - 1 when 'difference' then (v - sv) / elapsed end as achieved,
      case when ty - ly > 0 then case measure when 'compound' then power(goal / v, 1.0 / (ty - ly)) - 1
                                                when 'difference' then (goal - v) / (ty - ly) end end as required
    from (select *, case when elapsed <= 0 then null
                         when kind in ('rank', 'increment_per_year') then 'difference'
                         when not compound and unit = '%' then 'difference'
                         when sv <= 0 or v <= 0 or goal <= 0 then 'difference'
                         else 'compound' end as measure
          from goaled) m) r`;
}

/** The assessment rows of one document's indicators, as SQL (for composing and benchmarking). */
export function indicatorAssessmentSql(documentId: number): SQL {
  return assessed(sql`i.document_id = ${documentId}`);
}

export interface IndicatorStatusCounts {
  indicatorId: number;
  name: string;
  total: number;
  counts: Record<AssessmentStatus, number>;
}

export async function indicatorStatusCounts(db: Db, documentId: number): Promise<IndicatorStatusCounts[]> {
  const columns = ASSESSMENT_STATUSES.map(
    (s) => sql`count(*) filter (where x.status = ${s})::int as ${sql.identifier(s)}`,
  );
  const list = await rows<Record<string, number | string>>(
    db,
    sql`select x.indicator_id, min(i.name) as name, count(*)::int as total, ${sql.join(columns, sql`, `)}
        from (${assessed(sql`i.document_id = ${documentId}`)}) x join indicators i on i.id = x.indicator_id
        group by x.indicator_id order by x.indicator_id`,
  );
  return list.map((r) => ({
    indicatorId: Number(r.indicator_id),
    name: String(r.name),
    total: Number(r.total),
    counts: Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, Number(r[s] ?? 0)])) as Record<
      AssessmentStatus,
      number
    >,
  }));
}

/** Each (indicator, body) of a document with its assessment: the rows a count came from. */
export async function indicatorAssessments(
  db: Db,
  documentId: number,
): Promise<{ indicator_id: number; organisation_id: number; status: AssessmentStatus }[]> {
  return rows(
    db,
    sql`select * from (${assessed(sql`i.document_id = ${documentId}`)}) x order by indicator_id, organisation_id`,
  );
}
