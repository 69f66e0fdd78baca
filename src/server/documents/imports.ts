// Uploads imported in the background. The upload is answered at once with the import's id; the file
// is then read (OCR for scans, page by page), parsed, resolved and stored in this process while the
// client polls the import's row for its stage and percent. A failure leaves nothing but that row and
// its problem (a catalogue code with its parameters, rendered in the language of whoever reads it);
// an import cut short by a crash or a shutdown is failed, not left running.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/client.ts";
import { documentImports } from "../../db/schema/documents.ts";
import type { MessageCode, MessageParams } from "../../messages/catalog.ts";
import { parseDocument } from "../../parser/parse.ts";
import { CONTENT_TYPES } from "../../readers/detect.ts";
import { ReadError, type ReadErrorCode } from "../../readers/errors.ts";
import { readDocumentBytes } from "../../readers/read.ts";
import type { Actor } from "../audit/repository.ts";
import { DomainError } from "../errors.ts";
import { ownerGone } from "../jobs/instance.ts";
import { importDuration } from "../metrics/metrics.ts";
import { ensureReferenceOrganisations } from "../organisations/service.ts";
import { type ImportResult, importDocument } from "./service.ts";

/** The extensions an upload may have: what the readers read, HTML aside (it is no official form). */
export const IMPORT_EXTENSIONS = [".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".jpeg"] as const;

export const IMPORT_STATES = ["queued", "running", "done", "failed"] as const;
export const IMPORT_STAGES = ["queued", "reading", "ocr", "parsing", "storing", "done"] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** What a finished import reports. */
export interface ImportOutcome {
  documentId: number;
  symbol: string | null;
  title: string | null;
  status: string;
  counts: { sections: number; tasks: number; assignments: number; indicators: number };
  unresolved: string[];
  groups: string[];
  links: ImportResult["links"];
  suggestions: number;
  warnings: { code: string; message: string }[];
  /** Each stage with the percent it started at and how long it took. */
  stages: { stage: ImportStage; percent: number; ms: number }[];
}

/** A failure as stored: rendered as problem+json when the import is read. */
export interface StoredProblem {
  code: MessageCode;
  status: number;
  params: MessageParams;
}

export interface ImportJob {
  id: number;
  bytes: Uint8Array;
  name: string;
  actor: Actor;
}

const READ_STATUS: Record<ReadErrorCode, number> = {
  "file-missing": 422,
  "file-empty": 422,
  "file-unreadable": 422,
  "file-encrypted": 422,
  "file-corrupt": 422,
  "file-too-large": 413,
  "format-unknown": 415,
  "no-text": 422,
};

export async function createImport(
  db: Db,
  row: { fileName: string; size: number; createdBy: number; owner?: number | null },
): Promise<number> {
  const [r] = await db.insert(documentImports).values(row).returning({ id: documentImports.id });
  return (r as { id: number }).id;
}

export async function importById(db: Db, id: number) {
  const [r] = await db.select().from(documentImports).where(eq(documentImports.id, id));
  return r ?? null;
}

/**
 * Imports queued or running whose instance is gone (a crash, a stop), or the `ids` given: failed, so
 * that no client waits on them for ever. An import of a live instance (`self`, or another one on the
 * same PostgreSQL) is left alone.
 */
export async function failInterruptedImports(
  db: Db,
  which: { ids: number[] } | { self: number | null } = { self: null },
): Promise<number> {
  const failed = await db
    .update(documentImports)
    .set({
      state: "failed",
      problem: sql`jsonb_build_object('code', 'document-import-interrupted', 'status', 503,
        'params', jsonb_build_object('name', ${documentImports.fileName}))`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        inArray(documentImports.state, ["queued", "running"]),
        "ids" in which
          ? inArray(documentImports.id, which.ids)
          : or(isNull(documentImports.owner), ownerGone(documentImports.owner, which.self)),
      ),
    )
    .returning({ id: documentImports.id });
  return failed.length;
}

function problemOf(error: unknown): StoredProblem | null {
  if (error instanceof ReadError)
    return { code: error.code, status: READ_STATUS[error.code], params: error.params };
  if (error instanceof DomainError) return { code: error.code, status: error.status, params: error.params };
  return null;
}

/** Reads, parses and stores one upload, recording each stage; never throws. */
export async function runImport(db: Db, job: ImportJob, log: FastifyBaseLogger): Promise<void> {
  const stages: ImportOutcome["stages"] = [];
  const timer = importDuration.startTimer();
  let started = performance.now();
  let percent = 0;
  // progress rows are written one after another, never inside the import's transaction (PGlite has
  // one connection: a write waiting outside an open transaction would wait for ever)
  let writes: Promise<unknown> = Promise.resolve();
  const progress = (stage: ImportStage, to: number): void => {
    if (to < percent) return;
    percent = to;
    writes = writes.then(() =>
      db
        .update(documentImports)
        .set({ state: "running", stage, percent: to, updatedAt: sql`now()` })
        .where(eq(documentImports.id, job.id)),
    );
  };
  const enter = (stage: ImportStage, to: number): Promise<unknown> => {
    const now = performance.now();
    const last = stages.at(-1);
    if (last) last.ms = Math.round(now - started);
    started = now;
    stages.push({ stage, percent: to, ms: 0 });
    progress(stage, to);
    return writes;
  };
  try {
    await enter("reading", 5);
    let ocr = false;
    const read = await readDocumentBytes(job.bytes, job.name, {
      onProgress: (p) => {
        if (!ocr) {
          ocr = true;
          void enter("ocr", 10);
        }
        // OCR is most of the work on a scan: pages carry the bar from 10 % to 70 %
        progress("ocr", 10 + Math.floor(p.fraction * 60));
      },
    });
    await writes;
    await enter("parsing", 75);
    const parsed = parseDocument(
      read.text,
      { name: read.name, format: read.format, sha256: read.sha256 },
      read.warnings,
    );
    await enter("storing", 85);
    const result = await db.transaction(async (tx) => {
      await ensureReferenceOrganisations(tx, job.actor);
      return importDocument(tx, {
        parsed,
        sourceText: read.text.normalize("NFC"),
        file: { bytes: read.bytes, contentType: CONTENT_TYPES[read.format] },
        actor: job.actor,
      });
    });
    await enter("done", 100);
    const outcome: ImportOutcome = {
      documentId: result.documentId,
      symbol: parsed.symbol,
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
      suggestions: result.suggestions,
      warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message })),
      stages: stages.slice(0, -1),
    };
    await db
      .update(documentImports)
      .set({
        state: "done",
        stage: "done",
        percent: 100,
        documentId: result.documentId,
        result: outcome,
        updatedAt: sql`now()`,
      })
      .where(eq(documentImports.id, job.id));
    timer({ outcome: "done" });
  } catch (error) {
    timer({ outcome: "failed" });
    await writes.catch(() => undefined);
    let problem = problemOf(error);
    if (problem) log.info({ importId: job.id, code: problem.code }, "document import refused");
    else {
      log.error({ err: error, importId: job.id }, "document import failed");
      problem = { code: "document-import-failed", status: 500, params: { name: job.name } };
    }
    await db
      .update(documentImports)
      .set({ state: "failed", problem, updatedAt: sql`now()` })
      .where(eq(documentImports.id, job.id))
      .catch((e: unknown) => log.error({ err: e, importId: job.id }, "document import state lost"));
  }
}

export interface ImportRunner {
  enqueue(job: ImportJob): void;
  /** Fails what still waits, then waits for what runs. */
  close(): Promise<void>;
}

/** Runs uploads a few at a time (OCR takes a core each); the rest wait in the queued state. */
export function importRunner(db: Db, log: FastifyBaseLogger, concurrency = 2): ImportRunner {
  const waiting: ImportJob[] = [];
  const running = new Set<Promise<void>>();
  const pump = (): void => {
    while (running.size < concurrency && waiting.length > 0) {
      const job = waiting.shift() as ImportJob;
      const p: Promise<void> = runImport(db, job, log).finally(() => {
        running.delete(p);
        pump();
      });
      running.add(p);
    }
  };
  return {
    enqueue(job) {
      waiting.push(job);
      pump();
    },
    async close() {
      const dropped = waiting.splice(0).map((j) => j.id);
      if (dropped.length > 0) await failInterruptedImports(db, { ids: dropped });
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
