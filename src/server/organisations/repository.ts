// SQL for organisations: the reference data, the directory the resolver works on, subtrees, groups.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { organisationAliases, organisationSuccessors, organisations } from "../../db/schema/organisations.ts";
import { nameKey, searchKey } from "../../domain/names.ts";
import type { DirectoryOrg, GroupSpec } from "../../domain/resolver.ts";

export interface OrganisationInput {
  code: string | null;
  name: string;
  kind: string;
  level: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCodes: string[];
  aliases: string[];
}

/**
 * Inserts organisations given with codes and parent codes (parents before children or in the same
 * batch), their aliases and successor links. Existing codes are kept as they are. Returns code → id.
 */
export async function insertOrganisations(db: Db, input: OrganisationInput[]): Promise<Map<string, number>> {
  // the batch's own codes and its parents' (which may be in the database already)
  const codes = [
    ...new Set(
      input
        .flatMap((o) => [o.code, o.parentCode, ...o.successorCodes])
        .filter((c): c is string => c !== null),
    ),
  ];
  const ids = new Map<string, number>();
  const paths = new Map<number, string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const existing = await db
      .select({ id: organisations.id, code: organisations.code, path: organisations.path })
      .from(organisations)
      .where(inArray(organisations.code, codes.slice(i, i + 5000)));
    for (const e of existing) {
      if (e.code) ids.set(e.code, e.id);
      paths.set(e.id, e.path);
    }
  }
  const pending = input.filter((o) => o.code === null || !ids.has(o.code));
  // parents first: order by depth of the code chain within the batch
  const byCode = new Map(pending.filter((o) => o.code).map((o) => [o.code as string, o]));
  const depth = (o: OrganisationInput, guard = 0): number =>
    o.parentCode && byCode.has(o.parentCode) && guard < 20
      ? 1 + depth(byCode.get(o.parentCode) as OrganisationInput, guard + 1)
      : 0;
  const ordered = [...pending].sort((a, b) => depth(a) - depth(b));
  for (let i = 0; i < ordered.length; ) {
    const d = depth(ordered[i] as OrganisationInput);
    const batch: OrganisationInput[] = [];
    while (i < ordered.length && depth(ordered[i] as OrganisationInput) === d && batch.length < 2000)
      batch.push(ordered[i++] as OrganisationInput);
    const inserted = await db
      .insert(organisations)
      .values(
        batch.map((o) => {
          const parentId = o.parentCode ? (ids.get(o.parentCode) ?? null) : null;
          return {
            code: o.code,
            name: o.name,
            kind: o.kind,
            level: o.level,
            parentId,
            validFrom: o.validFrom,
            validTo: o.validTo,
            searchKey: searchKey(o.name),
            path: parentId !== null ? (paths.get(parentId) ?? "/") : "/",
          };
        }),
      )
      .returning({ id: organisations.id, code: organisations.code, path: organisations.path });
    const pathUpdates: { id: number; path: string }[] = [];
    for (const r of inserted) {
      if (r.code) ids.set(r.code, r.id);
      const path = `${r.path}${r.id}/`;
      paths.set(r.id, path);
      pathUpdates.push({ id: r.id, path });
    }
    if (pathUpdates.length > 0) {
      const updated = pathUpdates.map((p) => p.id);
      await db
        .update(organisations)
        .set({ path: sql`${organisations.path} || ${organisations.id}::text || '/'` })
        .where(inArray(organisations.id, updated));
      await setProvinces(db, updated);
    }
    const aliasRows = batch.flatMap((o) => {
      const id = o.code ? ids.get(o.code) : undefined;
      if (id === undefined) return [];
      const keys = new Map<string, string>();
      for (const a of [o.name, ...o.aliases]) keys.set(nameKey(a), a);
      return [...keys].map(([aliasKey, alias]) => ({ organisationId: id, alias, aliasKey }));
    });
    for (let k = 0; k < aliasRows.length; k += 5000)
      await db
        .insert(organisationAliases)
        .values(aliasRows.slice(k, k + 5000))
        .onConflictDoNothing();
  }
  const successorRows = input.flatMap((o) =>
    o.successorCodes
      .map((s) => ({ predecessorId: ids.get(o.code ?? ""), successorId: ids.get(s), since: o.validTo }))
      .filter(
        (r): r is { predecessorId: number; successorId: number; since: string | null } =>
          r.predecessorId !== undefined && r.successorId !== undefined,
      ),
  );
  for (let k = 0; k < successorRows.length; k += 5000)
    await db
      .insert(organisationSuccessors)
      .values(successorRows.slice(k, k + 5000))
      .onConflictDoNothing();
  return ids;
}

/** Sets `province_id`: the nearest ancestor (or self) that is a province-level administrative unit. */
export async function setProvinces(db: Db, ids: number[]): Promise<void> {
  await db.execute(sql`
    update organisations o set province_id = (
      select p.id from organisations p
      where p.kind = 'administrative_unit' and p.level = 'province' and o.path like p.path || '%'
      order by length(p.path) desc limit 1)
    where o.id in (select unnest(${`{${ids.join(",")}}`}::int[]))`);
}

/** Every organisation with its alias keys: what the resolver works on. */
export async function loadDirectory(db: Db): Promise<DirectoryOrg[]> {
  const list = await rows<{
    id: number;
    name: string;
    kind: string;
    level: string;
    parent_id: number | null;
    valid_from: string | null;
    valid_to: string | null;
    keys: string[] | null;
  }>(
    db,
    sql`select o.id, o.name, o.kind, o.level, o.parent_id, o.valid_from::text as valid_from, o.valid_to::text as valid_to,
               array_agg(a.alias_key) filter (where a.alias_key is not null) as keys
        from organisations o left join organisation_aliases a on a.organisation_id = o.id
        where not o.is_group
        group by o.id`,
  );
  return list.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    aliasKeys: r.keys ?? [],
  }));
}

/** The organisation group standing for a group phrase whose members are not yet known. */
export async function groupFor(db: Db, spec: GroupSpec, phrase: string): Promise<number> {
  // the group's definition, kept so that it can expand when its members arrive
  const memberKind = JSON.stringify({
    kinds: spec.memberKinds,
    ofKind: spec.ofKind ?? null,
    unitTypes: spec.unitTypes ?? null,
  });
  const existing = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.isGroup, true),
        eq(organisations.groupMemberKind, memberKind),
        spec.scopeId === null
          ? sql`${organisations.groupScopeId} is null`
          : eq(organisations.groupScopeId, spec.scopeId),
        eq(organisations.level, spec.level),
      ),
    )
    .limit(1);
  if (existing[0]) return existing[0].id;
  const scopePath =
    spec.scopeId === null
      ? "/"
      : ((
          await db
            .select({ path: organisations.path })
            .from(organisations)
            .where(eq(organisations.id, spec.scopeId))
        )[0]?.path ?? "/");
  const [row] = await db
    .insert(organisations)
    .values({
      name: phrase,
      kind: "group",
      level: spec.level,
      parentId: spec.scopeId,
      path: scopePath,
      isGroup: true,
      groupMemberKind: memberKind,
      groupScopeId: spec.scopeId,
      searchKey: searchKey(phrase),
    })
    .returning({ id: organisations.id, path: organisations.path });
  const id = (row as { id: number }).id;
  await db
    .update(organisations)
    .set({ path: `${scopePath}${id}/` })
    .where(eq(organisations.id, id));
  await db
    .insert(organisationAliases)
    .values({ organisationId: id, alias: phrase, aliasKey: nameKey(phrase) })
    .onConflictDoNothing();
  return id;
}

/** Which of these codes exist. */
export async function knownCodes(db: Db, codes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await db
      .select({ code: organisations.code })
      .from(organisations)
      .where(inArray(organisations.code, codes.slice(i, i + 5000)));
    for (const f of found) if (f.code) out.add(f.code);
  }
  return out;
}

export interface GroupRow {
  id: number;
  name: string;
  level: string;
  memberKind: string;
  scopeId: number | null;
}

export async function groups(db: Db): Promise<GroupRow[]> {
  const list = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      level: organisations.level,
      memberKind: organisations.groupMemberKind,
      scopeId: organisations.groupScopeId,
    })
    .from(organisations)
    .where(eq(organisations.isGroup, true));
  return list.map((g) => ({ ...g, memberKind: g.memberKind ?? "" }));
}

// ——— The directory as the API reads it: lists, the tree, one organisation with its history ———

/** Names sort the Vietnamese way (a < ă < â, d < đ); PGlite has no "vi" collation, so in JS. */
const vietnamese = new Intl.Collator("vi");

export interface OrganisationRow {
  id: number;
  code: string | null;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  isGroup: boolean;
}

const ROW_COLUMNS = sql`o.id, o.code, o.name, o.kind, o.level, o.parent_id as "parentId", o.path,
  o.valid_from::text as "validFrom", o.valid_to::text as "validTo", o.is_group as "isGroup"`;

/** The organisation `t` is in force on `day`: begun by then and not ended before it. */
const inForceOn = (day: string, t: "o" | "c" = "o"): SQL => {
  const o = sql.raw(t);
  return sql`(${o}.valid_from is null or ${o}.valid_from <= ${day}::date) and (${o}.valid_to is null or ${o}.valid_to >= ${day}::date)`;
};

export interface OrganisationFilter {
  /** Words of the name with or without diacritics, or one of its aliases. */
  q?: string | undefined;
  kind?: string | undefined;
  level?: string | undefined;
  validOn?: string | undefined;
  parentId?: number | undefined;
  sort: "name" | "-name";
  page: number;
  pageSize: number;
}

/** Organisations within `scopePath` (null: all) matching the filter, a page in Vietnamese name order. */
export async function listOrganisations(
  db: Db,
  scopePath: string | null,
  f: OrganisationFilter,
): Promise<{ items: OrganisationRow[]; total: number }> {
  const parts: SQL[] = [sql`true`];
  if (scopePath !== null) parts.push(sql`o.path like ${`${scopePath}%`}`);
  if (f.kind !== undefined) parts.push(sql`o.kind = ${f.kind}`);
  if (f.level !== undefined) parts.push(sql`o.level = ${f.level}`);
  if (f.parentId !== undefined) parts.push(sql`o.parent_id = ${f.parentId}`);
  if (f.validOn !== undefined) parts.push(inForceOn(f.validOn));
  const words = f.q ? searchKey(f.q).split(" ").filter(Boolean) : [];
  if (words.length > 0) {
    const byName = sql.join(
      words.map((w) => sql`o.search_key like ${`%${w}%`}`),
      sql` and `,
    );
    parts.push(sql`((${byName}) or exists (select 1 from organisation_aliases a
      where a.organisation_id = o.id and a.alias_key like ${`%${nameKey(f.q ?? "")}%`}))`);
  }
  // every match's name, to sort them all; the page's rows are read after
  const matches = await rows<{ id: number; name: string }>(
    db,
    sql`select o.id, o.name from organisations o where ${sql.join(parts, sql` and `)}`,
  );
  const sign = f.sort === "-name" ? -1 : 1;
  matches.sort((a, b) => sign * vietnamese.compare(a.name, b.name) || a.id - b.id);
  const pageIds = matches.slice((f.page - 1) * f.pageSize, f.page * f.pageSize).map((m) => m.id);
  return { items: await organisationsByIds(db, pageIds), total: matches.length };
}

/** The rows of these ids, in the order given. */
async function organisationsByIds(db: Db, ids: number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  const found = await rows<OrganisationRow>(
    db,
    sql`select ${ROW_COLUMNS} from organisations o where o.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface TreeNode extends OrganisationRow {
  hasChildren: boolean;
}

/**
 * One level of the tree: the children of `rootId` (the top level for null), in name order, each
 * saying whether it has children of its own. Groups stand for sets of bodies named in documents,
 * not for a level of the hierarchy, so the tree leaves them out.
 */
export async function organisationChildren(
  db: Db,
  rootId: number | null,
  validOn: string | undefined,
): Promise<TreeNode[]> {
  const valid = validOn === undefined ? sql`true` : inForceOn(validOn);
  const childValid = validOn === undefined ? sql`true` : inForceOn(validOn, "c");
  const list = await rows<TreeNode>(
    db,
    sql`select ${ROW_COLUMNS},
        exists (select 1 from organisations c where c.parent_id = o.id and not c.is_group and ${childValid}) as "hasChildren"
      from organisations o
      where ${rootId === null ? sql`o.parent_id is null` : sql`o.parent_id = ${rootId}`}
        and not o.is_group and ${valid}`,
  );
  return list.sort((a, b) => vietnamese.compare(a.name, b.name) || a.id - b.id);
}

export interface OrganisationLink extends OrganisationRow {
  /** When the succession took effect. */
  since: string | null;
}

export interface OrganisationDetail extends OrganisationRow {
  version: number;
  /** Ancestors, the top first. */
  parents: OrganisationRow[];
  aliases: string[];
  childCount: number;
  predecessors: OrganisationLink[];
  successors: OrganisationLink[];
}

export async function organisationDetail(db: Db, id: number): Promise<OrganisationDetail | null> {
  const [row] = await rows<OrganisationRow & { version: number; childCount: number }>(
    db,
    sql`select ${ROW_COLUMNS}, o.version,
        (select count(*)::int from organisations c where c.parent_id = o.id) as "childCount"
      from organisations o where o.id = ${id}`,
  );
  if (!row) return null;
  const ancestorIds = row.path
    .split("/")
    .filter(Boolean)
    .map(Number)
    .filter((a) => a !== id);
  const parents = await organisationsByIds(db, ancestorIds);
  const aliases = await rows<{ alias: string }>(
    db,
    sql`select alias from organisation_aliases where organisation_id = ${id} and alias <> ${row.name}`,
  );
  const links = (column: SQL, other: SQL) =>
    rows<OrganisationLink>(
      db,
      sql`select ${ROW_COLUMNS}, s.since::text as since
        from organisation_successors s join organisations o on o.id = ${other}
        where ${column} = ${id} order by s.since nulls first, o.id`,
    );
  return {
    ...row,
    parents,
    aliases: aliases.map((a) => a.alias).sort(vietnamese.compare),
    predecessors: await links(sql`s.successor_id`, sql`s.predecessor_id`),
    successors: await links(sql`s.predecessor_id`, sql`s.successor_id`),
  };
}
