// Coverage down the cascade: which bodies that must disseminate a directive have held a session,
// which that must concretize it have issued their own plan, which parent tasks no child task takes
// up, and where a child's target for an indicator drifts from its parent's (a strategy "to 2023"
// where the parent says 2030). Pairing child and parent targets is the caller's work; this only
// compares.
import type { TargetKind } from "../parser/schema.ts";
import { dayOf } from "./period.ts";

export type Id = string | number;

/** Something a body did on a day: a dissemination session held, a plan issued. */
export type BodyEvent = { organisationId: Id; on: string; ref: Id };

export type BodyCoverage = {
  /** Bodies that must act, each once, in input order. */
  required: Id[];
  /** Required bodies that acted by the date: their first day and every event that counts. */
  covered: { bodyId: Id; first: string; refs: Id[] }[];
  /** Required bodies with nothing by the date. */
  missing: Id[];
  /** covered ÷ required; null when no body is required. */
  rate: number | null;
  /** Bodies that acted by the date without being required (shown, not counted). */
  unrequired: Id[];
};

/**
 * Which required bodies acted on or before `by` (the day itself included). Events after `by` do not
 * count: coverage "by 30 June" is what had happened by then.
 */
export function bodyCoverage(
  required: readonly Id[],
  events: readonly BodyEvent[],
  by: string,
): BodyCoverage {
  const must = [...new Set(required)];
  const mustSet = new Set(must);
  const acted = new Map<Id, { first: string; refs: Id[] }>();
  const sorted = events
    .map((e) => ({ ...e, on: dayOf(e.on) }))
    .filter((e) => e.on <= dayOf(by))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const e of sorted) {
    const seen = acted.get(e.organisationId);
    if (seen) seen.refs.push(e.ref);
    else acted.set(e.organisationId, { first: e.on, refs: [e.ref] });
  }
  const covered = must.flatMap((id) => {
    const a = acted.get(id);
    return a ? [{ bodyId: id, ...a }] : [];
  });
  return {
    required: must,
    covered,
    missing: must.filter((id) => !acted.has(id)),
    rate: must.length === 0 ? null : covered.length / must.length,
    unrequired: [...acted.keys()].filter((id) => !mustSet.has(id)),
  };
}

export type Session = { id: Id; organisationId: Id; heldOn: string };

/** Dissemination coverage: bodies that must hold a session (quán triệt) and have held one by `by`. */
export function disseminationCoverage(input: {
  required: readonly Id[];
  sessions: readonly Session[];
  by: string;
}): BodyCoverage {
  const events = input.sessions.map((s) => ({ organisationId: s.organisationId, on: s.heldOn, ref: s.id }));
  return bodyCoverage(input.required, events, input.by);
}

/** A document a body issued to carry out the parent (its programme, plan or dispatch). */
export type IssuedPlan = { documentId: Id; organisationId: Id; issuedOn: string };

/** Concretization coverage: bodies that must issue their own plan and have issued one by `by`. */
export function concretizationCoverage(input: {
  required: readonly Id[];
  plans: readonly IssuedPlan[];
  by: string;
}): BodyCoverage {
  const events = input.plans.map((p) => ({
    organisationId: p.organisationId,
    on: p.issuedOn,
    ref: p.documentId,
  }));
  return bodyCoverage(input.required, events, input.by);
}

export type ChildTask = { id: Id; concretizes: readonly Id[] };

export type TaskCoverage = {
  covered: { parentTaskId: Id; childTaskIds: Id[] }[];
  /** Parent tasks no child task concretizes. */
  uncovered: Id[];
  /** covered ÷ parent tasks; null when there are none. */
  rate: number | null;
  /** Child tasks that concretize no parent task (new work, or a link not made yet). */
  unlinked: Id[];
  /** Links to tasks outside the parent list (another document, a deleted task). */
  foreign: { childTaskId: Id; parentTaskId: Id }[];
};

/** Which parent tasks the child tasks (of one child document, or of all) take up. */
export function taskCoverage(input: {
  parentTaskIds: readonly Id[];
  childTasks: readonly ChildTask[];
}): TaskCoverage {
  const parents = [...new Set(input.parentTaskIds)];
  const children = new Map<Id, Id[]>(parents.map((p) => [p, []]));
  const foreign: TaskCoverage["foreign"] = [];
  const unlinked: Id[] = [];
  for (const c of input.childTasks) {
    if (c.concretizes.length === 0) unlinked.push(c.id);
    for (const p of new Set(c.concretizes)) {
      const list = children.get(p);
      if (list) list.push(c.id);
      else foreign.push({ childTaskId: c.id, parentTaskId: p });
    }
  }
  const covered = parents.flatMap((p) => {
    const ids = children.get(p) ?? [];
    return ids.length > 0 ? [{ parentTaskId: p, childTaskIds: ids }] : [];
  });
  return {
    covered,
    uncovered: parents.filter((p) => (children.get(p) ?? []).length === 0),
    rate: parents.length === 0 ? null : covered.length / parents.length,
    unlinked,
    foreign,
  };
}

// Drift between a child's target and its parent's for the same indicator. Codes:
//   year_earlier / year_later  the target years differ (the child's "to 2023" under a parent's 2030);
//   year_missing               the parent states a year, the child none;
//   kind_differs               different kinds (min against range…): values are not compared;
//   unit_differs               both state a unit and they differ: values are not compared;
//   value_missing              the parent states a value, the child none;
//   value_weaker               the child asks less (a lower minimum or growth rate, a higher maximum
//                              or rank number, a range reaching outside the parent's);
//   value_stronger             the child asks more (a province may set a stricter figure);
//   value_differs              an exact value that differs, or ranges that cross.
// A pair is consistent when its only code, if any, is value_stronger.

export type TargetTerms = {
  id: Id;
  kind: TargetKind;
  value?: number | null | undefined;
  low?: number | null | undefined;
  high?: number | null | undefined;
  unit?: string | null | undefined;
  year: number | null;
};

export type DriftCode =
  | "year_earlier"
  | "year_later"
  | "year_missing"
  | "kind_differs"
  | "unit_differs"
  | "value_missing"
  | "value_weaker"
  | "value_stronger"
  | "value_differs";

export type Drift = { childId: Id; parentId: Id; codes: DriftCode[]; consistent: boolean };

const LOWER_IS_STRONGER: readonly TargetKind[] = ["max", "rank"];
const TOLERANCE = 1e-9;

function edges(t: TargetTerms): { lo: number; hi: number } | null {
  const num = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  const a = num(t.low) ?? num(t.value);
  const b = num(t.high) ?? num(t.value);
  if (a === null && b === null) return null;
  return {
    lo: Math.min(a ?? (b as number), b ?? (a as number)),
    hi: Math.max(a ?? (b as number), b ?? (a as number)),
  };
}

function unitKey(u: string | null | undefined): string | null {
  const k = u?.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  return k ? k : null;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function valueCode(
  kind: TargetKind,
  c: { lo: number; hi: number },
  p: { lo: number; hi: number },
): DriftCode | null {
  if (same(c.lo, p.lo) && same(c.hi, p.hi)) return null;
  if (kind === "range") {
    const inside = c.lo >= p.lo - TOLERANCE && c.hi <= p.hi + TOLERANCE;
    if (inside) return "value_stronger";
    const crosses = c.lo < p.lo && c.hi > p.hi;
    return crosses ? "value_weaker" : "value_differs";
  }
  if (kind === "exact") return "value_differs";
  // For a band (growth 16–18 %/yr) the edge that binds is the less demanding one.
  if (LOWER_IS_STRONGER.includes(kind))
    return c.hi < p.hi ? "value_stronger" : c.hi > p.hi ? "value_weaker" : null;
  return c.lo > p.lo ? "value_stronger" : c.lo < p.lo ? "value_weaker" : null;
}

function driftCodes(child: TargetTerms, parent: TargetTerms): DriftCode[] {
  const codes: DriftCode[] = [];
  if (parent.year !== null) {
    if (child.year === null) codes.push("year_missing");
    else if (child.year < parent.year) codes.push("year_earlier");
    else if (child.year > parent.year) codes.push("year_later");
  }
  if (child.kind !== parent.kind) return [...codes, "kind_differs"];
  const cu = unitKey(child.unit);
  const pu = unitKey(parent.unit);
  if (cu !== null && pu !== null && cu !== pu) return [...codes, "unit_differs"];
  const c = edges(child);
  const p = edges(parent);
  if (p === null) return codes;
  if (c === null) return [...codes, "value_missing"];
  const v = valueCode(child.kind, c, p);
  return v === null ? codes : [...codes, v];
}

/** Compares each child target with the parent target it was paired with. */
export function targetDrift(pairs: readonly { child: TargetTerms; parent: TargetTerms }[]): Drift[] {
  return pairs.map(({ child, parent }) => {
    const codes = driftCodes(child, parent);
    return {
      childId: child.id,
      parentId: parent.id,
      codes,
      consistent: codes.every((c) => c === "value_stronger"),
    };
  });
}
