// A document's lineage: the chain of documents it carries out, up to the top (by each one's first
// `implements` link, as the cascade tree places it), and the documents that carry it out, level by
// level down. Each node says how much of its parent's work it takes up: the share of the parent's
// tasks that one of its own tasks concretizes (src/domain/coverage.ts), with the parent tasks only
// suggested so far counted apart.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { taskCoverage } from "../../domain/coverage.ts";

export interface LineageCoverage {
  /** The parent's tasks (rejected ones aside). */
  parentTasks: number;
  /** Parent tasks one of this document's tasks concretizes. */
  covered: number;
  /** covered ÷ parentTasks; null when the parent has no task. */
  rate: number | null;
  /** Parent tasks not covered yet for which a task of this document is suggested, awaiting review. */
  suggested: number;
}

export interface LineageNode {
  /** null for a document cited but not imported. */
  id: number | null;
  symbol: string | null;
  type: string | null;
  title: string | null;
  issuer: string | null;
  issuerId: number | null;
  /** The issuer's level: central, province, district, commune. */
  level: string | null;
  date: string | null;
  status: string | null;
  imported: boolean;
  inScope: boolean;
  /** Against the node's parent in the lineage; null at the top or for a document not imported. */
  coverage: LineageCoverage | null;
  children: LineageNode[];
}

export interface Lineage {
  /** The document, with the documents carrying it out as its children, down the levels. */
  document: LineageNode;
  /** What it carries out: its parent first, then the parent's parent, up to the top. */
  ancestors: LineageNode[];
}

interface DocRow {
  id: number;
  symbol: string | null;
  type: string;
  title: string | null;
  issuer: string | null;
  issuer_id: number | null;
  level: string | null;
  date: string | null;
  status: string;
  in_scope: boolean;
}

/** Deep enough for any real cascade (centre → province → commune → cell, and plans of plans). */
const MAX_DEPTH = 12;

async function documentsById(db: Db, ids: number[], inScope: (id: SQL) => SQL): Promise<DocRow[]> {
  if (ids.length === 0) return [];
  return rows<DocRow>(
    db,
    sql`select d.id, d.symbol, d.type, d.title, coalesce(o.name, d.issuer_name) as issuer, d.issuer_id,
        o.level, d.date, d.status, ${inScope(sql`d.id`)} as in_scope
      from documents d left join organisations o on o.id = d.issuer_id
      where d.id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
  );
}

const nodeOf = (d: DocRow): LineageNode => ({
  id: d.id,
  symbol: d.symbol,
  type: d.type,
  title: d.title,
  issuer: d.issuer,
  issuerId: d.issuer_id,
  level: d.level,
  date: d.date,
  status: d.status,
  imported: true,
  inScope: d.in_scope,
  coverage: null,
  children: [],
});

interface ParentLink {
  to_document_id: number | null;
  to_symbol: string;
  to_date: string | null;
  to_type: string | null;
  to_issuer: string | null;
  to_parent_symbol: string | null;
}

async function firstParentLink(db: Db, documentId: number): Promise<ParentLink | null> {
  const [l] = await rows<ParentLink>(
    db,
    sql`select l.to_document_id, l.to_symbol, l.to_date, l.to_type, l.to_issuer, l.to_parent_symbol
      from document_links l left join documents p on p.id = l.to_document_id
      where l.from_document_id = ${documentId} and l.relation = 'implements' and l.review_state <> 'rejected'
        and (p.id is null or p.status <> 'rejected')
      order by l.rank, l.id limit 1`,
  );
  return l ?? null;
}

/** An imported document with this symbol (the latest), where a chain goes on past a cited one. */
async function documentBySymbol(db: Db, symbol: string): Promise<number | null> {
  const [d] = await rows<{ id: number }>(
    db,
    sql`select id from documents where symbol = ${symbol} and status <> 'rejected'
      order by date desc nulls last, id desc limit 1`,
  );
  return d?.id ?? null;
}

const bare = (symbol: string): ParentLink => ({
  to_document_id: null,
  to_symbol: symbol,
  to_date: null,
  to_type: null,
  to_issuer: null,
  to_parent_symbol: null,
});

/** How the documents citing a not-imported one describe it, preferring a description of its parent. */
async function describedLink(db: Db, symbol: string): Promise<ParentLink> {
  const [l] = await rows<ParentLink>(
    db,
    sql`select to_document_id, to_symbol, to_date, to_type, to_issuer, to_parent_symbol from document_links
      where to_symbol = ${symbol} and to_document_id is null order by to_parent_symbol nulls last, id limit 1`,
  );
  return l ?? bare(symbol);
}

const stubOf = (l: ParentLink): LineageNode => ({
  id: null,
  symbol: l.to_symbol,
  type: l.to_type,
  title: null,
  issuer: l.to_issuer,
  issuerId: null,
  level: null,
  date: l.to_date,
  status: null,
  imported: false,
  inScope: true,
  coverage: null,
  children: [],
});

async function ancestorsOf(db: Db, documentId: number, inScope: (id: SQL) => SQL): Promise<LineageNode[]> {
  const out: LineageNode[] = [];
  const seen = new Set<string>([`d${documentId}`]);
  // the parent of the node reached last, as that node's own link describes it
  let link = await firstParentLink(db, documentId);
  while (link && out.length < MAX_DEPTH) {
    const key = link.to_document_id !== null ? `d${link.to_document_id}` : `s${link.to_symbol}`;
    if (seen.has(key)) break;
    seen.add(key);
    if (link.to_document_id !== null) {
      const [d] = await documentsById(db, [link.to_document_id], inScope);
      if (!d) break;
      out.push(nodeOf(d));
      link = await firstParentLink(db, d.id);
      continue;
    }
    out.push(stubOf(link));
    const parent = link.to_parent_symbol;
    if (!parent) break;
    const found = await documentBySymbol(db, parent);
    link = found !== null ? { ...bare(parent), to_document_id: found } : await describedLink(db, parent);
  }
  return out;
}

/** Documents carrying out `rootId`, level by level: any `implements` link counts, rejected ones aside. */
async function descendantsOf(db: Db, root: LineageNode, inScope: (id: SQL) => SQL): Promise<void> {
  const seen = new Set<number>([root.id as number]);
  let level: LineageNode[] = [root];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const byId = new Map(level.map((n) => [n.id as number, n]));
    const links = await rows<{ from_id: number; to_id: number }>(
      db,
      sql`select distinct l.from_document_id as from_id, l.to_document_id as to_id from document_links l
        join documents c on c.id = l.from_document_id
        where l.relation = 'implements' and l.review_state <> 'rejected' and c.status <> 'rejected'
          and l.to_document_id in (${sql.join(
            [...byId.keys()].map((i) => sql`${i}`),
            sql`, `,
          )})`,
    );
    const fresh = links.filter((l) => !seen.has(l.from_id));
    const docs = new Map(
      (await documentsById(db, [...new Set(fresh.map((l) => l.from_id))], inScope)).map((d) => [d.id, d]),
    );
    const next: LineageNode[] = [];
    for (const l of fresh) {
      const d = docs.get(l.from_id);
      // what lies outside the caller's scope is left out, with what hangs below it
      if (!d?.in_scope || seen.has(d.id)) continue;
      seen.add(d.id);
      const node = nodeOf(d);
      byId.get(l.to_id)?.children.push(node);
      next.push(node);
    }
    for (const n of level)
      n.children.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || (a.id ?? 0) - (b.id ?? 0));
    level = next;
  }
}

/** Coverage of each (parent, child) pair of imported documents, from their tasks and suggestions. */
async function coverageOf(db: Db, pairs: [number, number][]): Promise<Map<string, LineageCoverage>> {
  const out = new Map<string, LineageCoverage>();
  if (pairs.length === 0) return out;
  const ids = [...new Set(pairs.flat())];
  const list = await rows<{ id: number; document_id: number; parent_task_id: number | null }>(
    db,
    sql`select id, document_id, parent_task_id from tasks
      where review_state <> 'rejected' and document_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
  );
  const suggestions = await rows<{ document_id: number; parent_task_id: number }>(
    db,
    sql`select t.document_id, s.parent_task_id from task_parent_suggestions s join tasks t on t.id = s.task_id
      where s.state = 'proposed' and t.review_state <> 'rejected' and t.document_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
  );
  for (const [parent, child] of pairs) {
    const parentTaskIds = list.filter((t) => t.document_id === parent).map((t) => t.id);
    const c = taskCoverage({
      parentTaskIds,
      childTasks: list
        .filter((t) => t.document_id === child)
        .map((t) => ({ id: t.id, concretizes: t.parent_task_id === null ? [] : [t.parent_task_id] })),
    });
    const open = new Set(c.uncovered);
    const suggested = new Set(
      suggestions
        .filter((s) => s.document_id === child && open.has(s.parent_task_id))
        .map((s) => s.parent_task_id),
    );
    out.set(`${parent}/${child}`, {
      parentTasks: parentTaskIds.length,
      covered: c.covered.length,
      rate: c.rate,
      suggested: suggested.size,
    });
  }
  return out;
}

export async function documentLineage(
  db: Db,
  documentId: number,
  inScope: (id: SQL) => SQL,
): Promise<Lineage> {
  const [self] = await documentsById(db, [documentId], inScope);
  if (!self) throw new Error(`document ${documentId} vanished`);
  const document = nodeOf(self);
  const ancestors = await ancestorsOf(db, documentId, inScope);
  await descendantsOf(db, document, inScope);

  // every imported node under an imported parent gets its coverage
  const pairs: [LineageNode, LineageNode][] = [];
  const chain = [document, ...ancestors];
  for (let i = 0; i + 1 < chain.length; i++)
    pairs.push([chain[i + 1] as LineageNode, chain[i] as LineageNode]);
  const walk = (n: LineageNode): void => {
    for (const c of n.children) {
      pairs.push([n, c]);
      walk(c);
    }
  };
  walk(document);
  const imported = pairs.filter(([p, c]) => p.id !== null && c.id !== null);
  const figures = await coverageOf(
    db,
    imported.map(([p, c]) => [p.id as number, c.id as number]),
  );
  for (const [p, c] of imported) c.coverage = figures.get(`${p.id}/${c.id}`) ?? null;
  return { document, ancestors };
}
