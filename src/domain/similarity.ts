// Text similarity for suggesting which parent task a child task concretizes: diacritic-aware word
// bigrams (a child copies its parent's wording with small changes), no network model.
import { nameKey } from "./names.ts";

const STOP = new Set([
  "và",
  "của",
  "các",
  "những",
  "trong",
  "với",
  "cho",
  "để",
  "theo",
  "về",
  "là",
  "có",
  "được",
  "đến",
  "từ",
  "tại",
  "trên",
]);

export function shingles(text: string): Set<string> {
  const words = nameKey(text)
    .split(" ")
    .filter((w) => w.length > 0 && !STOP.has(w));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) out.add(words[0] as string);
  return out;
}

/** Dice coefficient of word bigrams, 0..1. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return (2 * common) / (a.size + b.size);
}

export interface Suggestion {
  childId: number;
  parentId: number;
  score: number;
}

/** For each child task, the best parent tasks at or above `threshold` (at most `limit`). */
export function suggestParents(
  children: { id: number; text: string }[],
  parents: { id: number; text: string }[],
  threshold = 0.25,
  limit = 3,
): Suggestion[] {
  const parentSets = parents.map((p) => ({ id: p.id, set: shingles(p.text) }));
  const out: Suggestion[] = [];
  for (const c of children) {
    const set = shingles(c.text);
    const scored = parentSets
      .map((p) => ({ childId: c.id, parentId: p.id, score: similarity(set, p.set) }))
      .filter((s) => s.score >= threshold)
      .sort((x, y) => y.score - x.score)
      .slice(0, limit);
    out.push(...scored);
  }
  return out;
}
