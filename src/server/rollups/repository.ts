// Dashboard rollups in SQL: status counts of a directive's assignments by province, and indicator
// on-track counts. Live: computed from the rows (and the trigger-kept latest indicator values).
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { STATUSES, type StatusName, statusCase } from "./status-sql.ts";

export interface ProvinceStatusCounts {
  provinceId: number | null;
  province: string | null;
  total: number;
  counts: Record<StatusName, number>;
}

export async function statusCountsByProvince(
  db: Db,
  documentId: number,
  today: string,
): Promise<ProvinceStatusCounts[]> {
  const columns = STATUSES.map(
    (s) => sql`count(*) filter (where s.status = ${s})::int as ${sql.identifier(s)}`,
  );
  const list = await rows<Record<string, number | string | null>>(
    db,
    sql`select s.province_id, min(pr.name) as province, count(*)::int as total, ${sql.join(columns, sql`, `)}
        from (select o.province_id, ${statusCase(today)} as status
              from assignments a join organisations o on o.id = a.organisation_id
              where a.document_id = ${documentId} and a.role = 'lead') s
        left join organisations pr on pr.id = s.province_id
        group by s.province_id
        order by province nulls last`,
  );
  return list.map((r) => ({
    provinceId: (r.province_id as number | null) ?? null,
    province: (r.province as string | null) ?? null,
    total: Number(r.total),
    counts: Object.fromEntries(STATUSES.map((s) => [s, Number(r[s] ?? 0)])) as Record<StatusName, number>,
  }));
}

/** Each assignment of a document with its status: the rows a figure counted. */
export async function assignmentStatuses(
  db: Db,
  documentId: number,
  today: string,
): Promise<{ id: number; status: StatusName }[]> {
  return rows(
    db,
    sql`select a.id, ${statusCase(today)} as status from assignments a where a.document_id = ${documentId} order by a.id`,
  );
}
