// Organisations: search, the tree the UI opens level by level, one body with its history, and the
// import of more bodies from CSV or XLSX. Readers see their scope's subtree; the names of ancestors,
// predecessors and successors outside it are shown (breadcrumbs, history) and marked as such.
import { extname } from "node:path";
import { z } from "zod";
import { pathInScope } from "../../domain/access.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { idParams, isoDate, pageOf, pageQuery, pageSchema, problems, setVersion } from "../http/schemas.ts";
import { assertOrganisationInScope } from "../http/scope.ts";
import { importOrganisations } from "./import.ts";
import {
  listOrganisations,
  type OrganisationRow,
  organisationChildren,
  organisationDetail,
} from "./repository.ts";

const id = idParams.shape.id;

export const organisationQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  level: z.enum(["central", "province", "district", "commune"]).optional(),
  /** In force on this day. */
  validOn: isoDate.optional(),
  parentId: id.optional(),
  sort: z.enum(["name", "-name"]).default("name"),
});

const rowFields = {
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  level: z.string(),
  parentId: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isGroup: z.boolean(),
  /** In force on the server's today. */
  inForce: z.boolean(),
  /** Inside the caller's scope: what they may open. */
  inScope: z.boolean(),
};

export const organisationRowSchema = z.object(rowFields).meta({ id: "OrganisationRow" });

export const treeNodeSchema = z.object({ ...rowFields, hasChildren: z.boolean() }).meta({ id: "TreeNode" });

const linkSchema = z.object({ ...rowFields, since: z.string().nullable() }).meta({ id: "OrganisationLink" });

export const organisationSchema = z
  .object({
    ...rowFields,
    version: z.number().int(),
    parents: z.array(organisationRowSchema),
    aliases: z.array(z.string()),
    childCount: z.number().int(),
    predecessors: z.array(linkSchema),
    successors: z.array(linkSchema),
  })
  .meta({ id: "Organisation" });

export const organisationRoutes: Routes = async (app, ctx) => {
  const row = <T extends OrganisationRow>(p: Principal, { path, ...r }: T) => {
    const today = ctx.today();
    return {
      ...r,
      inForce: (r.validFrom === null || r.validFrom <= today) && (r.validTo === null || r.validTo >= today),
      inScope: pathInScope(p.scopePath, path),
    };
  };

  app.get(
    "/api/organisations",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisations"],
        summary: "Organisations in the user's scope: search with or without diacritics, filters, name order",
        querystring: organisationQuery,
        response: { 200: pageSchema(organisationRowSchema), ...problems },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      if (q.parentId !== undefined) await assertOrganisationInScope(ctx.db, p, q.parentId);
      const r = await listOrganisations(ctx.db, p.scopePath, q);
      return pageOf(
        r.items.map((o) => row(p, o)),
        r.total,
        q,
      );
    },
  );

  app.get(
    "/api/organisations/tree",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisations"],
        summary: "One level of the tree: the root and its children (the user's scope, or the top level)",
        querystring: z.object({ rootId: id.optional(), validOn: isoDate.optional() }),
        response: {
          200: z.object({ root: organisationRowSchema.nullable(), children: z.array(treeNodeSchema) }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = principal(request);
      const rootId = request.query.rootId ?? p.scopeOrganisationId;
      if (rootId === null) {
        const children = await organisationChildren(ctx.db, null, request.query.validOn);
        return { root: null, children: children.map((c) => row(p, c)) };
      }
      await assertOrganisationInScope(ctx.db, p, rootId);
      const root = await organisationDetail(ctx.db, rootId);
      if (!root) throw notFound("organisation", rootId);
      const children = await organisationChildren(ctx.db, rootId, request.query.validOn);
      return { root: row(p, root), children: children.map((c) => row(p, c)) };
    },
  );

  app.get(
    "/api/organisations/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["organisations"],
        summary: "One organisation: its chain of parents, aliases, validity, predecessors and successors",
        params: idParams,
        response: { 200: organisationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      await assertOrganisationInScope(ctx.db, p, request.params.id);
      const o = await organisationDetail(ctx.db, request.params.id);
      if (!o) throw notFound("organisation", request.params.id);
      setVersion(reply, o.version);
      return {
        ...row(p, o),
        version: o.version,
        parents: o.parents.map((x) => row(p, x)),
        aliases: o.aliases,
        childCount: o.childCount,
        predecessors: o.predecessors.map((x) => row(p, x)),
        successors: o.successors.map((x) => row(p, x)),
      };
    },
  );

  app.post(
    "/api/organisations/import",
    {
      config: { access: "organisation.import" },
      schema: {
        tags: ["organisations"],
        summary: "Import organisations from a CSV or XLSX file (multipart field `file`), all or nothing",
        consumes: ["multipart/form-data"],
        response: {
          201: z.object({ imported: z.number().int(), expandedAssignments: z.number().int() }),
          ...problems,
          413: problems[400],
          415: problems[400],
        },
      },
    },
    async (request, reply) => {
      // new bodies may hang anywhere in the hierarchy: only an administrator of all of it adds them
      if (principal(request).scopePath !== null) throw new DomainError("organisation-import-scoped", 403);
      const file = await request.file();
      if (!file) throw new DomainError("api-bad-request", 400, { detail: "file" });
      const format = formatOf(file.filename, file.mimetype);
      if (!format) throw new DomainError("api-unsupported-media-type", 415, { type: file.mimetype });
      const bytes = await file.toBuffer();
      const r = await importOrganisations(ctx.db, bytes, format, actorOf(request));
      return reply.code(201).send(r);
    },
  );
};

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** CSV or XLSX by the file's name, or by its declared type when the name says nothing. */
function formatOf(filename: string, mimetype: string): "csv" | "xlsx" | null {
  const ext = extname(filename).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  if (ext !== "") return null;
  if (mimetype === "text/csv") return "csv";
  return mimetype === XLSX_TYPE ? "xlsx" : null;
}
