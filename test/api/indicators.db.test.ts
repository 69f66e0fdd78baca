// Indicators over the API: the list and one indicator with its path, assessment and forecast per
// body; values entered in bulk and imported from CSV and XLSX (Vietnamese headers and notation),
// read back; bad input of every kind refused as problem+json with nothing stored.
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { assess } from "../../src/domain/trajectory.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { importText } from "../support/fixtures.ts";
import { asc, expectOrdered, expectUnknownSort } from "../support/order.ts";
import { OUTSIDE_PLAN } from "../support/targets.ts";
import { makeZip } from "../support/zip.ts";

let h: ApiHarness;
let leader: ApiClient;
let monitor: ApiClient;
let officer: ApiClient;
/** Ids in the demo: the provincial programme's first indicator, its People's Committee, the officer's body. */
let ind: number;
let ind2: number;
let committee: number;
let ownBody: number;
let outsideIndicator: number;
let outsideBody: number;

interface Detail {
  id: number;
  kind: string;
  target: { value: number | null; year: number | null };
  expected: { year: number; value: number }[];
  bodies: {
    organisationId: number;
    values: { period: string; value: number; source: string | null }[];
    series: { year: number; value: number }[];
    latest: { period: string; value: number } | null;
    expected: { year: number; value: number; low: number; high: number }[];
    assessment: { status: string; ratio: number | null };
    forecast: { year: number; value: number; method: string } | null;
  }[];
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [r] = await rows<T>(h.db, query);
  if (!r) throw new Error("missing demo row");
  return r;
}

beforeAll(async () => {
  h = await apiHarness();
  leader = await h.login("lanhdao");
  monitor = await h.login("theodoi");
  officer = await h.login("sokhcn");
  ind = (
    await one<{ id: number }>(
      sql`select i.id from indicators i join documents d on d.id = i.document_id where d.symbol = '215-CTr/TU' order by i.id limit 1`,
    )
  ).id;
  ind2 = ind + 1;
  committee = (await one<{ id: number }>(sql`select id from organisations where code = 'P51.2025-UBND'`)).id;
  ownBody = (await one<{ id: number }>(sql`select id from organisations where code = 'P51.2025-SKHCN'`)).id;
  const outside = await importText(h.db, OUTSIDE_PLAN, { name: "ha-noi-321.txt", publish: true });
  outsideIndicator = (
    await one<{ id: number }>(
      sql`select id from indicators where document_id = ${outside.documentId} order by id limit 1`,
    )
  ).id;
  outsideBody = (await one<{ id: number }>(sql`select id from organisations where code = 'P01-UBND'`)).id;
});
afterAll(async () => {
  await h?.close();
});

const detail = async (client: ApiClient, id: number): Promise<Detail> => {
  const r = await client.get(`/api/indicators/${id}`);
  expect(r.statusCode).toBe(200);
  return r.json() as Detail;
};

function upload(name: string, bytes: Buffer | string, type = "text/csv") {
  const boundary = "testboundary7MA4YWxk";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const importAs = (client: ApiClient, name: string, bytes: Buffer | string, lang?: string) => {
  const u = upload(name, bytes);
  return client.request({
    method: "POST",
    url: "/api/indicators/values/import",
    payload: u.payload,
    headers: { ...u.headers, ...(lang ? { "accept-language": lang } : {}) },
  });
};

describe("reading indicators", () => {
  it("lists the indicators a scope concerns with the grades of its bodies' values, filtered by status", async () => {
    const all = (await leader.get("/api/indicators?pageSize=100")).json() as {
      items: { id: number; bodies: number; counts: Record<string, number> }[];
      total: number;
    };
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((i) => i.id)).toContain(ind);
    for (const i of all.items) expect(Object.values(i.counts).reduce((a, b) => a + b, 0)).toBe(i.bodies);
    const onTrack = (await leader.get("/api/indicators?status=on_track,achieved")).json() as typeof all;
    expect(onTrack.items.length).toBeGreaterThan(0);
    expect(onTrack.items.length).toBeLessThan(all.items.length);
    for (const i of onTrack.items)
      expect((i.counts.on_track ?? 0) + (i.counts.achieved ?? 0)).toBeGreaterThan(0);
    const page = (await leader.get("/api/indicators?pageSize=2&page=2")).json() as typeof all;
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    // the officer's department has no values of its own: the same indicators, no grades
    const mine = (await officer.get("/api/indicators?pageSize=100")).json() as typeof all;
    expect(mine.items.map((i) => i.id)).toContain(ind);
    expect(mine.items.every((i) => i.bodies === 0)).toBe(true);
    expect((await leader.get(`/api/indicators?documentId=${999_999}`)).statusCode).toBe(404);
    expect((await leader.get("/api/indicators?status=rising")).statusCode).toBe(400);
  });

  it("gives one indicator's values, path, assessment and forecast per body, as the domain computes them", async () => {
    const d = await detail(leader, ind);
    expect(d.id).toBe(ind);
    const body = d.bodies.find((b) => b.organisationId === committee);
    if (!body) throw new Error("no values of the People's Committee");
    expect(body.values.map((v) => v.period)).toEqual(["2025", "2026"]);
    expect(body.latest?.period).toBe("2026");
    // the path runs from the first value (no baseline) to the target in the target year
    expect(body.expected[0]).toMatchObject(body.series[0] as object);
    expect(body.expected.at(-1)).toMatchObject({ year: d.target.year, value: d.target.value });
    expect(body.forecast).toMatchObject({ year: d.target.year, method: "linear" });
    // the grade kept in indicator_latest (what the figures count) is the domain's assessment
    const kept = await one<{ status: string }>(
      sql`select status from indicator_latest where indicator_id = ${ind} and organisation_id = ${committee}`,
    );
    expect(body.assessment.status).toBe(kept.status);
    const spec = {
      kind: d.kind as "min",
      value: d.target.value,
      year: d.target.year,
      unit: "%",
      baseline: null,
    };
    expect(assess(spec, body.series).status).toBe(body.assessment.status);
  });

  it("refuses an indicator outside the scope and an unknown one", async () => {
    const out = await leader.get(`/api/indicators/${outsideIndicator}`);
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe("api-out-of-scope");
    expect((await leader.get("/api/indicators/999999")).statusCode).toBe(404);
  });

  it("sorts the list by document (the default), name, responsible body or bodies behind", async () => {
    type Indicators = {
      items: {
        id: number;
        documentId: number;
        name: string;
        organisationName: string | null;
        counts: Record<string, number>;
      }[];
    };
    const list = async (sort: string) =>
      ((await leader.get(`/api/indicators?pageSize=500${sort}`)).json() as Indicators).items;
    const byDocument = await list("");
    expectOrdered(byDocument, (a, b) => a.documentId - b.documentId || a.id - b.id);
    const byName = await list("&sort=name");
    expectOrdered(byName, (a, b) => asc(a.name, b.name) || a.id - b.id);
    expect(byName.map((i) => i.id)).not.toEqual(byDocument.map((i) => i.id));
    expectOrdered(
      await list("&sort=organisation"),
      (a, b) => asc(a.organisationName, b.organisationName) || a.id - b.id,
    );
    const behind = (i: Indicators["items"][number]) =>
      (i.counts.at_risk ?? 0) + (i.counts.off_track ?? 0) + (i.counts.deteriorating ?? 0);
    const worst = await list("&sort=-behind");
    expectOrdered(worst, (a, b) => behind(b) - behind(a) || a.id - b.id);
    expect(behind(worst[0] as Indicators["items"][number])).toBeGreaterThan(0);
    expectUnknownSort(await leader.get("/api/indicators?sort=-name"));
  });
});

describe("entering values", () => {
  it("stores a batch, replaces a value already kept, and reads it back", async () => {
    const r = await monitor.post("/api/indicators/values", [
      {
        indicatorId: ind,
        organisationId: committee,
        period: "2026-Q3",
        value: 70.5,
        source: "Báo cáo quý III",
      },
      { indicatorId: ind2, organisationId: committee, period: "2026-Q3", value: 61 },
      // the same body and period twice: the later entry replaces the earlier, as the service does
      { indicatorId: ind2, organisationId: committee, period: "2026-Q3", value: 62 },
    ]);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ stored: 3 });
    const body = (await detail(leader, ind)).bodies.find((b) => b.organisationId === committee);
    expect(body?.values.find((v) => v.period === "2026-Q3")).toMatchObject({
      value: 70.5,
      source: "Báo cáo quý III",
    });
    // the year's value is its latest period's: 2026 (December) stays the year's value over 2026-Q3
    expect(body?.series.find((s) => s.year === 2026)?.value).toBe(
      body?.values.find((v) => v.period === "2026")?.value,
    );
    const second = (await detail(leader, ind2)).bodies.find((b) => b.organisationId === committee);
    expect(second?.values.filter((v) => v.period === "2026-Q3").map((v) => v.value)).toEqual([62]);
  });

  it("refuses bad entries with problem+json and stores nothing of the batch", async () => {
    const good = { indicatorId: ind, organisationId: committee, period: "2026-Q2", value: 1 };
    const before = await databaseFingerprint(h.db);
    const cases: [unknown, number, string][] = [
      [[good, { ...good, indicatorId: 999_999 }], 404, "not-found"],
      [[good, { ...good, organisationId: 999_999 }], 404, "not-found"],
      [[good, { ...good, organisationId: outsideBody }], 403, "api-out-of-scope"],
      [[good, { ...good, indicatorId: outsideIndicator }], 403, "api-out-of-scope"],
      [[good, { ...good, period: "2026-Q5" }], 400, "invalid-input"],
      [[good, { ...good, period: "năm 2026" }], 400, "invalid-input"],
      [[good, { ...good, period: "2026-12" }], 422, "invalid-input"],
      [[good, { ...good, period: "2027" }], 422, "invalid-input"],
      [[good, { ...good, value: "bảy mươi" }], 400, "invalid-input"],
      [[good, { ...good, value: null }], 400, "invalid-input"],
      [[], 400, "invalid-input"],
      [{ ...good }, 400, "invalid-input"],
    ];
    for (const [payload, status, code] of cases) {
      const r = await monitor.post("/api/indicators/values", payload);
      expect([JSON.stringify(payload), r.statusCode, r.json().code]).toEqual([
        JSON.stringify(payload),
        status,
        code,
      ]);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    // a unit officer enters values for its own body only
    const foreign = await officer.post("/api/indicators/values", [good]);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe("api-out-of-scope");
    // a leader enters none
    expect((await leader.post("/api/indicators/values", [good])).json().code).toBe("api-forbidden");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});

describe("importing values", () => {
  it("imports a CSV with Vietnamese headers, semicolons and decimal commas, and reads it back", async () => {
    const csv =
      "\uFEFFMã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị;Ghi chú\r\n" +
      `${ind};P51.2025-SKHCN;2025-Q4;0,7;Số liệu Sở\r\n` +
      "\r\n" +
      `${ind2};${ownBody};2026-h1;58.000;\r\n` +
      `${ind2};P51.2025-SKHCN;2026-Q3;"1.250,5";Ước tính\r\n`;
    const r = await importAs(officer, "so-lieu.csv", csv);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ stored: 3 });
    const a = (await detail(officer, ind)).bodies.find((b) => b.organisationId === ownBody);
    expect(a?.values).toEqual([
      expect.objectContaining({ period: "2025-Q4", value: 0.7, source: "Số liệu Sở" }),
    ]);
    const b = (await detail(officer, ind2)).bodies.find((x) => x.organisationId === ownBody);
    expect(b?.values.map((v) => [v.period, v.value])).toEqual([
      ["2026-H1", 58000],
      ["2026-Q3", 1250.5],
    ]);
  });

  it("stores the same new values imported several times at once: no collision, each import counted in the version", async () => {
    // new values, in two orders: imports of one set that arrive together wait for each other
    const lines = Array.from(
      { length: 24 },
      (_, i) => `${i % 2 ? ind2 : ind};P51.2025-SKHCN;${1950 + Math.floor(i / 2)};${i}`,
    );
    const forward = `Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n${lines.join("\n")}\n`;
    const backward = `Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n${[...lines].reverse().join("\n")}\n`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, k) => importAs(monitor, `cung-luc-${k}.csv`, k % 2 ? backward : forward)),
    );
    expect(answers.map((r) => [r.statusCode, r.json()])).toEqual(answers.map(() => [201, { stored: 24 }]));
    const stored = await rows<{ n: number; versions: number[] }>(
      h.db,
      sql`select count(*)::int as n, array_agg(distinct version) as versions from indicator_values
        where indicator_id in (${ind}, ${ind2}) and period between '1950' and '1961'
          and organisation_id = ${ownBody}`,
    );
    // one row per value, written once and then replaced by each of the five other imports
    expect(stored).toEqual([{ n: 24, versions: [6] }]);
  });

  it("imports an XLSX made with exceljs: numbers, text numbers and a month Excel turned into a date", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Số liệu");
    sheet.addRow(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Ghi chú"]);
    sheet.addRow([ind, "P51.2025-UBND", 2024, 55.25, "Niên giám thống kê"]);
    sheet.addRow([ind, "P51.2025-UBND", new Date(Date.UTC(2025, 6, 1)), "63,4", null]);
    sheet.addRow([ind2, committee, "2025-H1", -3, null]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const r = await importAs(monitor, "so-lieu.xlsx", bytes);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ stored: 3 });
    const a = (await detail(leader, ind)).bodies.find((b) => b.organisationId === committee);
    expect(a?.values.filter((v) => ["2024", "2025-07"].includes(v.period))).toEqual([
      expect.objectContaining({ period: "2024", value: 55.25, source: "Niên giám thống kê" }),
      expect.objectContaining({ period: "2025-07", value: 63.4, source: null }),
    ]);
    // 2024 is now the body's first year: its path starts there
    expect(a?.series[0]).toEqual({ year: 2024, value: 55.25 });
    const b = (await detail(leader, ind2)).bodies.find((x) => x.organisationId === committee);
    expect(b?.values.find((v) => v.period === "2025-H1")?.value).toBe(-3);
  });

  it("refuses a file with bad rows, listing each row and reason, and stores none of it", async () => {
    const before = await databaseFingerprint(h.db);
    const csv = [
      "Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị,Ghi chú",
      `${ind},P51.2025-UBND,2025-Q1,12,`,
      `999999,P51.2025-UBND,2025-Q2,12,`,
      `${ind},P51.2025-UBND,2025-Q3,mười hai,`,
      `${ind},KHONG-CO,2025-Q5,12,`,
      `${ind},P51.2025-UBND,2026-12,12,`,
      `${ind},P51.2025-UBND,2025-Q1,13,`,
    ].join("\n");
    const r = await importAs(monitor, "loi.csv", csv);
    expect(r.statusCode).toBe(422);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const p = r.json() as { code: string; detail: string };
    expect(p.code).toBe("indicator-import-invalid");
    expect(p.detail).toContain("dòng 3: không có chỉ tiêu mã “999999”");
    expect(p.detail).toContain("dòng 4: giá trị “mười hai” không phải là số");
    expect(p.detail).toContain("dòng 5: không có đơn vị mã “KHONG-CO”");
    expect(p.detail).toContain("dòng 5: kỳ “2025-Q5” không hợp lệ");
    expect(p.detail).toContain("dòng 6: kỳ 2026-12 chưa bắt đầu");
    expect(p.detail).toContain("dòng 7: trùng chỉ tiêu, đơn vị và kỳ với dòng 2");
    expect(p.detail).not.toContain("dòng 2:");
    const en = await importAs(monitor, "loi.csv", csv, "en");
    expect(en.json().detail).toContain("row 4: value “mười hai” is not a number");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("refuses broken, empty, foreign and out-of-scope files with nothing stored", async () => {
    const before = await databaseFingerprint(h.db);
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"]);
    const good = Buffer.from(await book.xlsx.writeBuffer());
    const cases: [string, Buffer | string, number, string][] = [
      ["hong.xlsx", Buffer.from("PK\u0003\u0004 not really a workbook"), 422, "file-corrupt"],
      ["cut.xlsx", good.subarray(0, Math.floor(good.length / 2)), 422, "file-corrupt"],
      // a sheet that declares a few bytes and inflates to 64 MB stops at the cap
      [
        "bomb.xlsx",
        Buffer.from(
          makeZip([
            { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(64 * 1024 * 1024), declaredSize: 100 },
          ]),
        ),
        422,
        "file-too-large",
      ],
      ["empty.xlsx", good, 422, "indicator-import-empty"],
      ["empty.csv", "", 422, "indicator-import-empty"],
      ["thieu-cot.csv", `Mã chỉ tiêu,Kỳ,Giá trị\n${ind},2025,1\n`, 422, "indicator-import-columns"],
      ["so-lieu.pdf", "%PDF-1.4", 415, "indicator-import-format"],
      ["ngoai.csv", `Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\n${ind},P01-UBND,2025,1\n`, 403, "api-out-of-scope"],
      [
        "ngoai-chi-tieu.csv",
        `Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\n${outsideIndicator},P51.2025-UBND,2025,1\n`,
        403,
        "api-out-of-scope",
      ],
    ];
    for (const [name, bytes, status, code] of cases) {
      const r = await importAs(monitor, name, bytes);
      expect([name, r.statusCode, r.json().code]).toEqual([name, status, code]);
    }
    const notMultipart = await monitor.post("/api/indicators/values/import", { rows: [] });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
    // the officer's own department only
    const foreign = await importAs(
      officer,
      "so-lieu.csv",
      `Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\n${ind},P51.2025-UBND,2025,1\n`,
    );
    expect(foreign.json().code).toBe("api-out-of-scope");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});
