// Rollups of assignment rows (one document, one body's subtree, one level) with a selectable formula.
// Every figure carries the rows it counted and the rows it left out with the reason, so a screen can
// list what is behind a number. The formula is always named in the result: OpenProject changed its
// progress formula silently in 14.0 and users revolted, so nothing here is averaged "by default".
//
// Formulas (value = numerator ÷ denominator; null when the denominator is 0):
//   share_done_of_due   done ÷ due, a ratio 0–1. Due = done_on_time + done_late + overdue: the rows
//                       whose deadline has passed or that are finished. in_progress and not_yet_due
//                       are within their deadline and continuous has none, so they are excluded.
//   share_done_on_time  done_on_time ÷ due, a ratio 0–1, same denominator as above.
//   mean_percent        mean percent, 0–100. Done rows count 100 whatever their stored percent;
//                       continuous rows (no end to progress toward) and rows without a percent are
//                       excluded, so missing data is listed rather than read as 0.
//   weighted            Σ weight × percent ÷ Σ weight, 0–100, same rows as mean_percent. A row with
//                       no weight weighs 1; a zero, negative or non-finite weight excludes the row.
// Task progress (these figures) and outcome progress (indicators against targets, outcomeRollup)
// are separate types and separate figures: they are never averaged together.
import { DONE_STATUSES, STATUSES, type Status } from "./status.ts";
import type { AssessmentStatus } from "./trajectory.ts";

export type Id = string | number;

export const FORMULAS = ["share_done_of_due", "share_done_on_time", "mean_percent", "weighted"] as const;
export type Formula = (typeof FORMULAS)[number];

export type AssignmentRow = {
  id: Id;
  status: Status;
  /** Latest reported percent 0–100; null when never reported. */
  percent: number | null;
  /** For the weighted formula; absent or null weighs 1. */
  weight?: number | null | undefined;
};

export type ExclusionReason =
  | "within_deadline"
  | "continuous"
  | "no_percent"
  | "zero_weight"
  | "invalid_weight";

export type Excluded = { id: Id; reason: ExclusionReason; status: Status };

export type Figure = {
  measure: "task_progress";
  formula: Formula;
  unit: "ratio" | "percent";
  value: number | null;
  numerator: number;
  denominator: number;
  counted: Id[];
  excluded: Excluded[];
};

const DUE: readonly Status[] = ["done_on_time", "done_late", "overdue"];

function share(rows: readonly AssignmentRow[], formula: Formula, hits: readonly Status[]): Figure {
  const counted: Id[] = [];
  const excluded: Excluded[] = [];
  let numerator = 0;
  for (const r of rows) {
    if (DUE.includes(r.status)) {
      counted.push(r.id);
      if (hits.includes(r.status)) numerator += 1;
    } else {
      const reason = r.status === "continuous" ? "continuous" : "within_deadline";
      excluded.push({ id: r.id, reason, status: r.status });
    }
  }
  const denominator = counted.length;
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    measure: "task_progress",
    formula,
    unit: "ratio",
    value,
    numerator,
    denominator,
    counted,
    excluded,
  };
}

function percentOf(r: AssignmentRow): number | null {
  if (DONE_STATUSES.includes(r.status)) return 100;
  if (r.percent === null || !Number.isFinite(r.percent)) return null;
  return Math.min(100, Math.max(0, r.percent));
}

function weightOf(r: AssignmentRow, formula: Formula): number | ExclusionReason {
  if (formula !== "weighted" || r.weight === undefined || r.weight === null) return 1;
  if (!Number.isFinite(r.weight) || r.weight < 0) return "invalid_weight";
  return r.weight === 0 ? "zero_weight" : r.weight;
}

/** What the row adds to an average, or why it adds nothing. */
function contribution(r: AssignmentRow, formula: Formula): { p: number; w: number } | ExclusionReason {
  if (r.status === "continuous") return "continuous";
  const p = percentOf(r);
  if (p === null) return "no_percent";
  const w = weightOf(r, formula);
  return typeof w === "string" ? w : { p, w };
}

function average(rows: readonly AssignmentRow[], formula: Formula): Figure {
  const counted: Id[] = [];
  const excluded: Excluded[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const r of rows) {
    const c = contribution(r, formula);
    if (typeof c === "string") {
      excluded.push({ id: r.id, reason: c, status: r.status });
      continue;
    }
    counted.push(r.id);
    numerator += c.w * c.p;
    denominator += c.w;
  }
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    measure: "task_progress",
    formula,
    unit: "percent",
    value,
    numerator,
    denominator,
    counted,
    excluded,
  };
}

/** One figure over the rows with the named formula. */
export function rollup(rows: readonly AssignmentRow[], formula: Formula): Figure {
  switch (formula) {
    case "share_done_of_due":
      return share(rows, formula, DONE_STATUSES);
    case "share_done_on_time":
      return share(rows, formula, ["done_on_time"]);
    case "mean_percent":
    case "weighted":
      return average(rows, formula);
  }
}

/** Every formula over the same rows, for screens that show them side by side. */
export function rollupAll(rows: readonly AssignmentRow[]): Record<Formula, Figure> {
  return Object.fromEntries(FORMULAS.map((f) => [f, rollup(rows, f)])) as Record<Formula, Figure>;
}

export type StatusCounts = Record<Status, number> & { total: number };

/** How many rows have each status (every status present, zeros included). */
export function statusCounts(rows: readonly { status: Status }[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  counts.total = rows.length;
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

export type OutcomeRow = { id: Id; assessment: AssessmentStatus };

export type OutcomeFigure = {
  measure: "outcome_progress";
  formula: "share_on_track";
  unit: "ratio";
  value: number | null;
  numerator: number;
  denominator: number;
  counted: Id[];
  excluded: { id: Id; reason: "insufficient_data" }[];
};

/**
 * Outcome progress: the share of indicators achieved or on track among those that could be
 * assessed. Indicators without enough data are listed as excluded, not counted as failing.
 */
export function outcomeRollup(rows: readonly OutcomeRow[]): OutcomeFigure {
  const counted: Id[] = [];
  const excluded: OutcomeFigure["excluded"] = [];
  let numerator = 0;
  for (const r of rows) {
    if (r.assessment === "insufficient_data") {
      excluded.push({ id: r.id, reason: "insufficient_data" });
      continue;
    }
    counted.push(r.id);
    if (r.assessment === "achieved" || r.assessment === "on_track") numerator += 1;
  }
  const denominator = counted.length;
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    measure: "outcome_progress",
    formula: "share_on_track",
    unit: "ratio",
    value,
    numerator,
    denominator,
    counted,
    excluded,
  };
}

// Grouping. Organisation ids and parent maps use one id type throughout (a Map tells 1 from "1").

export type ParentMap = ReadonlyMap<Id, Id | null>;

export type Grouped<K, R> = {
  groups: Map<K, R[]>;
  /** Rows that fall in no group (no organisation, or one the map does not know). */
  unplaced: R[];
};

/** The organisation and its ancestors, nearest first; stops at a cycle or an unknown parent. */
export function ancestorsOf(id: Id, parentOf: ParentMap): Id[] {
  const chain: Id[] = [];
  const seen = new Set<Id>();
  for (let cur: Id | null | undefined = id; cur !== null && cur !== undefined && !seen.has(cur); ) {
    chain.push(cur);
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return chain;
}

/**
 * Rows of each root's subtree (the root and every organisation below it). Nested roots share rows:
 * a commune's row counts for the commune and for its province.
 */
export function groupBySubtree<R extends { organisationId: Id | null }>(
  rows: readonly R[],
  roots: readonly Id[],
  parentOf: ParentMap,
): Grouped<Id, R> {
  const groups = new Map<Id, R[]>(roots.map((r) => [r, []]));
  const unplaced: R[] = [];
  const chains = new Map<Id, Id[]>();
  for (const row of rows) {
    const org = row.organisationId;
    let chain: Id[] = [];
    if (org !== null) {
      chain = chains.get(org) ?? ancestorsOf(org, parentOf);
      chains.set(org, chain);
    }
    const hits = chain.filter((a) => groups.has(a));
    if (hits.length === 0) unplaced.push(row);
    for (const a of hits) groups.get(a)?.push(row);
  }
  return { groups, unplaced };
}

/** Rows of one body's subtree. */
export function inSubtree<R extends { organisationId: Id | null }>(
  rows: readonly R[],
  root: Id,
  parentOf: ParentMap,
): R[] {
  return groupBySubtree(rows, [root], parentOf).groups.get(root) ?? [];
}

/** Rows by the level (central, province, commune…) of their organisation. */
export function groupByLevel<R extends { organisationId: Id | null }, L>(
  rows: readonly R[],
  levelOf: ReadonlyMap<Id, L>,
): Grouped<L, R> {
  const groups = new Map<L, R[]>();
  const unplaced: R[] = [];
  for (const row of rows) {
    const level = row.organisationId === null ? undefined : levelOf.get(row.organisationId);
    if (level === undefined) {
      unplaced.push(row);
      continue;
    }
    const list = groups.get(level) ?? [];
    list.push(row);
    groups.set(level, list);
  }
  return { groups, unplaced };
}

/** Rows by document, in first-seen order. */
export function groupByDocument<R extends { documentId: Id }>(rows: readonly R[]): Map<Id, R[]> {
  const groups = new Map<Id, R[]>();
  for (const row of rows) {
    const list = groups.get(row.documentId) ?? [];
    list.push(row);
    groups.set(row.documentId, list);
  }
  return groups;
}
