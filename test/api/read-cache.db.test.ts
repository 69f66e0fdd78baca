// The task list through the exact read cache (src/db/read-cache.ts): a repeated list comes from
// memory, and any change to what it shows, through the API, straight in SQL from another
// connection or by a transaction still open while lists are read, shows in the very next list.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCacheStats } from "../../src/db/read-cache.ts";
import { rows } from "../../src/db/rows.ts";
import { API_TODAY, type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

interface Row {
  assignmentId: number;
  percent: number;
  status: string;
  version: number;
}
interface Page {
  items: Row[];
  total: number;
}

let h: ApiHarness;
let monitor: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  h = await apiHarness();
  monitor = await h.login("theodoi");
  officer = await h.login("sokhcn");
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** The list and whether it came from the cache. */
async function list(client: ApiClient, url: string): Promise<{ page: Page; hit: boolean }> {
  const hits = readCacheStats.hits;
  const misses = readCacheStats.misses;
  const r = await client.get(url);
  expect(r.statusCode).toBe(200);
  const hit = readCacheStats.hits === hits + 1;
  expect(hit || readCacheStats.misses === misses + 1).toBe(true);
  return { page: r.json() as Page, hit };
}

/** A change in SQL made the way another instance would: its own connection on PostgreSQL. */
async function elsewhere(statement: string): Promise<void> {
  if (h.database.kind === "pglite") {
    await h.db.execute(sql.raw(statement));
    return;
  }
  const client = new pg.Client({ connectionString: h.database.location });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function percentOf(id: number): Promise<number> {
  const [r] = await rows<{ percent: number }>(h.db, sql`select percent from assignments where id = ${id}`);
  return r?.percent ?? -1;
}

describe("the task list's read cache", () => {
  it("answers a repeated list from memory with the same rows and total", async () => {
    for (const url of [
      "/api/tasks?pageSize=50",
      "/api/tasks?pageSize=20&page=2&sort=-percent",
      "/api/tasks?status=overdue,in_progress&pageSize=10",
      "/api/tasks?q=chuyen%20doi%20so",
    ]) {
      const first = await list(monitor, url);
      expect(first.hit).toBe(false);
      const second = await list(monitor, url);
      expect(second.hit).toBe(true);
      expect(second.page).toEqual(first.page);
    }
    // the same filter written another way is the same entry
    await list(monitor, "/api/tasks?status=overdue,in_progress&pageSize=10");
    expect((await list(monitor, "/api/tasks?status=in_progress,overdue&pageSize=10")).hit).toBe(true);
  });

  it("answers byte for byte as the route does without it", async () => {
    const url = "/api/tasks?pageSize=30&sort=organisation";
    await monitor.get(url);
    const cached = await monitor.get(url);
    h.ctx.config.readCache = false;
    try {
      const hits = readCacheStats.hits;
      const plain = await monitor.get(url);
      expect(readCacheStats.hits).toBe(hits);
      expect(cached.body).toBe(plain.body);
      expect(cached.headers["content-type"]).toBe(plain.headers["content-type"]);
    } finally {
      h.ctx.config.readCache = true;
    }
  });

  it("shows a progress update made through the API in the very next list", async () => {
    const url = "/api/tasks?pageSize=50";
    const [own] = (await list(officer, url)).page.items;
    if (!own) throw new Error("the demo officer has no assignment");
    await list(monitor, url);
    expect((await list(monitor, url)).hit).toBe(true);
    const r = await officer.post(
      `/api/assignments/${own.assignmentId}/progress`,
      { percent: own.percent, narrative: "read cache" },
      { "if-match": `"${own.version}"` },
    );
    expect(r.statusCode).toBe(201);
    for (const client of [officer, monitor]) {
      const after = await list(client, url);
      expect(after.hit).toBe(false);
      const row = after.page.items.find((i) => i.assignmentId === own.assignmentId);
      expect(row?.version).toBe((r.json() as { version: number }).version);
      expect(row?.version).toBeGreaterThan(own.version);
    }
  });

  it("shows a change made in SQL by another connection in the next list", async () => {
    const url = "/api/tasks?pageSize=50";
    const [first] = (await list(monitor, url)).page.items;
    if (!first) throw new Error("the monitor sees no assignment");
    expect((await list(monitor, url)).hit).toBe(true);
    const percent = first.percent === 37 ? 38 : 37;
    await elsewhere(`update assignments set percent = ${percent} where id = ${first.assignmentId}`);
    const next = await list(monitor, url);
    expect(next.hit).toBe(false);
    expect(next.page.items[0]?.percent).toBe(percent);
    // a section renamed shows in the section path of the tasks under it
    const structured = "/api/tasks?pageSize=50&sort=structure";
    const under = (await list(monitor, structured)).page.items.find(
      (i) => (i as Row & { sectionPath: unknown[] }).sectionPath.length > 0,
    ) as (Row & { sectionPath: { id: number; heading: string }[] }) | undefined;
    if (!under) throw new Error("no task of the demo sits in a section");
    expect((await list(monitor, structured)).hit).toBe(true);
    const section = under.sectionPath[0] as { id: number; heading: string };
    await elsewhere(`update sections set heading = 'ĐỔI TÊN MỤC' where id = ${section.id}`);
    const renamed = await list(monitor, structured);
    expect(renamed.hit).toBe(false);
    const again = renamed.page.items.find((i) => i.assignmentId === under.assignmentId) as typeof under;
    expect(again.sectionPath[0]?.heading).toBe("ĐỔI TÊN MỤC");
    await elsewhere(`update sections set heading = $h$${section.heading}$h$ where id = ${section.id}`);
    // a document withdrawn from publication leaves the list at once
    const [doc] = await rows<{ id: number; n: number }>(
      h.db,
      sql`select document_id as id, count(*)::int as n from assignments where id = ${first.assignmentId}
        group by document_id`,
    );
    await elsewhere(`update documents set status = 'imported' where id = ${doc?.id}`);
    const withdrawn = await list(monitor, url);
    expect(withdrawn.page.items.some((i) => i.assignmentId === first.assignmentId)).toBe(false);
    expect(withdrawn.page.total).toBeLessThan(next.page.total);
    await elsewhere(`update documents set status = 'published' where id = ${doc?.id}`);
    expect((await list(monitor, url)).page).toEqual(next.page);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "caches nothing while another connection's write is uncommitted, and shows it once committed",
    async () => {
      const url = "/api/tasks?pageSize=50";
      const [first] = (await list(monitor, url)).page.items;
      if (!first) throw new Error("the monitor sees no assignment");
      const before = first.percent;
      const percent = before === 41 ? 42 : 41;
      const writer = new pg.Client({ connectionString: h.database.location });
      await writer.connect();
      try {
        await writer.query("begin");
        // the version moves now, the change is seen only at commit: a list read in between must
        // not be remembered under the new version
        await writer.query(`update assignments set percent = ${percent} where id = ${first.assignmentId}`);
        for (let i = 0; i < 2; i++) {
          const during = await list(monitor, url);
          expect(during.hit).toBe(false);
          expect(during.page.items[0]?.percent).toBe(before);
        }
        await writer.query("commit");
      } finally {
        await writer.end();
      }
      expect(await percentOf(first.assignmentId)).toBe(percent);
      const after = await list(monitor, url);
      expect(after.page.items[0]?.percent).toBe(percent);
      expect((await list(monitor, url)).hit).toBe(true);
    },
  );

  it("keeps each day apart", async () => {
    const url = "/api/tasks?pageSize=50&sort=-deadline";
    const today = await list(monitor, url);
    expect((await list(monitor, url)).hit).toBe(true);
    const original = h.ctx.today;
    try {
      h.ctx.today = () => "2031-01-01";
      const later = await list(monitor, url);
      expect(later.hit).toBe(false);
      expect(later.page.items.map((i) => i.status)).not.toEqual(today.page.items.map((i) => i.status));
    } finally {
      h.ctx.today = original;
    }
    expect(h.ctx.today()).toBe(API_TODAY);
    const back = await list(monitor, url);
    expect(back.hit).toBe(true);
    expect(back.page).toEqual(today.page);
  });

  it("never shares entries between users of different scopes", async () => {
    const url = "/api/tasks?pageSize=50&sort=updated";
    const commune = await h.login("xabinhson");
    const province = await list(monitor, url);
    expect((await list(monitor, url)).hit).toBe(true);
    const own = await list(commune, url);
    expect(own.hit).toBe(false);
    expect(own.page.total).toBeLessThan(province.page.total);
    expect((await list(commune, url)).page).toEqual(own.page);
    // a user of the same scope may share the province's entry: it is the same list
    const leader = await list(await h.login("lanhdao"), url);
    expect(leader.page).toEqual(province.page);
  });
});
