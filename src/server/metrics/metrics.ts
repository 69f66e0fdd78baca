// Prometheus metrics. What a process measures for itself (its requests, document imports, failed
// jobs, memory and event loop) lives in one registry per process, as Prometheus expects of a
// target; the queue's depth is read from pg-boss's table at each scrape, so every instance reports
// the same shared queue.
import { sql } from "drizzle-orm";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const httpRequests = new Counter({
  name: "trienkhai_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [processRegistry],
});

export const httpDuration = new Histogram({
  name: "trienkhai_http_request_duration_seconds",
  help: "Time to answer an HTTP request, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const importDuration = new Histogram({
  name: "trienkhai_document_import_duration_seconds",
  help: "Time from the start of a document import to its end, by outcome (done or failed)",
  labelNames: ["outcome"] as const,
  // a text file takes milliseconds, a scanned decree minutes of OCR
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers: [processRegistry],
});

export const jobFailures = new Counter({
  name: "trienkhai_job_failures_total",
  help: "Background job runs that failed in this process (the queue retries them), by queue",
  labelNames: ["queue"] as const,
  registers: [processRegistry],
});

/** The registry an app scrapes: the process's own metrics and the shared queue read from `db`. */
export function appRegistry(db: Db): Registry {
  const registry = new Registry();
  new Gauge({
    name: "trienkhai_jobs",
    help: "Jobs in the shared queue by queue and state (created and retry are waiting; failed ran out of retries)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await queueCounts(db)) this.set({ queue: r.name, state: r.state }, r.n);
    },
  });
  return Registry.merge([processRegistry, registry]);
}

async function queueCounts(db: Db): Promise<{ name: string; state: string; n: number }[]> {
  // a database whose queue never started has no pgboss schema: nothing to report
  const [present] = await rows<{ ok: boolean }>(db, sql`select to_regclass('pgboss.job') is not null as ok`);
  if (!present?.ok) return [];
  // every state of every queue, zeros included, so that a rate or an alert sees the series exist
  return rows<{ name: string; state: string; n: number }>(
    db,
    sql`select q.name, s.state::text as state, count(j.id)::int as n
      from pgboss.queue q
      cross join unnest(enum_range(null::pgboss.job_state)) as s(state)
      left join pgboss.job j on j.name = q.name and j.state = s.state
      group by 1, 2 order by 1, 2`,
  );
}
