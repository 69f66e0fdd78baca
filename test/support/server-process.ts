// `trienkhai serve` in a process of its own, as a service manager runs it: a free loopback port, the
// environment given, its output kept for the failure message, and ways to stop it (SIGTERM) or kill
// it outright (SIGKILL).
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "..", "bin", "trienkhai");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts `trienkhai serve` and resolves once /api/ready answers 200. */
export async function startServeProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(BIN, ["serve"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (c: Buffer) => {
    text += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    text += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => text,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`trienkhai serve exited ${child.exitCode}: ${text}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`trienkhai serve did not become ready: ${text}`);
}

/** A signed-in client of a server over HTTP: the session cookie and its CSRF token. */
export interface HttpClient {
  cookie: string;
  csrfToken: string;
  fetch(server: string, path: string, init?: RequestInit): Promise<Response>;
}

export async function signIn(server: string, username: string, password: string): Promise<HttpClient> {
  const r = await fetch(`${server}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
  const cookie =
    (r.headers.getSetCookie().find((c) => c.startsWith("trienkhai_session=")) ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    fetch: (base, path, init = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(init.body && typeof init.body === "string" ? { "content-type": "application/json" } : {}),
          ...((init.headers as Record<string, string> | undefined) ?? {}),
        },
      }),
  };
}
