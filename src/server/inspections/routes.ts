// Inspections (kiểm tra, giám sát): those of the user's bodies, and recording one with the follow-up
// tasks it gives the inspected body.
import { z } from "zod";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { pageOf, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { assertDocumentInScope, assertOrganisationInScope } from "../http/scope.ts";
import { bodyFilter } from "../rollups/filter.ts";
import { INSPECTION_SORTS, listInspections } from "./repository.ts";
import { inspectionInputSchema, recordInspection } from "./service.ts";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const inspectionSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int().nullable(),
    documentSymbol: z.string().nullable(),
    inspectedOrganisationId: z.number().int(),
    inspectedName: z.string(),
    inspectingOrganisationId: z.number().int().nullable(),
    inspectingName: z.string().nullable(),
    heldOn: z.string(),
    findings: z.string(),
    followUps: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Inspection" });

export const inspectionRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/inspections",
    {
      config: { access: "read" },
      schema: {
        tags: ["inspections"],
        summary:
          "Inspections of or by the user's bodies, latest first or sorted, by document and organisation subtree",
        querystring: pageQuery.extend({
          documentId: id.optional(),
          organisationId: id.optional(),
          sort: z.enum(INSPECTION_SORTS).default("-heldOn"),
        }),
        response: { 200: pageSchema(inspectionSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.documentId !== undefined) await assertDocumentInScope(ctx.db, p, q.documentId);
      const r = await listInspections(ctx.db, await bodyFilter(ctx.db, p, q.organisationId, undefined), q);
      return pageOf(r.items, r.total, q);
    },
  );

  app.post(
    "/api/inspections",
    {
      config: { access: "inspection.write" },
      schema: {
        tags: ["inspections"],
        summary: "Record an inspection of a body of the user's scope, with its follow-up tasks",
        body: inspectionInputSchema,
        response: { 201: z.object({ id: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const body = request.body;
      await assertOrganisationInScope(ctx.db, p, body.inspectedOrganisationId);
      if (body.inspectingOrganisationId !== undefined)
        await assertOrganisationInScope(ctx.db, p, body.inspectingOrganisationId);
      const inspectionId = await recordInspection(ctx.db, body, actorOf(request), ctx.today());
      return reply.code(201).send({ id: inspectionId });
    },
  );
};
