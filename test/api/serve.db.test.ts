// The server as users run it: `trienkhai serve` in its own process, API under /api and the built
// web UI at / (any other page falls back to its index.html), and a graceful SIGTERM: a request in
// flight still gets its whole answer, then the process exits 0.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchServerDatabase } from "../support/db.ts";

const root = join(import.meta.dirname, "..", "..");
const serverUrl = process.env.TEST_DATABASE_URL;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let port: number;
let child: ChildProcess;
let exited: Promise<number | null>;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "trienkhai-serve-"));
  const web = join(dir, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>trienkhai-ui</title><div id=root></div>");
  port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    TRIENKHAI_DATA_DIR: join(dir, "data"),
    TRIENKHAI_WEB_ROOT: web,
    LOG_LEVEL: "warn",
  };
  if (serverUrl) {
    const scratch = await scratchServerDatabase(serverUrl);
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
  } else delete env.DATABASE_URL;
  child = spawn(join(root, "bin", "trienkhai"), ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start");
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

describe("trienkhai serve", () => {
  it("serves the API, the web UI at / and the UI's own pages, and problem+json for unknown API paths", async () => {
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: serverUrl ? "postgres" : "pglite" });
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(await home.text()).toContain("trienkhai-ui");
    const page = await fetch(`http://127.0.0.1:${port}/nhiem-vu/123`);
    expect(await page.text()).toContain("trienkhai-ui");
    const missing = await fetch(`http://127.0.0.1:${port}/api/khong-co`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const body = JSON.stringify({ username: "khong-co-ai", password: "sai-mat-khau" });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/api/auth/login",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      // half the body now, SIGTERM, the rest a moment later: the request is in flight when the
      // server is told to stop
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 200);
    });
    const r = await answer;
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ code: "api-login-failed" });
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 30_000);
});
