// Tasks and assignments: the scoped, filtered task list, one assignment with its updates, and
// progress updates guarded by If-Match.
import { eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { cachedRead } from "../../db/read-cache.ts";
import { assignments } from "../../db/schema/tasks.ts";
import { STATUSES } from "../../domain/status.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
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
import { assertAssignmentInScope, subtreeInScope } from "../http/scope.ts";
import { progressInputSchema, recordProgress } from "../progress/service.ts";
import { LEVELS } from "../rollups/filter.ts";
import {
  assignmentDetail,
  assignmentDetailSchema,
  progressUpdatesOf,
  reviewedUpdateSchema,
  taskDetail,
  taskDetailSchema,
} from "./detail.ts";
import { listTaskDocuments, listTasks, TASK_SORTS, taskListKey } from "./repository.ts";

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item).max(20));

/** What Fastify sends with the JSON it serialises, for the bytes the read cache sends itself. */
const JSON_TYPE = "application/json; charset=utf-8";

/** The filters the task list and the task tree's documents share. */
const taskFilterQuery = pageQuery.extend({
  organisationId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  documentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  level: z.enum(LEVELS).optional(),
  status: csv(z.enum(STATUSES)).optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  isKey: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
});

export const taskQuery = taskFilterQuery.extend({ sort: z.enum(TASK_SORTS).default("deadline") });

export const taskRowSchema = z
  .object({
    assignmentId: z.number().int(),
    taskId: z.number().int(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    documentTitle: z.string().nullable(),
    sectionPath: z.array(z.object({ id: z.number().int(), label: z.string(), heading: z.string() })),
    text: z.string(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    phrase: z.string(),
    role: z.string(),
    status: z.enum(STATUSES),
    percent: z.number(),
    deadlineDate: z.string().nullable(),
    recurrence: z.string().nullable(),
    isKey: z.boolean(),
    completedAt: z.string().nullable(),
    lastUpdateAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "TaskRow" });

const taskDocumentGroupSchema = z
  .object({
    documentId: z.number().int(),
    symbol: z.string().nullable(),
    title: z.string().nullable(),
    date: z.string().nullable(),
    counts: z.record(z.enum(STATUSES), z.number().int()),
    total: z.number().int(),
  })
  .meta({ id: "TaskDocumentGroup" });

export const taskRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/tasks/documents",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary:
          "The documents of the filtered assignments with their counts by status: the first level of the task tree",
        querystring: taskFilterQuery,
        response: {
          200: pageSchema(taskDocumentGroupSchema).extend({
            /** Assignments the filter keeps, across every document. */
            assignments: z.number().int(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const subtreePath = await subtreeInScope(ctx.db, p, q.organisationId);
      const r = await listTaskDocuments(ctx.db, p, q, ctx.today(), subtreePath);
      return { ...pageOf(r.items, r.total, q), assignments: r.assignments };
    },
  );

  app.get(
    "/api/tasks",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "Assignments in the user's scope, filtered, sorted and paginated",
        querystring: taskQuery,
        response: { 200: pageSchema(taskRowSchema), ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const q = request.query;
      const subtreePath = await subtreeInScope(ctx.db, p, q.organisationId);
      const today = ctx.today();
      const page = async () => {
        const r = await listTasks(ctx.db, p, q, today, subtreePath);
        return pageOf(r.items, r.total, q);
      };
      if (!ctx.config.readCache) return page();
      // the page as this route serialises it: a hit sends the same bytes without building them again
      const body = await cachedRead(
        ctx.db,
        taskListKey(p, q, today, subtreePath),
        // the zod serialiser (app.ts) makes JSON text
        async () => Buffer.from(reply.serialize(await page()) as string),
        (b) => b.length,
      );
      // bytes made by this route's serialiser (the response schema's type does not say bytes)
      return (reply as FastifyReply).type(JSON_TYPE).send(body);
    },
  );

  app.get(
    "/api/assignments/:id/progress",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "An assignment's progress updates, oldest first; the ETag is its version",
        params: idParams,
        response: { 200: z.array(reviewedUpdateSchema), ...problems },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await assertAssignmentInScope(ctx.db, principal(request), id);
      const [a] = await ctx.db
        .select({ version: assignments.version })
        .from(assignments)
        .where(eq(assignments.id, id));
      setVersion(reply, a?.version ?? 0);
      return (await progressUpdatesOf(ctx.db, id, { newestFirst: false })).items;
    },
  );

  app.post(
    "/api/assignments/:id/progress",
    {
      config: { access: "progress.write" },
      schema: {
        tags: ["tasks"],
        summary: "Report progress on an assignment; If-Match carries the version being updated",
        params: idParams,
        body: progressInputSchema,
        response: { 201: z.object({ updateId: z.number().int(), version: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const version = expectedVersion(request);
      await assertAssignmentInScope(ctx.db, principal(request), id);
      const r = await recordProgress(ctx.db, id, version, request.body, actorOf(request), ctx.today());
      setVersion(reply, r.version);
      return reply.code(201).send(r);
    },
  );

  app.get(
    "/api/tasks/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "A task with its document, section and deadline, and its assignments in the user's scope",
        params: idParams,
        response: { 200: taskDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const t = await taskDetail(ctx.db, principal(request), request.params.id, ctx.today());
      setVersion(reply, t.version);
      return t;
    },
  );

  app.get(
    "/api/assignments/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "An assignment with its status, latest updates and evidence files; the ETag is its version",
        params: idParams,
        response: { 200: assignmentDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await assertAssignmentInScope(ctx.db, principal(request), id);
      const a = await assignmentDetail(ctx.db, id, ctx.today());
      setVersion(reply, a.version);
      return a;
    },
  );
};
