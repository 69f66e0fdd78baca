// The web UI in a real browser: Debian's headless Chromium against the real server (API and built
// UI) over the demo, on both databases. The leader sees the demo's figures on Tổng quan and opens
// the tasks behind them; the Sở KH&CN officer reports progress with an evidence file; the leader's
// dashboard changes, and the leader returns the update (the figures come back). Each main screen is
// saved as a screenshot (test-artifacts/screens) and checked by axe-core: no serious or critical
// violation.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium } from "../../scripts/ensure-chromium.ts";
import { message } from "../../src/messages/catalog.ts";
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

type Counts = Record<string, number>;

let server: UiServer;
let leader: Browser;
let officer: Browser;
let leaderApi: ApiClient;
let officerApi: ApiClient;

async function statusCounts(): Promise<Counts> {
  return ((await leaderApi.get("/api/rollups/status")).json() as { counts: Counts }).counts;
}

/** The counts per status, without the total. */
function perStatus(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => k !== "total"));
}

/** The dashboard, loaded afresh, once every figure has arrived and the donut has drawn. */
async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** The counts per status the dashboard shows. */
async function shownCounts(page: Page): Promise<Counts> {
  const out: Counts = {};
  for (const cell of await page.getByTestId("status-counts").locator("[data-status]").all())
    out[String(await cell.getAttribute("data-status"))] = Number(await cell.textContent());
  return out;
}

/** The screen at rest (nothing loading or moving: a fading overlay would fail the contrast check), saved and checked. */
async function checkAccessibility(page: Page, name: string, fullPage = true): Promise<void> {
  await page.locator(".ant-spin-spinning, .ant-skeleton-active").first().waitFor({ state: "detached" });
  // finite animations only: a spinner or a caret may run for ever
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
  await screenshot(page, name, fullPage);
  expect(await seriousViolations(page), name).toEqual([]);
}

beforeAll(async () => {
  // apt-get may install Chromium here on a new machine: minutes, not seconds
  const chromium = ensureChromium();
  server = await startUiServer();
  leaderApi = await server.harness.login("lanhdao");
  officerApi = await server.harness.login("sokhcn");
  leader = await launchBrowser(chromium);
  officer = await launchBrowser(chromium);
}, 15 * 60_000);

afterAll(async () => {
  // no request may still be running when the test database goes away
  for (const b of [leader, officer]) await b?.page.waitForLoadState("networkidle");
  await leader?.close();
  await officer?.close();
  await server?.close();
});

// a loaded CI machine runs other test files beside this one: each step may take a while
describe("web UI in Chromium", { timeout: 180_000 }, () => {
  it("refuses a wrong password with the API's Vietnamese message", async () => {
    const page = leader.page;
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Tên đăng nhập").fill("xem");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const alert = page.getByTestId("login-error");
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(message("api-login-failed", {}, "vi"));
    await checkAccessibility(page, "01-sign-in");
  });

  it("shows the leader the demo's figures on Tổng quan", async () => {
    const page = leader.page;
    await signIn(page, server.url, "lanhdao");
    await openDashboard(page);
    const counts = await statusCounts();
    const deadlines = (await leaderApi.get("/api/rollups/deadlines")).json() as {
      counts: { overdue: number; dueSoon: number };
      overdue: { text: string }[];
    };
    expect(counts.total).toBeGreaterThan(0);
    await expect.poll(() => shownCounts(page), { timeout: 20_000 }).toEqual(perStatus(counts));
    expect(await page.getByTestId("status-total").textContent()).toBe(`${counts.total} phân công`);
    expect(Number(await page.getByTestId("overdue-count").textContent())).toBe(deadlines.counts.overdue);
    expect(await page.getByTestId("overdue").textContent()).toContain(
      deadlines.overdue[0]?.text.slice(0, 40),
    );
    expect(await page.getByTestId("heatmap").locator("td").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("coverage").textContent()).resolves.toContain("Đã quán triệt");
    await checkAccessibility(page, "02-dashboard");
  });

  it("opens the tasks behind a figure, with status tags and countdowns", async () => {
    const page = leader.page;
    const overdue = (await statusCounts()).overdue ?? 0;
    await page.getByTestId("status-counts").locator('[data-status="overdue"] a').click();
    await page.waitForURL(/\/tasks\?status=overdue/);
    await page.getByTestId("tasks-total").waitFor();
    expect(await page.getByTestId("tasks-total").textContent()).toBe(`${overdue} phân công`);
    const rows = page.getByTestId("tasks").locator("tbody tr[data-row-key]");
    expect(await rows.count()).toBe(overdue);
    expect(await rows.first().textContent()).toContain("Quá hạn");
    expect(await rows.first().getByTestId("countdown").textContent()).toMatch(/^quá \d+ ngày$/);
    await checkAccessibility(page, "03-tasks");
  });

  it("narrows the figures by level, opens the tasks of that level, and keeps the saved view with the account", async () => {
    const page = leader.page;
    const communes = ((await leaderApi.get("/api/rollups/status?level=commune")).json() as { counts: Counts })
      .counts;
    expect(perStatus(communes)).not.toEqual(perStatus(await statusCounts()));
    await openDashboard(page);
    await page.getByLabel("Cấp", { exact: true }).click();
    await page.locator('.ant-select-item-option[title="Cấp xã"]').click();
    await page.waitForURL(/level=commune/);
    await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor();
    await expect.poll(() => shownCounts(page), { timeout: 20_000 }).toEqual(perStatus(communes));
    // the rows behind the figure are those of the communes too
    await page.getByTestId("status-total").click();
    await page.waitForURL(/\/tasks\?.*level=commune/);
    await expect
      .poll(() => page.getByTestId("tasks-total").textContent(), { timeout: 20_000 })
      .toBe(`${communes.total} phân công`);
    await page.goBack();

    await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor();
    // a panel the leader does not follow is hidden, and its figure no longer asked for
    const choosePanel = async (label: string) => {
      await page.getByRole("button", { name: "Tùy chỉnh" }).click();
      await page.getByTestId("panel-choice").getByText(label, { exact: true }).click();
      await page.keyboard.press("Escape");
    };
    await choosePanel("Quán triệt và cụ thể hóa");
    await expect.poll(() => page.getByTestId("coverage").count()).toBe(0);
    await page.getByRole("button", { name: "Lưu bộ lọc" }).click();
    await page.getByText("Đã lưu bộ lọc làm mặc định").waitFor();
    expect((await leaderApi.get("/api/auth/me")).json().dashboardView).toEqual({
      level: "commune",
      hidden: ["coverage"],
    });
    // kept with the account, not the browser: a browser that never saw it opens the same view
    const elsewhere = await launchBrowser(ensureChromium());
    try {
      const asked: string[] = [];
      elsewhere.page.on("request", (r) => {
        const u = new URL(r.url());
        asked.push(u.pathname + u.search);
      });
      await signIn(elsewhere.page, server.url, "lanhdao");
      await openDashboard(elsewhere.page);
      await expect.poll(() => shownCounts(elsewhere.page), { timeout: 20_000 }).toEqual(perStatus(communes));
      expect(await elsewhere.page.getByTestId("coverage").count()).toBe(0);
      expect(await elsewhere.page.getByTestId("heatmap").count()).toBe(1);
      expect(asked.filter((a) => a.startsWith("/api/rollups/coverage"))).toEqual([]);
    } finally {
      await elsewhere.page.waitForLoadState("networkidle");
      await elsewhere.close();
    }
    // back to the whole scope and every panel, saved: the next steps count every body
    await page.goto(`${server.url}/?level=`);
    await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor();
    await choosePanel("Quán triệt và cụ thể hóa");
    await page.getByTestId("coverage").waitFor();
    await page.getByRole("button", { name: "Lưu bộ lọc" }).click();
    await expect.poll(async () => (await leaderApi.get("/api/auth/me")).json().dashboardView).toEqual({});
    await openDashboard(page);
    await expect.poll(() => shownCounts(page), { timeout: 20_000 }).toEqual(perStatus(await statusCounts()));
  });

  it("shows the tasks as a tree: document, section, task, the bodies assigned", async () => {
    const page = leader.page;
    const groups = (await leaderApi.get("/api/tasks/documents?pageSize=100")).json() as {
      items: { documentId: number; symbol: string; total: number; counts: Counts }[];
      assignments: number;
    };
    const biggest = [...groups.items].sort((a, b) => b.total - a.total)[0];
    if (!biggest) throw new Error("the demo has no document with tasks");
    await page.goto(`${server.url}/tasks`);
    await expect
      .poll(() => page.getByTestId("tasks-total").textContent(), { timeout: 20_000 })
      .toContain(`${groups.assignments} phân công`);
    const documentRows = page.getByTestId("task-tree").locator("tbody tr[data-row-key]");
    expect(await documentRows.count()).toBe(Math.min(groups.items.length, 20));
    expect(await page.getByTestId(`counts-${biggest.documentId}`).textContent()).toContain(
      `${biggest.total} phân công`,
    );

    await page.locator(`tr[data-row-key="${biggest.documentId}"] .ant-table-row-expand-icon`).click();
    const branch = page.getByTestId(`branch-${biggest.documentId}`);
    await branch.locator('tr[data-kind="assignment"]').first().waitFor();
    const rows = (
      await leaderApi.get(`/api/tasks?documentId=${biggest.documentId}&sort=structure&pageSize=100`)
    ).json().items as { assignmentId: number; taskId: number; sectionPath: { id: number }[] }[];
    expect(await branch.locator('tr[data-kind="assignment"]').count()).toBe(rows.length);
    expect(await branch.locator('tr[data-kind="task"]').count()).toBe(
      new Set(rows.map((r) => r.taskId)).size,
    );
    // a numbered paragraph that is itself a task shows as that task, not as a section above it
    const sections = new Set(
      rows.flatMap((r) => (r.sectionPath.length ? r.sectionPath.map((s) => s.id) : [0])),
    );
    const sectionRows = await branch.locator('tr[data-kind="section"]').count();
    expect(sectionRows).toBeGreaterThan(0);
    expect(sectionRows).toBeLessThanOrEqual(sections.size);
    // nesting: an assignment row sits deeper than its task, a task deeper than its section
    const indent = async (kind: string) =>
      Number(
        (
          await branch.locator(`tr[data-kind="${kind}"] .ant-table-row-indent`).first().getAttribute("class")
        )?.match(/indent-level-(\d+)/)?.[1],
      );
    expect(await indent("assignment")).toBeGreaterThan(await indent("task"));
    expect(await indent("task")).toBeGreaterThan(await indent("section"));
    await checkAccessibility(page, "03b-task-tree");

    const first = rows[0] as (typeof rows)[number];
    await branch.getByTestId(`open-${first.assignmentId}`).click();
    await page.waitForURL(new RegExp(`assignment=${first.assignmentId}`));
    await page.getByTestId("assignment-drawer").waitFor();
    await page.keyboard.press("Escape");
  });

  it("takes the officer's progress report with evidence; the leader's dashboard changes; a returned update no longer counts", async () => {
    const [row] = (
      (await officerApi.get("/api/tasks")).json() as { items: { assignmentId: number; status: string }[] }
    ).items;
    if (!row) throw new Error("sokhcn has no assignment in the demo");
    const before = await statusCounts();

    const page = officer.page;
    await signIn(page, server.url, "sokhcn");
    await page.goto(`${server.url}/tasks?view=list`);
    await page.getByTestId(`open-${row.assignmentId}`).click();
    await page.getByTestId("progress-form").waitFor();
    const evidence = join(tmpdir(), `bien-ban-kiem-tra-${process.pid}.txt`);
    writeFileSync(evidence, "Biên bản kiểm tra tiến độ xây dựng kho dữ liệu dùng chung\n");
    await page.locator('input[type="file"]').setInputFiles(evidence);
    await page.getByText(/^Đã tải lên bien-ban-kiem-tra/).waitFor();
    await page.getByTestId("percent-input").fill("80");
    await page.getByTestId("narrative").fill("Đang nhập dữ liệu của các sở; còn 3 sở chưa kết nối.");
    await page.getByTestId("progress-submit").click();
    await page.getByText("Đã ghi nhận tiến độ").waitFor();
    const drawer = page.getByTestId("assignment-drawer");
    const newest = drawer.locator("[data-update-state]").first();
    await newest.getByText("Đang nhập dữ liệu của các sở").waitFor();
    expect(await newest.getAttribute("data-update-state")).toBe("submitted");
    await checkAccessibility(page, "04-assignment-officer", false);

    const detail = (await officerApi.get(`/api/assignments/${row.assignmentId}`)).json() as {
      percent: number;
      status: string;
      evidenceFiles: { name: string }[];
    };
    expect(detail.percent).toBe(80);
    expect(detail.evidenceFiles.map((f) => f.name)).toContain(`bien-ban-kiem-tra-${process.pid}.txt`);
    const after = await statusCounts();
    expect(after[row.status]).toBe((before[row.status] ?? 0) - (row.status === detail.status ? 0 : 1));
    expect(after[detail.status]).toBe((before[detail.status] ?? 0) + (row.status === detail.status ? 0 : 1));

    // the leader sees it on a fresh dashboard
    await openDashboard(leader.page);
    expect(await shownCounts(leader.page)).toEqual(perStatus(after));
    expect(perStatus(after)).not.toEqual(perStatus(before));

    // and returns the update with a reason: the assignment takes back its figures
    await leader.page.goto(`${server.url}/tasks?assignment=${row.assignmentId}`);
    const leaderDrawer = leader.page.getByTestId("assignment-drawer");
    await leaderDrawer.getByRole("button", { name: "Trả lại" }).first().click();
    await leader.page.getByLabel("Lý do trả lại").fill("Cần kèm danh sách các sở chưa kết nối.");
    await leader.page
      .getByRole("dialog", { name: "Trả lại" })
      .getByRole("button", { name: "Trả lại" })
      .click();
    await leader.page.getByText("Đã trả lại cập nhật").waitFor();
    await leaderDrawer.locator('[data-update-state="returned"]').first().waitFor();
    await checkAccessibility(leader.page, "05-assignment-leader", false);
    await openDashboard(leader.page);
    expect(await shownCounts(leader.page)).toEqual(perStatus(before));
  });

  it("refuses a report made on figures someone else has since changed, reloads them and takes it again", async () => {
    const [row] = ((await officerApi.get("/api/tasks")).json() as { items: { assignmentId: number }[] })
      .items;
    if (!row) throw new Error("sokhcn has no assignment in the demo");
    const page = officer.page;
    await page.goto(`${server.url}/tasks?assignment=${row.assignmentId}`);
    await page.getByTestId("progress-form").waitFor();
    // meanwhile, another report on the same assignment (another tab, another officer)
    const current = await officerApi.get(`/api/assignments/${row.assignmentId}`);
    const other = await officerApi.post(
      `/api/assignments/${row.assignmentId}/progress`,
      { percent: 90, narrative: "Báo cáo từ một phiên làm việc khác." },
      { "if-match": String(current.headers.etag) },
    );
    expect(other.statusCode).toBe(201);
    await page.getByTestId("narrative").fill("Báo cáo soạn trên số liệu cũ.");
    await page.getByTestId("progress-submit").click();
    await page.getByText(/^Phân công vừa được người khác cập nhật/).waitFor();
    await page.getByTestId("assignment-drawer").getByText("Báo cáo từ một phiên làm việc khác.").waitFor();
    await page.getByTestId("progress-submit").click();
    await page.getByText("Đã ghi nhận tiến độ").waitFor();
    const updates = (await officerApi.get(`/api/assignments/${row.assignmentId}/progress`)).json() as {
      narrative: string;
    }[];
    expect(updates.at(-1)?.narrative).toBe("Báo cáo soạn trên số liệu cũ.");
  });

  it("shows the user's role and scope in the user menu; switches to English and keeps the choice", async () => {
    const page = leader.page;
    const me = (await leaderApi.get("/api/auth/me")).json() as { scopeOrganisationId: number };
    const scope = (await leaderApi.get(`/api/organisations/${me.scopeOrganisationId}`)).json() as {
      name: string;
    };
    await openDashboard(page);
    await page.getByTestId("user-menu").click();
    await page.getByText("Vai trò: Lãnh đạo").waitFor();
    await page.getByText(`Phạm vi: ${scope.name}`).waitFor();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await openDashboard(page);
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await page.locator('html[lang="en"]').waitFor({ state: "attached" });
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
  });

  it("sends a user whose session has ended back to the sign-in page, saying so", async () => {
    const page = leader.page;
    await openDashboard(page);
    await leader.context.clearCookies();
    await page.getByRole("link", { name: "Nhiệm vụ", exact: true }).click();
    await page.getByText("Phiên làm việc đã hết, vui lòng đăng nhập lại").waitFor();
    await page.waitForURL(/\/login$/);
    await page.getByLabel("Tên đăng nhập").fill("lanhdao");
    await page.getByLabel("Mật khẩu").fill("trienkhai-demo");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/tasks$/);
    await page.getByTestId("tasks-total").waitFor();
  });
});
