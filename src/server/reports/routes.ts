// Reporting cycles (kỳ báo cáo) with the bodies that owe reports and their completeness matrix, and
// the reports bodies submit.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { idParams, pageOf, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { assertDocumentInScope, assertOrganisationInScope } from "../http/scope.ts";
import { bodyFilter } from "../rollups/filter.ts";
import { completenessOut, cycleCompletenessSchema } from "./completeness.ts";
import {
  assertCycleInScope,
  bodiesOfCycle,
  CYCLE_SORTS,
  completenessOf,
  cycleById,
  listCycles,
  listReports,
  REPORT_SORTS,
  reportInScope,
} from "./repository.ts";
import { reportInputSchema, submitReport } from "./service.ts";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const withRows = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .default(false);

export const cycleSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int().nullable(),
    documentSymbol: z.string().nullable(),
    taskId: z.number().int().nullable(),
    name: z.string(),
    frequency: z.string(),
    dueDay: z.number().int(),
    dueMonthOfPeriod: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    reviewState: z.string(),
    version: z.number().int(),
    bodiesInScope: z.number().int(),
    bodiesTotal: z.number().int(),
  })
  .meta({ id: "ReportingCycle" });

export const cycleDetailSchema = cycleSchema
  .extend({
    /** The bodies owing reports, those in the user's scope. */
    bodies: z.array(
      z.object({
        organisationId: z.number().int(),
        name: z.string(),
        level: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ReportingCycleDetail" });

export const reportRowSchema = z
  .object({
    id: z.number().int(),
    cycleId: z.number().int(),
    cycleName: z.string(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    period: z.string(),
    submittedAt: z.string(),
    state: z.string(),
    authorId: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "ReportRow" });

export const reportSchema = reportRowSchema
  .extend({ content: z.string(), difficulties: z.string().nullable(), proposals: z.string().nullable() })
  .meta({ id: "Report" });

export const reportRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/reporting-cycles",
    {
      config: { access: "read" },
      schema: {
        tags: ["reporting"],
        summary: "Reporting cycles that concern the user's scope, by document or sorted",
        querystring: pageQuery.extend({
          documentId: id.optional(),
          sort: z.enum(CYCLE_SORTS).default("document"),
        }),
        response: { 200: pageSchema(cycleSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.documentId !== undefined) await assertDocumentInScope(ctx.db, p, q.documentId);
      const r = await listCycles(ctx.db, p, await bodyFilter(ctx.db, p, undefined, undefined), q);
      return pageOf(r.items, r.total, q);
    },
  );

  app.get(
    "/api/reporting-cycles/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["reporting"],
        summary: "One reporting cycle with the bodies of the user's scope that owe reports",
        params: idParams,
        response: { 200: cycleDetailSchema, ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const { id } = request.params;
      await assertCycleInScope(ctx.db, p, id);
      const bodies = await bodyFilter(ctx.db, p, undefined, undefined);
      return { ...(await cycleById(ctx.db, id, bodies)), bodies: await bodiesOfCycle(ctx.db, id, bodies) };
    },
  );

  app.get(
    "/api/reporting-cycles/:id/completeness",
    {
      config: { access: "read" },
      schema: {
        tags: ["reporting"],
        summary:
          "Body × period matrix: submitted on time, late, missing, not yet due; rows=true adds the reports",
        params: idParams,
        querystring: z.object({ organisationId: id.optional(), rows: withRows }),
        response: { 200: cycleCompletenessSchema, ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const { id } = request.params;
      await assertCycleInScope(ctx.db, p, id);
      const bodies = await bodyFilter(ctx.db, p, request.query.organisationId, undefined);
      const [c] = await completenessOf(ctx.db, sql`c.id = ${id}`, bodies, ctx.today());
      // completenessOf knows the four frequencies cycles are created with; no other can be judged
      if (!c) throw notFound("reporting_cycle", id);
      return completenessOut(c, request.query.rows);
    },
  );

  app.post(
    "/api/reports",
    {
      config: { access: "report.submit" },
      schema: {
        tags: ["reporting"],
        summary:
          "Submit a body's report for a period of a cycle it owes; a second report for the period is 409",
        body: reportInputSchema,
        response: { 201: z.object({ id: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      await assertOrganisationInScope(ctx.db, principal(request), request.body.organisationId);
      const reportId = await submitReport(ctx.db, request.body, actorOf(request));
      return reply.code(201).send({ id: reportId });
    },
  );

  app.get(
    "/api/reports",
    {
      config: { access: "read" },
      schema: {
        tags: ["reporting"],
        summary:
          "Reports of the user's bodies, newest first or sorted, by cycle, organisation subtree and period",
        querystring: pageQuery.extend({
          cycleId: id.optional(),
          organisationId: id.optional(),
          period: z.string().max(10).optional(),
          sort: z.enum(REPORT_SORTS).default("-submittedAt"),
        }),
        response: { 200: pageSchema(reportRowSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.cycleId !== undefined) await assertCycleInScope(ctx.db, p, q.cycleId);
      const r = await listReports(ctx.db, await bodyFilter(ctx.db, p, q.organisationId, undefined), q);
      return pageOf(r.items, r.total, q);
    },
  );

  app.get(
    "/api/reports/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["reporting"],
        summary: "One report with its content, difficulties and proposals",
        params: idParams,
        response: { 200: reportSchema, ...problems },
      },
    },
    async (request) => reportInScope(ctx.db, principal(request), request.params.id),
  );
};
