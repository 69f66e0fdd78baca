// The corpora the tests read: the project's own (corpus/documents) and, when this checkout sits next
// to the shared material (../shared), the seed documents. An outside user has no ../shared.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Expected } from "./corpus-checks.ts";

export const projectRoot = resolve(import.meta.dirname, "../..");
export const projectCorpusDir = join(projectRoot, "corpus", "documents");
export const sharedDir = resolve(projectRoot, "..", "shared");
export const seedsDir = join(sharedDir, "corpus", "seeds");
export const hasShared = existsSync(join(sharedDir, "tools", "score-extraction.mjs")) && existsSync(seedsDir);

export interface CorpusEntry {
  name: string;
  path: string;
  text: string;
  expected: Expected;
}

export function loadCorpus(dir: string): CorpusEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(join(dir, f), "utf8")) as Expected;
      const path = join(dir, expected.file);
      return { name: expected.file, path, text: readFileSync(path, "utf8"), expected };
    });
}
