// Pieces every route shares: ids in paths, pagination and sorting, versions as ETags, and the
// problem responses documented on every route.
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { problemSchema } from "./problem.ts";

// digits only: Number() would also take "1e3", "0x10" or " 7 " for an id
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .pipe(z.number().max(2_147_483_647)),
});

export const isoDate = z.iso.date();

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOf<T>(items: T[], total: number, q: { page: number; pageSize: number }) {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** The error responses a route can give, for the OpenAPI document. */
export const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  412: problemSchema,
  422: problemSchema,
  428: problemSchema,
  429: problemSchema,
};

export const etagOf = (version: number): string => `"${version}"`;

export function setVersion(reply: FastifyReply, version: number): void {
  reply.header("etag", etagOf(version));
}

/** The version the client edits, from If-Match ("3", W/"3" or 3); writes without it get 428. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  if (header === undefined) throw new DomainError("api-precondition-required", 428);
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!m) throw new DomainError("api-bad-request", 400, { detail: "If-Match" });
  return Number(m[1]);
}
