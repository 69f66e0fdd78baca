// Which bodies a figure covers: the caller's scope, narrowed to one organisation's subtree and to one
// level (central, province, district, commune) when asked. Figures, lists of values, reports and
// sessions all filter their bodies through here, so a count and the list behind it agree.
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../auth/service.ts";
import { subtreeInScope } from "../http/scope.ts";

export const LEVELS = ["central", "province", "district", "commune"] as const;
export type Level = (typeof LEVELS)[number];

export interface BodyFilter {
  scopePath: string | null;
  /** The subtree of an organisation asked for (inside the scope). */
  subtreePath: string | null;
  level: Level | null;
}

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** The query of every figure: document, organisation subtree, level, and whether to return the rows. */
export const figureQuery = z.object({
  documentId: id.optional(),
  organisationId: id.optional(),
  level: z.enum(LEVELS).optional(),
  rows: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});

/** The bodies of the principal's scope, narrowed to `organisationId`'s subtree (403 outside). */
export async function bodyFilter(
  db: Db,
  p: Principal,
  organisationId: number | undefined,
  level: Level | undefined,
): Promise<BodyFilter> {
  const subtreePath = await subtreeInScope(db, p, organisationId);
  return { scopePath: p.scopePath, subtreePath, level: level ?? null };
}

/** Conditions on an organisation's path and level columns; null when the filter keeps every body. */
function conditions(f: BodyFilter, path: SQL, level: SQL): SQL | null {
  const parts: SQL[] = [];
  if (f.scopePath !== null) parts.push(sql`${path} like ${`${f.scopePath}%`}`);
  if (f.subtreePath !== null) parts.push(sql`${path} like ${`${f.subtreePath}%`}`);
  if (f.level !== null) parts.push(sql`${level} = ${f.level}`);
  return parts.length === 0 ? null : sql.join(parts, sql` and `);
}

/**
 * SQL true when the organisation id in `column` passes the filter. Without any condition every row
 * passes, those without an organisation too (an unresolved assignment counts for an unscoped user).
 */
export function bodyIn(f: BodyFilter, column: SQL): SQL {
  const c = conditions(f, sql`f_o.path`, sql`f_o.level`);
  if (c === null) return sql`true`;
  return sql`${column} in (select f_o.id from organisations f_o where ${c})`;
}

/** The ratio of two counts, or null when nothing is counted. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
