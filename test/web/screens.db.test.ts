// The web UI's other screens in Chromium against the real server over the demo, on both databases:
// the leader opens an indicator's chart; the monitoring officer enters a value and sees it in the
// chart, and a CSV import with a bad row shows the API's row errors. Each screen is saved as a
// screenshot (test-artifacts/screens) and checked by axe-core: no serious or critical violation.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium } from "../../scripts/ensure-chromium.ts";
import type { ApiClient } from "../support/api.ts";
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
let leader: Browser;
let monitor: Browser;
let admin: Browser;
let leaderApi: ApiClient;

interface IndicatorRow {
  id: number;
  name: string;
  bodies: number;
}

/** The screen at rest (nothing loading or moving), saved and checked. */
async function checkAccessibility(page: Page, name: string): Promise<void> {
  // a hovered button is drawn lighter: the check is of the screen at rest
  await page.mouse.move(0, 0);
  await page.locator(".ant-spin-spinning, .ant-skeleton-active").first().waitFor({ state: "detached" });
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
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

/** An indicator of the demo that some body has values for. */
async function indicatorWithValues(): Promise<IndicatorRow> {
  const list = (await leaderApi.get("/api/indicators?pageSize=200")).json() as { items: IndicatorRow[] };
  const found = list.items.find((i) => i.bodies > 0);
  if (!found) throw new Error("the demo has no indicator with values");
  return found;
}

async function openIndicator(page: Page, id: number): Promise<void> {
  await page.goto(`${server.url}/indicators?indicator=${id}`);
  await page.locator(`[data-testid="indicator-detail"][data-indicator="${id}"]`).waitFor();
  await page.getByTestId("indicator-chart").locator("canvas").waitFor();
}

beforeAll(async () => {
  const chromium = ensureChromium();
  server = await startUiServer();
  leaderApi = await server.harness.login("lanhdao");
  leader = await launchBrowser(chromium);
  monitor = await launchBrowser(chromium);
  admin = await launchBrowser(chromium);
}, 15 * 60_000);

afterAll(async () => {
  for (const b of [leader, monitor, admin]) await b?.page.waitForLoadState("networkidle");
  await leader?.close();
  await monitor?.close();
  await admin?.close();
  await server?.close();
});

describe("screens in Chromium", { timeout: 180_000 }, () => {
  it("shows the leader the indicators and one indicator's chart with its series", async () => {
    const page = leader.page;
    await signIn(page, server.url, "lanhdao");
    await page.goto(`${server.url}/indicators`);
    await page.getByTestId("indicators").locator(".ant-table-row").first().waitFor();
    await checkAccessibility(page, "20-indicators");

    const indicator = await indicatorWithValues();
    await openIndicator(page, indicator.id);
    const chart = page.getByTestId("indicator-chart");
    expect(await chart.getAttribute("data-actual")).not.toBe("");
    expect(await chart.getAttribute("aria-label")).toContain("Thực tế");
    // the leader reads: no entry form
    expect(await page.getByTestId("value-form").count()).toBe(0);
    await checkAccessibility(page, "21-indicator-chart");
  });

  it("lets the monitoring officer enter a value and see it in the chart", async () => {
    const page = monitor.page;
    await signIn(page, server.url, "theodoi");
    const indicator = await indicatorWithValues();
    await openIndicator(page, indicator.id);
    const form = page.getByTestId("value-form");
    await form.getByLabel("Kỳ").fill("2026");
    await form.getByLabel("Giá trị").fill("72,5");
    await form.getByRole("button", { name: "Lưu số liệu" }).click();
    const chart = page.getByTestId("indicator-chart");
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { querySelector(s: string): { dataset: { actual: string } } } }
      ).document
        .querySelector('[data-testid="indicator-chart"]')
        ?.dataset.actual.includes("2026:72.5"),
    );
    expect(await chart.getAttribute("aria-label")).toContain("2026 72,5");
    await expect(page.getByTestId("indicator-values").textContent()).resolves.toContain("72,5");
    await checkAccessibility(page, "22-indicator-entry");
  });

  it("shows the API's row errors of a rejected import", async () => {
    const page = monitor.page;
    const file = join(tmpdir(), `trienkhai-values-${process.pid}.csv`);
    writeFileSync(file, "Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị,Ghi chú\n999999,KHONG-CO,2025,abc,\n");
    await page.getByTestId("value-import").locator('input[type="file"]').setInputFiles(file);
    const error = page.getByTestId("import-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/dòng 2/i);
    await checkAccessibility(page, "23-indicator-import-error");
  });

  it("shows the reporting completeness matrix and submits a missing report", async () => {
    const page = monitor.page;
    const cycles = (await leaderApi.get("/api/reporting-cycles?pageSize=200")).json() as {
      items: { id: number; bodiesInScope: number }[];
    };
    const cycle = cycles.items.find((c) => c.bodiesInScope > 0);
    if (!cycle) throw new Error("the demo has no reporting cycle");
    await page.goto(`${server.url}/reports?cycle=${cycle.id}`);
    const matrix = page.getByTestId("completeness-matrix");
    await matrix.waitFor();
    expect(await matrix.locator("td").count()).toBeGreaterThan(0);
    await checkAccessibility(page, "24-reports");

    const cell = matrix.locator('td[data-state="missing"], td[data-state="not_yet_due"]').first();
    const period = await cell.getAttribute("data-period");
    const row = cell.locator("xpath=..");
    const body = await row.locator("th").textContent();
    await cell.getByRole("button").click();
    const form = page.getByTestId("report-form");
    await form.getByLabel("Nội dung báo cáo").fill("Đã triển khai đầy đủ các nội dung trong kỳ.");
    await checkAccessibility(page, "25-report-submit");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    await form.waitFor({ state: "detached" });
    const after = matrix
      .locator("tr", { has: page.getByRole("rowheader", { name: body ?? "", exact: true }) })
      .locator(`td[data-period="${period}"]`);
    await expect
      .poll(async () => after.getAttribute("data-state"), { timeout: 30_000 })
      .toMatch(/^(on_time|late)$/);
  });

  it("records a dissemination session", async () => {
    const page = monitor.page;
    const documents = (
      await leaderApi.get("/api/documents?status=published&pageSize=1&sort=-date")
    ).json() as {
      items: { symbol: string }[];
    };
    const symbol = documents.items[0]?.symbol ?? "";
    await page.goto(`${server.url}/dissemination`);
    await page.getByTestId("dissemination").locator(".ant-table").waitFor();
    await checkAccessibility(page, "26-dissemination");
    await page.getByRole("button", { name: "Ghi nhận buổi quán triệt" }).click();
    const form = page.getByTestId("dissemination-form");
    await form.getByLabel("Văn bản").click();
    await page.keyboard.type(symbol);
    await page.locator(".ant-select-item-option", { hasText: symbol }).first().click();
    await form.getByLabel("Ngày").fill("20/11/2026");
    await page.keyboard.press("Enter");
    await form.getByLabel("Số người dự").fill("45");
    await checkAccessibility(page, "27-dissemination-form");
    await page.getByRole("button", { name: "Lưu" }).click();
    await form.waitFor({ state: "detached" });
    const row = page.getByTestId("dissemination").locator(".ant-table-row", { hasText: "20/11/2026" });
    await expect(row.first().textContent()).resolves.toContain("45");
  });

  it("records an inspection with a follow-up", async () => {
    const page = monitor.page;
    await page.goto(`${server.url}/inspections`);
    await page.getByTestId("inspections").locator(".ant-table").waitFor();
    await checkAccessibility(page, "28-inspections");
    await page.getByRole("button", { name: "Ghi nhận cuộc kiểm tra" }).click();
    const form = page.getByTestId("inspection-form");
    await form.getByLabel("Văn bản").click();
    await page.locator(".ant-select-item-option").first().click();
    await form.getByLabel("Đơn vị được kiểm tra").click();
    await page.keyboard.type("Sở Khoa học");
    await page.locator(".ant-select-item-option", { hasText: "Sở Khoa học" }).first().click();
    await form.getByLabel("Ngày").fill("21/11/2026");
    await page.keyboard.press("Enter");
    await form.getByLabel("Kết luận").fill("Đơn vị đã triển khai, còn chậm cập nhật số liệu chỉ tiêu.");
    await form.getByRole("button", { name: "Thêm việc cần khắc phục" }).click();
    await form.getByLabel("Nội dung cần khắc phục").fill("Cập nhật số liệu chỉ tiêu quý IV");
    await checkAccessibility(page, "29-inspection-form");
    await page.getByRole("button", { name: "Lưu" }).click();
    await form.waitFor({ state: "detached" });
    const row = page.getByTestId("inspections").locator(".ant-table-row", { hasText: "21/11/2026" });
    await expect(row.first().textContent()).resolves.toContain("chậm cập nhật");
  });

  it("shows the organisation tree, loading a level on demand, and a body's history", async () => {
    const page = leader.page;
    await page.goto(`${server.url}/organisations`);
    const tree = page.getByTestId("organisation-tree");
    await tree.locator(".ant-tree-treenode").first().waitFor();
    const before = await tree.locator(".ant-tree-treenode").count();
    const closed = tree.locator(".ant-tree-switcher_close").first();
    if ((await closed.count()) > 0) {
      await closed.click();
      await expect.poll(() => tree.locator(".ant-tree-treenode").count()).toBeGreaterThan(before);
    }
    await tree.locator(".ant-tree-node-content-wrapper").nth(1).click();
    const detail = page.getByTestId("organisation-detail");
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain("Đơn vị kế thừa");
    // the kind in words, not its code
    expect(await detail.getByTestId("organisation-kind").textContent()).toMatch(/^[^_]*\p{Lu}/u);
    await checkAccessibility(page, "30-organisations");
  });

  it("shows a non-administrator the API's refusal on Người dùng", async () => {
    const page = monitor.page;
    await page.goto(`${server.url}/users`);
    const error = page.getByTestId("users-error");
    await error.waitFor();
    expect((await error.textContent())?.length).toBeGreaterThan(10);
  });

  it("lets the administrator add a user and read the audit log", async () => {
    const page = admin.page;
    await signIn(page, server.url, "quantri");
    await page.goto(`${server.url}/users`);
    const users = page.getByTestId("users");
    await users.locator(".ant-table-row", { hasText: "lanhdao" }).waitFor();
    await checkAccessibility(page, "31-users");
    await page.getByRole("button", { name: "Thêm người dùng" }).click();
    const form = page.getByTestId("user-form");
    await form.getByLabel("Tên đăng nhập").fill("kiemthu");
    await form.getByLabel("Họ và tên").fill("Cán bộ kiểm thử");
    await form.getByLabel("Mật khẩu ban đầu").fill("Kiem-thu-trienkhai-2026");
    await page.getByRole("button", { name: "Lưu" }).click();
    await form.waitFor({ state: "detached" });
    await page.getByLabel("Tìm theo tên đăng nhập hoặc họ tên").fill("kiemthu");
    await page.keyboard.press("Enter");
    await users.locator(".ant-table-row", { hasText: "Cán bộ kiểm thử" }).waitFor();

    await page.goto(`${server.url}/audit`);
    const audit = page.getByTestId("audit");
    await audit.locator(".ant-table-row").first().waitFor();
    await expect(audit.locator(".ant-table-row").first().textContent()).resolves.toContain("user");
    await audit.locator(".ant-table-row-expand-icon").first().click();
    await audit.locator(".ant-table-expanded-row").first().waitFor();
    await checkAccessibility(page, "32-audit");
  });
});
