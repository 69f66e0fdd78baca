// Progress updates on an assignment: versioned (each update is a new row and bumps the
// assignment's version; a stale version is refused), validated, audited; the evidence files they
// cite, uploaded first; and their review, approved or returned by a leader or monitor.
//
// A returned update no longer counts: the assignment takes back the percent, completion day and
// last-update time of its latest update that is not returned (none left: 0 %, not completed, never
// updated), and its version moves on so that an edit made against the old figures is refused. Its
// status follows from those columns by src/domain/status.ts like any other change.
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { documents } from "../../db/schema/documents.ts";
import { assignments, evidenceFiles, progressUpdates } from "../../db/schema/tasks.ts";
import { checkEvidence, cleanFileName, EVIDENCE_EXTENSIONS, EVIDENCE_LABELS } from "../../domain/evidence.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput, notFound, staleVersion } from "../errors.ts";
import { checkDate, parseInput } from "../validation.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày dạng YYYY-MM-DD");

export const progressInputSchema = z.object({
  percent: z.number().min(0).max(100),
  narrative: z.string().max(20_000).default(""),
  evidence: z
    .array(
      z.object({
        name: z.string().min(1).max(300),
        url: z.url().optional(),
        fileId: z.number().int().positive().max(2_147_483_647).optional(),
      }),
    )
    .max(50)
    .default([]),
  /** When the task was completed; defaults to today when percent is 100. */
  completedAt: isoDate.optional(),
});
export type ProgressInput = z.input<typeof progressInputSchema>;

export async function recordProgress(
  db: Db,
  assignmentId: number,
  expectedVersion: number,
  input: ProgressInput,
  actor: Actor,
  today: string,
  /** When the update was made, for imports of past records; now by default. */
  at?: string,
): Promise<{ version: number; updateId: number }> {
  const p = parseInput(progressInputSchema, input);
  if (p.completedAt !== undefined) {
    checkDate("completedAt", p.completedAt, today);
    if (p.percent < 100) throw invalidInput({ code: "completion-needs-full" });
  }
  const completedAt = p.percent >= 100 ? (p.completedAt ?? today) : null;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ a: assignments, documentDate: documents.date })
      .from(assignments)
      .innerJoin(documents, eq(documents.id, assignments.documentId))
      .where(eq(assignments.id, assignmentId));
    if (!current) throw notFound("assignment", assignmentId);
    const a = current.a;
    if (a.transferredToId !== null)
      throw new DomainError("assignment-transferred", 409, { id: assignmentId, to: a.transferredToId });
    if (
      completedAt &&
      current.documentDate &&
      completedAt < current.documentDate.padEnd(10, "-01").slice(0, 10)
    )
      throw invalidInput({
        code: "date-before-document",
        params: { field: "completedAt", date: completedAt, notBefore: current.documentDate },
      });
    await checkEvidenceFiles(tx, assignmentId, p.evidence);
    const version = expectedVersion + 1;
    const updated = await tx
      .update(assignments)
      .set({
        percent: p.percent,
        completedAt,
        lastUpdateAt: at ?? sql`now()`,
        updatedAt: sql`now()`,
        version,
      })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.version, expectedVersion)))
      .returning({ id: assignments.id });
    if (updated.length === 0) throw staleVersion("assignment", assignmentId, expectedVersion, a.version);
    const [row] = await tx
      .insert(progressUpdates)
      .values({
        assignmentId,
        version,
        percent: p.percent,
        narrative: p.narrative,
        evidence: p.evidence,
        completedAt,
        authorId: actor.id,
        ...(at ? { createdAt: at } : {}),
      })
      .returning({ id: progressUpdates.id });
    await appendAudit(tx, actor, {
      action: "assignment.progress",
      entity: "assignment",
      entityId: assignmentId,
      before: { percent: a.percent, completedAt: a.completedAt, version: a.version },
      after: { percent: p.percent, completedAt, version },
    });
    return { version, updateId: (row as { id: number }).id };
  });
}

/** Files an update cites must have been uploaded to the same assignment. */
async function checkEvidenceFiles(
  db: Db,
  assignmentId: number,
  evidence: readonly { fileId?: number | undefined }[],
): Promise<void> {
  const ids = [...new Set(evidence.flatMap((e) => (e.fileId === undefined ? [] : [e.fileId])))];
  if (ids.length === 0) return;
  const found = await db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(inArray(evidenceFiles.id, ids), eq(evidenceFiles.assignmentId, assignmentId)));
  const have = new Set(found.map((f) => f.id));
  const foreign = ids.find((id) => !have.has(id));
  if (foreign !== undefined)
    throw new DomainError("evidence-foreign", 422, { fileId: foreign, assignmentId });
}

export interface EvidenceUpload {
  /** The name the client gave the file. */
  name: string;
  bytes: Uint8Array;
}

export interface StoredEvidence {
  fileId: number;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

/** Keeps an evidence file for an assignment, once its name and bytes agree on an accepted type. */
export async function storeEvidence(
  db: Db,
  assignmentId: number,
  file: EvidenceUpload,
  actor: Actor,
): Promise<StoredEvidence> {
  const name = cleanFileName(file.name);
  if (name === "") throw new DomainError("evidence-missing", 422);
  if (file.bytes.length === 0) throw new DomainError("file-empty", 422, { name });
  const check = checkEvidence(name, file.bytes);
  if (!check.ok)
    throw check.format === null
      ? new DomainError("evidence-type", 415, { name, extensions: EVIDENCE_EXTENSIONS })
      : new DomainError("evidence-content", 415, { name, format: EVIDENCE_LABELS[check.format] });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select({ transferredToId: assignments.transferredToId })
      .from(assignments)
      .where(eq(assignments.id, assignmentId));
    if (!a) throw notFound("assignment", assignmentId);
    if (a.transferredToId !== null)
      throw new DomainError("assignment-transferred", 409, { id: assignmentId, to: a.transferredToId });
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        assignmentId,
        name,
        contentType: check.contentType,
        size: file.bytes.length,
        sha256,
        bytes: file.bytes,
        uploadedBy: actor.id,
      })
      .returning({ id: evidenceFiles.id });
    const fileId = (row as { id: number }).id;
    const stored = { fileId, name, size: file.bytes.length, contentType: check.contentType, sha256 };
    await appendAudit(tx, actor, {
      action: "evidence.upload",
      entity: "evidence_file",
      entityId: fileId,
      after: { assignmentId, name, size: stored.size, contentType: stored.contentType, sha256 },
    });
    return stored;
  });
}

/** An evidence file with its bytes, for download. */
export async function evidenceFile(db: Db, fileId: number) {
  const [f] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  if (!f) throw notFound("evidence_file", fileId);
  return f;
}

export const reviewInputSchema = z.object({ note: z.string().trim().max(4000).optional() });
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type ReviewDecision = "approve" | "return";

export interface ReviewResult {
  id: number;
  assignmentId: number;
  state: "approved" | "returned";
  reviewedBy: number | null;
  reviewedAt: string;
  reviewNote: string | null;
  /** The assignment after the review (a return may take its figures back). */
  assignment: { percent: number; completedAt: string | null; lastUpdateAt: string | null; version: number };
}

/**
 * Approves or returns a submitted progress update. Only a submitted update can be reviewed, once;
 * nobody reviews their own; a return needs its reason.
 */
export async function reviewProgress(
  db: Db,
  updateId: number,
  decision: ReviewDecision,
  input: ReviewInput,
  actor: Actor,
): Promise<ReviewResult> {
  const note = parseInput(reviewInputSchema, input).note || null;
  if (decision === "return" && note === null) throw new DomainError("progress-return-note", 422);
  const state = decision === "approve" ? "approved" : "returned";
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(progressUpdates).where(eq(progressUpdates.id, updateId));
    if (!u) throw notFound("progress_update", updateId);
    if (u.authorId !== null && u.authorId === actor.id) throw new DomainError("progress-review-own", 403);
    // the assignment is locked first, as a new update locks it, so that reviews and updates of
    // one assignment take turns
    const [a] = await tx.select().from(assignments).where(eq(assignments.id, u.assignmentId)).for("update");
    if (!a) throw notFound("assignment", u.assignmentId);
    const [reviewed] = await tx
      .update(progressUpdates)
      .set({ state, reviewedBy: actor.id, reviewedAt: sql`now()`, reviewNote: note })
      .where(and(eq(progressUpdates.id, updateId), eq(progressUpdates.state, "submitted")))
      .returning({ reviewedAt: progressUpdates.reviewedAt });
    if (!reviewed) {
      const [now] = await tx
        .select({ state: progressUpdates.state })
        .from(progressUpdates)
        .where(eq(progressUpdates.id, updateId));
      throw new DomainError(
        now?.state === "returned" ? "progress-already-returned" : "progress-already-approved",
        409,
        { id: updateId },
      );
    }
    const before = {
      percent: a.percent,
      completedAt: a.completedAt,
      lastUpdateAt: a.lastUpdateAt,
      version: a.version,
    };
    let after = before;
    if (decision === "return") {
      const [latest] = await tx
        .select({
          percent: progressUpdates.percent,
          completedAt: progressUpdates.completedAt,
          createdAt: progressUpdates.createdAt,
        })
        .from(progressUpdates)
        .where(and(eq(progressUpdates.assignmentId, a.id), ne(progressUpdates.state, "returned")))
        .orderBy(desc(progressUpdates.version), desc(progressUpdates.id))
        .limit(1);
      after = {
        percent: latest?.percent ?? 0,
        completedAt: latest?.completedAt ?? null,
        lastUpdateAt: latest?.createdAt ?? null,
        version: a.version + 1,
      };
      await tx
        .update(assignments)
        .set({ ...after, updatedAt: sql`now()` })
        .where(eq(assignments.id, a.id));
    }
    await appendAudit(tx, actor, {
      action: `progress.${decision}`,
      entity: "progress_update",
      entityId: updateId,
      before: { state: u.state, assignment: before },
      after: { state, note, assignment: after },
    });
    return {
      id: updateId,
      assignmentId: a.id,
      state,
      reviewedBy: actor.id,
      reviewedAt: reviewed.reviewedAt as string,
      reviewNote: note,
      assignment: after,
    };
  });
}
