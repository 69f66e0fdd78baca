// Review reports and table exports: ask for one (written at once for a small scope, 201; as a job
// for a large one or on request, 202 with its Location to poll), read its progress, download the
// file. An export is readable by whoever's scope holds every body it shows. The templates the
// reports follow are read and changed by administrators.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { pathInScope } from "../../domain/access.ts";
import { contentDisposition } from "../../domain/evidence.ts";
import { reportTemplateSchema, TEMPLATE_KEYS } from "../../domain/report-template.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { problemOf, problemSchema } from "../http/problem.ts";
import { expectedVersion, idParams, problems, setVersion } from "../http/schemas.ts";
import { documentInScope } from "../http/scope.ts";
import { createExport, exportInputSchema } from "./service.ts";
import { EXPORT_FORMATS, EXPORT_TABLES, REVIEWS } from "./source.ts";
import { EXPORT_STAGES, EXPORT_STATES, exportById, exportFile, type StoredProblem } from "./store.ts";
import { listTemplates, saveTemplate } from "./templates.ts";

const id = z.number().int();

export const reportExportSchema = z
  .object({
    id,
    state: z.enum(EXPORT_STATES),
    stage: z.enum(EXPORT_STAGES),
    percent: id,
    format: z.enum(EXPORT_FORMATS),
    documentId: id.nullable(),
    organisationId: id.nullable(),
    period: z.string(),
    review: z.enum(REVIEWS),
    table: z.enum(EXPORT_TABLES).nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: id.nullable(),
    /** Where to download the file once the state is done. */
    fileUrl: z.string().nullable(),
    problem: problemSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ReportExport" });

const templateViewSchema = z
  .object({
    key: z.enum(TEMPLATE_KEYS),
    template: reportTemplateSchema,
    version: id,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "ReportTemplateView" });

type ExportView = NonNullable<Awaited<ReturnType<typeof exportById>>>;

/** The export, if every body it shows lies in the caller's scope (404 unknown, 403 outside). */
async function readableExport(db: Db, p: Principal, exportId: number): Promise<ExportView> {
  const row = await exportById(db, exportId);
  if (!row) throw notFound("report_export", exportId);
  let ok = p.scopePath === null || (row.scopePath !== null && pathInScope(p.scopePath, row.scopePath));
  if (ok && row.documentId !== null && p.scopePath !== null) {
    const [r] = await rows<{ ok: boolean }>(
      db,
      sql`select ${documentInScope(p, sql`d.id`)} as ok from documents d where d.id = ${row.documentId}`,
    );
    ok = r?.ok === true;
  }
  if (!ok) throw new DomainError("api-out-of-scope", 403, { entity: "report_export", id: String(exportId) });
  return row;
}

export const reportExportRoutes: Routes = async (app, ctx) => {
  const view = (request: Parameters<typeof problemOf>[1], row: ExportView) => {
    const req = row.request as {
      documentId: number | null;
      organisationId: number | null;
      period: string;
      review: (typeof REVIEWS)[number];
      table: (typeof EXPORT_TABLES)[number] | null;
    };
    const stored = row.problem as StoredProblem | null;
    return {
      id: row.id,
      state: row.state as (typeof EXPORT_STATES)[number],
      stage: row.stage as (typeof EXPORT_STAGES)[number],
      percent: row.percent,
      format: row.format as (typeof EXPORT_FORMATS)[number],
      documentId: req.documentId,
      organisationId: req.organisationId,
      period: req.period,
      review: req.review,
      table: req.table,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      fileUrl: row.state === "done" ? `/api/reports/exports/${row.id}/file` : null,
      problem: stored ? problemOf(new DomainError(stored.code, stored.status, stored.params), request) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  app.post(
    "/api/reports/exports",
    {
      config: { access: "read" },
      schema: {
        tags: ["reports"],
        summary:
          "Export a review report (DOCX) or its tables (XLSX, CSV) for a document or a body's subtree over a period: written at once (201) or as a job to poll (202)",
        body: exportInputSchema,
        response: { 201: reportExportSchema, 202: reportExportSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const r = await createExport(ctx, p, request.body, actorOf(request));
      const row = await readableExport(ctx.db, p, r.id);
      if (r.queued) reply.code(202).header("location", `/api/reports/exports/${r.id}`);
      else reply.code(201);
      return reply.send(view(request, row));
    },
  );

  app.get(
    "/api/reports/exports/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["reports"],
        summary:
          "An export: state, stage and percent while it is written, then its file's address or its problem",
        params: idParams,
        response: { 200: reportExportSchema, ...problems },
      },
    },
    async (request) => view(request, await readableExport(ctx.db, principal(request), request.params.id)),
  );

  app.get(
    "/api/reports/exports/:id/file",
    {
      config: { access: "read" },
      schema: {
        tags: ["reports"],
        summary: "The exported file (DOCX, XLSX or CSV), once the export is done",
        params: idParams,
        response: {
          200: z
            .custom<Buffer>((v) => Buffer.isBuffer(v))
            .meta({ type: "string", format: "binary", description: "The DOCX, XLSX or CSV file" }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const row = await readableExport(ctx.db, principal(request), request.params.id);
      if (row.state !== "done")
        throw new DomainError("report-export-not-ready", 409, { id: row.id, state: row.state });
      const bytes = await exportFile(ctx.db, row.id);
      if (!bytes) throw notFound("report_export", row.id);
      return reply
        .type(row.contentType)
        .header("content-disposition", contentDisposition(row.fileName))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    "/api/report-templates",
    {
      config: { access: "template.manage" },
      schema: {
        tags: ["reports"],
        summary:
          "The review report templates (Party, State): headings, opening, directions, recipients, signer",
        response: { 200: z.array(templateViewSchema), ...problems },
      },
    },
    async () => listTemplates(ctx.db),
  );

  app.put(
    "/api/report-templates/:key",
    {
      config: { access: "template.manage" },
      schema: {
        tags: ["reports"],
        summary: "Replace a template; If-Match carries its version (0 while it is the one shipped)",
        params: z.object({ key: z.enum(TEMPLATE_KEYS) }),
        body: reportTemplateSchema,
        response: { 200: templateViewSchema, ...problems },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const saved = await saveTemplate(ctx.db, request.params.key, request.body, version, actorOf(request));
      setVersion(reply, saved.version);
      return saved;
    },
  );
};
