// The audit view: who did what, when and from where, filtered and newest first. The log has no
// write route: entries are appended by the writes themselves, and the database refuses to change
// or remove one (migration 0001).
import { z } from "zod";
import { principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { idParams, isoDate, pageOf, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { assertUserInScope } from "../http/scope.ts";
import { AUDIT_SORTS, listAudit } from "./repository.ts";

export const auditQuery = pageQuery.extend({
  actorId: idParams.shape.id.optional(),
  entity: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  /** From this day, in Vietnam's time. */
  from: isoDate.optional(),
  /** To this day included. */
  to: isoDate.optional(),
  sort: z.enum(AUDIT_SORTS).default("-at"),
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    origin: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export const auditRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first or sorted; scoped readers see what users of their scope did",
        querystring: auditQuery,
        response: { 200: pageSchema(auditEntrySchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.actorId !== undefined) await assertUserInScope(ctx.db, p, q.actorId);
      const r = await listAudit(ctx.db, p.scopePath, q);
      return pageOf(r.items, r.total, q);
    },
  );
};
