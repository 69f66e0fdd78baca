// trienkhai import FILE [--publish] [--json]: read a file, parse it, resolve its bodies and store it as
// a draft (published too with --publish), all in one transaction: a refused or failed import leaves
// nothing behind. On a database without organisations the reference catalogue is loaded first, in
// the same transaction, so that bodies resolve. Prints a short Vietnamese summary, or JSON.
import { loadConfig } from "../config.ts";
import { type MessageCode, message, vi } from "../messages/catalog.ts";
import { vietnameseDate } from "../messages/dates.ts";
import { parseDocument } from "../parser/parse.ts";
import { CONTENT_TYPES } from "../readers/detect.ts";
import { readDocumentFile } from "../readers/read.ts";
import { cliActor } from "../server/audit/repository.ts";
import { type ImportResult, importDocument } from "../server/documents/service.ts";
import { DomainError } from "../server/errors.ts";
import { ensureReferenceOrganisations } from "../server/organisations/service.ts";
import { openConfiguredDatabase } from "./database.ts";
import { progressPrinter, quietly } from "./parse-command.ts";
import { UsageError } from "./usage.ts";

/** A duplicate gets one line, both languages, with the command that shows the document already there. */
function duplicateLine(error: DomainError): string {
  const id = String(error.details.existingId ?? "");
  const lang = (l: "vi" | "en") =>
    `${message(error.code, error.params, l)}; ${message("cli-see-document", { id }, l)}`;
  return `${lang("vi")} / ${lang("en")}`;
}

/** What the command prints with --json. */
interface Summary {
  id: number;
  symbol: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  status: string;
  counts: { sections: number; tasks: number; assignments: number; indicators: number };
  /** Phrases no organisation matched, kept as written: for review. */
  unresolved: string[];
  /** Group phrases standing as organisation groups until their members are imported. */
  groups: string[];
  links: ImportResult["links"];
  /** Links from documents imported earlier that now point at this one. */
  relinked: number;
  suggestions: number;
  warnings: { code: string; message: string }[];
  referenceOrganisationsLoaded: number;
}

const STATUSES: Record<string, MessageCode> = {
  imported: "status-imported",
  reviewed: "status-reviewed",
  published: "status-published",
  rejected: "status-rejected",
};

function summaryText(s: Summary): string {
  const lines = [];
  if (s.referenceOrganisationsLoaded > 0)
    lines.push(vi("import-reference-loaded", { count: s.referenceOrganisationsLoaded }));
  lines.push(
    vi("import-done", {
      symbol: s.symbol ?? vi("no-symbol"),
      id: s.id,
      status: STATUSES[s.status] ? vi(STATUSES[s.status] as MessageCode) : s.status,
    }),
  );
  if (s.title) lines.push(`  ${s.title}`);
  lines.push(`  ${s.issuer ?? vi("pretty-unknown")}, ${vietnameseDate(s.date) ?? vi("pretty-unknown")}`);
  lines.push(`  ${vi("import-counts", s.counts)}`);
  if (s.unresolved.length > 0) {
    lines.push(`  ${vi("import-unresolved", { count: s.unresolved.length })}`);
    for (const p of s.unresolved) lines.push(`    - ${p}`);
  }
  if (s.groups.length > 0) {
    lines.push(`  ${vi("import-groups", { count: s.groups.length })}`);
    for (const p of s.groups) lines.push(`    - ${p}`);
  }
  if (s.links.length > 0) {
    lines.push(`  ${vi("import-links")}`);
    for (const l of s.links)
      lines.push(
        `    ${vi(l.relation === "implements" ? "pretty-implements" : "pretty-cites")} ${l.symbol} — ${
          l.documentId === null ? vi("import-link-missing") : vi("import-link-found", { id: l.documentId })
        }`,
      );
  }
  if (s.relinked > 0) lines.push(`  ${vi("import-relinked", { count: s.relinked })}`);
  if (s.suggestions > 0) lines.push(`  ${vi("import-suggestions", { count: s.suggestions })}`);
  if (s.warnings.length > 0) {
    lines.push(`  ${vi("pretty-warnings")}:`);
    for (const w of s.warnings) lines.push(`    [${w.code}] ${w.message}`);
  }
  lines.push(`  ${vi("cli-see-document", { id: s.id })}`);
  return `${lines.join("\n")}\n`;
}

export async function importCommand(args: string[]): Promise<number> {
  let publish = false;
  let json = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === "--publish") publish = true;
    else if (arg === "--json") json = true;
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError("cli-unknown-option", { option: arg });
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError("cli-import-usage");
  // the file is read and parsed before the database is opened: a broken file touches nothing
  const read = await quietly(() => readDocumentFile(files[0] as string, { onProgress: progressPrinter() }));
  const parsed = parseDocument(
    read.text,
    { name: read.name, format: read.format, sha256: read.sha256 },
    read.warnings,
  );
  const database = await openConfiguredDatabase(loadConfig());
  try {
    let loaded = 0;
    let result: ImportResult;
    try {
      result = await database.db.transaction(async (tx) => {
        loaded = await ensureReferenceOrganisations(tx, cliActor);
        return importDocument(tx, {
          parsed,
          file: { bytes: read.bytes, contentType: CONTENT_TYPES[read.format] },
          actor: cliActor,
          publish,
        });
      });
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === "duplicate-document" || error.code === "duplicate-file")
      ) {
        process.stderr.write(`${duplicateLine(error)}\n`);
        return 2;
      }
      throw error;
    }
    const summary: Summary = {
      id: result.documentId,
      symbol: parsed.symbol,
      date: parsed.date,
      issuer: parsed.issuer?.name ?? null,
      title: parsed.title,
      status: result.status,
      counts: {
        sections: result.sections,
        tasks: result.tasks,
        assignments: result.assignments,
        indicators: result.indicators,
      },
      unresolved: result.unresolved,
      groups: result.groups,
      links: result.links,
      relinked: result.linked,
      suggestions: result.suggestions,
      warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message })),
      referenceOrganisationsLoaded: loaded,
    };
    process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
    return 0;
  } finally {
    await database.close();
  }
}
