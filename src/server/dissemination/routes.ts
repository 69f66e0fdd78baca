// Dissemination sessions (quán triệt): the sessions the user's bodies held, and recording one.
import { z } from "zod";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { pageOf, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { assertDocumentInScope, assertOrganisationInScope } from "../http/scope.ts";
import { bodyFilter } from "../rollups/filter.ts";
import { listSessions, SESSION_SORTS } from "./repository.ts";
import { disseminationInputSchema, recordDissemination } from "./service.ts";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const sessionSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    heldOn: z.string(),
    form: z.string(),
    attendance: z.number().int().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "DisseminationSession" });

export const disseminationRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/disseminations",
    {
      config: { access: "read" },
      schema: {
        tags: ["dissemination"],
        summary:
          "Dissemination sessions of the user's bodies, latest first or sorted, by document and organisation subtree",
        querystring: pageQuery.extend({
          documentId: id.optional(),
          organisationId: id.optional(),
          sort: z.enum(SESSION_SORTS).default("-heldOn"),
        }),
        response: { 200: pageSchema(sessionSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.documentId !== undefined) await assertDocumentInScope(ctx.db, p, q.documentId);
      const r = await listSessions(ctx.db, await bodyFilter(ctx.db, p, q.organisationId, undefined), q);
      return pageOf(r.items, r.total, q);
    },
  );

  app.post(
    "/api/disseminations",
    {
      config: { access: "dissemination.write" },
      schema: {
        tags: ["dissemination"],
        summary: "Record a dissemination session a body of the user's scope held on a document",
        body: disseminationInputSchema,
        response: { 201: z.object({ id: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      await assertOrganisationInScope(ctx.db, principal(request), request.body.organisationId);
      const sessionId = await recordDissemination(ctx.db, request.body, actorOf(request), ctx.today());
      return reply.code(201).send({ id: sessionId });
    },
  );
};
