// The HTTP application: the API under /api (validated and documented by the same Zod schemas), the
// built web UI at /, problem+json for every error. Fastify for its speed, its schema-first routes
// and its plugins for the security basics (helmet, cookies, multipart limits, rate limits).
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { message } from "../../messages/catalog.ts";
import { packageVersion } from "../../version.ts";
import { forgetSessions } from "../auth/service.ts";
import { DomainError } from "../errors.ts";
import { metricsPlugin } from "../metrics/routes.ts";
import { accessPlugin, SESSION_COOKIE } from "./access.ts";
import { addressLimit } from "./address-limit.ts";
import type { App, AppContext } from "./context.ts";
import { languageOf, problemOf, sendProblem } from "./problem.ts";
import { API_ROUTES } from "./routes.ts";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** JSON bodies are small; files come as multipart, under the upload limit. */
const JSON_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** pino logging; off in tests unless asked. */
  logger?: boolean | { level: string };
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: JSON_BODY_LIMIT,
    return503OnClosing: true,
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("uploadMaxBytes", ctx.config.security.uploadMaxBytes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: problem.code, status: problem.status }, "request refused");
    return sendProblem(reply, problem);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    // a write may have ended sessions or changed their users: the next requests read them afresh
    if (!READ_METHODS.has(request.method)) forgetSessions();
    return payload;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        // on a plain-HTTP intranet, upgrading would break every request the page makes
        "upgrade-insecure-requests": ctx.config.security.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(cookie);
  if (!ctx.config.security.cookieSecure)
    app.addHook("onSend", async (_req, reply, payload) => {
      reply.removeHeader("strict-transport-security");
      return payload;
    });
  await app.register(multipart, {
    limits: {
      fileSize: ctx.config.security.uploadMaxBytes,
      files: 10,
      fields: 40,
      parts: 60,
      fieldSize: 100_000,
      headerPairs: 100,
    },
  });
  await app.register(rateLimit, {
    max: ctx.config.security.rateLimitPerMinute,
    timeWindow: 60_000,
    // a signed-in user (cookie or token) is one bucket wherever they connect from; others by IP
    keyGenerator: (req) =>
      req.cookies?.[SESSION_COOKIE]?.slice(0, 60) ??
      (typeof req.headers.authorization === "string" ? req.headers.authorization.slice(0, 80) : req.ip),
    errorResponseBuilder: (_req, context) => {
      const e = new DomainError("api-rate-limited", 429, { seconds: Math.ceil(context.ttl / 1000) });
      return Object.assign(e, { statusCode: 429 });
    },
  });
  app.addHook("onRequest", addressLimit(ctx.config.security.ipRateLimitPerMinute));
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "trienkhai API",
        version: packageVersion,
        description: message("api-description", {}, "vi"),
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    // each operation states who may call it (x-access), and public ones need no credentials
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      const schema = { ...out.schema, "x-access": access, ...(access === "public" ? { security: [] } : {}) };
      return { ...out, schema };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  await app.register(accessPlugin, { ctx });
  await app.register(metricsPlugin, { ctx });

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  for (const routes of API_ROUTES) await app.register(async (scope) => routes(scope, ctx));

  const webRoot = ctx.config.webRoot;
  const hasWeb = existsSync(join(webRoot, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api") || request.method !== "GET")
      return sendProblem(
        reply,
        problemOf(
          new DomainError("api-route-not-found", 404, {
            method: request.method,
            url: request.url.slice(0, 200),
          }),
          request,
        ),
      );
    // the UI routes itself: every other page is its index.html
    if (hasWeb) return reply.type("text/html").sendFile("index.html");
    const lang = languageOf(request);
    return reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>trienkhai</title><p>${message("web-not-built", {}, lang)}</p><p><a href="/api/docs">/api/docs</a></p></html>`,
      );
  });
  return app;
}
