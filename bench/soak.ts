// npm run bench:soak — a mixed load for a bounded time on loopback against `trienkhai serve` in its
// own process on the demo (PGlite in a temporary directory, or BENCH_DATABASE_URL's server with a
// database created for the run): list and detail reads, progress updates under If-Match (a 412 from a
// concurrent writer is an answer, not an error), document uploads followed to their end, bulk
// indicator imports, and report exports (DOCX, XLSX, CSV; written in the request, or as a queue job
// followed to its end) with their files downloaded. Prints, last:
//   soak_errors: N          answers ≥ 500, network failures, and unexpected 4xx
//   soak_p99: X ms          over every request
//   soak_rss_growth: X MB   the server's resident memory, end minus start after a warm-up
// SOAK_SECONDS (default 60) and SOAK_WORKERS (default 8) bound the run; SOAK_WARMUP_SECONDS (default
// 30) is the load run before measuring, while the server's heap and caches fill up.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../src/db/client.ts";
import { DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { installDemo } from "../src/demo/demo.ts";
import { API_TODAY } from "../test/support/api.ts";
import { scratchServerDatabase } from "../test/support/db.ts";
import { type HttpClient, signIn, startServeProcess } from "../test/support/server-process.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
const WARMUP = Number(process.env.SOAK_WARMUP_SECONDS ?? 30);
const dir = mkdtempSync(join(tmpdir(), "trienkhai-soak-"));
const serverUrl = process.env.BENCH_DATABASE_URL;

const { DATABASE_URL: _url, ...inherited } = process.env;
const env: NodeJS.ProcessEnv = {
  ...inherited,
  TRIENKHAI_DATA_DIR: join(dir, "data"),
  TRIENKHAI_TODAY: API_TODAY,
  // every request comes from one address and two users: the limits would answer most with 429
  TRIENKHAI_RATE_LIMIT: "1000000",
  TRIENKHAI_IP_RATE_LIMIT: "1000000",
  TRIENKHAI_LOGIN_RATE_LIMIT: "1000",
  LOG_LEVEL: "warn",
};
const scratch = serverUrl ? await scratchServerDatabase(serverUrl, "trienkhai_soak") : null;
if (scratch) env.DATABASE_URL = scratch.url;
const open = (): Promise<Database> =>
  scratch ? openDatabase({ url: scratch.url }) : openDatabase({ dataDir: join(dir, "data", "pglite") });
{
  const database = await open();
  await installDemo(database.db, API_TODAY);
  await database.close();
}
const server = await startServeProcess(env);
const rssMb = (): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) / 1024;
};

const latencies: number[] = [];
const errors: string[] = [];
const counts: Record<string, number> = {};

async function call(
  kind: string,
  client: HttpClient,
  path: string,
  init: RequestInit = {},
  ok = [200, 201, 202],
) {
  const t0 = performance.now();
  try {
    const r = await client.fetch(server.url, path, init);
    const body = await r.text();
    latencies.push(performance.now() - t0);
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (!ok.includes(r.status)) errors.push(`${kind} ${path}: ${r.status} ${body.slice(0, 200)}`);
    return { status: r.status, body, etag: r.headers.get("etag") };
  } catch (error) {
    errors.push(`${kind} ${path}: ${(error as Error).message}`);
    return { status: 0, body: "", etag: null };
  }
}

function multipart(name: string, type: string, text: string) {
  const boundary = `----soak${Math.random().toString(16).slice(2)}`;
  return {
    body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const officer = await signIn(server.url, "sokhcn", DEMO_PASSWORD);
const monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
const tasks = JSON.parse((await call("list", officer, "/api/tasks?pageSize=50")).body) as {
  items: { taskId: number; assignmentId: number }[];
};
const indicators = JSON.parse((await call("list", monitor, "/api/indicators?pageSize=1")).body) as {
  items: { id: number }[];
};
const indicatorId = indicators.items[0]?.id;
const documents = JSON.parse(
  (await call("list", monitor, "/api/documents?status=published&pageSize=50")).body,
) as { items: { id: number; symbol: string | null }[] };
const documentId = documents.items.find((d) => d.symbol === "215-CTr/TU")?.id;
const FORMATS = ["docx", "xlsx", "csv"] as const;

let serial = 0;
const actions: (() => Promise<unknown>)[] = [
  () => call("list", officer, `/api/tasks?pageSize=50&page=${1 + (serial % 2)}`),
  () => call("detail", officer, `/api/tasks/${tasks.items[serial % tasks.items.length]?.taskId}`),
  async () => {
    const a = tasks.items[serial % tasks.items.length];
    const current = await call("detail", officer, `/api/assignments/${a?.assignmentId}/progress`);
    await call(
      "update",
      officer,
      `/api/assignments/${a?.assignmentId}/progress`,
      {
        method: "POST",
        body: JSON.stringify({ percent: serial % 100, narrative: `soak ${serial}` }),
        headers: { "if-match": current.etag ?? '"0"' },
      },
      [201, 412],
    );
  },
  async () => {
    const n = ++serial;
    const u = multipart(
      `soak-${n}.txt`,
      "text/plain",
      `ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: ${5000 + n}/KH-UBND\tQuảng Ngãi, ngày 1 tháng 10 năm 2025\n\nKẾ HOẠCH\nThử tải ${n}\n\n1. Sở Nội vụ chủ trì thực hiện nhiệm vụ thử tải ${n}, hoàn thành trước ngày 30/6/2026.\n`,
    );
    const r = await call("import", monitor, "/api/documents/imports", {
      method: "POST",
      body: u.body,
      headers: u.headers,
    });
    const id = (JSON.parse(r.body || "{}") as { importId?: number }).importId;
    for (let i = 0; id && i < 600; i++) {
      const v = JSON.parse(
        (await call("import-poll", monitor, `/api/documents/imports/${id}`)).body || "{}",
      ) as { state?: string };
      if (v.state === "done" || v.state === "failed") break;
      await new Promise((res) => setTimeout(res, 100));
    }
  },
  async () => {
    const n = ++serial;
    const lines = ["Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị"];
    for (let m = 1; m <= 12; m++)
      lines.push(`${indicatorId},P51.2025-UBND,${1900 + (n % 100)}-${String(m).padStart(2, "0")},${n + m}`);
    const u = multipart(`soak-${n}.csv`, "text/csv", `${lines.join("\n")}\n`);
    await call("indicator-import", monitor, "/api/indicators/values/import", {
      method: "POST",
      body: u.body,
      headers: u.headers,
    });
  },
  async () => {
    const n = ++serial;
    const format = FORMATS[n % FORMATS.length];
    // one in four as a queue job, polled as the web UI does
    const background = n % 4 === 0;
    const r = await call("export", monitor, "/api/reports/exports", {
      method: "POST",
      body: JSON.stringify({ documentId, period: n % 2 ? "2026" : "2026-H1", format, background }),
      headers: { "content-type": "application/json" },
    });
    let view = JSON.parse(r.body || "{}") as { id?: number; state?: string; fileUrl?: string | null };
    for (let i = 0; view.id && view.state !== "done" && view.state !== "failed" && i < 600; i++) {
      await new Promise((res) => setTimeout(res, 250));
      view = JSON.parse((await call("export-poll", monitor, `/api/reports/exports/${view.id}`)).body || "{}");
    }
    if (view.state === "failed") errors.push(`export ${view.id}: failed`);
    else if (view.fileUrl) await call("export-file", monitor, view.fileUrl);
  },
];
const weights = [5, 5, 3, 1, 1, 1];
const pick = (): (() => Promise<unknown>) => {
  let r = Math.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return actions[i] as () => Promise<unknown>;
  }
  return actions[0] as () => Promise<unknown>;
};

async function run(until: number): Promise<void> {
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < until) {
        serial++;
        await pick()();
      }
    }),
  );
}

// a warm-up, then the measured run
await run(Date.now() + WARMUP * 1000);
latencies.length = 0;
for (const k of Object.keys(counts)) delete counts[k];
const warmupErrors = errors.splice(0);
for (const e of warmupErrors.slice(0, 5)) console.log(`warm-up error: ${e}`);
const rssStart = rssMb();
// the resident memory every tenth of the run: a leak climbs steadily, a heap settling levels off
const rssSeries: number[] = [rssStart];
const sampler = setInterval(() => rssSeries.push(rssMb()), (SECONDS * 1000) / 10);
await run(Date.now() + SECONDS * 1000);
clearInterval(sampler);
const rssEnd = rssMb();
await server.kill("SIGTERM");
if (scratch) await scratch.drop();
rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  `soak: ${SECONDS} s, ${WORKERS} workers, ${latencies.length} requests (${Math.round(latencies.length / SECONDS)}/s) on ${scratch ? "PostgreSQL" : "PGlite"}`,
);
console.log(
  `requests by kind: ${Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}`,
);
console.log(
  `p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms; server RSS ${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} MB`,
);
console.log(`server RSS through the run: ${[...rssSeries, rssEnd].map((x) => x.toFixed(0)).join(" ")} MB`);
for (const e of errors.slice(0, 10)) console.log(`error: ${e}`);
console.log(`soak_errors: ${errors.length + warmupErrors.length}`);
console.log(`soak_p99: ${p(0.99).toFixed(1)} ms`);
console.log(`soak_rss_growth: ${(rssEnd - rssStart).toFixed(1)} MB`);
process.exitCode = errors.length + warmupErrors.length === 0 ? 0 : 1;
