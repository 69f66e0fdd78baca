// Dashboard figures for the user's scope, narrowed by document, organisation subtree and level:
// assignment statuses (with bodies ranked by completion), indicator grades, dissemination and
// concretization coverage, reporting completeness and the deadlines ahead. Every figure takes
// rows=true and then also returns the rows it counted.
import { type SQL, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { STATUSES } from "../../domain/status.ts";
import { ASSESSMENT_STATUSES } from "../../domain/trajectory.ts";
import { principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { problems } from "../http/schemas.ts";
import { assertDocumentInScope, documentInScope } from "../http/scope.ts";
import { completenessOut, cycleCompletenessSchema, ratesSchema } from "../reports/completeness.ts";
import { completenessOf, cycleInScope, totalRates } from "../reports/repository.ts";
import { coverageFigure, deadlineFigure, indicatorFigure, statusFigure } from "./figures.ts";
import { bodyFilter, figureQuery, LEVELS } from "./filter.ts";

const countsOf = <T extends readonly string[]>(names: T) =>
  z.object({
    ...(Object.fromEntries(names.map((s) => [s, z.number().int()])) as Record<T[number], z.ZodNumber>),
    total: z.number().int(),
  });

const filterSchema = z.object({
  documentId: z.number().int().nullable(),
  organisationId: z.number().int().nullable(),
  level: z.enum(LEVELS).nullable(),
});

const shareSchema = z
  .object({
    formula: z.enum(["share_done_of_due", "share_done_on_time"]),
    value: z.number().nullable(),
    numerator: z.number().int(),
    denominator: z.number().int(),
  })
  .meta({
    id: "Share",
    description:
      "share_done_of_due = (done_on_time + done_late) ÷ (done_on_time + done_late + overdue); share_done_on_time = done_on_time ÷ the same",
  });

const statusCountsSchema = countsOf(STATUSES).meta({ id: "StatusCounts" });

export const statusFigureSchema = z
  .object({
    today: z.string(),
    filter: filterSchema,
    counts: statusCountsSchema,
    completion: shareSchema,
    onTime: shareSchema,
    /** Bodies with assignments in all; byOrganisation holds the first `limit` of them. */
    organisations: z.number().int(),
    byOrganisation: z.array(
      z.object({
        organisationId: z.number().int().nullable(),
        name: z.string().nullable(),
        level: z.string().nullable(),
        counts: statusCountsSchema,
        completion: shareSchema,
        onTime: shareSchema,
      }),
    ),
    rows: z
      .array(
        z.object({
          assignmentId: z.number().int(),
          organisationId: z.number().int().nullable(),
          documentId: z.number().int(),
          status: z.enum(STATUSES),
        }),
      )
      .optional(),
  })
  .meta({ id: "StatusFigure" });

const gradeCountsSchema = countsOf(ASSESSMENT_STATUSES).meta({ id: "GradeCounts" });
const outcomeSchema = z
  .object({
    formula: z.literal("share_on_track"),
    value: z.number().nullable(),
    numerator: z.number().int(),
    denominator: z.number().int(),
  })
  .meta({
    id: "OutcomeShare",
    description:
      "(achieved + on_track) ÷ (total − insufficient_data): indicators without enough data are left out",
  });

export const indicatorFigureSchema = z
  .object({
    filter: filterSchema,
    counts: gradeCountsSchema,
    outcome: outcomeSchema,
    byIndicator: z.array(
      z.object({
        indicatorId: z.number().int(),
        documentId: z.number().int(),
        name: z.string(),
        unit: z.string().nullable(),
        counts: gradeCountsSchema,
        outcome: outcomeSchema,
      }),
    ),
    rows: z
      .array(
        z.object({
          indicatorId: z.number().int(),
          organisationId: z.number().int(),
          period: z.string(),
          value: z.number(),
          status: z.enum(ASSESSMENT_STATUSES),
        }),
      )
      .optional(),
  })
  .meta({ id: "IndicatorFigure" });

const coverageCountsSchema = z
  .object({
    required: z.number().int(),
    covered: z.number().int(),
    missing: z.number().int(),
    rate: z.number().nullable(),
    unrequired: z.number().int(),
  })
  .meta({
    id: "CoverageCounts",
    description: "rate = covered ÷ required; unrequired bodies are shown, not counted",
  });
const taskCoverageSchema = z
  .object({
    parents: z.number().int(),
    covered: z.number().int(),
    uncovered: z.number().int(),
    rate: z.number().nullable(),
    unlinked: z.number().int(),
  })
  .meta({
    id: "TaskCoverageCounts",
    description: "rate = parent tasks a child task concretizes ÷ parent tasks",
  });
const bodyCoverageRowSchema = z.object({
  documentId: z.number().int(),
  organisationId: z.number().int(),
  required: z.boolean(),
  covered: z.boolean(),
  first: z.string().nullable(),
  refs: z.array(z.number().int()),
});

export const coverageFigureSchema = z
  .object({
    today: z.string(),
    filter: filterSchema,
    dissemination: coverageCountsSchema,
    concretization: coverageCountsSchema,
    tasks: taskCoverageSchema,
    byDocument: z.array(
      z.object({
        documentId: z.number().int(),
        symbol: z.string().nullable(),
        title: z.string().nullable(),
        dissemination: coverageCountsSchema,
        concretization: coverageCountsSchema,
        tasks: taskCoverageSchema,
      }),
    ),
    rows: z
      .object({
        dissemination: z.array(bodyCoverageRowSchema),
        concretization: z.array(bodyCoverageRowSchema),
        tasks: z.array(
          z.object({
            documentId: z.number().int(),
            parentTaskId: z.number().int(),
            childTaskIds: z.array(z.number().int()),
          }),
        ),
      })
      .optional(),
  })
  .meta({ id: "CoverageFigure" });

export const completenessFigureSchema = z
  .object({
    today: z.string(),
    filter: filterSchema,
    totals: ratesSchema,
    cycles: z.array(cycleCompletenessSchema),
  })
  .meta({ id: "CompletenessFigure" });

const deadlineRowSchema = z
  .object({
    assignmentId: z.number().int(),
    taskId: z.number().int(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    text: z.string(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    role: z.string(),
    status: z.enum(STATUSES),
    recurrence: z.string().nullable(),
    due: z.string(),
    days: z.number().int(),
  })
  .meta({ id: "DeadlineRow" });

export const deadlineFigureSchema = z
  .object({
    today: z.string(),
    filter: filterSchema,
    days: z.number().int(),
    until: z.string(),
    counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int() }),
    overdue: z.array(deadlineRowSchema),
    dueSoon: z.array(deadlineRowSchema),
    rows: z
      .array(
        z.object({
          assignmentId: z.number().int(),
          status: z.enum(STATUSES),
          due: z.string(),
          list: z.enum(["overdue", "due_soon"]),
        }),
      )
      .optional(),
  })
  .meta({ id: "DeadlineFigure" });

type FigureQuery = z.output<typeof figureQuery>;

const filterOf = (q: FigureQuery) => ({
  documentId: q.documentId ?? null,
  organisationId: q.organisationId ?? null,
  level: q.level ?? null,
});

export const rollupRoutes: Routes = async (app, ctx) => {
  /** The body filter of a figure's query; a document or organisation outside the scope is 403. */
  const filterFor = async (request: FastifyRequest, q: FigureQuery) => {
    const p = principal(request);
    if (q.documentId !== undefined) await assertDocumentInScope(ctx.db, p, q.documentId);
    return { p, q, bodies: await bodyFilter(ctx.db, p, q.organisationId, q.level) };
  };

  app.get(
    "/api/rollups/status",
    {
      config: { access: "read" },
      schema: {
        tags: ["rollups"],
        summary:
          "Assignment counts per status, and per body with its completion rate (bodies ranked by completion)",
        querystring: figureQuery.extend({
          limit: z.coerce.number().int().min(1).max(5000).default(100),
          order: z.enum(["asc", "desc"]).default("desc"),
        }),
        response: { 200: statusFigureSchema, ...problems },
      },
    },
    async (request) => {
      const { q, bodies } = await filterFor(request, request.query);
      const today = ctx.today();
      const figure = await statusFigure(ctx.db, bodies, q.documentId, today, request.query.order, q.rows);
      return {
        today,
        filter: filterOf(q),
        ...figure,
        organisations: figure.byOrganisation.length,
        byOrganisation: figure.byOrganisation.slice(0, request.query.limit),
      };
    },
  );

  app.get(
    "/api/rollups/indicators",
    {
      config: { access: "read" },
      schema: {
        tags: ["rollups"],
        summary: "The grades of the bodies' latest indicator values: in all and per indicator",
        querystring: figureQuery,
        response: { 200: indicatorFigureSchema, ...problems },
      },
    },
    async (request) => {
      const { q, bodies } = await filterFor(request, request.query);
      return { filter: filterOf(q), ...(await indicatorFigure(ctx.db, bodies, q.documentId, q.rows)) };
    },
  );

  app.get(
    "/api/rollups/coverage",
    {
      config: { access: "read" },
      schema: {
        tags: ["rollups"],
        summary:
          "Dissemination and concretization coverage of the bodies that owe them, and parent tasks taken up",
        querystring: figureQuery,
        response: { 200: coverageFigureSchema, ...problems },
      },
    },
    async (request) => {
      const { p, q, bodies } = await filterFor(request, request.query);
      const documents: SQL =
        q.documentId !== undefined ? sql`d.id = ${q.documentId}` : documentInScope(p, sql`d.id`);
      const today = ctx.today();
      return {
        today,
        filter: filterOf(q),
        ...(await coverageFigure(ctx.db, bodies, documents, today, q.rows)),
      };
    },
  );

  app.get(
    "/api/rollups/completeness",
    {
      config: { access: "read" },
      schema: {
        tags: ["rollups"],
        summary:
          "Reporting completeness: a body × period matrix per cycle, with rates; rows=true adds the reports",
        querystring: figureQuery,
        response: { 200: completenessFigureSchema, ...problems },
      },
    },
    async (request) => {
      const { p, q, bodies } = await filterFor(request, request.query);
      const where = [
        sql`(d.id is null or d.status = 'published')`,
        sql`c.review_state <> 'rejected'`,
        cycleInScope(p, "c"),
      ];
      if (q.documentId !== undefined) where.push(sql`c.document_id = ${q.documentId}`);
      const today = ctx.today();
      // a cycle none of whose bodies is in the filter has no row to show
      const cycles = (await completenessOf(ctx.db, sql.join(where, sql` and `), bodies, today)).filter(
        (c) => c.bodies.length > 0,
      );
      return {
        today,
        filter: filterOf(q),
        totals: totalRates(cycles),
        cycles: cycles.map((c) => completenessOut(c, q.rows)),
      };
    },
  );

  app.get(
    "/api/rollups/deadlines",
    {
      config: { access: "read" },
      schema: {
        tags: ["rollups"],
        summary: "Overdue assignments and those due in the next N days (today included)",
        querystring: figureQuery.extend({
          days: z.coerce.number().int().min(0).max(366).default(14),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: deadlineFigureSchema, ...problems },
      },
    },
    async (request) => {
      const { q, bodies } = await filterFor(request, request.query);
      const today = ctx.today();
      const figure = await deadlineFigure(
        ctx.db,
        bodies,
        q.documentId,
        today,
        request.query.days,
        request.query.limit,
        q.rows,
      );
      return { today, filter: filterOf(q), ...figure };
    },
  );
};
