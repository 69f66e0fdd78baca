// Reporting cycles, reports, dissemination sessions and inspections over the API: scoped lists,
// the completeness matrix as src/domain/completeness.ts judges it, submissions (a second one for a
// period is 409), sessions and inspections recorded; bad input leaves the database as it was.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { completeness } from "../../src/domain/completeness.ts";
import {
  API_TODAY,
  type ApiClient,
  type ApiHarness,
  apiHarness,
  databaseFingerprint,
} from "../support/api.ts";
import { asc, desc, expectOrdered, expectUnknownSort } from "../support/order.ts";

let h: ApiHarness;
let leader: ApiClient;
let monitor: ApiClient;
let commune: ApiClient;
let officer: ApiClient;
/** The commune's quarterly cycle (from its Party committee's dispatch) and the People's Committee that owes it. */
let cycle: number;
let communeCommittee: number;
let communeParty: number;
let provinceBoard: number;
let dispatch: number;
let outsideBody: number;

async function id(query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await rows<{ id: number }>(h.db, query);
  if (!r) throw new Error("missing demo row");
  return r.id;
}

beforeAll(async () => {
  h = await apiHarness();
  leader = await h.login("lanhdao");
  monitor = await h.login("theodoi");
  commune = await h.login("xabinhson");
  officer = await h.login("sokhcn");
  communeCommittee = await id(sql`select id from organisations where code = 'P51.2025-X01-UBND'`);
  communeParty = await id(sql`select id from organisations where code = 'P51.2025-X01-DU'`);
  provinceBoard = await id(
    sql`select b.organisation_id as id from reporting_cycle_bodies b join reporting_cycles c on c.id = b.cycle_id
      join documents d on d.id = c.document_id where d.symbol = '215-CTr/TU'`,
  );
  dispatch = await id(sql`select id from documents where symbol = '48-CV/ĐU'`);
  cycle = await id(sql`select id from reporting_cycles where document_id = ${dispatch}`);
  outsideBody = await id(sql`select id from organisations where code = 'P01-UBND'`);
});
afterAll(async () => {
  await h?.close();
});

interface Matrix {
  cycleId: number;
  periods: { key: string; due: string }[];
  rows: {
    organisationId: number;
    cells: { period: string; due: string; state: string; submittedAt: string | null }[];
    rates: { expected: number; onTime: number; late: number; missing: number };
  }[];
  totals: { expected: number; onTime: number; late: number; missing: number; notYetDue: number };
  reports?: { id: number; organisationId: number; period: string; submittedOn: string }[];
}

describe("reporting cycles", () => {
  it("lists the cycles a scope concerns, with the bodies of the scope that owe reports", async () => {
    const all = (await leader.get("/api/reporting-cycles")).json() as {
      items: { id: number; bodiesInScope: number; bodiesTotal: number }[];
      total: number;
    };
    expect(all.total).toBe(3);
    const mine = (await commune.get("/api/reporting-cycles")).json() as typeof all;
    expect(mine.items.find((c) => c.id === cycle)).toMatchObject({ bodiesInScope: 1, bodiesTotal: 1 });
    for (const c of mine.items) {
      const full = all.items.find((x) => x.id === c.id);
      expect(c.bodiesInScope).toBeLessThanOrEqual(full?.bodiesInScope ?? 0);
    }
    const one = (await commune.get(`/api/reporting-cycles/${cycle}`)).json() as {
      frequency: string;
      bodies: { organisationId: number }[];
    };
    expect(one.frequency).toBe("quarterly");
    expect(one.bodies.map((b) => b.organisationId)).toEqual([communeCommittee]);
    const byDoc = (await leader.get(`/api/reporting-cycles?documentId=${dispatch}`)).json() as typeof all;
    expect(byDoc.items.map((c) => c.id)).toEqual([cycle]);
    expect((await leader.get("/api/reporting-cycles/999999")).statusCode).toBe(404);
  });

  it("sorts the cycles by document (the default), name or start date, and refuses other keys", async () => {
    type Cycles = { items: { id: number; documentId: number | null; name: string; startDate: string }[] };
    const list = async (sort: string) =>
      ((await leader.get(`/api/reporting-cycles?pageSize=500${sort}`)).json() as Cycles).items;
    const byDocument = await list("");
    expectOrdered(byDocument, (a, b) => asc(a.documentId, b.documentId) || a.id - b.id);
    expect((await list("&sort=document")).map((c) => c.id)).toEqual(byDocument.map((c) => c.id));
    expectOrdered(await list("&sort=name"), (a, b) => asc(a.name, b.name) || a.id - b.id);
    const latest = await list("&sort=-startDate");
    expectOrdered(latest, (a, b) => desc(a.startDate, b.startDate) || b.id - a.id);
    expect(latest.map((c) => c.id)).not.toEqual(byDocument.map((c) => c.id));
    expectUnknownSort(await leader.get("/api/reporting-cycles?sort=created"));
  });

  it("gives the body × period matrix the domain computes from the reports it counted", async () => {
    const r = await commune.get(`/api/reporting-cycles/${cycle}/completeness?rows=true`);
    expect(r.statusCode).toBe(200);
    const m = r.json() as Matrix;
    expect(m.periods.map((p) => p.key)).toEqual([
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(m.rows.map((x) => x.organisationId)).toEqual([communeCommittee]);
    const [c] = await rows<{ frequency: string; due_day: number; start_date: string }>(
      h.db,
      sql`select frequency, due_day, start_date::text from reporting_cycles where id = ${cycle}`,
    );
    const expected = completeness({
      rule: { frequency: "quarterly", dueDay: c?.due_day ?? 0, dueMonthOfPeriod: "last" },
      bodies: [{ id: communeCommittee, activeFrom: "2025-07-01" }],
      submissions: (m.reports ?? []).map((x) => ({
        bodyId: x.organisationId,
        period: x.period,
        submittedAt: x.submittedOn,
      })),
      startDate: c?.start_date ?? "",
      today: API_TODAY,
    });
    expect(m.rows[0]?.cells.map((x) => [x.period, x.state])).toEqual(
      expected.rows[0]?.cells.map((x) => [x.period, x.state]),
    );
    expect(m.totals).toMatchObject(expected.totals);
    // every submitted cell is one counted report, and the other way round
    const submitted = m.rows
      .flatMap((x) => x.cells)
      .filter((x) => x.state === "on_time" || x.state === "late");
    expect(submitted.length).toBe(
      new Set((m.reports ?? []).map((x) => `${x.organisationId}|${x.period}`)).size,
    );
    expect(m.totals.onTime + m.totals.late).toBe(submitted.length);
    // without rows=true, no reports
    expect((await commune.get(`/api/reporting-cycles/${cycle}/completeness`)).json().reports).toBeUndefined();
    // the unit officer of a department sees the cycle (its programme concerns it) but owes nothing in it
    const provincial = await officer.get(
      `/api/reporting-cycles/${await id(sql`select cycle_id as id from reporting_cycle_bodies where organisation_id = ${provinceBoard}`)}/completeness`,
    );
    expect(provincial.statusCode).toBe(200);
    expect((provincial.json() as Matrix).rows).toEqual([]);
  });
});

describe("reports", () => {
  it("takes a body's report once: the second for the same period is 409 and changes nothing", async () => {
    const payload = {
      cycleId: cycle,
      organisationId: communeCommittee,
      period: "2026-Q4",
      content: "Đã số hóa 85% hồ sơ một cửa.",
      difficulties: "Thiếu máy quét.",
    };
    const r = await commune.post("/api/reports", payload);
    expect(r.statusCode).toBe(201);
    const reportId = (r.json() as { id: number }).id;
    const back = (await leader.get(`/api/reports/${reportId}`)).json();
    expect(back).toMatchObject({
      id: reportId,
      cycleId: cycle,
      organisationId: communeCommittee,
      period: "2026-Q4",
      content: payload.content,
      difficulties: payload.difficulties,
      proposals: null,
    });
    const before = await databaseFingerprint(h.db);
    const again = await commune.post("/api/reports", { ...payload, content: "Bản sửa" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "duplicate-report" });
    expect(again.json().detail).toContain("2026-Q4");
    expect(await databaseFingerprint(h.db)).toEqual(before);
    // the matrix now counts it in its cell
    const m = (await commune.get(`/api/reporting-cycles/${cycle}/completeness`)).json() as Matrix;
    const cell = m.rows[0]?.cells.find((x) => x.period === "2026-Q4");
    expect(cell?.submittedAt).not.toBeNull();
    expect(cell?.state).toBe((cell?.submittedAt ?? "") <= (cell?.due ?? "") ? "on_time" : "late");
  });

  it("refuses reports outside the scope, not owed, for a wrong period or an unknown cycle", async () => {
    const before = await databaseFingerprint(h.db);
    const base = { cycleId: cycle, organisationId: communeCommittee, period: "2025-Q3", content: "x" };
    const cases: [ApiClient, unknown, number, string][] = [
      [commune, { ...base, organisationId: provinceBoard }, 403, "api-out-of-scope"],
      [monitor, { ...base, organisationId: outsideBody }, 403, "api-out-of-scope"],
      [commune, { ...base, organisationId: communeParty }, 422, "report-not-owed"],
      [commune, { ...base, period: "2025-H2" }, 422, "invalid-input"],
      [commune, { ...base, cycleId: 999_999 }, 404, "not-found"],
      [commune, { ...base, organisationId: 999_999 }, 404, "not-found"],
      [commune, { ...base, content: 7 }, 400, "invalid-input"],
      [leader, base, 403, "api-forbidden"],
    ];
    for (const [client, payload, status, code] of cases) {
      const r = await client.post("/api/reports", payload);
      expect([client.username, JSON.stringify(payload), r.statusCode, r.json().code]).toEqual([
        client.username,
        JSON.stringify(payload),
        status,
        code,
      ]);
    }
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("lists the scope's reports by cycle, organisation and period, paginated, and guards each one", async () => {
    const all = (await leader.get("/api/reports?pageSize=100")).json() as {
      items: { id: number; cycleId: number; organisationId: number; period: string }[];
      total: number;
    };
    expect(all.total).toBe(all.items.length);
    const mine = (await commune.get("/api/reports?pageSize=100")).json() as typeof all;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((x) => x.organisationId === communeCommittee)).toBe(true);
    expect(mine.total).toBeLessThan(all.total);
    const byCycle = (await leader.get(`/api/reports?cycleId=${cycle}&pageSize=100`)).json() as typeof all;
    expect(byCycle.items.every((x) => x.cycleId === cycle)).toBe(true);
    expect(byCycle.total).toBe(mine.total);
    const q1 = (await leader.get(`/api/reports?cycleId=${cycle}&period=2026-Q1`)).json() as typeof all;
    expect(q1.items.map((x) => x.period)).toEqual(q1.items.length ? ["2026-Q1"] : []);
    const page2 = (await leader.get("/api/reports?pageSize=2&page=2")).json() as typeof all;
    expect(page2.items.map((x) => x.id)).toEqual(all.items.slice(2, 4).map((x) => x.id));
    expect(page2.total).toBe(all.total);
    const provincial = all.items.find((x) => x.organisationId === provinceBoard);
    const denied = await commune.get(`/api/reports/${provincial?.id}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe("api-out-of-scope");
    expect((await commune.get(`/api/reports?organisationId=${outsideBody}`)).statusCode).toBe(403);
    expect((await commune.get("/api/reports/999999")).statusCode).toBe(404);
  });

  it("sorts the reports by submission (newest first by default), period or organisation", async () => {
    type Reports = {
      items: { id: number; period: string; submittedAt: string; organisationName: string }[];
    };
    const list = async (sort: string) =>
      ((await leader.get(`/api/reports?pageSize=500${sort}`)).json() as Reports).items;
    const newest = await list("");
    expectOrdered(newest, (a, b) => desc(a.submittedAt, b.submittedAt) || b.id - a.id);
    const oldest = await list("&sort=submittedAt");
    expectOrdered(oldest, (a, b) => asc(a.submittedAt, b.submittedAt) || a.id - b.id);
    // as period_rank ranks them: by the period's last month, "2025" after "2025-Q3"
    const rank = (p: string) =>
      Number(p.slice(0, 4)) * 100 +
      (p.length === 4
        ? 12
        : p[5] === "H"
          ? Number(p[6]) * 6
          : p[5] === "Q"
            ? Number(p[6]) * 3
            : Number(p.slice(5)));
    const byPeriod = await list("&sort=period");
    expectOrdered(byPeriod, (a, b) => rank(a.period) - rank(b.period) || a.id - b.id);
    expectOrdered(await list("&sort=-period"), (a, b) => rank(b.period) - rank(a.period) || b.id - a.id);
    expectOrdered(
      await list("&sort=organisation"),
      (a, b) =>
        asc(a.organisationName, b.organisationName) || desc(a.submittedAt, b.submittedAt) || b.id - a.id,
    );
    expect(byPeriod.map((r) => r.id)).not.toEqual(newest.map((r) => r.id));
    expectUnknownSort(await leader.get("/api/reports?sort=-state"));
  });
});

describe("dissemination sessions and inspections", () => {
  it("records a session for a body of the scope and lists the scope's sessions", async () => {
    const r = await commune.post("/api/disseminations", {
      documentId: dispatch,
      organisationId: communeCommittee,
      heldOn: "2025-10-05",
      form: "integrated",
      attendance: 48,
      notes: "Lồng ghép trong hội nghị giao ban tháng 10.",
    });
    expect(r.statusCode).toBe(201);
    const sessionId = (r.json() as { id: number }).id;
    const list = (
      await commune.get(`/api/disseminations?documentId=${dispatch}&organisationId=${communeCommittee}`)
    ).json() as {
      items: { id: number; organisationId: number; form: string; attendance: number }[];
      total: number;
    };
    expect(list.items.find((s) => s.id === sessionId)).toMatchObject({ form: "integrated", attendance: 48 });
    expect(list.items.every((s) => s.organisationId === communeCommittee)).toBe(true);
    const province = (await leader.get("/api/disseminations?pageSize=500")).json() as typeof list;
    const mine = (await commune.get("/api/disseminations?pageSize=500")).json() as typeof list;
    expect(mine.total).toBeLessThan(province.total);
    const ids = new Set(province.items.map((s) => s.id));
    expect(mine.items.every((s) => ids.has(s.id))).toBe(true);
  });

  it("sorts the sessions by day held (latest first by default), organisation or document", async () => {
    type Sessions = {
      items: { id: number; heldOn: string; organisationName: string; documentSymbol: string | null }[];
    };
    const list = async (sort: string) =>
      ((await leader.get(`/api/disseminations?pageSize=500${sort}`)).json() as Sessions).items;
    const latest = await list("");
    expectOrdered(latest, (a, b) => desc(a.heldOn, b.heldOn) || b.id - a.id);
    expectOrdered(await list("&sort=heldOn"), (a, b) => asc(a.heldOn, b.heldOn) || a.id - b.id);
    const byBody = await list("&sort=organisation");
    expectOrdered(
      byBody,
      (a, b) => asc(a.organisationName, b.organisationName) || desc(a.heldOn, b.heldOn) || b.id - a.id,
    );
    expect(byBody.map((x) => x.id)).not.toEqual(latest.map((x) => x.id));
    expectOrdered(
      await list("&sort=document"),
      (a, b) => asc(a.documentSymbol, b.documentSymbol) || desc(a.heldOn, b.heldOn) || b.id - a.id,
    );
    expectUnknownSort(await leader.get("/api/disseminations?sort=attendance"));
  });

  it("refuses sessions outside the scope, in the future or before the document, with nothing stored", async () => {
    const before = await databaseFingerprint(h.db);
    const base = {
      documentId: dispatch,
      organisationId: communeCommittee,
      heldOn: "2025-10-05",
      form: "online",
    };
    const cases: [unknown, number, string][] = [
      [{ ...base, organisationId: provinceBoard }, 403, "api-out-of-scope"],
      [{ ...base, heldOn: "2026-12-24" }, 422, "invalid-input"],
      [{ ...base, heldOn: "2025-08-01" }, 422, "invalid-input"],
      [{ ...base, heldOn: "2025-02-30" }, 422, "invalid-input"],
      [{ ...base, form: "tea" }, 400, "invalid-input"],
      [{ ...base, documentId: 999_999 }, 404, "not-found"],
    ];
    for (const [payload, status, code] of cases) {
      const r = await commune.post("/api/disseminations", payload);
      expect([JSON.stringify(payload), r.statusCode, r.json().code]).toEqual([
        JSON.stringify(payload),
        status,
        code,
      ]);
    }
    expect((await commune.get(`/api/disseminations?organisationId=${outsideBody}`)).statusCode).toBe(403);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("records an inspection with follow-up tasks the inspected body then sees", async () => {
    const r = await monitor.post("/api/inspections", {
      documentId: dispatch,
      inspectedOrganisationId: communeCommittee,
      inspectingOrganisationId: communeParty,
      heldOn: "2026-10-20",
      findings: "Số hóa hồ sơ một cửa còn chậm so với kế hoạch.",
      followUps: [{ text: "Hoàn thành số hóa hồ sơ một cửa còn tồn đọng", deadline: "2026-12-31" }],
    });
    expect(r.statusCode).toBe(201);
    const inspectionId = (r.json() as { id: number }).id;
    const seen = (await commune.get(`/api/inspections?documentId=${dispatch}`)).json() as {
      items: { id: number; followUps: number; inspectedOrganisationId: number }[];
    };
    expect(seen.items.find((i) => i.id === inspectionId)).toMatchObject({
      followUps: 1,
      inspectedOrganisationId: communeCommittee,
    });
    const tasks = (await commune.get(`/api/tasks?documentId=${dispatch}&q=ton dong`)).json() as {
      items: { text: string; organisationId: number; status: string }[];
    };
    expect(tasks.items).toEqual([
      expect.objectContaining({ organisationId: communeCommittee, status: "not_yet_due" }),
    ]);
    expect(((await officer.get("/api/inspections")).json() as { total: number }).total).toBe(0);
  });

  it("refuses inspections by roles without the right, outside the scope or with a bad follow-up", async () => {
    const before = await databaseFingerprint(h.db);
    const base = {
      documentId: dispatch,
      inspectedOrganisationId: communeCommittee,
      heldOn: "2026-10-20",
      findings: "Kiểm tra.",
    };
    const cases: [ApiClient, unknown, number, string][] = [
      [commune, base, 403, "api-forbidden"],
      [monitor, { ...base, inspectedOrganisationId: outsideBody }, 403, "api-out-of-scope"],
      [monitor, { ...base, inspectingOrganisationId: outsideBody }, 403, "api-out-of-scope"],
      [monitor, { ...base, followUps: [{ text: "x", deadline: "2026-10-01" }] }, 422, "invalid-input"],
      [monitor, { ...base, findings: "" }, 400, "invalid-input"],
    ];
    for (const [client, payload, status, code] of cases) {
      const r = await client.post("/api/inspections", payload);
      expect([client.username, r.statusCode, r.json().code]).toEqual([client.username, status, code]);
    }
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("sorts the inspections by day held (latest first by default), inspected body or follow-ups", async () => {
    const followUp = { text: "Rà soát hồ sơ tồn đọng", deadline: "2026-12-31" };
    for (const [body, heldOn, followUps] of [
      [communeParty, "2026-09-15", [followUp, { ...followUp, text: "Bổ sung báo cáo" }]],
      [communeCommittee, "2026-11-02", []],
      [communeParty, "2026-10-20", []],
    ] as const) {
      const r = await monitor.post("/api/inspections", {
        documentId: dispatch,
        inspectedOrganisationId: body,
        heldOn,
        findings: "Kiểm tra việc thực hiện.",
        followUps,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    type Inspections = {
      items: { id: number; heldOn: string; inspectedName: string; followUps: number }[];
    };
    const list = async (sort: string) =>
      ((await leader.get(`/api/inspections?pageSize=500${sort}`)).json() as Inspections).items;
    const latest = await list("");
    expectOrdered(latest, (a, b) => desc(a.heldOn, b.heldOn) || b.id - a.id);
    const earliest = await list("&sort=heldOn");
    expectOrdered(earliest, (a, b) => asc(a.heldOn, b.heldOn) || a.id - b.id);
    expectOrdered(
      await list("&sort=inspected"),
      (a, b) => asc(a.inspectedName, b.inspectedName) || desc(a.heldOn, b.heldOn) || b.id - a.id,
    );
    const byFollowUps = await list("&sort=-followUps");
    expectOrdered(
      byFollowUps,
      (a, b) => b.followUps - a.followUps || desc(a.heldOn, b.heldOn) || b.id - a.id,
    );
    expect(byFollowUps.map((x) => x.id)).not.toEqual(latest.map((x) => x.id));
    expectUnknownSort(await leader.get("/api/inspections?sort=findings"));
  });
});
