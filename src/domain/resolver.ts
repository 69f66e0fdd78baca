// Turns the phrases of recipients, lead and cooperating lists into organisations, in the context of
// the issuing body and the document's date. "tỉnh" means the issuer's province; a group phrase
// ("UBND các xã, thị trấn", "các sở, ban, ngành tỉnh") expands to the member bodies valid on the
// date, or, when none are known yet, becomes an organisation group; what cannot be resolved keeps
// its phrase and is reported. Pure: the directory of organisations is passed in.
import { nameKey } from "./names.ts";

export interface DirectoryOrg {
  id: number;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  aliasKeys: string[];
}

export interface Directory {
  byId: Map<number, DirectoryOrg>;
  byKey: Map<string, number[]>;
  children: Map<number, number[]>;
}

export function buildDirectory(orgs: DirectoryOrg[]): Directory {
  const byId = new Map<number, DirectoryOrg>();
  const byKey = new Map<string, number[]>();
  const children = new Map<number, number[]>();
  for (const o of orgs) {
    byId.set(o.id, o);
    for (const key of new Set([nameKey(o.name), ...o.aliasKeys])) {
      const list = byKey.get(key);
      if (list) list.push(o.id);
      else byKey.set(key, [o.id]);
    }
    if (o.parentId !== null) {
      const list = children.get(o.parentId);
      if (list) list.push(o.id);
      else children.set(o.parentId, [o.id]);
    }
  }
  return { byId, byKey, children };
}

/** "2024", "2024-02" and "2024-02-22" all name a day to judge validity by (the last one of the period). */
export function dayOf(date: string | null): string | null {
  if (!date) return null;
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-28`;
  return date;
}

export function validOn(o: DirectoryOrg, day: string | null): boolean {
  if (!day) return o.validTo === null;
  return (o.validFrom === null || o.validFrom <= day) && (o.validTo === null || o.validTo >= day);
}

function ancestors(dir: Directory, id: number): DirectoryOrg[] {
  const out: DirectoryOrg[] = [];
  let cur = dir.byId.get(id);
  for (let guard = 0; cur && guard < 20; guard++) {
    out.push(cur);
    cur = cur.parentId !== null ? dir.byId.get(cur.parentId) : undefined;
  }
  return out;
}

export function isUnder(dir: Directory, id: number, ancestorId: number): boolean {
  return ancestors(dir, id).some((a) => a.id === ancestorId);
}

/** The administrative units (province, district, commune) the issuer belongs to. */
export function homeUnits(
  dir: Directory,
  issuerId: number | null,
): Partial<Record<"province" | "district" | "commune", number>> {
  const out: Partial<Record<"province" | "district" | "commune", number>> = {};
  if (issuerId === null) return out;
  for (const a of ancestors(dir, issuerId)) {
    if (
      a.kind === "administrative_unit" &&
      (a.level === "province" || a.level === "district" || a.level === "commune")
    )
      out[a.level] ??= a.id;
  }
  return out;
}

export interface GroupSpec {
  /** Kinds of the member bodies, at `level`, under `scopeId`. */
  memberKinds: string[];
  level: string;
  scopeId: number | null;
  /** "Ban thường vụ các huyện ủy": the members are the standing boards of those committees. */
  ofKind?: string | undefined;
  /** "UBND các xã, thị trấn": only the units of these types (by the unit's name: xã, phường…). */
  unitTypes?: string[] | undefined;
}

export type Resolution =
  | { phrase: string; status: "resolved"; ids: number[] }
  | { phrase: string; status: "group"; ids: number[]; group: GroupSpec }
  | { phrase: string; status: "unresolved"; ids: [] };

export interface ResolveContext {
  issuerId: number | null;
  /** The document's date as printed ("2024", "2024-02", "2024-02-22") or null. */
  date: string | null;
}

const LOCAL = /\s(tỉnh|huyện|xã|thành phố|thị xã|phường)$/;

/** Picks, among same-named bodies, the one valid on the day and nearest to the issuer. */
function pick(
  dir: Directory,
  ids: number[],
  day: string | null,
  home: ReturnType<typeof homeUnits>,
): number[] {
  let list = ids.map((id) => dir.byId.get(id)).filter((o): o is DirectoryOrg => o !== undefined);
  const valid = list.filter((o) => validOn(o, day));
  if (valid.length > 0) list = valid;
  if (list.length <= 1) return list.map((o) => o.id);
  for (const unit of [home.commune, home.district, home.province]) {
    if (unit === undefined) continue;
    const near = list.filter((o) => isUnder(dir, o.id, unit));
    if (near.length > 0) return near.length === 1 ? [near[0]?.id as number] : [];
  }
  const central = list.filter((o) => o.level === "central");
  return central.length === 1 ? [central[0]?.id as number] : [];
}

// Kinds named in group phrases: "các sở, ban, ngành", "UBND các xã, thị trấn", "các huyện ủy".
// `scope` says where the members are looked for: within the issuer's district (its "phòng"), its
// province, or the whole country ("các tỉnh ủy, thành ủy trực thuộc Trung ương": the provincial
// committees, whoever issues). (Word edges are written as spaces: \b does not see Vietnamese letters.)
const GROUP_KINDS: [RegExp, string[], string, "district" | "province" | "country"][] = [
  [
    /(^| )(các tỉnh ủy|tỉnh ủy thành ủy)( |$)|(^| )trực thuộc trung ương( |$)/,
    ["party_committee"],
    "province",
    "country",
  ],
  [/(^| )(huyện ủy|thị ủy|thành ủy|quận ủy)( |$)/, ["party_committee"], "district", "province"],
  [/(^| )ủy ban nhân dân các (xã|phường|thị trấn|đặc khu)/, ["peoples_committee"], "commune", "district"],
  [/(^| )ủy ban nhân dân các (huyện|thị xã|thành phố)/, ["peoples_committee"], "district", "province"],
  [/(^| )đảng ủy các (xã|phường|thị trấn|đặc khu)/, ["party_committee"], "commune", "district"],
  [/(^| )các (xã|phường|thị trấn|đặc khu)( |$)/, ["administrative_unit"], "commune", "district"],
  [/(^| )các (sở|sở ban ngành|sở ngành)( |$)/, ["department"], "province", "province"],
  [/(^| )các phòng( |$)/, ["department"], "district", "district"],
];

function groupOf(dir: Directory, key: string, ctx: ResolveContext): GroupSpec | null {
  if (!/(^| )các /.test(key)) return null;
  const home = homeUnits(dir, ctx.issuerId);
  for (const [re, kinds, level, scopeKind] of GROUP_KINDS) {
    if (!re.test(key)) continue;
    const scope =
      scopeKind === "country"
        ? null
        : scopeKind === "district"
          ? (home.district ?? home.province)
          : home.province;
    const ofKind = /^ban thường vụ các /.test(key) ? "party_standing_board" : undefined;
    const unitTypes =
      level === "commune"
        ? ["xã", "phường", "thị trấn", "đặc khu"].filter((t) => new RegExp(`(^| )${t}( |$)`).test(key))
        : [];
    return {
      memberKinds: kinds,
      level,
      scopeId: scope ?? null,
      ofKind,
      unitTypes: unitTypes.length > 0 ? unitTypes : undefined,
    };
  }
  return null;
}

/** The members of a group valid on the day. */
export function expandGroup(dir: Directory, g: GroupSpec, day: string | null): number[] {
  const out: number[] = [];
  for (const o of dir.byId.values()) {
    if (!g.memberKinds.includes(o.kind) || o.level !== g.level || !validOn(o, day)) continue;
    if (g.scopeId !== null && !isUnder(dir, o.id, g.scopeId)) continue;
    if (g.unitTypes) {
      const unit = ancestors(dir, o.id).find((a) => a.kind === "administrative_unit");
      const unitKey = unit ? nameKey(unit.name) : "";
      if (!g.unitTypes.some((t) => unitKey.startsWith(`${t} `))) continue;
    }
    if (g.ofKind) {
      for (const c of dir.children.get(o.id) ?? []) {
        const child = dir.byId.get(c);
        if (child && child.kind === g.ofKind && validOn(child, day)) out.push(child.id);
      }
    } else out.push(o.id);
  }
  return out;
}

export function resolvePhrase(dir: Directory, phrase: string, ctx: ResolveContext): Resolution {
  const key = nameKey(phrase)
    .replace(/^(giao|đề nghị|yêu cầu|đồng chí|các đồng chí|đ\/c)\s+/, "")
    .replace(/\s(có )?liên quan$/, "");
  const day = dayOf(ctx.date);
  const home = homeUnits(dir, ctx.issuerId);
  const direct = dir.byKey.get(key);
  if (direct) {
    const ids = pick(dir, direct, day, home);
    if (ids.length > 0) return { phrase, status: "resolved", ids };
  }
  // "Sở Tài chính" in a provincial document: the department of the issuer's province
  if (!LOCAL.test(key)) {
    for (const unit of [home.commune, home.district, home.province]) {
      if (unit === undefined) continue;
      const level = dir.byId.get(unit)?.level;
      const suffix = level === "province" ? "tỉnh" : level === "district" ? "huyện" : "xã";
      const local = dir.byKey.get(`${key} ${suffix}`);
      if (local) {
        const ids = pick(dir, local, day, home);
        if (ids.length > 0) return { phrase, status: "resolved", ids };
      }
    }
  }
  const group = groupOf(dir, key, ctx);
  if (group) return { phrase, status: "group", ids: expandGroup(dir, group, day), group };
  return { phrase, status: "unresolved", ids: [] };
}

/** The issuing body of a document from its header ("TỈNH ỦY QUẢNG NGÃI", parent "…"). */
export function resolveIssuer(
  dir: Directory,
  name: string | null,
  parent: string | null,
  date: string | null,
): number | null {
  if (!name) return null;
  const day = dayOf(date);
  const parentIds = parent ? resolvePhrase(dir, parent, { issuerId: null, date }).ids : [];
  const ids = dir.byKey.get(nameKey(name)) ?? [];
  let candidates = ids
    .map((id) => dir.byId.get(id))
    .filter((o): o is DirectoryOrg => o !== undefined && validOn(o, day));
  if (parentIds.length === 1) {
    const under = candidates.filter((o) => isUnder(dir, o.id, parentIds[0] as number));
    if (under.length > 0) candidates = under;
  }
  return candidates.length === 1 ? (candidates[0] as DirectoryOrg).id : null;
}
