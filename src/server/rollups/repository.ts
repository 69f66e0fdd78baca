// Dashboard rollups in SQL: status counts of a directive's assignments by province. Live: computed
// from the rows, through the same status SQL everywhere.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { STATUSES, type StatusName, statusCounts, statusRows } from "./status-sql.ts";

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
  const list = await rows<Record<string, number | string | null>>(
    db,
    sql`select c.g as province_id, pr.name as province, c.*
        from (${statusCounts(sql`a.document_id = ${documentId} and a.role = 'lead'`, today, sql`o.province_id`)}) c
        left join organisations pr on pr.id = c.g
        order by pr.name nulls last`,
  );
  return list.map((r) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, Number(r[s] ?? 0)])) as Record<
      StatusName,
      number
    >;
    return {
      provinceId: (r.province_id as number | null) ?? null,
      province: (r.province as string | null) ?? null,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
    };
  });
}

/** Each assignment of a document with its status: the rows a figure counted. */
export async function assignmentStatuses(
  db: Db,
  documentId: number,
  today: string,
): Promise<{ id: number; status: StatusName }[]> {
  return rows(
    db,
    sql`select id, status from (${statusRows(sql`a.document_id = ${documentId}`, today)}) s order by id`,
  );
}
