// Văn bản in a real browser: the monitoring officer finds documents in the list, drops a document of
// the project's corpus on the import box, watches its progress, reviews the draft — the source text
// beside the extraction, a click showing a task's and an assignment's span — maps a phrase no
// organisation matched (or, should the draft have none, corrects a field), publishes, and finds its
// tasks in Nhiệm vụ. What the parser extracted is read from the API, never written here. The list
// and the review are saved as screenshots and checked by axe-core; the review is also the README's.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
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

const ROOT = join(import.meta.dirname, "..", "..");
// a plan of a commune of the demo's province (in the monitor's scope), not one of the demo's own documents
const CORPUS_FILE = join(ROOT, "corpus", "documents", "15_kh-ubnd-xa-binh-son.txt");
const README_SCREENS = join(ROOT, "docs", "screens");

interface Detail {
  id: number;
  status: string;
  version: number;
  place: string | null;
  sourceText: string | null;
  tasks: {
    text: string;
    span: { start: number; end: number } | null;
    assignments: { id: number; organisationId: number | null; phrase: string }[];
  }[];
}

let server: UiServer;
let browser: Browser;
let monitorApi: ApiClient;
let documentId = 0;

/** The screen at rest (no spinner, no running finite animation), saved and checked by axe-core. */
async function checkAccessibility(page: Page, name: string): Promise<string> {
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
  const path = await screenshot(page, name, false);
  expect(await seriousViolations(page), name).toEqual([]);
  return path;
}

async function detail(): Promise<Detail> {
  return (await monitorApi.get(`/api/documents/${documentId}`)).json() as Detail;
}

beforeAll(async () => {
  const chromium = ensureChromium();
  server = await startUiServer();
  monitorApi = await server.harness.login("theodoi");
  browser = await launchBrowser(chromium);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.page.waitForLoadState("networkidle");
  await browser?.close();
  await server?.close();
});

describe("Văn bản in Chromium", { timeout: 180_000 }, () => {
  it("lists the documents of the monitor's scope and finds one without diacritics", async () => {
    const page = browser.page;
    await signIn(page, server.url, "theodoi");
    await page.goto(`${server.url}/documents`);
    const listed = (await monitorApi.get("/api/documents?pageSize=1")).json() as {
      total: number;
      items: { title: string | null }[];
    };
    expect(listed.total).toBeGreaterThan(0);
    await expect
      .poll(async () => page.getByTestId("documents-total").textContent(), { timeout: 30_000 })
      .toBe(`${listed.total} văn bản`);
    await checkAccessibility(page, "30-documents");

    // the first document's title, folded to plain letters, still finds it
    const title = String(listed.items[0]?.title);
    const word = title
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[đĐ]/g, "d")
      .split(/\s+/)
      .slice(0, 3)
      .join(" ");
    const search = page.locator('input[aria-label="Tìm theo số, ký hiệu, trích yếu…"]');
    await search.fill(word);
    await search.press("Enter");
    await page.waitForURL(/q=/);
    await page.getByRole("cell", { name: title }).first().waitFor();
  });

  it("imports a corpus document with its progress shown, then opens the review", async () => {
    const page = browser.page;
    await page.goto(`${server.url}/documents`);
    // every stage the progress bar shows is recorded, however quickly the import runs
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        stages: string[];
        document: { body: unknown; querySelector(s: string): { textContent: string } | null };
        MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void };
      };
      g.stages = [];
      new g.MutationObserver(() => {
        const s = g.document.querySelector('[data-testid="import-stage"]')?.textContent;
        if (s && g.stages.at(-1) !== s) g.stages.push(s);
      }).observe(g.document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('[data-testid="import"] input[type="file"]').setInputFiles(CORPUS_FILE);
    await page.waitForURL(/\/documents\/\d+$/);
    documentId = Number(/\/documents\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByTestId("review").waitFor();
    const stages = (await page.evaluate(
      () => (globalThis as unknown as { stages: string[] }).stages,
    )) as string[];
    expect(stages.length).toBeGreaterThan(0);
    const known = [
      "Đang chờ xử lý",
      "Đang đọc tệp",
      "Đang nhận dạng chữ (OCR)",
      "Đang bóc tách nội dung",
      "Đang lưu bản nháp",
      "Hoàn tất",
    ];
    for (const s of stages) expect(known).toContain(s);
    const d = await detail();
    expect(d.status).toBe("imported");
    expect(d.sourceText).not.toBeNull();
  });

  it("marks a task's span in the source text when the task is clicked", async () => {
    const page = browser.page;
    const d = await detail();
    const index = d.tasks.findIndex((t) => t.span !== null);
    expect(index).toBeGreaterThanOrEqual(0);
    const task = d.tasks[index] as Detail["tasks"][number];
    const span = task.span as { start: number; end: number };
    await page.getByTestId("task-text").nth(index).click();
    await expect
      .poll(() => page.getByTestId("source-mark").textContent(), { timeout: 30_000 })
      .toBe(String(d.sourceText).slice(span.start, span.end));
  });

  it("says when someone else changed the draft meanwhile, and shows their change", async () => {
    const page = browser.page;
    const before = await detail();
    await page.locator(`[data-testid="document"][data-version="${before.version}"]`).waitFor();
    const theirs = `${before.place ?? ""} (sửa nơi khác)`.trim();
    const r = await monitorApi.patch(
      `/api/documents/${documentId}`,
      { place: theirs },
      { "if-match": `"${before.version}"` },
    );
    expect(r.statusCode).toBe(200);
    await page.getByLabel("Địa danh").fill("Nơi khác");
    await page.getByTestId("save-fields").click();
    await page.locator(".ant-message-notice", { hasText: "Văn bản vừa được người khác sửa" }).waitFor();
    await page.locator(`[data-testid="document"][data-version="${before.version + 1}"]`).waitFor();
    await expect.poll(() => page.getByLabel("Địa danh").inputValue(), { timeout: 30_000 }).toBe(theirs);
    expect((await detail()).place).toBe(theirs);
  });

  it("maps an unresolved body phrase to an organisation (or corrects a field when none is left)", async () => {
    const page = browser.page;
    const before = await detail();
    const unresolved = before.tasks.flatMap((t) => t.assignments).find((a) => a.organisationId === null);
    if (unresolved) {
      // a body named like the phrase, else any body of the scope: the choice is the officer's
      const search = async (q: string) =>
        (
          (await monitorApi.get(`/api/organisations?pageSize=100&q=${encodeURIComponent(q)}`)).json() as {
            items: { id: number; name: string; inForce: boolean; isGroup: boolean; inScope: boolean }[];
          }
        ).items.find((o) => o.inForce && !o.isGroup && o.inScope);
      const target = (await search(unresolved.phrase)) ?? (await search(""));
      if (!target) throw new Error("no organisation in the monitor's scope");
      const row = page.locator(`[data-testid="assignment"][data-unresolved="true"]`).first();
      // the phrase is marked where it was read
      await row.getByTestId("assignment-phrase").click();
      expect((await page.getByTestId("source-mark").textContent())?.toLocaleLowerCase("vi")).toContain(
        unresolved.phrase.toLocaleLowerCase("vi"),
      );
      await row.getByRole("combobox").fill(target.name);
      await page.locator(".ant-select-item-option", { hasText: target.name }).first().click();
      await row.getByTestId("map-organisation").click();
      await expect
        .poll(
          async () => {
            const a = (await detail()).tasks
              .flatMap((t) => t.assignments)
              .find((x) => x.id === unresolved.id);
            return a?.organisationId;
          },
          { timeout: 30_000 },
        )
        .toBe(target.id);
    } else {
      // the corpus draft has no unresolved phrase: the place is corrected instead
      const place = `${before.place ?? ""} (đã soát)`.trim();
      await page.getByLabel("Địa danh").fill(place);
      await page.getByTestId("save-fields").click();
      await expect.poll(async () => (await detail()).place).toBe(place);
    }
    await page.locator(`[data-testid="document"][data-version="${(await detail()).version}"]`).waitFor();
    // the README's picture: the top of the review, the first task marked in the source
    await page.locator(".ant-message-notice").first().waitFor({ state: "detached" });
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page.getByTestId("task-text").first().click();
    await page.getByTestId("source-mark").waitFor();
    const shot = await checkAccessibility(page, "31-review");
    // the README's copy is made again only once removed: test runs leave the tree clean
    if (!existsSync(join(README_SCREENS, "review.png"))) {
      mkdirSync(README_SCREENS, { recursive: true });
      copyFileSync(shot, join(README_SCREENS, "review.png"));
    }
  });

  it("publishes the draft and shows its tasks in Nhiệm vụ", async () => {
    const page = browser.page;
    await page.getByTestId("publish").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.waitForURL(new RegExp(`/tasks\\?documentId=${documentId}$`));
    expect((await detail()).status).toBe("published");
    const tasks = (await monitorApi.get(`/api/tasks?documentId=${documentId}&pageSize=1`)).json() as {
      total: number;
    };
    expect(tasks.total).toBeGreaterThan(0);
    // one document: its branch of the task tree is open, every assignment in it
    await expect
      .poll(() => page.getByTestId("tasks-total").textContent(), { timeout: 30_000 })
      .toBe(`1 văn bản · ${tasks.total} phân công`);
    await expect
      .poll(() => page.getByTestId(`branch-${documentId}`).locator('tr[data-kind="assignment"]').count())
      .toBe(Math.min(tasks.total, 100));
  });

  it("shows the published document's sections and lineage tree", async () => {
    const page = browser.page;
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.getByTestId("sections").waitFor();
    await page.getByRole("tab", { name: "Cây văn bản" }).click();
    await page.getByTestId("lineage").waitFor();
    expect(await page.getByTestId("lineage-node").count()).toBeGreaterThan(0);
  });
});
