// Every error leaves the API as RFC 9457 problem+json: a stable `code`, the catalogue's title and
// detail in the caller's language, and the request id that the logs carry too.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Lang, type MessageCode, type MessageParams, message } from "../../messages/catalog.ts";
import { DomainError } from "../errors.ts";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers["accept-language"];
  return typeof header === "string" && /^\s*en\b/i.test(header) ? "en" : "vi";
}

interface Classified {
  code: MessageCode;
  status: number;
  params: MessageParams;
  errors?: { path: string; message: string }[];
  headers?: Record<string, string>;
}

const PG_CLIENT_ERROR = /^(22|23)/;

function classify(error: unknown, request: FastifyRequest): Classified {
  if (error instanceof DomainError) return { code: error.code, status: error.status, params: error.params };
  const e = error as FastifyError & { code?: string; statusCode?: number; cause?: unknown };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const errors = e.validation.map((v) => ({
      path: `${e.validationContext ?? ""}${v.instancePath.replaceAll("/", ".")}`,
      message: v.message ?? "",
    }));
    return {
      code: "invalid-input",
      status: 400,
      params: { detail: errors.map((x) => `${x.path}: ${x.message}`).join("; ") },
      errors,
    };
  }
  // PostgreSQL data errors that slip past validation are the caller's fault, not the server's
  // Drizzle wraps the driver's error: the SQLSTATE is on the error or on its cause
  const cause = e.cause as { code?: unknown } | undefined;
  const raw = typeof e.code === "string" ? e.code : typeof cause?.code === "string" ? cause.code : "";
  const pgCode = String(raw);
  if (/^[0-9A-Z]{5}$/.test(pgCode) && PG_CLIENT_ERROR.test(pgCode))
    return pgCode.startsWith("23")
      ? { code: "api-conflict", status: 409, params: {} }
      : { code: "api-invalid-value", status: 400, params: {} };
  const status = typeof e.statusCode === "number" ? e.statusCode : 500;
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        code: "api-payload-too-large",
        status: 413,
        params: { limit: `${Math.round((request.server.initialConfig.bodyLimit ?? 0) / 1024)} KB` },
      };
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return {
        code: "api-payload-too-large",
        status: 413,
        params: { limit: `${(request.server.uploadMaxBytes / 1048576).toLocaleString("vi-VN")} MB` },
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return {
        code: "api-unsupported-media-type",
        status: 415,
        params: { type: String(request.headers["content-type"] ?? "?") },
      };
    case "FST_ERR_RATE_LIMIT_EXCEEDED":
      return { code: "api-rate-limited", status: 429, params: { seconds: 60 } };
  }
  if (status >= 400 && status < 500)
    return { code: "api-bad-request", status, params: { detail: e.message } };
  return { code: "api-internal", status: 500, params: { requestId: request.id } };
}

const TITLED = new Set([400, 401, 403, 404, 409, 412, 413, 415, 422, 423, 428, 429, 500, 503]);

function titleCode(status: number): MessageCode {
  const s = TITLED.has(status) ? status : status >= 500 ? 500 : 400;
  return `problem-${s}` as MessageCode;
}

export function problemOf(
  error: unknown,
  request: FastifyRequest,
): Problem & { headers?: Record<string, string> } {
  const c = classify(error, request);
  const lang = languageOf(request);
  return {
    type: `/api/problems/${c.code}`,
    title: message(titleCode(c.status), {}, lang),
    status: c.status,
    detail: message(c.code, c.params, lang),
    code: c.code,
    instance: request.url.split("?")[0] ?? request.url,
    requestId: String(request.id),
    ...(c.errors ? { errors: c.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type("application/problem+json").send(problem);
}
