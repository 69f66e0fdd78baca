// Browser tests: Debian's Chromium (installed by scripts/ensure-chromium.ts when missing) driven by
// playwright-core, against the real server (the API and the built web UI) listening on 127.0.0.1
// over a test database holding the demo. Each user gets a browser profile of their own.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ensureChromium } from "../../scripts/ensure-chromium.ts";
import { ensureWeb } from "../../scripts/ensure-web.ts";
import { type ApiHarness, apiHarness, type HarnessOptions } from "./api.ts";

/** Screenshots of the main screens, kept as test artefacts (gitignored). */
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "test-artifacts", "screens");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh headless Chromium profile in Vietnamese. */
export async function launchBrowser(executablePath = ensureChromium()): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "trienkhai-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "vi-VN",
    viewport: { width: 1440, height: 900 },
  });
  // a CI machine busy with other test files can be slow to draw
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface UiServer {
  harness: ApiHarness;
  url: string;
  close(): Promise<void>;
}

/** The web UI built if stale, then the real app listening on a free port of 127.0.0.1. */
export async function startUiServer(options: HarnessOptions = {}): Promise<UiServer> {
  ensureWeb();
  const harness = await apiHarness({
    ...options,
    // one browser signs in many times and loads every asset: the API's per-minute limits are for people
    env: { TRIENKHAI_RATE_LIMIT: "100000", TRIENKHAI_LOGIN_RATE_LIMIT: "1000", ...options.env },
  });
  const url = await harness.app.listen({ host: "127.0.0.1", port: 0 });
  return { harness, url, close: () => harness.close() };
}

/** Signs in through the sign-in page and waits for the first screen. */
export async function signIn(page: Page, url: string, username: string, password = "trienkhai-demo") {
  await page.goto(`${url}/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-menu").waitFor();
}

/** The whole page, or only the window (a drawer or dialog is fixed to it). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG A/AA checks on the page as it is; evaluated through the DevTools protocol, which the page's CSP does not block. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // the function runs in the page: its globals are the page's (no DOM types in this tsconfig)
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<unknown> };
      document: unknown;
    };
    return (await g.axe.run(g.document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

/** Only what blocks people: serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
}
