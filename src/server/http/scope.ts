// Scope: a user sees and changes only what belongs to the organisation subtree they are scoped to.
// Lists filter in SQL; single rows are checked before they are read out or changed.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";

/** SQL true when the organisation `orgId` lies in the principal's scope. */
export function orgInScope(p: Principal, orgId: SQL): SQL {
  if (p.scopePath === null) return sql`true`;
  return sql`exists (select 1 from organisations scope_o where scope_o.id = ${orgId} and scope_o.path like ${`${p.scopePath}%`})`;
}

/**
 * SQL true when a document concerns the scope: issued by, or assigning work to, a body in it — or
 * implemented by such a document (a province sees the central directive its programme carries out).
 */
export function documentInScope(p: Principal, documentId: SQL): SQL {
  if (p.scopePath === null) return sql`true`;
  const concerns = (
    doc: SQL,
  ): SQL => sql`(exists (select 1 from documents scope_d join organisations scope_o on scope_o.id = scope_d.issuer_id
      where scope_d.id = ${doc} and scope_o.path like ${`${p.scopePath}%`})
    or exists (select 1 from assignments scope_a join organisations scope_o on scope_o.id = scope_a.organisation_id
      where scope_a.document_id = ${doc} and scope_o.path like ${`${p.scopePath}%`}))`;
  return sql`(${concerns(documentId)} or exists (select 1 from document_links scope_l
    where scope_l.to_document_id = ${documentId} and scope_l.relation = 'implements'
      and ${concerns(sql`scope_l.from_document_id`)}))`;
}

const outOfScope = (entity: string, id: number): DomainError =>
  new DomainError("api-out-of-scope", 403, { entity, id: String(id) });

export async function assertOrganisationInScope(db: Db, p: Principal, id: number): Promise<void> {
  await subtreeInScope(db, p, id);
}

/**
 * The path of the subtree a list filter names (`organisationId`), once it is known to lie in the
 * principal's scope (404 unknown, 403 outside); null when no organisation is named.
 */
export async function subtreeInScope(db: Db, p: Principal, id: number | undefined): Promise<string | null> {
  if (id === undefined) return null;
  const [r] = await rows<{ ok: boolean; path: string }>(
    db,
    sql`select ${orgInScope(p, sql`o.id`)} as ok, o.path from organisations o where o.id = ${id}`,
  );
  if (!r) throw notFound("organisation", id);
  if (!r.ok) throw outOfScope("organisation", id);
  return r.path;
}

/** The assignment exists and its body is in scope; returns its organisation and document. */
export async function assertAssignmentInScope(
  db: Db,
  p: Principal,
  id: number,
): Promise<{ organisationId: number | null; documentId: number }> {
  const [r] = await rows<{ ok: boolean; organisation_id: number | null; document_id: number }>(
    db,
    sql`select ${orgInScope(p, sql`a.organisation_id`)} as ok, a.organisation_id, a.document_id
      from assignments a where a.id = ${id}`,
  );
  if (!r) throw notFound("assignment", id);
  if (!r.ok) throw outOfScope("assignment", id);
  return { organisationId: r.organisation_id, documentId: r.document_id };
}

export async function assertDocumentInScope(db: Db, p: Principal, id: number): Promise<void> {
  const [r] = await rows<{ ok: boolean }>(
    db,
    sql`select ${documentInScope(p, sql`d.id`)} as ok from documents d where d.id = ${id}`,
  );
  if (!r) throw notFound("document", id);
  if (!r.ok) throw outOfScope("document", id);
}

/** The user exists and is scoped inside the principal's scope (an unscoped user is inside none). */
export async function assertUserInScope(db: Db, p: Principal, id: number): Promise<void> {
  const inScope = p.scopePath === null ? sql`true` : sql`coalesce(o.path like ${`${p.scopePath}%`}, false)`;
  const [r] = await rows<{ ok: boolean }>(
    db,
    sql`select ${inScope} as ok from users u left join organisations o on o.id = u.scope_organisation_id
      where u.id = ${id}`,
  );
  if (!r) throw notFound("user", id);
  if (!r.ok) throw outOfScope("user", id);
}
