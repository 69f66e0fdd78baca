// Running a corpus document through the readers and the parser the way the CLI does, and reporting
// the checks of its expected file: which failed, what was wanted and what the parser gave instead.
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { parseDocument } from "../../src/parser/parse.ts";
import type { ParsedDocument, SourceFormat } from "../../src/parser/schema.ts";
import type { ReadResult } from "../../src/readers/read.ts";
import type { CorpusEntry } from "./corpus.ts";
import { type CheckResult, checkDocument } from "./corpus-checks.ts";
import { schemaErrors, spanErrors } from "./schema.ts";

/** Parses a corpus document from its text, with the source information a reader would give. */
export function parseEntry(entry: CorpusEntry): ParsedDocument {
  const format: SourceFormat = extname(entry.name) === ".md" ? "md" : "txt";
  const sha256 = createHash("sha256").update(entry.text).digest("hex");
  return parseDocument(entry.text, { name: entry.name, format, sha256 });
}

/** Parses what a reader returned, as `trienkhai parse` does (reader warnings such as `ocr` included). */
export function parseRead(read: ReadResult): ParsedDocument {
  return parseDocument(
    read.text,
    { name: read.name, format: read.format, sha256: read.sha256 },
    read.warnings,
  );
}

/** Schema errors (JSON schema and Zod twin) and spans outside the source, in one list. */
export function conformanceErrors(doc: ParsedDocument): string[] {
  return [...schemaErrors(doc), ...spanErrors(doc)];
}

export interface Scored {
  results: CheckResult[];
  passed: Set<string>;
  failed: CheckResult[];
}

export function score(doc: ParsedDocument, entry: CorpusEntry): Scored {
  const results = checkDocument(doc, entry.expected);
  return {
    results,
    passed: new Set(results.filter((r) => r.ok).map((r) => r.name)),
    failed: results.filter((r) => !r.ok),
  };
}

function outline(sections: ParsedDocument["sections"], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${"  ".repeat(depth)}${s.label} ${(s.heading ?? "").slice(0, 60)}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

/** What the parser gave for the kind of check that failed, where the check's own detail lacks it. */
function actual(doc: ParsedDocument, name: string): string {
  if (name.startsWith("assignment"))
    return doc.assignments
      .map(
        (a) =>
          `    lead ${JSON.stringify(a.lead)} with ${JSON.stringify(a.cooperating)} deadline ${JSON.stringify(a.deadline)}`,
      )
      .join("\n");
  if (name.startsWith("target"))
    return doc.targets
      .map(
        (t) =>
          `    ${t.kind} value ${t.value} [${t.low}, ${t.high}] unit ${JSON.stringify(t.unit)} per ${t.per} year ${t.year} baseline ${JSON.stringify(t.baseline)}`,
      )
      .join("\n");
  if (name.startsWith("section"))
    return outline(doc.sections)
      .map((l) => `    ${l}`)
      .join("\n");
  return "";
}

/** One line per failed check: the check (what the expected file wants), then what came out. */
export function failureReport(doc: ParsedDocument, failed: CheckResult[]): string {
  const shown = new Set<string>();
  return failed
    .map((f) => {
      const kind = f.name.split(" ")[0] as string;
      const more = shown.has(kind) ? "" : actual(doc, f.name);
      shown.add(kind);
      return `  ✗ ${f.name} — ${f.detail}${more ? `\n    the parser gave:\n${more}` : ""}`;
    })
    .join("\n");
}

/** Letters outside ASCII (the Vietnamese ones) with their counts: what must survive a conversion. */
export function nonAsciiLetters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize("NFC")) {
    if (ch.charCodeAt(0) > 0x7f && /\p{L}/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}
