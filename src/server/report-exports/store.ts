// The rows of report_exports (each export with its progress and then its file) and
// report_templates (the templates an administrator changed).
import { and, eq, getTableColumns, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { reportExports, reportTemplates } from "../../db/schema/report-exports.ts";
import type { MessageCode, MessageParams } from "../../messages/catalog.ts";
import { ownerGone } from "../jobs/instance.ts";

export const EXPORT_STATES = ["queued", "running", "done", "failed"] as const;
export const EXPORT_STAGES = ["queued", "loading", "writing", "done"] as const;
export type ExportStage = (typeof EXPORT_STAGES)[number];

/** A failure as stored: rendered as problem+json in the reader's language. */
export interface StoredProblem {
  code: MessageCode;
  status: number;
  params: MessageParams;
}

export type ExportRow = typeof reportExports.$inferSelect;

export async function insertExport(
  db: Db,
  row: {
    format: string;
    request: object;
    documentId: number | null;
    scopePath: string | null;
    fileName: string;
    contentType: string;
    createdBy: number | null;
    /** The instance writing it at once; null when a job will. */
    owner?: number | null;
  },
): Promise<number> {
  const [r] = await db.insert(reportExports).values(row).returning({ id: reportExports.id });
  return (r as { id: number }).id;
}

/** The export without its bytes. */
export async function exportById(db: Db, id: number): Promise<Omit<ExportRow, "bytes"> | null> {
  const { bytes: _bytes, ...columns } = getTableColumns(reportExports);
  const [r] = await db.select(columns).from(reportExports).where(eq(reportExports.id, id));
  return r ?? null;
}

export async function exportFile(db: Db, id: number): Promise<Uint8Array | null> {
  const [r] = await db
    .select({ bytes: reportExports.bytes })
    .from(reportExports)
    .where(eq(reportExports.id, id));
  return r?.bytes ?? null;
}

export async function setProgress(
  db: Db,
  id: number,
  owner: number | null,
  stage: ExportStage,
  percent: number,
): Promise<void> {
  await db
    .update(reportExports)
    .set({ state: "running", stage, percent, owner, updatedAt: sql`now()` })
    .where(eq(reportExports.id, id));
}

export async function finishExport(db: Db, id: number, bytes: Uint8Array): Promise<void> {
  await db
    .update(reportExports)
    .set({
      state: "done",
      stage: "done",
      percent: 100,
      bytes,
      size: bytes.length,
      problem: null,
      updatedAt: sql`now()`,
    })
    .where(eq(reportExports.id, id));
}

export async function failExport(db: Db, id: number, problem: StoredProblem): Promise<void> {
  await db
    .update(reportExports)
    .set({ state: "failed", problem, updatedAt: sql`now()` })
    .where(eq(reportExports.id, id));
}

/**
 * Exports being written by an instance that is gone (killed or stopped mid-way): failed with their
 * reason. One still waiting on the queue has no owner and is left to it, as is a live instance's;
 * a job whose run was cut off is also run again by the queue once it expires.
 */
export async function failInterruptedExports(db: Db, self: number | null): Promise<number> {
  const failed = await db
    .update(reportExports)
    .set({
      state: "failed",
      problem: sql`jsonb_build_object('code', 'report-export-interrupted', 'status', 503,
        'params', jsonb_build_object('id', ${reportExports.id}))`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        inArray(reportExports.state, ["queued", "running"]),
        // running without an owner: written before owners were recorded
        or(
          and(isNull(reportExports.owner), eq(reportExports.state, "running")),
          ownerGone(reportExports.owner, self),
        ),
      ),
    )
    .returning({ id: reportExports.id });
  return failed.length;
}

/**
 * Exports waiting for a job that the queue no longer holds (a database restored from a backup,
 * which does not carry the queue): their ids, to be queued again.
 */
export async function exportsWithoutJob(db: Db, jobName: string): Promise<number[]> {
  const r = await rows<{ id: number }>(
    db,
    sql`select e.id from report_exports e
      where e.state = 'queued' and e.owner is null
        and not exists (select 1 from pgboss.job j
          where j.name = ${jobName} and j.data->>'exportId' = e.id::text
            and j.state in ('created', 'retry', 'active'))`,
  );
  return r.map((x) => x.id);
}

/** Files are kept for a week: long enough to download again, short enough not to pile up. */
export const KEEP_DAYS = 7;

export async function purgeOldExports(db: Db): Promise<number> {
  const gone = await db
    .delete(reportExports)
    .where(lt(reportExports.createdAt, sql`now() - make_interval(days => ${KEEP_DAYS})`))
    .returning({ id: reportExports.id });
  return gone.length;
}

export type TemplateRow = typeof reportTemplates.$inferSelect;

export async function templateRows(db: Db): Promise<TemplateRow[]> {
  return db.select().from(reportTemplates).orderBy(reportTemplates.key);
}

export async function templateRow(db: Db, key: string, forUpdate = false): Promise<TemplateRow | null> {
  const q = db.select().from(reportTemplates).where(eq(reportTemplates.key, key));
  const [r] = forUpdate ? await q.for("update") : await q;
  return r ?? null;
}

export async function upsertTemplate(
  db: Db,
  key: string,
  content: object,
  version: number,
  updatedBy: number | null,
): Promise<void> {
  await db
    .insert(reportTemplates)
    .values({ key, content, version, updatedBy })
    .onConflictDoUpdate({
      target: reportTemplates.key,
      set: { content, version, updatedBy, updatedAt: sql`now()` },
    });
}
