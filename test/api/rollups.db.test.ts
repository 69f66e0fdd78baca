// The dashboard figures over the API, read by the province's leader and by unit officers of a
// department and a commune: every count equals the rows the figure returns with rows=true, each
// row's status is the one src/domain computes from the stored data, and a narrower scope counts a
// subset of the wider one. Filters outside the scope are refused.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { outcomeRollup, rollup } from "../../src/domain/rollup.ts";
import { assignmentStatus, STATUSES, type Status } from "../../src/domain/status.ts";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../../src/domain/trajectory.ts";
import type { Recurrence } from "../../src/parser/schema.ts";
import { API_TODAY, type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";
import { importText } from "../support/fixtures.ts";
import { OUTSIDE_PLAN } from "../support/targets.ts";

// A plan of the provincial People's Committee's Party committee carrying out the programme: the
// concretization the programme asks of it, one of its tasks taking up a task of the programme.
const CHILD_PLAN = `ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH
*
Số 12-KH/ĐU                                           Quảng Ngãi, ngày 20 tháng 9 năm 2025

KẾ HOẠCH
thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy

Thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

1. Sở Khoa học và Công nghệ xây dựng kho dữ liệu dùng chung của tỉnh, hoàn thành trước ngày 30/6/2026.
2. Sở Nội vụ tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, hoàn thành trước ngày 31/12/2026.

Nơi nhận:                                             T/M BAN THƯỜNG VỤ
- Ban Thường vụ Tỉnh ủy (báo cáo),                    BÍ THƯ
- Lưu Văn phòng.
                                                      Nguyễn Văn Bình
`;

let h: ApiHarness;
let clients: Record<string, ApiClient>;
let programme: number;
let childPlan: number;
let outsideDocument: number;
let outsideBody: number;
let department: number;
const NARROW = ["sokhcn", "xabinhson"] as const;

const vnDay = (ts: string) => new Date(Date.parse(ts) + 7 * 3_600_000).toISOString().slice(0, 10);

async function id(query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await rows<{ id: number }>(h.db, query);
  if (!r) throw new Error("missing demo row");
  return r.id;
}

beforeAll(async () => {
  h = await apiHarness();
  clients = {};
  for (const u of ["lanhdao", ...NARROW]) clients[u] = await h.login(u);
  programme = await id(sql`select id from documents where symbol = '215-CTr/TU'`);
  childPlan = (await importText(h.db, CHILD_PLAN, { name: "ke-hoach-12.txt", publish: true })).documentId;
  // the reviewer accepted the link from the plan's first task to the programme's data-store task
  await h.db.execute(
    sql`update tasks set parent_task_id = (select id from tasks where document_id = ${programme} and text like 'Sở Khoa học%')
      where id = (select min(id) from tasks where document_id = ${childPlan})`,
  );
  outsideDocument = (await importText(h.db, OUTSIDE_PLAN, { name: "ha-noi-321.txt", publish: true }))
    .documentId;
  outsideBody = await id(sql`select id from organisations where code = 'P01-UBND'`);
  department = await id(sql`select id from organisations where code = 'P51.2025-SKHCN'`);
});
afterAll(async () => {
  await h?.close();
});

const get = async <T>(user: string, url: string): Promise<T> => {
  const r = await (clients[user] as ApiClient).get(url);
  expect([url, r.statusCode]).toEqual([url, 200]);
  return r.json() as T;
};

interface StatusFigure {
  counts: Record<Status, number> & { total: number };
  completion: { value: number | null; numerator: number; denominator: number };
  organisations: number;
  byOrganisation: {
    organisationId: number | null;
    counts: Record<Status, number> & { total: number };
    completion: { value: number | null };
  }[];
  rows: { assignmentId: number; organisationId: number | null; documentId: number; status: Status }[];
}

/** Each assignment's status by src/domain/status.ts from what the database holds. */
async function domainStatuses(): Promise<Map<number, Status>> {
  const data = await rows<{
    id: number;
    deadline_date: string | null;
    recurrence: Recurrence | null;
    completed_at: string | null;
    percent: number;
    last_update_at: string | null;
    updates: { at: string; percent: number }[] | null;
  }>(
    h.db,
    sql`select a.id, a.deadline_date::text, a.recurrence, a.completed_at::text, a.percent, a.last_update_at::text,
        (select json_agg(json_build_object('at', to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'percent', u.percent))
           from progress_updates u where u.assignment_id = a.id) as updates
      from assignments a`,
  );
  return new Map(
    data.map((r) => [
      r.id,
      assignmentStatus(
        {
          deadline:
            r.deadline_date === null && r.recurrence === null
              ? null
              : { date: r.deadline_date, recurrence: r.recurrence },
          completedAt: r.completed_at,
          percent: Number(r.percent),
          lastUpdateAt: r.last_update_at,
          updates: (r.updates ?? []).map((u) => ({ at: vnDay(u.at), percent: Number(u.percent) })),
        },
        API_TODAY,
      ),
    ]),
  );
}

function tally<T extends string>(names: readonly T[], statuses: T[]): Record<T, number> {
  const out = Object.fromEntries(names.map((s) => [s, 0])) as Record<T, number>;
  for (const s of statuses) out[s] += 1;
  return out;
}

describe("status figure", () => {
  it("counts exactly the rows it returns, each with the status the domain gives it, as the task list does", async () => {
    const domain = await domainStatuses();
    const figures: Record<string, StatusFigure> = {};
    for (const user of ["lanhdao", ...NARROW]) {
      const f = await get<StatusFigure>(user, "/api/rollups/status?rows=true&limit=5000");
      figures[user] = f;
      expect(f.counts.total).toBe(f.rows.length);
      expect(f.counts).toMatchObject(
        tally(
          STATUSES,
          f.rows.map((r) => r.status),
        ),
      );
      const mismatched = f.rows.filter((r) => domain.get(r.assignmentId) !== r.status);
      expect(mismatched).toEqual([]);
      // per body, the same rows again
      expect(f.organisations).toBe(f.byOrganisation.length);
      expect(f.byOrganisation.reduce((s, b) => s + b.counts.total, 0)).toBe(f.counts.total);
      for (const b of f.byOrganisation)
        expect(b.counts).toMatchObject(
          tally(
            STATUSES,
            f.rows.filter((r) => r.organisationId === b.organisationId).map((r) => r.status),
          ),
        );
      // the completion rate is src/domain/rollup.ts's share of done among due
      const share = rollup(
        f.rows.map((r) => ({ id: r.assignmentId, status: r.status, percent: null })),
        "share_done_of_due",
      );
      expect(f.completion).toMatchObject({
        value: share.value,
        numerator: share.numerator,
        denominator: share.denominator,
      });
      // and the task list of the same scope holds the same assignments
      const tasks = await get<{ total: number }>(user, "/api/tasks?pageSize=1");
      expect(tasks.total).toBe(f.counts.total);
    }
    console.log(
      `status counts: ${["lanhdao", ...NARROW].map((u) => `${u} ${JSON.stringify(figures[u]?.counts)}`).join("; ")}`,
    );
    // a narrower scope counts a subset of the province's rows, with the same statuses
    const province = new Map((figures.lanhdao as StatusFigure).rows.map((r) => [r.assignmentId, r.status]));
    for (const user of NARROW) {
      const f = figures[user] as StatusFigure;
      expect(f.counts.total).toBeGreaterThan(0);
      expect(f.counts.total).toBeLessThan((figures.lanhdao as StatusFigure).counts.total);
      for (const s of STATUSES)
        expect(f.counts[s]).toBeLessThanOrEqual((figures.lanhdao as StatusFigure).counts[s]);
      for (const r of f.rows) expect(province.get(r.assignmentId)).toBe(r.status);
    }
  });

  it("narrows by document, organisation subtree and level, ranks bodies both ways", async () => {
    const all = await get<StatusFigure>("lanhdao", "/api/rollups/status?rows=true&limit=5000");
    const byDoc = await get<StatusFigure>("lanhdao", `/api/rollups/status?rows=true&documentId=${programme}`);
    expect(byDoc.rows.every((r) => r.documentId === programme)).toBe(true);
    expect(byDoc.counts.total).toBe(all.rows.filter((r) => r.documentId === programme).length);
    const sub = await get<StatusFigure>(
      "lanhdao",
      `/api/rollups/status?rows=true&organisationId=${department}`,
    );
    expect(sub.rows).toEqual(all.rows.filter((r) => r.organisationId === department));
    let levels = 0;
    for (const level of ["central", "province", "district", "commune"])
      levels += (await get<StatusFigure>("lanhdao", `/api/rollups/status?level=${level}`)).counts.total;
    expect(levels).toBe(all.counts.total);
    const desc = all.byOrganisation.map((b) => b.completion.value).filter((v) => v !== null);
    expect(desc).toEqual([...desc].sort((a, b) => (b as number) - (a as number)));
    const asc = await get<StatusFigure>("lanhdao", "/api/rollups/status?order=asc&limit=2");
    expect(asc.byOrganisation).toHaveLength(2);
    expect(asc.byOrganisation[0]?.completion.value).toBe(Math.min(...(desc as number[])));
    expect(asc.organisations).toBe(all.organisations);
  });
});

describe("indicator figure", () => {
  it("counts the kept grades it returns, each the domain's assessment shown on the indicator", async () => {
    type Figure = {
      counts: Record<AssessmentStatus, number> & { total: number };
      outcome: { value: number | null; numerator: number; denominator: number };
      byIndicator: { indicatorId: number; counts: { total: number } }[];
      rows: { indicatorId: number; organisationId: number; status: AssessmentStatus }[];
    };
    const province = await get<Figure>("lanhdao", "/api/rollups/indicators?rows=true");
    expect(province.counts.total).toBeGreaterThan(0);
    for (const user of ["lanhdao", ...NARROW]) {
      const f = await get<Figure>(user, "/api/rollups/indicators?rows=true");
      expect(f.counts.total).toBe(f.rows.length);
      expect(f.counts).toMatchObject(
        tally(
          ASSESSMENT_STATUSES,
          f.rows.map((r) => r.status),
        ),
      );
      expect(f.byIndicator.reduce((s, i) => s + i.counts.total, 0)).toBe(f.counts.total);
      const outcome = outcomeRollup(
        f.rows.map((r) => ({ id: `${r.indicatorId}/${r.organisationId}`, assessment: r.status })),
      );
      expect(f.outcome).toMatchObject({
        value: outcome.value,
        numerator: outcome.numerator,
        denominator: outcome.denominator,
      });
      for (const s of ASSESSMENT_STATUSES) expect(f.counts[s]).toBeLessThanOrEqual(province.counts[s]);
    }
    for (const r of province.rows) {
      const d = await get<{ bodies: { organisationId: number; assessment: { status: string } }[] }>(
        "lanhdao",
        `/api/indicators/${r.indicatorId}`,
      );
      expect(d.bodies.find((b) => b.organisationId === r.organisationId)?.assessment.status).toBe(r.status);
    }
  });
});

describe("coverage figure", () => {
  type Counts = {
    required: number;
    covered: number;
    missing: number;
    rate: number | null;
    unrequired: number;
  };
  type Row = {
    documentId: number;
    organisationId: number;
    required: boolean;
    covered: boolean;
    first: string | null;
    refs: number[];
  };
  type Figure = {
    dissemination: Counts;
    concretization: Counts;
    tasks: { parents: number; covered: number; uncovered: number; rate: number | null };
    byDocument: {
      documentId: number;
      dissemination: Counts;
      concretization: Counts;
      tasks: { covered: number };
    }[];
    rows: {
      dissemination: Row[];
      concretization: Row[];
      tasks: { documentId: number; parentTaskId: number; childTaskIds: number[] }[];
    };
  };
  const agrees = (c: Counts, list: Row[]) => {
    expect(c.required).toBe(list.filter((r) => r.required).length);
    expect(c.covered).toBe(list.filter((r) => r.required && r.covered).length);
    expect(c.missing).toBe(list.filter((r) => r.required && !r.covered).length);
    expect(c.unrequired).toBe(list.filter((r) => !r.required).length);
    expect(c.rate).toBe(c.required === 0 ? null : c.covered / c.required);
  };

  it("counts the bodies it lists, each session and plan traced, a narrower scope within the province's", async () => {
    const province = await get<Figure>("lanhdao", "/api/rollups/coverage?rows=true");
    const sessions = (
      await get<{ items: { id: number; documentId: number; organisationId: number; heldOn: string }[] }>(
        "lanhdao",
        "/api/disseminations?pageSize=500",
      )
    ).items;
    for (const user of ["lanhdao", ...NARROW]) {
      const f = await get<Figure>(user, "/api/rollups/coverage?rows=true");
      agrees(f.dissemination, f.rows.dissemination);
      agrees(f.concretization, f.rows.concretization);
      for (const d of f.byDocument) {
        agrees(
          d.dissemination,
          f.rows.dissemination.filter((r) => r.documentId === d.documentId),
        );
        agrees(
          d.concretization,
          f.rows.concretization.filter((r) => r.documentId === d.documentId),
        );
        expect(d.tasks.covered).toBe(f.rows.tasks.filter((t) => t.documentId === d.documentId).length);
        const wide = province.byDocument.find((x) => x.documentId === d.documentId);
        expect(d.dissemination.required).toBeLessThanOrEqual(wide?.dissemination.required ?? 0);
        expect(d.dissemination.covered).toBeLessThanOrEqual(wide?.dissemination.covered ?? 0);
      }
      // a body is covered by the sessions it held on the document by today, the first one first
      for (const r of f.rows.dissemination.filter((x) => x.covered)) {
        const held = sessions.filter(
          (s) =>
            s.documentId === r.documentId && s.organisationId === r.organisationId && s.heldOn <= API_TODAY,
        );
        expect(r.refs.sort()).toEqual(held.map((s) => s.id).sort());
        expect(r.first).toBe(held.map((s) => s.heldOn).sort()[0]);
      }
    }
    expect(province.dissemination.required).toBeGreaterThan(0);
    expect(province.dissemination.covered).toBeGreaterThan(0);
  });

  it("counts a body's own plan as its concretization, and the parent task the plan takes up", async () => {
    const f = await get<Figure>("lanhdao", `/api/rollups/coverage?rows=true&documentId=${programme}`);
    const committee = await id(sql`select issuer_id as id from documents where id = ${childPlan}`);
    expect(f.rows.concretization.filter((r) => r.required)).toEqual([
      {
        documentId: programme,
        organisationId: committee,
        required: true,
        covered: true,
        first: "2025-09-20",
        refs: [childPlan],
      },
    ]);
    // the commune's dispatch carries the programme out too, unasked: shown, not counted
    const dispatch = await id(sql`select id from documents where symbol = '48-CV/ĐU'`);
    expect(f.rows.concretization.filter((r) => !r.required)).toEqual([
      expect.objectContaining({ covered: true, refs: [dispatch], first: "2025-09-02" }),
    ]);
    expect(f.concretization).toMatchObject({ required: 1, covered: 1, rate: 1 });
    expect(f.rows.tasks).toHaveLength(1);
    expect(f.tasks).toMatchObject({ covered: 1, rate: 1 / f.tasks.parents });
    // the commune's officer sees none of the provincial plan
    const commune = await get<Figure>("xabinhson", `/api/rollups/coverage?rows=true&documentId=${programme}`);
    expect(commune.concretization.required).toBe(0);
    expect(commune.tasks.covered).toBe(0);
  });
});

describe("completeness figure", () => {
  type Rates = { expected: number; onTime: number; late: number; missing: number; notYetDue: number };
  type Figure = {
    totals: Rates;
    cycles: {
      cycleId: number;
      rows: { organisationId: number; cells: { state: string }[] }[];
      totals: Rates;
      reports: { organisationId: number; period: string }[];
      unmatched: unknown[];
    }[];
  };

  it("judges every cell from the reports it returns; a narrower scope sees a part of it", async () => {
    const province = await get<Figure>("lanhdao", "/api/rollups/completeness?rows=true");
    expect(province.cycles.length).toBeGreaterThan(0);
    for (const user of ["lanhdao", ...NARROW]) {
      const f = await get<Figure>(user, "/api/rollups/completeness?rows=true");
      const sum = (k: keyof Rates) => f.cycles.reduce((s, c) => s + c.totals[k], 0);
      for (const k of ["expected", "onTime", "late", "missing", "notYetDue"] as const) {
        expect(f.totals[k]).toBe(sum(k));
        expect(f.totals[k]).toBeLessThanOrEqual(province.totals[k]);
      }
      for (const c of f.cycles) {
        const cells = c.rows.flatMap((r) => r.cells);
        const submitted = cells.filter((x) => x.state === "on_time" || x.state === "late").length;
        const matched =
          new Set(c.reports.map((r) => `${r.organisationId}|${r.period}`)).size - c.unmatched.length;
        expect(submitted).toBe(matched);
        expect(c.totals.expected).toBe(
          cells.filter((x) => ["on_time", "late", "missing"].includes(x.state)).length,
        );
      }
    }
  });
});

describe("deadline figure", () => {
  type Row = { assignmentId: number; status: Status; due: string; days: number };
  type Figure = {
    until: string;
    counts: { overdue: number; dueSoon: number };
    overdue: Row[];
    dueSoon: Row[];
    rows: { assignmentId: number; status: Status; due: string; list: string }[];
  };

  it("lists the overdue assignments the status figure counts and those due in the next days", async () => {
    for (const user of ["lanhdao", ...NARROW]) {
      const f = await get<Figure>(user, "/api/rollups/deadlines?rows=true&days=60");
      const status = await get<StatusFigure>(user, "/api/rollups/status?rows=true");
      expect(f.counts.overdue).toBe(f.rows.filter((r) => r.list === "overdue").length);
      expect(f.counts.dueSoon).toBe(f.rows.filter((r) => r.list === "due_soon").length);
      expect(
        f.rows
          .filter((r) => r.list === "overdue")
          .map((r) => r.assignmentId)
          .sort(),
      ).toEqual(
        status.rows
          .filter((r) => r.status === "overdue")
          .map((r) => r.assignmentId)
          .sort(),
      );
      for (const r of f.overdue) expect(r.due < API_TODAY && r.days > 0).toBe(true);
      for (const r of f.dueSoon) {
        expect(r.due >= API_TODAY && r.due <= f.until).toBe(true);
        expect(["in_progress", "not_yet_due"]).toContain(r.status);
      }
      expect(f.dueSoon.map((r) => r.due)).toEqual(f.dueSoon.map((r) => r.due).sort());
    }
    const few = await get<Figure>("lanhdao", "/api/rollups/deadlines?days=60&limit=1");
    expect(few.dueSoon.length).toBeLessThanOrEqual(1);
    expect(few.counts.dueSoon).toBeGreaterThan(1);
    expect(few.rows).toBeUndefined();
  });
});

describe("figure filters", () => {
  it("refuses an organisation or document outside the scope and unknown ones, on every figure", async () => {
    for (const name of ["status", "indicators", "coverage", "completeness", "deadlines"]) {
      const client = clients.xabinhson as ApiClient;
      for (const [query, status] of [
        [`organisationId=${department}`, 403],
        [`organisationId=${outsideBody}`, 403],
        [`documentId=${outsideDocument}`, 403],
        ["organisationId=999999", 404],
        ["level=hamlet", 400],
        ["rows=yes", 400],
      ] as const) {
        const r = await client.get(`/api/rollups/${name}?${query}`);
        expect([name, query, r.statusCode]).toEqual([name, query, status]);
        expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
      }
    }
  });
});
