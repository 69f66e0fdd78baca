// SQL for what a review report says beyond the dashboard's counts: the rows behind them (each
// assignment with its task and body, the sessions and plans counted, the reports' difficulties and
// proposals), the organisations they name, and the document and body the report is about.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { notFound } from "../errors.ts";
import { assignmentsWhere } from "../rollups/figures.ts";
import { type BodyFilter, bodyIn } from "../rollups/filter.ts";
import { vnDay } from "../rollups/status-sql.ts";

const inList = (ids: readonly number[]): SQL =>
  sql.join(
    ids.map((x) => sql`${x}`),
    sql`, `,
  );

export interface AssignmentDetail {
  assignmentId: number;
  taskId: number;
  documentId: number;
  documentSymbol: string | null;
  sectionId: number | null;
  text: string;
  organisationId: number | null;
  phrase: string;
  role: string;
  deadline: string | null;
  recurrence: string | null;
  percent: number;
  completedAt: string | null;
  lastUpdateOn: string | null;
}

/**
 * The assignments the dashboard's status figure counts (the same conditions: src/server/rollups
 * figures.ts assignmentsWhere, current rows only), with their tasks.
 */
export async function assignmentDetails(
  db: Db,
  f: BodyFilter,
  documentId: number | undefined,
): Promise<AssignmentDetail[]> {
  return rows<AssignmentDetail>(
    db,
    sql`select a.id as "assignmentId", a.task_id as "taskId", a.document_id as "documentId",
        d.symbol as "documentSymbol", t.section_id as "sectionId", t.text, a.organisation_id as "organisationId",
        a.phrase, a.role, a.deadline_date::text as deadline, a.recurrence, a.percent,
        a.completed_at::text as "completedAt", ${vnDay(sql`a.last_update_at`)}::text as "lastUpdateOn"
      from assignments a join tasks t on t.id = a.task_id join documents d on d.id = a.document_id
      where ${assignmentsWhere(f, documentId)} and a.transferred_to_id is null
      order by a.document_id, a.task_id, a.role desc, a.id`,
  );
}

export interface SectionRow {
  id: number;
  parentId: number | null;
  label: string;
  heading: string;
}

export async function sectionsOf(db: Db, documentIds: number[]): Promise<SectionRow[]> {
  if (documentIds.length === 0) return [];
  return rows<SectionRow>(
    db,
    sql`select s.id, s.parent_id as "parentId", s.label, s.heading from sections s
      where s.document_id in (${inList(documentIds)}) order by s.document_id, s.ordinal`,
  );
}

export interface SessionRow {
  id: number;
  organisationId: number;
  heldOn: string;
  form: string;
  attendance: number | null;
}

export async function sessionsByIds(db: Db, ids: number[]): Promise<SessionRow[]> {
  if (ids.length === 0) return [];
  return rows<SessionRow>(
    db,
    sql`select s.id, s.organisation_id as "organisationId", s.held_on::text as "heldOn", s.form, s.attendance
      from dissemination_sessions s where s.id in (${inList(ids)}) order by s.held_on, s.id`,
  );
}

export interface DocumentBrief {
  id: number;
  symbol: string | null;
  type: string;
  system: string | null;
  date: string | null;
  title: string | null;
  place: string | null;
  issuerId: number | null;
  issuerName: string | null;
  issuerParent: string | null;
  signer: {
    authority?: string | null;
    onBehalfOf?: string | null;
    role?: string | null;
    name?: string | null;
  } | null;
}

const documentColumns = sql`d.id, d.symbol, d.type, d.system, d.date, d.title, d.place,
  d.issuer_id as "issuerId", d.issuer_name as "issuerName", d.issuer_parent as "issuerParent", d.signer`;

export async function documentsByIds(db: Db, ids: number[]): Promise<DocumentBrief[]> {
  if (ids.length === 0) return [];
  return rows<DocumentBrief>(
    db,
    sql`select ${documentColumns} from documents d where d.id in (${inList(ids)}) order by d.id`,
  );
}

export async function documentBrief(db: Db, id: number): Promise<DocumentBrief> {
  const [d] = await documentsByIds(db, [id]);
  if (!d) throw notFound("document", id);
  return d;
}

/** Who a document answers to: the issuer of the document it carries out (by name, imported or not). */
export async function superiorOf(db: Db, documentId: number): Promise<string | null> {
  const [r] = await rows<{ name: string | null }>(
    db,
    sql`select coalesce(o.name, p.issuer_name, l.to_issuer) as name
      from document_links l left join documents p on p.id = l.to_document_id
      left join organisations o on o.id = p.issuer_id
      where l.from_document_id = ${documentId} and l.relation = 'implements' and l.review_state <> 'rejected'
      order by l.rank, l.id limit 1`,
  );
  return r?.name ?? null;
}

export interface OrganisationBrief {
  id: number;
  code: string | null;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  path: string;
  provinceName: string | null;
  validFrom: string | null;
  validTo: string | null;
  isGroup: boolean;
}

const organisationColumns = sql`o.id, o.code, o.name, o.kind, o.level, o.parent_id as "parentId", o.path,
  pr.name as "provinceName", o.valid_from::text as "validFrom", o.valid_to::text as "validTo",
  o.is_group as "isGroup"`;

/** The organisations and every ancestor of theirs, ancestors first (by path). */
export async function organisationsWithAncestors(db: Db, ids: number[]): Promise<OrganisationBrief[]> {
  if (ids.length === 0) return [];
  return rows<OrganisationBrief>(
    db,
    sql`select ${organisationColumns} from organisations o left join organisations pr on pr.id = o.province_id
      where o.id in (select unnest(string_to_array(trim(both '/' from x.path), '/'))::int
        from organisations x where x.id in (${inList(ids)}))
      order by length(o.path) - length(replace(o.path, '/', '')), o.path`,
  );
}

export async function organisationBrief(db: Db, id: number): Promise<OrganisationBrief> {
  const [o] = await rows<OrganisationBrief>(
    db,
    sql`select ${organisationColumns} from organisations o left join organisations pr on pr.id = o.province_id
      where o.id = ${id}`,
  );
  if (!o) throw notFound("organisation", id);
  return o;
}

/** Aliases and the successors' codes of organisations, for the organisation sheet. */
export async function organisationExtras(
  db: Db,
  ids: number[],
): Promise<{ aliases: Map<number, string[]>; successors: Map<number, string[]> }> {
  const aliases = new Map<number, string[]>();
  const successors = new Map<number, string[]>();
  if (ids.length === 0) return { aliases, successors };
  const a = await rows<{ id: number; alias: string }>(
    db,
    sql`select organisation_id as id, alias from organisation_aliases
      where organisation_id in (${inList(ids)}) order by organisation_id, alias`,
  );
  for (const r of a) aliases.set(r.id, [...(aliases.get(r.id) ?? []), r.alias]);
  const s = await rows<{ id: number; code: string }>(
    db,
    sql`select s.predecessor_id as id, o.code from organisation_successors s join organisations o on o.id = s.successor_id
      where s.predecessor_id in (${inList(ids)}) and o.code is not null order by s.predecessor_id, o.code`,
  );
  for (const r of s) successors.set(r.id, [...(successors.get(r.id) ?? []), r.code]);
  return { aliases, successors };
}

export interface RemarkSource {
  organisationId: number;
  cycleName: string;
  period: string;
  submittedOn: string;
  difficulties: string | null;
  proposals: string | null;
}

/**
 * The difficulties and proposals of the reports submitted in the cycles by the bodies of the filter,
 * for the periods named (those that begin inside the report's period), by `asOf`.
 */
export async function remarksOf(
  db: Db,
  cycleIds: number[],
  f: BodyFilter,
  periods: string[],
  asOf: string,
): Promise<RemarkSource[]> {
  if (cycleIds.length === 0 || periods.length === 0) return [];
  return rows<RemarkSource>(
    db,
    sql`select r.organisation_id as "organisationId", c.name as "cycleName", r.period,
        ${vnDay(sql`r.submitted_at`)}::text as "submittedOn", r.difficulties, r.proposals
      from reports r join reporting_cycles c on c.id = r.cycle_id
      where r.cycle_id in (${inList(cycleIds)}) and ${bodyIn(f, sql`r.organisation_id`)}
        and r.period in (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )})
        and ${vnDay(sql`r.submitted_at`)} <= ${asOf}::date
        and (coalesce(r.difficulties, '') <> '' or coalesce(r.proposals, '') <> '')
      order by r.period, r.id`,
  );
}

/** Assignments the status figure counts, with their statuses: how many there are (the size of an export). */
export async function countAssignments(
  db: Db,
  f: BodyFilter,
  documentId: number | undefined,
): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from assignments a
      where ${assignmentsWhere(f, documentId)} and a.transferred_to_id is null`,
  );
  return r?.n ?? 0;
}
