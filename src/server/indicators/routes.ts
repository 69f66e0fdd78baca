// Indicators: the list with grades over the caller's bodies, one indicator with its values, path,
// assessment and forecast per body, and values entered in bulk or imported from a spreadsheet.
import { z } from "zod";
import { ASSESSMENT_STATUSES } from "../../domain/trajectory.ts";
import { message } from "../../messages/catalog.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { languageOf } from "../http/problem.ts";
import { idParams, pageOf, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { assertDocumentInScope } from "../http/scope.ts";
import { bodyFilter } from "../rollups/filter.ts";
import { indicatorDetail, indicatorDetailSchema } from "./detail.ts";
import { checkValueSheet, MAX_ROWS, readValueSheet, sheetFormat } from "./import.ts";
import {
  assertIndicatorInScope,
  INDICATOR_SORTS,
  indicatorDefinition,
  indicatorsById,
  listIndicators,
  organisationsById,
  valuesOf,
} from "./repository.ts";
import { indicatorValueSchema, recordIndicatorValues } from "./service.ts";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const indicatorQuery = pageQuery.extend({
  documentId: id.optional(),
  /** Indicators with at least one of the caller's bodies graded so (comma-separated). */
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(ASSESSMENT_STATUSES)).max(10))
    .optional(),
  sort: z.enum(INDICATOR_SORTS).default("document"),
});

const countsSchema = z.object(
  Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof ASSESSMENT_STATUSES)[number],
    z.ZodNumber
  >,
);

export const indicatorRowSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    name: z.string(),
    kind: z.string(),
    unit: z.string().nullable(),
    targetValue: z.number().nullable(),
    targetLow: z.number().nullable(),
    targetHigh: z.number().nullable(),
    targetYear: z.number().int().nullable(),
    baselineValue: z.number().nullable(),
    baselineYear: z.number().int().nullable(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    reviewState: z.string(),
    bodies: z.number().int(),
    counts: countsSchema,
  })
  .meta({ id: "IndicatorRow" });

export const valuesBodySchema = z.array(indicatorValueSchema).min(1).max(MAX_ROWS);

const storedSchema = z.object({ stored: z.number().int() }).meta({ id: "StoredValues" });

export const indicatorRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/indicators",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "Indicators the user's scope concerns, with the grades of its bodies' latest values",
        querystring: indicatorQuery,
        response: { 200: pageSchema(indicatorRowSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.documentId !== undefined) await assertDocumentInScope(ctx.db, p, q.documentId);
      const bodies = await bodyFilter(ctx.db, p, undefined, undefined);
      const r = await listIndicators(ctx.db, p, bodies, q);
      return pageOf(r.items, r.total, q);
    },
  );

  app.get(
    "/api/indicators/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary:
          "One indicator: definition, values by body and period, path to the target, assessment, forecast",
        params: idParams,
        response: { 200: indicatorDetailSchema, ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const { id } = request.params;
      await assertIndicatorInScope(ctx.db, p, id);
      const definition = await indicatorDefinition(ctx.db, id);
      const bodies = await bodyFilter(ctx.db, p, undefined, undefined);
      return indicatorDetail(definition, await valuesOf(ctx.db, id, bodies));
    },
  );

  app.post(
    "/api/indicators/values",
    {
      config: { access: "indicator.write" },
      schema: {
        tags: ["indicators"],
        summary:
          "Enter values in bulk: all are stored or none; a value for a body and period replaces the one kept",
        body: valuesBodySchema,
        response: { 201: storedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const list = request.body;
      const indicators = await indicatorsById(ctx.db, p, [...new Set(list.map((v) => v.indicatorId))]);
      const orgs = await organisationsById(ctx.db, p, [...new Set(list.map((v) => v.organisationId))]);
      for (const v of list) {
        const ind = indicators.get(v.indicatorId);
        if (!ind) throw notFound("indicator", v.indicatorId);
        if (!ind.inScope)
          throw new DomainError("api-out-of-scope", 403, { entity: "indicator", id: String(v.indicatorId) });
        const org = orgs.get(v.organisationId);
        if (!org) throw notFound("organisation", v.organisationId);
        if (!org.inScope)
          throw new DomainError("api-out-of-scope", 403, {
            entity: "organisation",
            id: String(v.organisationId),
          });
      }
      const stored = await recordIndicatorValues(ctx.db, list, actorOf(request), ctx.today());
      return reply.code(201).send({ stored });
    },
  );

  app.post(
    "/api/indicators/values/import",
    {
      config: { access: "indicator.write" },
      schema: {
        tags: ["indicators"],
        summary:
          "Import values from a CSV or XLSX file (columns Mã chỉ tiêu, Mã đơn vị, Kỳ, Giá trị, Ghi chú): all rows or none",
        consumes: ["multipart/form-data"],
        response: { 201: storedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new DomainError("indicator-import-missing-file", 400);
      const bytes = await file.toBuffer();
      const format = sheetFormat(file.filename, bytes);
      if (!format)
        throw new DomainError("indicator-import-format", 415, { name: file.filename.slice(0, 200) });
      const sheet = await readValueSheet(file.filename.slice(0, 200), bytes, format);
      const checked = await checkValueSheet(ctx.db, p, sheet, ctx.today());
      if (checked.outOfScope)
        throw new DomainError("api-out-of-scope", 403, {
          entity: checked.outOfScope.entity,
          id: checked.outOfScope.id,
        });
      if (checked.problems.length > 0) {
        const lang = languageOf(request);
        const detail = checked.problems
          .slice(0, 50)
          .map((x) =>
            message("indicator-import-row", { row: x.row, reason: message(x.code, x.params, lang) }, lang),
          )
          .join("; ");
        throw new DomainError("indicator-import-invalid", 422, { count: checked.problems.length, detail });
      }
      const stored = await recordIndicatorValues(ctx.db, checked.values, actorOf(request), ctx.today());
      return reply.code(201).send({ stored });
    },
  );
};
