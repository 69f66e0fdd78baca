// Xuất báo cáo in a real browser: the monitoring officer opens the demo's published programme
// 215-CTr/TU, asks for its interim review of 2026 as DOCX, watches the progress and downloads the
// file, which is a DOCX (a ZIP) of real size. The modal is saved as a screenshot and checked by axe-core.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium } from "../../scripts/ensure-chromium.ts";
import {
  type Browser,
  launchBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startUiServer,
  type UiServer,
} from "../support/browser.ts";

let server: UiServer;
let browser: Browser;
let documentId = 0;

beforeAll(async () => {
  const chromium = ensureChromium();
  server = await startUiServer();
  const monitor = await server.harness.login("theodoi");
  const listed = (await monitor.get(`/api/documents?q=${encodeURIComponent("215-CTr/TU")}`)).json() as {
    items: { id: number; symbol: string | null; status: string }[];
  };
  const doc = listed.items.find((d) => d.symbol === "215-CTr/TU");
  expect(doc?.status).toBe("published");
  documentId = Number(doc?.id);
  browser = await launchBrowser(chromium);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.page.waitForLoadState("networkidle");
  await browser?.close();
  await server?.close();
});

describe("Xuất báo cáo in Chromium", { timeout: 180_000 }, () => {
  it("exports the interim review of 215-CTr/TU for 2026 as DOCX and downloads it", async () => {
    const page = browser.page;
    await signIn(page, server.url, "theodoi");
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.getByTestId("export-open").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Xuất báo cáo sơ kết, tổng kết").waitFor();
    await dialog.getByLabel("Năm").fill("2026");
    await dialog.getByLabel("Sơ kết").check();
    await dialog.getByLabel("DOCX (báo cáo)").check();
    await dialog.getByTestId("export-start").click();

    const progress = dialog.getByTestId("export-progress");
    await expect.poll(() => progress.getAttribute("data-state"), { timeout: 120_000 }).toBe("done");
    expect(await progress.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    await dialog.getByText(/^Đã xuất xong: /).waitFor();
    // at rest: the bar's width and the buttons' transitions have finished
    await page.mouse.move(0, 0);
    await page.waitForFunction(() =>
      (
        globalThis as unknown as {
          document: {
            getAnimations(): { playState: string; effect: { getTiming(): { iterations: number } } | null }[];
          };
        }
      ).document
        .getAnimations()
        .every(
          (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    );
    await screenshot(page, "35-report-export", false);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByTestId("export-download").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(5 * 1024);

    // a period not yet begun: the API's own Vietnamese reason is shown
    await dialog.getByLabel("Năm").fill("2027");
    await dialog.getByTestId("export-start").click();
    await expect
      .poll(() => dialog.getByTestId("export-error").textContent())
      .toMatch(/^Kỳ 2027 chưa bắt đầu/);
  });
});
