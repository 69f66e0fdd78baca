// Documents: upload and import in the background with progress, the scoped list, one document with
// its draft (fields, warnings, sections, proposed tasks, indicators, links, parent suggestions), the
// review of a draft, publishing, the source file as uploaded and the lineage tree.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { cleanFileName, contentDisposition, extensionOf } from "../../domain/evidence.ts";
import { DOCUMENT_TYPES, signerSchema } from "../../parser/schema.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { problemOf, problemSchema } from "../http/problem.ts";
import {
  expectedVersion,
  idParams,
  isoDate,
  pageOf,
  pageQuery,
  pageSchema,
  problems,
  setVersion,
} from "../http/schemas.ts";
import { assertDocumentInScope, assertOrganisationInScope, documentInScope } from "../http/scope.ts";
import {
  createImport,
  IMPORT_EXTENSIONS,
  IMPORT_STAGES,
  IMPORT_STATES,
  type ImportOutcome,
  importById,
  importRunner,
  type StoredProblem,
} from "./imports.ts";
import { documentLineage, type LineageNode } from "./lineage.ts";
import {
  assignmentsOfTasks,
  DOCUMENT_SORTS,
  documentById,
  documentSource,
  indicatorsOfDocument,
  linksOfDocument,
  listDocuments,
  type SectionRow,
  sectionsOfDocument,
  suggestionsOfDocument,
  tasksOfDocument,
} from "./repository.ts";
import { draftEditSchema, editDraft, rejectDraft, reviewDraft, reviewSchema } from "./review.ts";
import { publishDocument } from "./service.ts";

const id = z.number().int();
const DOCUMENT_STATUSES = ["imported", "reviewed", "published", "rejected"] as const;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item).max(20));

export const documentQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  /** Rejected drafts are listed only when asked for. */
  status: csv(z.enum(DOCUMENT_STATUSES)).optional(),
  type: csv(z.enum(DOCUMENT_TYPES)).optional(),
  system: z.enum(["party", "state"]).optional(),
  issuerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  sort: z.enum(DOCUMENT_SORTS).default("-date"),
});

/** What a document is, in the list and in its detail alike. */
const documentFields = z.object({
  id,
  version: id,
  status: z.enum(DOCUMENT_STATUSES),
  system: z.string().nullable(),
  type: z.string(),
  symbol: z.string().nullable(),
  title: z.string().nullable(),
  issuerId: id.nullable(),
  issuerName: z.string().nullable(),
  date: z.string().nullable(),
  createdAt: z.string(),
});

export const documentRowSchema = documentFields
  .extend({
    issuerLevel: z.string().nullable(),
    tasks: id,
    assignments: id,
  })
  .meta({ id: "DocumentRow" });

interface SectionNode {
  id: number;
  label: string;
  heading: string;
  text: string;
  children: SectionNode[];
}

const sectionSchema: z.ZodType<SectionNode> = z
  .object({
    id,
    label: z.string(),
    heading: z.string(),
    text: z.string(),
    get children() {
      return z.array(sectionSchema);
    },
  })
  .meta({ id: "DocumentSection" });

const reviewState = z.enum(["proposed", "accepted", "rejected"]);
/** Start and end offsets in sourceText, so that the review can show where an item was read. */
const span = z.object({ start: id, end: id }).nullable();

export const documentDetailSchema = documentFields
  .extend({
    number: z.string().nullable(),
    issuerParent: z.string().nullable(),
    place: z.string().nullable(),
    recipients: z.array(z.string()),
    distribution: z.array(z.string()),
    signer: signerSchema,
    preamble: z.string().nullable(),
    source: z.object({ name: z.string(), format: z.string(), sha256: z.string() }),
    /** The text the parser read (NFC); null for documents imported before it was kept. */
    sourceText: z.string().nullable(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    /** What the parser and the reader could not settle, for the reviewer. */
    warnings: z.array(z.object({ code: z.string(), message: z.string(), span })),
    sections: z.array(sectionSchema),
    tasks: z.array(
      z.object({
        id,
        sectionId: id.nullable(),
        text: z.string(),
        expectedOutput: z.string().nullable(),
        isKey: z.boolean(),
        deadlineDate: z.string().nullable(),
        recurrence: z.string().nullable(),
        deadlineText: z.string().nullable(),
        reviewState,
        parentTaskId: id.nullable(),
        version: id,
        span,
        assignments: z.array(
          z.object({
            id,
            organisationId: id.nullable(),
            organisation: z.string().nullable(),
            phrase: z.string(),
            role: z.string(),
            resolution: z.string(),
            transferredToId: id.nullable(),
            version: id,
          }),
        ),
        /** Tasks of the parent document this one may concretize, by text similarity. */
        suggestions: z.array(
          z.object({
            parentTaskId: id,
            parentDocumentId: id,
            parentText: z.string(),
            score: z.number(),
            state: reviewState,
          }),
        ),
      }),
    ),
    indicators: z.array(
      z.object({
        id,
        name: z.string(),
        text: z.string(),
        kind: z.string(),
        unit: z.string().nullable(),
        targetValue: z.number().nullable(),
        targetLow: z.number().nullable(),
        targetHigh: z.number().nullable(),
        targetYear: id.nullable(),
        baselineValue: z.number().nullable(),
        baselineYear: id.nullable(),
        reviewState,
        span,
      }),
    ),
    links: z.array(
      z.object({
        id,
        relation: z.string(),
        symbol: z.string(),
        date: z.string().nullable(),
        type: z.string().nullable(),
        issuer: z.string().nullable(),
        documentId: id.nullable(),
        reviewState,
        span,
      }),
    ),
  })
  .meta({ id: "Document" });

const importOutcomeSchema = z.object({
  documentId: id,
  symbol: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string(),
  counts: z.object({ sections: id, tasks: id, assignments: id, indicators: id }),
  unresolved: z.array(z.string()),
  groups: z.array(z.string()),
  links: z.array(z.object({ symbol: z.string(), relation: z.string(), documentId: id.nullable() })),
  suggestions: id,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  stages: z.array(z.object({ stage: z.enum(IMPORT_STAGES), percent: id, ms: id })),
});

export const documentImportSchema = z
  .object({
    id,
    state: z.enum(IMPORT_STATES),
    stage: z.enum(IMPORT_STAGES),
    percent: id,
    fileName: z.string(),
    size: id,
    documentId: id.nullable(),
    result: importOutcomeSchema.nullable(),
    problem: problemSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "DocumentImport" });

const coverageSchema = z
  .object({ parentTasks: id, covered: id, rate: z.number().nullable(), suggested: id })
  .meta({ id: "LineageCoverage" });

const lineageNodeSchema: z.ZodType<LineageNode> = z
  .object({
    id: id.nullable(),
    symbol: z.string().nullable(),
    type: z.string().nullable(),
    title: z.string().nullable(),
    issuer: z.string().nullable(),
    issuerId: id.nullable(),
    level: z.string().nullable(),
    date: z.string().nullable(),
    status: z.string().nullable(),
    imported: z.boolean(),
    inScope: z.boolean(),
    coverage: coverageSchema.nullable(),
    get children() {
      return z.array(lineageNodeSchema);
    },
  })
  .meta({ id: "LineageNode" });

const versionSchema = z.object({ id, version: id }).meta({ id: "DocumentVersion" });

/** Sections as the document nests them; a section whose parent is missing stands at the top. */
function sectionTree(list: SectionRow[]): SectionNode[] {
  const nodes = new Map<number, SectionNode>(
    list.map((s) => [s.id, { id: s.id, label: s.label, heading: s.heading, text: s.text, children: [] }]),
  );
  const roots: SectionNode[] = [];
  for (const s of list) {
    const parent = s.parentId === null ? undefined : nodes.get(s.parentId);
    (parent ? parent.children : roots).push(nodes.get(s.id) as SectionNode);
  }
  return roots;
}

export const documentRoutes: Routes = async (app, ctx) => {
  const runner = importRunner(ctx.db, app.log, ctx.config.jobs.importConcurrency);
  app.addHook("onClose", () => runner.close());

  app.post(
    "/api/documents/imports",
    {
      config: { access: "document.import" },
      schema: {
        tags: ["documents"],
        summary:
          "Upload one document (multipart field `file`: .txt, .md, .docx, .pdf, .png, .jpg) to import as a draft in the background; poll the import it answers with",
        consumes: ["multipart/form-data"],
        response: {
          202: z.object({ importId: id, state: z.literal("queued") }).meta({ id: "ImportAccepted" }),
          413: problemSchema,
          415: problemSchema,
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      if (!request.isMultipart())
        throw new DomainError("api-unsupported-media-type", 415, {
          type: String(request.headers["content-type"] ?? "?").slice(0, 100),
        });
      const part = await request.file();
      if (!part) throw new DomainError("document-import-no-file", 400);
      const name = cleanFileName(part.filename ?? "");
      if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name))) {
        part.file.resume();
        throw new DomainError("document-import-type", 415, { name: name || "?" });
      }
      // past the upload limit this throws, answered 413 with the limit
      const bytes = await part.toBuffer();
      const importId = await createImport(ctx.db, {
        fileName: name,
        size: bytes.length,
        createdBy: p.userId,
        owner: ctx.instance ?? null,
      });
      runner.enqueue({ id: importId, bytes: new Uint8Array(bytes), name, actor: actorOf(request) });
      return reply
        .code(202)
        .header("location", `/api/documents/imports/${importId}`)
        .send({ importId, state: "queued" as const });
    },
  );

  app.get(
    "/api/documents/imports/:id",
    {
      config: { access: "document.import" },
      schema: {
        tags: ["documents"],
        summary: "An upload's import: state, stage and percent, then the document made or the problem met",
        params: idParams,
        response: { 200: documentImportSchema, ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const row = await importById(ctx.db, request.params.id);
      if (!row) throw notFound("import", request.params.id);
      if (row.createdBy !== p.userId && p.role !== "admin")
        throw new DomainError("api-out-of-scope", 403, { entity: "import", id: String(row.id) });
      const stored = row.problem as StoredProblem | null;
      return {
        id: row.id,
        state: row.state as (typeof IMPORT_STATES)[number],
        stage: row.stage as (typeof IMPORT_STAGES)[number],
        percent: row.percent,
        fileName: row.fileName,
        size: row.size,
        documentId: row.documentId,
        result: row.result as ImportOutcome | null,
        problem: stored
          ? problemOf(new DomainError(stored.code, stored.status, stored.params), request)
          : null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    },
  );

  app.get(
    "/api/documents",
    {
      config: { access: "read" },
      schema: {
        tags: ["documents"],
        summary:
          "Documents that concern the user's scope, filtered (search with or without diacritics), sorted and paginated",
        querystring: documentQuery,
        response: { 200: pageSchema(documentRowSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.issuerId !== undefined) await assertOrganisationInScope(ctx.db, p, q.issuerId);
      const r = await listDocuments(ctx.db, documentInScope(p, sql`d.id`), {
        ...q,
        status: q.status?.length ? q.status : ["imported", "reviewed", "published"],
      });
      return pageOf(
        r.items.map((d) => ({ ...d, status: d.status as (typeof DOCUMENT_STATUSES)[number] })),
        r.total,
        q,
      );
    },
  );

  app.get(
    "/api/documents/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["documents"],
        summary:
          "One document with its draft: fields, warnings, sections, tasks, indicators, links; the ETag is its version",
        params: idParams,
        response: { 200: documentDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      await assertDocumentInScope(ctx.db, principal(request), documentId);
      const doc = await documentById(ctx.db, documentId);
      if (!doc) throw notFound("document", documentId);
      const [sections, taskRows, assignmentRows, suggestionRows, indicatorRows, links] = await Promise.all([
        sectionsOfDocument(ctx.db, documentId),
        tasksOfDocument(ctx.db, documentId),
        assignmentsOfTasks(ctx.db, documentId),
        suggestionsOfDocument(ctx.db, documentId),
        indicatorsOfDocument(ctx.db, documentId),
        linksOfDocument(ctx.db, documentId),
      ]);
      const parsed = doc.parsed as {
        warnings?: { code: string; message: string; span?: [number, number] }[];
        references?: { symbol: string; span: [number, number] }[];
        sourceText?: string;
      };
      const spanOf = (start: number | null | undefined, end: number | null | undefined) =>
        start === null || start === undefined || end === null || end === undefined ? null : { start, end };
      setVersion(reply, doc.version);
      const state = (s: string) => s as z.infer<typeof reviewState>;
      return {
        id: doc.id,
        version: doc.version,
        status: doc.status as (typeof DOCUMENT_STATUSES)[number],
        system: doc.system,
        type: doc.type,
        symbol: doc.symbol,
        number: doc.number,
        issuerId: doc.issuerId,
        issuerName: doc.issuerName,
        issuerParent: doc.issuerParent,
        place: doc.place,
        date: doc.date,
        title: doc.title,
        recipients: doc.recipients,
        distribution: doc.distribution,
        signer: (doc.signer ?? null) as z.infer<typeof signerSchema>,
        preamble: doc.preamble,
        source: { name: doc.sourceName, format: doc.sourceFormat, sha256: doc.sourceSha256 },
        sourceText: parsed.sourceText ?? null,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
        publishedAt: doc.publishedAt,
        warnings: (parsed.warnings ?? []).map((w) => ({
          code: w.code,
          message: w.message,
          span: spanOf(w.span?.[0], w.span?.[1]),
        })),
        sections: sectionTree(sections),
        tasks: taskRows.map(({ spanStart, spanEnd, ...t }) => ({
          ...t,
          span: spanOf(spanStart, spanEnd),
          reviewState: state(t.reviewState),
          assignments: assignmentRows.filter((a) => a.taskId === t.id).map(({ taskId: _t, ...a }) => a),
          suggestions: suggestionRows
            .filter((s) => s.taskId === t.id)
            .map(({ taskId: _t, ...s }) => ({ ...s, score: Number(s.score), state: state(s.state) })),
        })),
        indicators: indicatorRows.map((i) => ({
          id: i.id,
          name: i.name,
          text: i.text,
          kind: i.kind,
          unit: i.unit,
          targetValue: i.targetValue,
          targetLow: i.targetLow,
          targetHigh: i.targetHigh,
          targetYear: i.targetYear,
          baselineValue: i.baselineValue,
          baselineYear: i.baselineYear,
          reviewState: state(i.reviewState),
          span: spanOf(i.spanStart, i.spanEnd),
        })),
        links: links.map((l) => {
          const read = parsed.references?.find((r) => r.symbol === l.symbol)?.span;
          return { ...l, reviewState: state(l.reviewState), span: spanOf(read?.[0], read?.[1]) };
        }),
      };
    },
  );

  app.patch(
    "/api/documents/:id",
    {
      config: { access: "document.review" },
      schema: {
        tags: ["documents"],
        summary: "Correct the extracted fields of a draft; If-Match carries the document's version",
        params: idParams,
        body: draftEditSchema,
        response: { 200: versionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      const version = expectedVersion(request);
      await assertDocumentInScope(ctx.db, principal(request), documentId);
      const r = await editDraft(ctx.db, documentId, version, request.body, actorOf(request));
      setVersion(reply, r.version);
      return { id: documentId, version: r.version };
    },
  );

  app.post(
    "/api/documents/:id/review",
    {
      config: { access: "document.review" },
      schema: {
        tags: ["documents"],
        summary:
          "Decide on a draft's proposed tasks, indicators, links and parent suggestions, and map phrases to organisations: all or nothing, If-Match",
        params: idParams,
        body: reviewSchema,
        response: {
          200: z.object({ id, version: id, changed: id }).meta({ id: "ReviewOutcome" }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      const version = expectedVersion(request);
      const p = principal(request);
      await assertDocumentInScope(ctx.db, p, documentId);
      // work goes only to bodies the reviewer answers for
      for (const organisationId of new Set(request.body.mappings.map((m) => m.organisationId)))
        await assertOrganisationInScope(ctx.db, p, organisationId);
      const r = await reviewDraft(ctx.db, documentId, version, request.body, actorOf(request), ctx.today());
      setVersion(reply, r.version);
      return { id: documentId, ...r };
    },
  );

  app.post(
    "/api/documents/:id/publish",
    {
      config: { access: "document.publish" },
      schema: {
        tags: ["documents"],
        summary: "Publish a draft: what review left proposed is accepted; If-Match carries the version",
        params: idParams,
        response: { 200: versionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      const version = expectedVersion(request);
      await assertDocumentInScope(ctx.db, principal(request), documentId);
      await publishDocument(ctx.db, documentId, version, actorOf(request));
      setVersion(reply, version + 1);
      return { id: documentId, version: version + 1 };
    },
  );

  app.post(
    "/api/documents/:id/reject",
    {
      config: { access: "document.review" },
      schema: {
        tags: ["documents"],
        summary:
          "Throw a draft away (kept for the record; its symbol and file may be imported again), If-Match",
        params: idParams,
        response: { 200: versionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      const version = expectedVersion(request);
      await assertDocumentInScope(ctx.db, principal(request), documentId);
      const r = await rejectDraft(ctx.db, documentId, version, actorOf(request));
      setVersion(reply, r.version);
      return { id: documentId, version: r.version };
    },
  );

  app.get(
    "/api/documents/:id/source",
    {
      config: { access: "read" },
      schema: {
        tags: ["documents"],
        summary: "The file as uploaded, under its own name (RFC 5987 for Vietnamese names)",
        params: idParams,
        response: {
          200: z
            .custom<Buffer>((v) => Buffer.isBuffer(v))
            .meta({ type: "string", format: "binary", description: "The file as uploaded" }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const documentId = request.params.id;
      await assertDocumentInScope(ctx.db, principal(request), documentId);
      const f = await documentSource(ctx.db, documentId);
      if (!f) throw notFound("document", documentId);
      return reply
        .header("content-type", f.contentType)
        .header("content-disposition", contentDisposition(f.name))
        .header("cache-control", "private, no-cache")
        .send(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
    },
  );

  app.get(
    "/api/documents/:id/lineage",
    {
      config: { access: "read" },
      schema: {
        tags: ["documents"],
        summary:
          "What the document carries out, up to the top, and the documents carrying it out, down the levels, each with its coverage of its parent's tasks",
        params: idParams,
        response: {
          200: z
            .object({ document: lineageNodeSchema, ancestors: z.array(lineageNodeSchema) })
            .meta({ id: "Lineage" }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = principal(request);
      const documentId = request.params.id;
      await assertDocumentInScope(ctx.db, p, documentId);
      return documentLineage(ctx.db, documentId, (x) => documentInScope(p, x));
    },
  );
};
