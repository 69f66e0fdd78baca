// The parser on whole documents: the project's own corpus (corpus/documents) and, when this checkout
// sits next to ../shared, the seed documents. Every document is parsed in-process, validated against
// parsed-document/1 and checked against its expected file (the shared format); then the shared scorer
// runs the CLI over both corpora as a subprocess, as the issue's acceptance command does.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CorpusEntry,
  hasShared,
  loadCorpus,
  projectCorpusDir,
  projectRoot,
  seedsDir,
  sharedDir,
} from "../support/corpus.ts";
import { conformanceErrors, failureReport, parseEntry, score } from "../support/corpus-run.ts";

const NEEDS_SHARED = "needs ../shared, skipped without it";
if (!hasShared)
  console.warn("[corpus] no ../shared here: the seed corpus and the shared scorer runs are skipped");

/** The acceptance thresholds of the issue: overall and per document, for the shared scorer. */
const MIN_OVERALL = 0.97;
const MIN_PER_DOCUMENT = 0.9;
/** Issue 3, requirement 5: the project writes at least 15 documents of its own. */
const MIN_PROJECT_DOCUMENTS = 15;

function corpusSuite(label: string, entries: CorpusEntry[]): void {
  describe(label, () => {
    it("has documents, each with checks", () => {
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(Object.keys(e.expected.checks).length, e.name).toBeGreaterThan(0);
    });

    for (const entry of entries) {
      it(`${entry.name}: schema-valid and passes every check of its expected file`, () => {
        const doc = parseEntry(entry);
        expect(conformanceErrors(doc), `${entry.name} does not conform to parsed-document/1`).toEqual([]);
        const { results, failed } = score(doc, entry);
        expect(results.length).toBeGreaterThan(0);
        expect(
          failed.map((f) => f.name),
          `${entry.name}: ${failed.length} of ${results.length} checks failed\n${failureReport(doc, failed)}`,
        ).toEqual([]);
      });
    }

    it("scores 100% overall", () => {
      const totals = { passed: 0, checks: 0 };
      const short: string[] = [];
      for (const entry of entries) {
        const { results, failed } = score(parseEntry(entry), entry);
        totals.passed += results.length - failed.length;
        totals.checks += results.length;
        if (failed.length > 0)
          short.push(`${entry.name} ${results.length - failed.length}/${results.length}`);
      }
      console.info(`[corpus] ${label}: ${totals.passed}/${totals.checks} checks passed in-process`);
      expect(totals.checks).toBeGreaterThan(0);
      expect(totals.passed, `${totals.passed}/${totals.checks}; short: ${short.join(", ")}`).toBe(
        totals.checks,
      );
    });
  });
}

const project = loadCorpus(projectCorpusDir);

it(`the project's corpus has at least ${MIN_PROJECT_DOCUMENTS} documents, each with its source`, () => {
  expect(project.length).toBeGreaterThanOrEqual(MIN_PROJECT_DOCUMENTS);
  for (const e of project) expect(e.text.trim().length, e.name).toBeGreaterThan(0);
});

corpusSuite("project corpus (corpus/documents), in-process", project);

describe.skipIf(!hasShared)(`seed corpus (../shared/corpus/seeds), in-process (${NEEDS_SHARED})`, () => {
  corpusSuite("seeds", loadCorpus(seedsDir));
});

interface ScorerRun {
  rows: { file: string; passed: number; checks: number }[];
  passed: number;
  failed: number;
  failures: string[];
  output: string;
}

/** Runs ../shared/tools/score-extraction.mjs with the CLI over one corpus directory. */
function runScorer(dir: string): ScorerRun {
  const r = spawnSync(
    process.execPath,
    [
      join(sharedDir, "tools", "score-extraction.mjs"),
      "--cmd",
      "./bin/trienkhai parse --json {}",
      "--corpus",
      dir,
      "--min",
      "0",
    ],
    { cwd: projectRoot, encoding: "utf8", timeout: 240_000, maxBuffer: 64 << 20 },
  );
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0)
    throw new Error(`the scorer exited with ${r.status}${r.signal ? ` (${r.signal})` : ""}:\n${output}`);
  const lines = (r.stdout ?? "").split("\n");
  const header = lines.findIndex((l) => /^file\s+checks$/.test(l.trim()));
  const rows = lines
    .slice(header + 1)
    .map((l) => /^(\S+)\s+(\d+)\/(\d+)$/.exec(l.trim()))
    .filter((m) => m !== null)
    .map((m) => ({ file: m[1] as string, passed: Number(m[2]), checks: Number(m[3]) }));
  const total = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? "");
  if (header < 0 || !total) throw new Error(`unexpected scorer output:\n${output}`);
  return {
    rows,
    passed: Number(total[1]),
    failed: Number(total[2]),
    failures: lines.filter((l) => l.startsWith("FAIL")),
    output,
  };
}

describe.skipIf(!hasShared)(`shared scorer with the CLI (bin/trienkhai) (${NEEDS_SHARED})`, () => {
  for (const [label, dir] of [
    ["seeds", seedsDir],
    ["project corpus", projectCorpusDir],
  ] as const) {
    it(`${label}: at least ${MIN_OVERALL * 100}% overall and ${MIN_PER_DOCUMENT * 100}% on every document`, () => {
      const run = runScorer(dir);
      const files = loadCorpus(dir).map((e) => e.expected.file);
      const failures = run.failures.join("\n");
      // Every document was scored, once, and the per-document rows add up to the total.
      expect(run.rows.map((r) => r.file).sort()).toEqual([...files].sort());
      expect(run.rows.reduce((s, r) => s + r.passed, 0)).toBe(run.passed);
      expect(run.rows.reduce((s, r) => s + r.checks, 0)).toBe(run.passed + run.failed);
      const overall = run.passed / (run.passed + run.failed);
      console.info(
        `[scorer] ${label}: ${run.passed} passed, ${run.failed} failed (${(overall * 100).toFixed(1)}%)`,
      );
      expect(overall, `overall ${(overall * 100).toFixed(1)}%\n${failures}`).toBeGreaterThanOrEqual(
        MIN_OVERALL,
      );
      const weak = run.rows.filter((r) => r.passed / r.checks < MIN_PER_DOCUMENT);
      expect(
        weak.map((r) => `${r.file} ${r.passed}/${r.checks}`),
        `documents under ${MIN_PER_DOCUMENT * 100}%\n${failures}`,
      ).toEqual([]);
    }, 300_000);
  }
});
