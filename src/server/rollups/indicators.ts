// Indicator on-track counts over every body at national scale. Each body's latest value is graded
// as it is kept: indicator_latest.status, set by triggers (migration 0003) through the SQL function
// indicator_status, which states the rules of src/domain/trajectory.ts `assess` again (a test checks
// that both agree on generated indicators and values). A rollup counts those grades; it does not
// grade tens of thousands of values on every request.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../../domain/trajectory.ts";

export interface IndicatorStatusCounts {
  indicatorId: number;
  name: string;
  total: number;
  counts: Record<AssessmentStatus, number>;
}

export async function indicatorStatusCounts(db: Db, documentId: number): Promise<IndicatorStatusCounts[]> {
  const columns = ASSESSMENT_STATUSES.map(
    (s) => sql`count(*) filter (where l.status = ${s})::int as ${sql.identifier(s)}`,
  );
  const list = await rows<Record<string, number | string>>(
    db,
    sql`select i.id as indicator_id, i.name, count(*)::int as total, ${sql.join(columns, sql`, `)}
        from indicators i join indicator_latest l on l.indicator_id = i.id
        where i.document_id = ${documentId}
        group by i.id order by i.id`,
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
    sql`select l.indicator_id, l.organisation_id, l.status
        from indicators i join indicator_latest l on l.indicator_id = i.id
        where i.document_id = ${documentId}
        order by l.indicator_id, l.organisation_id`,
  );
}
