// Builds the web UI (vite build → web/dist) when web/dist is missing or older than its sources, so
// that `npm start` on a fresh clone serves the UI, and does nothing (a few stat calls) otherwise.
// Used by `npm start`, the browser tests and bench/ui.ts; `npm run build:web` builds with --force.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
export const WEB_DIST = join(ROOT, "web", "dist");
const BUILT = join(WEB_DIST, "index.html");
/** What the build reads: the app's sources, its page and config, and the installed packages. */
const SOURCES = ["web/src", "web/index.html", "web/vite.config.ts", "package-lock.json"].map((p) =>
  join(ROOT, p),
);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function webIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((p) => newest(p) > built);
}

/** Builds when stale (or always, with force); true when it built. */
export function ensureWeb(force = false): boolean {
  if (!force && !webIsStale()) return false;
  console.log("Dựng giao diện web (web/dist) / building the web UI (web/dist)…");
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    // a production build whatever the caller runs under: vitest's NODE_ENV=test would give React's
    // and antd's development code (antd then names every dialog "test-id")
    { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  if (r.status !== 0) throw new Error(`vite build exited with ${r.status ?? r.signal}`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWeb(process.argv.includes("--force"));
