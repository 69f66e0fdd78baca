// Evidence files (uploaded to an assignment, then cited by the update that reports on it) and the
// review of progress updates: a leader or monitor approves them or returns them with a reason.
import { type SQL, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { contentDisposition } from "../../domain/evidence.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { problemSchema } from "../http/problem.ts";
import { idParams, problems } from "../http/schemas.ts";
import { assertAssignmentInScope, orgInScope } from "../http/scope.ts";
import {
  type EvidenceUpload,
  evidenceFile,
  type ReviewDecision,
  reviewInputSchema,
  reviewProgress,
  storeEvidence,
} from "./service.ts";

const storedEvidenceSchema = z
  .object({
    fileId: z.number().int(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    sha256: z.string(),
  })
  .meta({ id: "StoredEvidence" });

const reviewResultSchema = z
  .object({
    id: z.number().int(),
    assignmentId: z.number().int(),
    state: z.enum(["approved", "returned"]),
    reviewedBy: z.number().int().nullable(),
    reviewedAt: z.string(),
    reviewNote: z.string().nullable(),
    assignment: z.object({
      percent: z.number(),
      completedAt: z.string().nullable(),
      lastUpdateAt: z.string().nullable(),
      version: z.number().int(),
    }),
  })
  .meta({ id: "ProgressReview" });

const fileParams = z.object({ fileId: idParams.shape.id });

/** The row (an evidence file or a progress update) exists and its assignment's body is in scope. */
async function assertInScopeVia(
  db: Db,
  p: Principal,
  entity: "evidence_file" | "progress_update",
  id: number,
  query: (ok: SQL) => SQL,
): Promise<void> {
  const [r] = await rows<{ ok: boolean }>(db, query(orgInScope(p, sql`a.organisation_id`)));
  if (!r) throw notFound(entity, id);
  if (!r.ok) throw new DomainError("api-out-of-scope", 403, { entity, id: String(id) });
}

/**
 * The one file part of a multipart request, read into memory under the upload limit. A broken or
 * boundary-less body is the client's fault (400), not the server's.
 */
async function oneFile(request: FastifyRequest, limitMb: number): Promise<EvidenceUpload> {
  let file: EvidenceUpload | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      if (file) throw new DomainError("evidence-one-file", 422);
      file = { name: part.filename, bytes: await part.toBuffer() };
    }
  } catch (e) {
    const err = e as { code?: string; statusCode?: number; message?: string };
    if (err.code === "FST_REQ_FILE_TOO_LARGE")
      throw new DomainError("api-payload-too-large", 413, { limit: `${limitMb} MB` });
    if (e instanceof DomainError || typeof err.statusCode === "number") throw e;
    throw new DomainError("api-bad-request", 400, { detail: err.message ?? "multipart" });
  }
  if (!file) throw new DomainError("evidence-missing", 422);
  return file;
}

export const progressRoutes: Routes = async (app, ctx) => {
  const uploadMaxMb = Number((ctx.config.security.uploadMaxBytes / (1024 * 1024)).toFixed(2));

  app.post(
    "/api/assignments/:id/evidence",
    {
      config: { access: "progress.write" },
      schema: {
        tags: ["progress"],
        summary:
          "Upload one evidence file (multipart/form-data: PDF, DOCX, XLSX, JPG, PNG or TXT) for an update to cite by its fileId",
        params: idParams,
        response: { 201: storedEvidenceSchema, 413: problemSchema, 415: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await assertAssignmentInScope(ctx.db, principal(request), id);
      const file = await oneFile(request, uploadMaxMb);
      const r = await storeEvidence(ctx.db, id, file, actorOf(request));
      return reply.code(201).send(r);
    },
  );

  app.get(
    "/api/evidence/:fileId",
    {
      config: { access: "read" },
      schema: {
        tags: ["progress"],
        summary: "Download an evidence file, under its own name (RFC 5987 for Vietnamese names)",
        params: fileParams,
        response: {
          200: z
            .custom<Buffer>((v) => Buffer.isBuffer(v))
            .meta({ type: "string", format: "binary", description: "The file as uploaded" }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { fileId } = request.params;
      await assertInScopeVia(
        ctx.db,
        principal(request),
        "evidence_file",
        fileId,
        (ok) => sql`select ${ok} as ok from evidence_files f join assignments a on a.id = f.assignment_id
          where f.id = ${fileId}`,
      );
      const f = await evidenceFile(ctx.db, fileId);
      return reply
        .header("content-type", f.contentType)
        .header("content-disposition", contentDisposition(f.name))
        .header("cache-control", "private, no-cache")
        .send(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
    },
  );

  const review = (decision: ReviewDecision, summary: string) =>
    app.post(
      `/api/progress/:id/${decision}`,
      {
        config: { access: "progress.review" },
        schema: {
          tags: ["progress"],
          summary,
          params: idParams,
          body: reviewInputSchema.optional(),
          response: { 200: reviewResultSchema, ...problems },
        },
      },
      async (request) => {
        const { id } = request.params;
        await assertInScopeVia(
          ctx.db,
          principal(request),
          "progress_update",
          id,
          (ok) => sql`select ${ok} as ok from progress_updates u join assignments a on a.id = u.assignment_id
            where u.id = ${id}`,
        );
        return reviewProgress(ctx.db, id, decision, request.body ?? {}, actorOf(request));
      },
    );
  review("approve", "Approve a submitted progress update (not one's own); {note} is optional");
  review(
    "return",
    "Return a submitted progress update with a reason {note}; the assignment takes back its figures from before it",
  );
};
