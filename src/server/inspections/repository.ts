// SQL for inspections: those of the caller's bodies, as the inspected body or the inspecting one.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { type BodyFilter, bodyIn } from "../rollups/filter.ts";

export interface InspectionRow {
  id: number;
  documentId: number | null;
  documentSymbol: string | null;
  inspectedOrganisationId: number;
  inspectedName: string;
  inspectingOrganisationId: number | null;
  inspectingName: string | null;
  heldOn: string;
  findings: string;
  /** Follow-up tasks the inspection gave the inspected body. */
  followUps: number;
  createdAt: string;
}

export const INSPECTION_SORTS = ["-heldOn", "heldOn", "inspected", "-followUps"] as const;
export type InspectionSort = (typeof INSPECTION_SORTS)[number];

/** By inspected body, its inspections latest first; by follow-up tasks given, most first. */
const ORDER: Record<InspectionSort, SQL> = {
  "-heldOn": sql`i.held_on desc, i.id desc`,
  heldOn: sql`i.held_on asc, i.id`,
  inspected: sql`od.name collate "C", i.held_on desc, i.id desc`,
  "-followUps": sql`"followUps" desc, i.held_on desc, i.id desc`,
};

export async function listInspections(
  db: Db,
  bodies: BodyFilter,
  f: { documentId?: number | undefined; sort: InspectionSort; page: number; pageSize: number },
): Promise<{ items: InspectionRow[]; total: number }> {
  const where: SQL[] = [
    sql`(${bodyIn(bodies, sql`i.inspected_organisation_id`)} or ${bodyIn(bodies, sql`i.inspecting_organisation_id`)})`,
  ];
  if (f.documentId !== undefined) where.push(sql`i.document_id = ${f.documentId}`);
  const list = await rows<InspectionRow & { total: number }>(
    db,
    sql`select i.id, i.document_id as "documentId", d.symbol as "documentSymbol",
        i.inspected_organisation_id as "inspectedOrganisationId", od.name as "inspectedName",
        i.inspecting_organisation_id as "inspectingOrganisationId", oi.name as "inspectingName",
        i.held_on::text as "heldOn", i.findings,
        (select count(*)::int from tasks t where t.inspection_id = i.id) as "followUps",
        i.created_at::text as "createdAt", count(*) over ()::int as total
      from inspections i left join documents d on d.id = i.document_id
      join organisations od on od.id = i.inspected_organisation_id
      left join organisations oi on oi.id = i.inspecting_organisation_id
      where ${sql.join(where, sql` and `)}
      order by ${ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from inspections i where ${sql.join(where, sql` and `)}`,
    );
    total = c?.n ?? 0;
  }
  return { items: list.map(({ total: _t, ...r }) => r), total };
}
