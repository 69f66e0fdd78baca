// SQL for dissemination sessions: the sessions of the caller's bodies, by document.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { type BodyFilter, bodyIn } from "../rollups/filter.ts";

export interface SessionRow {
  id: number;
  documentId: number;
  documentSymbol: string | null;
  organisationId: number;
  organisationName: string;
  heldOn: string;
  form: string;
  attendance: number | null;
  notes: string | null;
  createdAt: string;
}

export const SESSION_SORTS = ["-heldOn", "heldOn", "organisation", "document"] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];

/** By organisation or document, each one's sessions latest first. */
const ORDER: Record<SessionSort, SQL> = {
  "-heldOn": sql`s.held_on desc, s.id desc`,
  heldOn: sql`s.held_on asc, s.id`,
  organisation: sql`o.name collate "C", s.held_on desc, s.id desc`,
  document: sql`d.symbol collate "C" nulls last, s.held_on desc, s.id desc`,
};

export async function listSessions(
  db: Db,
  bodies: BodyFilter,
  f: { documentId?: number | undefined; sort: SessionSort; page: number; pageSize: number },
): Promise<{ items: SessionRow[]; total: number }> {
  const where: SQL[] = [bodyIn(bodies, sql`s.organisation_id`)];
  if (f.documentId !== undefined) where.push(sql`s.document_id = ${f.documentId}`);
  const list = await rows<SessionRow & { total: number }>(
    db,
    sql`select s.id, s.document_id as "documentId", d.symbol as "documentSymbol", s.organisation_id as "organisationId",
        o.name as "organisationName", s.held_on::text as "heldOn", s.form, s.attendance, s.notes,
        s.created_at::text as "createdAt", count(*) over ()::int as total
      from dissemination_sessions s join documents d on d.id = s.document_id
      join organisations o on o.id = s.organisation_id
      where ${sql.join(where, sql` and `)}
      order by ${ORDER[f.sort]}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  let total = list[0]?.total ?? 0;
  if (list.length === 0 && f.page > 1) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from dissemination_sessions s where ${sql.join(where, sql` and `)}`,
    );
    total = c?.n ?? 0;
  }
  return { items: list.map(({ total: _t, ...r }) => r), total };
}
