// GET /metrics in Prometheus's text format, and the measure of every request by its route pattern
// (/api/tasks/:id, never the URL: ids in labels would make one series per row).
//
// Access: when TRIENKHAI_METRICS_TOKEN is set, only `Authorization: Bearer <token>` is answered;
// unset, /metrics is open. Metrics hold no personal data (counts, timings, queue sizes), Prometheus
// scrapes each instance on its own port from inside the network, and the reverse proxy does not
// pass /metrics (see README); a token is for networks where the instances' ports are reachable by
// others. Checking for loopback instead would refuse a Prometheus on another host and be fooled by
// X-Forwarded-For behind a trusted proxy.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { DomainError } from "../errors.ts";
import type { AppContext } from "../http/context.ts";
import { appRegistry, httpDuration, httpRequests } from "./metrics.ts";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const metricsPlugin = fp<{ ctx: AppContext }>(async (app: FastifyInstance, { ctx }) => {
  const registry = appRegistry(ctx.db);
  const token = ctx.config.metricsToken;

  app.addHook("onResponse", async (request, reply) => {
    const labels = {
      method: request.method,
      // unmatched URLs (404s, probes for files that are not there) share one series
      route: request.routeOptions.url ?? "unmatched",
      status: String(reply.statusCode),
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get("/metrics", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (token) {
      const m = /^bearer\s+(.+)$/i.exec(String(request.headers.authorization ?? ""));
      if (!m?.[1] || !sameSecret(m[1].trim(), token)) throw new DomainError("api-metrics-token", 401);
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
});
