// Exports of review reports and tables. A request is checked first (period, document, organisation,
// scope: a bad one stores nothing), then recorded; a small scope is written at once, in the request,
// and a large one (or one asked to run in the background) by a job on the queue while the client
// polls its progress. Either way the file lands in report_exports, where any instance serves it.
//
// Why both: a province's report takes well under a second, and a queued job would first wait for
// a worker's next poll (seconds); a national one reads a hundred thousand assignments and must not
// hold a request open, nor be lost if the instance serving it stops (the queue runs it again).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import type { Role } from "../../domain/access.ts";
import { EVIDENCE_CONTENT_TYPES } from "../../domain/evidence.ts";
import { buildReviewReport } from "../../domain/review-report.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError } from "../errors.ts";
import type { JobQueue } from "../http/context.ts";
import { assertDocumentInScope, subtreeInScope } from "../http/scope.ts";
import { LEVELS } from "../rollups/filter.ts";
import { tableCsv } from "./csv.ts";
import { reportDocx } from "./docx.ts";
import { countAssignments } from "./repository.ts";
import {
  EXPORT_FORMATS,
  EXPORT_TABLES,
  type ExportFormat,
  type ExportRequest,
  loadReportSource,
  REVIEWS,
  type ReportSource,
  reportDays,
} from "./source.ts";
import {
  type ExportStage,
  exportById,
  failExport,
  finishExport,
  insertExport,
  purgeOldExports,
  type StoredProblem,
  setProgress,
} from "./store.ts";
import { exportTables } from "./tables.ts";
import { templateFor } from "./templates.ts";
import { tablesXlsx } from "./xlsx.ts";

export const REPORT_EXPORT_JOB = "report-export";

/**
 * Above this many assignments an export runs as a job. Measured on PostgreSQL with the national
 * dataset (bench:seed): a province's 6,000 take 3 s as DOCX and 6 s as XLSX, the whole country's
 * 206,000 take 6 s and 57 s; the demo's dozen, a quarter of a second.
 */
export const SYNC_LIMIT = 2000;

const id = z.number().int().positive().max(2_147_483_647);

export const exportInputSchema = z.object({
  documentId: id.optional(),
  /** The report covers this body's subtree, and is issued by it. */
  organisationId: id.optional(),
  level: z.enum(LEVELS).optional(),
  /** "2026", "2026-H1", "2026-Q3" or "2026-07". */
  period: z.string().trim().min(1).max(20),
  review: z.enum(REVIEWS).default("interim"),
  format: z.enum(EXPORT_FORMATS),
  /** One table: a CSV file holds one (tasks when none is named), a workbook all of them. */
  table: z.enum(EXPORT_TABLES).optional(),
  /** Run as a job whatever the size (the caller polls its progress). */
  background: z.boolean().default(false),
});
export type ExportInput = z.output<typeof exportInputSchema>;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: EVIDENCE_CONTENT_TYPES.docx,
  xlsx: EVIDENCE_CONTENT_TYPES.xlsx,
  csv: "text/csv; charset=utf-8",
};

/** Who an export runs as: the creator's scope as it was when asked (a job runs later). */
interface ExportAs {
  userId: number | null;
  username: string;
  role: Role;
  scopeOrganisationId: number | null;
  scopePath: string | null;
}

interface StoredRequest extends ExportRequest {
  as: ExportAs;
}

const principalOf = (as: ExportAs): Principal => ({
  userId: as.userId ?? 0,
  username: as.username,
  displayName: as.username,
  role: as.role,
  scopeOrganisationId: as.scopeOrganisationId,
  scopePath: as.scopePath,
  via: "token",
  csrfToken: null,
  credentialHash: "",
});

/** An ASCII file name: bao-cao-so-ket-2026-215-CTr-TU.docx, bang-2026-tasks.csv. */
export function exportFileName(req: ExportRequest, symbol: string | null): string {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  const subject = symbol ? fold(symbol) : req.organisationId ? `don-vi-${req.organisationId}` : "pham-vi";
  const head = req.format === "docx" ? `bao-cao-${req.review === "final" ? "tong-ket" : "so-ket"}` : "bang";
  const table = req.table && req.format !== "docx" ? `-${req.table}` : "";
  return `${head}-${fold(req.period)}-${subject}${table}.${req.format}`;
}

/**
 * The request checked against the rules and the caller's scope: nothing is stored when it fails.
 * Returns what to record: the request, the subtree asked for, and the subtree whose bodies the
 * export shows (who may read it).
 */
export async function checkExport(
  db: Db,
  p: Principal,
  input: ExportInput,
  today: string,
): Promise<{
  request: ExportRequest;
  subtreePath: string | null;
  scopePath: string | null;
  symbol: string | null;
}> {
  const days = reportDays(input.period, today);
  if (!days) throw new DomainError("report-export-period", 400, { period: input.period.slice(0, 20) });
  if (days.period.start > today)
    throw new DomainError("report-export-future", 422, { period: days.period.key, today });
  if (input.format === "docx" && input.table !== undefined)
    throw new DomainError("report-export-table-docx", 400);
  let symbol: string | null = null;
  if (input.documentId !== undefined) {
    await assertDocumentInScope(db, p, input.documentId);
    const [d] = await rows<{ status: string; symbol: string | null }>(
      db,
      sql`select status, symbol from documents where id = ${input.documentId}`,
    );
    if (d?.status !== "published")
      throw new DomainError("report-export-unpublished", 422, { id: input.documentId });
    symbol = d.symbol;
  }
  const subtree = await subtreeInScope(db, p, input.organisationId);
  if (input.documentId === undefined && input.organisationId === undefined && p.scopeOrganisationId === null)
    throw new DomainError("report-export-subject", 422);
  return {
    request: {
      documentId: input.documentId ?? null,
      organisationId: input.organisationId ?? null,
      level: input.level ?? null,
      period: days.period.key,
      review: input.review,
      format: input.format,
      table: input.table ?? (input.format === "csv" ? "tasks" : null),
    },
    subtreePath: subtree,
    scopePath: subtree ?? p.scopePath,
    symbol,
  };
}

/** The file of a loaded report in the format asked for. */
export async function writeExport(db: Db, src: ReportSource): Promise<Uint8Array> {
  const req = src.request;
  if (req.format === "docx")
    return reportDocx(buildReviewReport(src.review, await templateFor(db, src.review.system)));
  const tables = exportTables(src, req.table);
  if (req.format === "csv") return tableCsv(tables[0] as (typeof tables)[number]);
  return tablesXlsx(tables);
}

export interface RunContext {
  database: Database;
  db: Db;
  today: () => string;
  /** The instance writing exports (src/server/jobs/instance.ts). */
  instance?: number;
}

/**
 * Loads a report and writes its file. On PostgreSQL the figures are read in one repeatable-read
 * snapshot, so every section counts the same rows. (On PGlite, one connection: progress writes
 * could not pass an open transaction, and nothing else runs while a query does.)
 */
export async function produceExport(
  ctx: RunContext,
  p: Principal,
  req: ExportRequest,
  progress: (percent: number) => Promise<unknown>,
): Promise<Uint8Array> {
  const load = (db: Db) => loadReportSource(db, p, req, ctx.today(), progress);
  const src =
    ctx.database.kind === "postgres"
      ? await ctx.db.transaction(load, { isolationLevel: "repeatable read", accessMode: "read only" })
      : await load(ctx.db);
  return writeExport(ctx.db, src);
}

/** Writes one recorded export, keeping its stage and percent for whoever polls it. */
export async function runExport(ctx: RunContext, exportId: number): Promise<void> {
  const row = await exportById(ctx.db, exportId);
  if (!row || row.state === "done") return;
  const stored = row.request as StoredRequest;
  // progress rows are written one after another, outside the snapshot the figures are read in
  let writes: Promise<unknown> = Promise.resolve();
  const progress = (stage: ExportStage, percent: number): Promise<unknown> => {
    writes = writes.then(() => setProgress(ctx.db, exportId, ctx.instance ?? null, stage, percent));
    return writes;
  };
  try {
    await progress("loading", 5);
    const bytes = await produceExport(ctx, principalOf(stored.as), stored, async (percent) => {
      void progress(percent < 80 ? "loading" : "writing", percent);
    });
    await writes;
    await finishExport(ctx.db, exportId, bytes);
  } catch (error) {
    await writes.catch(() => undefined);
    const problem: StoredProblem =
      error instanceof DomainError
        ? { code: error.code, status: error.status, params: error.params }
        : { code: "report-export-failed", status: 500, params: { id: exportId } };
    await failExport(ctx.db, exportId, problem);
    throw error;
  }
}

export interface CreateContext extends RunContext {
  jobs: JobQueue | null;
}

/**
 * Checks and records an export, then writes it at once or hands it to the queue. Answers the id and
 * whether it is done.
 */
export async function createExport(
  ctx: CreateContext,
  p: Principal,
  input: ExportInput,
  actor: Actor,
): Promise<{ id: number; queued: boolean }> {
  const checked = await checkExport(ctx.db, p, input, ctx.today());
  const req = checked.request;
  const size = await countAssignments(
    ctx.db,
    { scopePath: p.scopePath, subtreePath: checked.subtreePath, level: req.level },
    req.documentId ?? undefined,
  );
  const queued = ctx.jobs !== null && (input.background || size > SYNC_LIMIT);
  const as: ExportAs = {
    userId: p.userId,
    username: p.username,
    role: p.role,
    scopeOrganisationId: p.scopeOrganisationId,
    scopePath: p.scopePath,
  };
  const exportId = await ctx.db.transaction(async (tx) => {
    await purgeOldExports(tx);
    const created = await insertExport(tx, {
      format: req.format,
      request: { ...req, as } satisfies StoredRequest,
      documentId: req.documentId,
      scopePath: checked.scopePath,
      fileName: exportFileName(req, checked.symbol),
      contentType: CONTENT_TYPES[req.format],
      createdBy: p.userId,
      owner: queued ? null : (ctx.instance ?? null),
    });
    await appendAudit(tx, actor, {
      action: "report.export",
      entity: "report_export",
      entityId: created,
      after: { ...req, assignments: size },
    });
    // the job with the row, in one transaction: no queued export without its job, whenever a crash comes
    if (queued)
      await ctx.jobs?.insertInTransaction(tx, [{ name: REPORT_EXPORT_JOB, data: { exportId: created } }]);
    return created;
  });
  if (!queued) await runExport(ctx, exportId);
  return { id: exportId, queued };
}
