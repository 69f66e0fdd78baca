// trienkhai report DOCUMENT --period 2025 --out FILE [--format docx|xlsx|csv] [--table TABLE]
// [--organisation CODE] [--final]: the review report (DOCX) or its tables (XLSX, CSV) for a document
// over a period, written by the same code as the API's exports, over every body (the command line
// has the database's whole scope). The format follows --format, else the extension of FILE.
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../config.ts";
import { rows } from "../db/rows.ts";
import { vi } from "../messages/catalog.ts";
import type { Principal } from "../server/auth/service.ts";
import { notFound } from "../server/errors.ts";
import { checkExport, exportInputSchema, produceExport } from "../server/report-exports/service.ts";
import { EXPORT_FORMATS, EXPORT_TABLES, type ExportFormat } from "../server/report-exports/source.ts";
import { openConfiguredDatabase } from "./database.ts";
import { UsageError } from "./usage.ts";

const CLI: Principal = {
  userId: 0,
  username: "cli",
  displayName: "cli",
  role: "admin",
  scopeOrganisationId: null,
  scopePath: null,
  via: "token",
  csrfToken: null,
  credentialHash: "",
};

interface Options {
  document: string;
  period: string;
  out: string;
  format: ExportFormat;
  table: string | undefined;
  organisation: string | undefined;
  final: boolean;
}

function options(args: string[]): Options {
  const valued = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--final") flags.add(a);
    else if (["--period", "--out", "--format", "--table", "--organisation"].includes(a)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError("cli-report-usage");
      valued.set(a, value);
    } else if (a.startsWith("-")) throw new UsageError("cli-unknown-option", { option: a });
    else positional.push(a);
  }
  const [document, extra] = positional;
  const period = valued.get("--period");
  const out = valued.get("--out");
  if (!document || extra !== undefined || !period || !out) throw new UsageError("cli-report-usage");
  const format = valued.get("--format") ?? extname(out).slice(1).toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError("cli-report-usage");
  const table = valued.get("--table");
  if (table !== undefined && !(EXPORT_TABLES as readonly string[]).includes(table))
    throw new UsageError("cli-report-usage");
  return {
    document,
    period,
    out,
    format: format as ExportFormat,
    table,
    organisation: valued.get("--organisation"),
    final: flags.has("--final"),
  };
}

export async function reportCommand(args: string[]): Promise<number> {
  const o = options(args);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const db = database.db;
    const started = performance.now();
    // by id, or by symbol (the published document first when a symbol was imported twice)
    const [doc] = await rows<{ id: number }>(
      db,
      /^\d+$/.test(o.document)
        ? sql`select id from documents where id = ${Number(o.document)}`
        : sql`select id from documents where symbol = ${o.document} order by status = 'published' desc, id limit 1`,
    );
    if (!doc) throw notFound("document", o.document);
    let organisationId: number | undefined;
    if (o.organisation !== undefined) {
      const [org] = await rows<{ id: number }>(
        db,
        sql`select id from organisations where code = ${o.organisation}`,
      );
      if (!org) throw notFound("organisation", o.organisation);
      organisationId = org.id;
    }
    const input = exportInputSchema.parse({
      documentId: doc.id,
      ...(organisationId !== undefined ? { organisationId } : {}),
      period: o.period,
      review: o.final ? "final" : "interim",
      format: o.format,
      ...(o.table !== undefined ? { table: o.table } : {}),
    });
    const { request } = await checkExport(db, CLI, input, config.today());
    const bytes = await produceExport(
      { database, db, today: config.today },
      CLI,
      request,
      async () => undefined,
    );
    writeFileSync(o.out, bytes);
    process.stdout.write(
      `${vi("cli-report-done", {
        file: o.out,
        format: o.format.toUpperCase(),
        size: `${Math.max(1, Math.round(bytes.length / 1024)).toLocaleString("vi-VN")} KB`,
        ms: Math.round(performance.now() - started),
      })}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
