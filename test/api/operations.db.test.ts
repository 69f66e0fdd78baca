// Operations: readiness (the database and the job queue answer, 503 problem+json when either does
// not) and Prometheus metrics (requests by route pattern, the shared queue's depth and failures,
// document import durations, process metrics; a bearer token when one is configured).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { buildApp } from "../../src/server/http/app.ts";
import type { AppContext } from "../../src/server/http/context.ts";
import { type Jobs, startJobQueue } from "../../src/server/jobs/queue.ts";
import { type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

const log = { warn: () => undefined, error: () => undefined };

let h: ApiHarness;
let jobs: Jobs;
let monitor: ApiClient;

beforeAll(async () => {
  h = await apiHarness();
  jobs = await startJobQueue(h.database, { log, pollingIntervalSeconds: 0.5 });
  h.ctx.jobs = jobs;
  monitor = await h.login("theodoi");
}, 120_000);
afterAll(async () => {
  await jobs?.stop();
  await h?.close();
});

/** One sample of a metric with exactly these labels, from Prometheus's text format. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^(\w+)\{([^}]*)\}\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? "").split(",");
    if (want.every((w) => have.includes(w)) && have.length === want.length) return Number(m[3]);
  }
  return undefined;
}

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const r = await h.anonymous.request({ method: "GET", url: "/metrics", headers });
  expect(r.statusCode).toBe(200);
  expect(r.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return r.body;
}

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("readiness", () => {
  it("is ready when the database and the queue answer", async () => {
    const r = await h.anonymous.get("/api/ready");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: "ready", database: "ok", queue: "ok" });
  });

  it("answers 503 problem+json, in both languages, when the database does not answer", async () => {
    // nothing listens on port 1: every query fails at once
    const database = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", migrate: false });
    const config = loadConfig({ LOG_LEVEL: "silent", TRIENKHAI_DATA_DIR: h.config.dataDir });
    const ctx: AppContext = { database, db: database.db, config, today: config.today, jobs: null };
    const app = await buildApp(ctx, { logger: false });
    try {
      const vi = await app.inject({ method: "GET", url: "/api/ready" });
      expect(vi.statusCode).toBe(503);
      expect(vi.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(vi.json()).toMatchObject({ code: "api-not-ready-database", status: 503 });
      expect(vi.json().detail).toMatch(/cơ sở dữ liệu/);
      expect(vi.json().requestId).toBe(vi.headers["x-request-id"]);
      const en = await app.inject({ method: "GET", url: "/api/ready", headers: { "accept-language": "en" } });
      expect(en.json().detail).toMatch(/database does not answer/);
      // liveness does not touch the database: the process itself is fine
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe("metrics", () => {
  it("counts and times requests by route pattern, never by URL", async () => {
    const before = await scrape();
    const labels = { method: "GET", route: "/api/tasks/:id", status: "404" };
    const was = sample(before, "trienkhai_http_requests_total", labels) ?? 0;
    for (const id of [999_991, 999_992, 999_993])
      expect((await monitor.get(`/api/tasks/${id}`)).statusCode).toBe(404);
    await h.anonymous.get("/api/khong-co/123");
    const text = await scrape();
    expect(sample(text, "trienkhai_http_requests_total", labels)).toBe(was + 3);
    expect(sample(text, "trienkhai_http_request_duration_seconds_count", labels)).toBe(was + 3);
    expect(sample(text, "trienkhai_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(
      was + 3,
    );
    expect(text).not.toMatch(/route="\/api\/tasks\/9999/);
    expect(text).toMatch(/trienkhai_http_requests_total\{method="GET",route="unmatched",status="404"\}/);
  });

  it("reports the process: memory, CPU, event loop, heap", async () => {
    const text = await scrape();
    for (const name of [
      "process_resident_memory_bytes",
      "process_cpu_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ])
      expect(text).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? \\d`, "m"));
  });

  it("reports the shared queue's depth by state and the jobs that failed", async () => {
    const queue = "operations-test";
    await jobs.define<{ fail: boolean }>({
      name: queue,
      handle: async (data) => {
        if (data.fail) throw new Error("a job that fails");
      },
      retryLimit: 0,
      retryDelay: 0,
      retryBackoff: false,
      expireInSeconds: 60,
    });
    const failuresBefore = sample(await scrape(), "trienkhai_job_failures_total", { queue }) ?? 0;
    await jobs.send(queue, { fail: true });
    await jobs.send(queue, { fail: false });
    const text = await until("the jobs to end", async () => {
      const t = await scrape();
      const failed = sample(t, "trienkhai_jobs", { queue, state: "failed" });
      const completed = sample(t, "trienkhai_jobs", { queue, state: "completed" });
      return failed === 1 && completed === 1 ? t : null;
    });
    expect(sample(text, "trienkhai_jobs", { queue, state: "created" })).toBe(0);
    expect(sample(text, "trienkhai_job_failures_total", { queue })).toBe(failuresBefore + 1);
    expect(text).toMatch(/# TYPE trienkhai_jobs gauge/);
  });

  it("times document imports by outcome", async () => {
    const count = (t: string) =>
      (sample(t, "trienkhai_document_import_duration_seconds_count", { outcome: "done" }) ?? 0) +
      (sample(t, "trienkhai_document_import_duration_seconds_count", { outcome: "failed" }) ?? 0);
    const before = count(await scrape());
    const boundary = "----trienkhai-operations";
    const r = await monitor.request({
      method: "POST",
      url: "/api/documents/imports",
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ghi-chu.txt"\r\nContent-Type: text/plain\r\n\r\nGhi chú ngắn, không phải văn bản chỉ đạo.\r\n--${boundary}--\r\n`,
      ),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(r.statusCode).toBe(202);
    await until("the import to end", async () => (count(await scrape()) === before + 1 ? true : null));
  });

  it("requires the bearer token when one is configured", async () => {
    const token = "metrics-token-0123456789";
    const guarded = await apiHarness({ env: { TRIENKHAI_METRICS_TOKEN: token } });
    try {
      const none = await guarded.anonymous.get("/metrics");
      expect(none.statusCode).toBe(401);
      expect(none.json()).toMatchObject({ code: "api-metrics-token" });
      const wrong = await guarded.anonymous.request({
        method: "GET",
        url: "/metrics",
        headers: { authorization: "Bearer metrics-token-0123456780" },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.anonymous.request({
        method: "GET",
        url: "/metrics",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toMatch(/trienkhai_http_requests_total/);
    } finally {
      await guarded.close();
    }
  });

  it("stops being ready when the queue stops", async () => {
    await jobs.stop();
    const r = await h.anonymous.get("/api/ready");
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ code: "api-not-ready-queue" });
  });
});
