// The task tree of Nhiệm vụ: documents with their assignments counted by status
// (GET /api/tasks/documents), each document's assignments in its own order with the section path of
// their task (sort=structure), and the level filter the dashboard's figures pass on.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

interface Group {
  documentId: number;
  symbol: string | null;
  counts: Record<string, number>;
  total: number;
}
interface Row {
  assignmentId: number;
  taskId: number;
  documentId: number;
  organisationId: number | null;
  role: string;
  status: string;
  sectionPath: { id: number; label: string; heading: string }[];
}

let h: ApiHarness;
let monitor: ApiClient;

beforeAll(async () => {
  h = await apiHarness();
  monitor = await h.login("theodoi");
});
afterAll(async () => {
  await h?.close();
});

async function allRows(query: string): Promise<{ items: Row[]; total: number }> {
  const items: Row[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const r = (await monitor.get(`/api/tasks?${query}&pageSize=500&page=${page}`)).json();
    items.push(...r.items);
    total = r.total;
    if (items.length >= total || r.items.length === 0) break;
  }
  return { items, total };
}

describe("the task tree", () => {
  it("counts each document's assignments by status, agreeing with the task list", async () => {
    const groups = (await monitor.get("/api/tasks/documents?pageSize=500")).json() as {
      items: Group[];
      total: number;
      assignments: number;
    };
    expect(groups.total).toBeGreaterThan(1);
    expect(groups.items).toHaveLength(groups.total);
    const list = await allRows("sort=structure");
    expect(groups.assignments).toBe(list.total);
    for (const g of groups.items) {
      const mine = list.items.filter((r) => r.documentId === g.documentId);
      expect(g.total, g.symbol ?? "").toBe(mine.length);
      for (const [status, n] of Object.entries(g.counts))
        expect(n, `${g.symbol} ${status}`).toBe(mine.filter((r) => r.status === status).length);
    }

    const overdue = (await monitor.get("/api/tasks/documents?status=overdue&pageSize=500")).json();
    const overdueTotal = (await monitor.get("/api/tasks?status=overdue&pageSize=1")).json().total;
    expect(overdue.assignments).toBe(overdueTotal);
    for (const g of overdue.items as Group[]) {
      expect(g.total).toBe(g.counts.overdue);
      expect(Object.entries(g.counts).filter(([s, n]) => s !== "overdue" && n > 0)).toEqual([]);
    }

    const page2 = (await monitor.get("/api/tasks/documents?pageSize=1&page=2")).json();
    expect(page2.items.map((g: Group) => g.documentId)).toEqual([groups.items[1]?.documentId]);
  });

  it("gives a document's assignments in its own order, each with its section path from the top", async () => {
    const groups = (await monitor.get("/api/tasks/documents?pageSize=500")).json().items as Group[];
    const biggest = [...groups].sort((a, b) => b.total - a.total)[0] as Group;
    const { items } = await allRows(`documentId=${biggest.documentId}&sort=structure`);
    expect(items.length).toBe(biggest.total);

    const sections = await rows<{ id: number; parent_id: number | null; ordinal: number; label: string }>(
      h.db,
      sql`select id, parent_id, ordinal, label from sections where document_id = ${biggest.documentId}`,
    );
    const byId = new Map(sections.map((s) => [s.id, s]));
    const withSection = items.filter((r) => r.sectionPath.length > 0);
    expect(withSection.length).toBeGreaterThan(0);
    for (const r of withSection) {
      const [top, ...rest] = r.sectionPath;
      expect(byId.get(top?.id ?? -1)?.parent_id).toBeNull();
      let parent = top?.id;
      for (const step of rest) {
        expect(byId.get(step.id)?.parent_id).toBe(parent);
        expect(byId.get(step.id)?.label).toBe(step.label);
        parent = step.id;
      }
    }
    // sections in the document's order, each task's assignments together with its lead body first
    const ordinals = items.map((r) => byId.get(r.sectionPath.at(-1)?.id ?? -1)?.ordinal ?? -1);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    const seen = new Set<number>();
    let previous: number | null = null;
    for (const r of items) {
      if (r.taskId !== previous) {
        expect(seen.has(r.taskId), `task ${r.taskId} comes back after another`).toBe(false);
        seen.add(r.taskId);
        const ofTask = items.filter((x) => x.taskId === r.taskId);
        if (ofTask.some((x) => x.role === "lead")) expect(r.role).toBe("lead");
      }
      previous = r.taskId;
    }
  });

  it("keeps the bodies of one level, as the dashboard's figure for that level counts them", async () => {
    const communes = await allRows("level=commune");
    expect(communes.total).toBeGreaterThan(0);
    const levels = await rows<{ level: string }>(
      h.db,
      sql`select distinct level from organisations where id = any(${`{${communes.items.map((r) => r.organisationId).join(",")}}`}::int[])`,
    );
    expect(levels.map((l) => l.level)).toEqual(["commune"]);
    const figure = (await monitor.get("/api/rollups/status?level=commune")).json();
    expect(communes.total).toBe(figure.counts.total);
    const bad = await monitor.get("/api/tasks?level=village");
    expect(bad.statusCode).toBe(400);
  });
});
