// Review reports and exports through the API, on the demo: the DOCX of 215-CTr/TU for 2026 read back
// by trienkhai's own reader and parser, and opened in LibreOffice (PDF and PNG pages kept in
// test-artifacts/reports); the workbook and CSV read back (headers, frozen row, filter, real dates);
// exported indicator values and organisations imported back unchanged; every figure equal to the
// dashboard's for the same filter; bad requests refused with nothing stored; a large export as a job
// on the real queue; templates changed by an administrator.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLibreOffice } from "../../scripts/ensure-libreoffice.ts";
import { rows } from "../../src/db/rows.ts";
import { parseDocument } from "../../src/parser/parse.ts";
import { readDocumentBytes } from "../../src/readers/read.ts";
import { openZip } from "../../src/readers/zip.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { type Jobs, startJobQueue } from "../../src/server/jobs/queue.ts";
import { startReportExportJobs } from "../../src/server/report-exports/jobs.ts";
import { createUser } from "../../src/server/users/service.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { testDatabaseKind } from "../support/db.ts";
import { importText } from "../support/fixtures.ts";
import { OUTSIDE_PLAN } from "../support/targets.ts";

const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts", "reports", testDatabaseKind);

let h: ApiHarness;
let monitor: ApiClient;
let officer: ApiClient;
let admin: ApiClient;
let viewer: ApiClient;
let programme: number;
let skhcn: number;

interface ExportView {
  id: number;
  state: string;
  stage: string;
  percent: number;
  format: string;
  fileName: string;
  size: number | null;
  fileUrl: string | null;
  problem: { code: string } | null;
}

beforeAll(async () => {
  h = await apiHarness();
  monitor = await h.login("theodoi");
  officer = await h.login("sokhcn");
  admin = await h.login("quantri");
  viewer = await h.login("xem");
  const [d] = await rows<{ id: number }>(h.db, sql`select id from documents where symbol = '215-CTr/TU'`);
  const [o] = await rows<{ id: number }>(
    h.db,
    sql`select id from organisations where code = 'P51.2025-SKHCN'`,
  );
  programme = (d as { id: number }).id;
  skhcn = (o as { id: number }).id;
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240_000);
afterAll(async () => {
  await h?.close();
});

/** Asks for an export and downloads its file; the request must be written at once (201). */
async function exported(
  client: ApiClient,
  body: object,
): Promise<{ view: ExportView; bytes: Buffer; ms: number }> {
  const started = performance.now();
  const r = await client.post("/api/reports/exports", body);
  const ms = Math.round(performance.now() - started);
  expect(r.statusCode, r.body).toBe(201);
  const view = r.json() as ExportView;
  expect(view).toMatchObject({ state: "done", stage: "done", percent: 100 });
  const file = await client.get(view.fileUrl as string);
  expect(file.statusCode).toBe(200);
  expect(file.headers["content-disposition"]).toContain(view.fileName);
  return { view, bytes: file.rawPayload, ms };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as plain values (dates as ISO days), header first. */
function sheetRows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v === null || v === undefined
            ? null
            : (v as string | number),
      );
    }
    out.push(cells);
  });
  return out;
}

const rollup = async (client: ApiClient, name: string, query: string) => {
  const r = await client.get(`/api/rollups/${name}?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/** "1.396" → 1396: the report writes numbers the Vietnamese way. */
const vnInt = (s: string): number => Number(s.replaceAll(".", ""));

describe("the review report (DOCX)", () => {
  let text: string;
  let docx: Buffer;

  it("of 215-CTr/TU for 2026 reads back, through trienkhai's own reader and parser, as a report", async () => {
    const { view, bytes, ms } = await exported(monitor, {
      documentId: programme,
      period: "2026",
      format: "docx",
    });
    console.log(`DOCX of 215-CTr/TU for 2026 (${testDatabaseKind}): ${bytes.length} bytes in ${ms} ms`);
    expect(view.fileName).toBe("bao-cao-so-ket-2026-215-CTr-TU.docx");
    docx = bytes;
    writeFileSync(join(ARTIFACTS, view.fileName), bytes);
    const read = await readDocumentBytes(new Uint8Array(bytes), view.fileName);
    text = read.text;
    const parsed = parseDocument(read.text, {
      name: view.fileName,
      format: read.format,
      sha256: read.sha256,
    });
    expect(parsed.type).toBe("bao_cao");
    expect(parsed.system).toBe("party");
    expect(parsed.issuer?.name).toBe("TỈNH ỦY QUẢNG NGÃI");
    expect(parsed.symbol).toBe("-BC/TU");
    expect(parsed.place).toBe("Quảng Ngãi");
    expect(parsed.date).toBe("2026-11-24");
    expect(parsed.title).toBe(
      "Sơ kết năm 2026 thực hiện Chương trình số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy Quảng Ngãi",
    );
    expect(parsed.sections.map((s) => `${s.label}. ${s.heading}`)).toEqual([
      "I. CÔNG TÁC QUÁN TRIỆT, TUYÊN TRUYỀN",
      "II. CÔNG TÁC CỤ THỂ HÓA, BAN HÀNH VĂN BẢN TRIỂN KHAI",
      "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
      "IV. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
      "V. CHẾ ĐỘ BÁO CÁO, KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT",
      "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    ]);
    expect(parsed.signer).toMatchObject({ authority: "T/M", onBehalfOf: "BAN THƯỜNG VỤ", role: "BÍ THƯ" });
    expect(parsed.distribution).toContain("Bộ Chính trị (để báo cáo)");
  });

  it("is laid out as the rules say: A4, margins 20/20/30/15 mm, Times New Roman 14 pt", () => {
    const xml = new TextDecoder().decode(
      openZip(new Uint8Array(docx)).read("word/document.xml") ?? new Uint8Array(),
    );
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:bottom="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="851"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="28"/>');
  });

  it("opens in LibreOffice: converted to PDF, its pages rendered to PNG (kept as test artefacts)", () => {
    const tools = ensureLibreOffice();
    const work = mkdtempSync(join(tmpdir(), "trienkhai-lo-"));
    try {
      const input = join(work, "bao-cao.docx");
      writeFileSync(input, docx);
      const started = performance.now();
      const lo = spawnSync(
        tools.libreoffice,
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=file://${join(work, "profile")}`,
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          input,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(lo.status, lo.stderr).toBe(0);
      console.log(`LibreOffice DOCX → PDF in ${Math.round(performance.now() - started)} ms`);
      const pdf = join(work, "bao-cao.pdf");
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info.stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      const words = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
      expect(words).toContain("BÁO CÁO");
      expect(words).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(words).toContain("PHỤ LỤC");
      for (const f of readdirSync(ARTIFACTS))
        if (/^page-\d+\.png$|\.pdf$/.test(f)) rmSync(join(ARTIFACTS, f));
      writeFileSync(join(ARTIFACTS, "bao-cao-so-ket-2026-215-CTr-TU.pdf"), readFileSync(pdf));
      const png = spawnSync(tools.pdftoppm, ["-png", "-r", "80", pdf, join(ARTIFACTS, "page")], {
        encoding: "utf8",
      });
      expect(png.status, png.stderr).toBe(0);
      const images = readdirSync(ARTIFACTS).filter((f) => /^page-\d+\.png$/.test(f));
      expect(images).toHaveLength(pages);
      for (const f of images) expect(readFileSync(join(ARTIFACTS, f)).subarray(1, 4).toString()).toBe("PNG");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);

  it("states the dashboard's figures for the same filter", async () => {
    const q = `documentId=${programme}`;
    const status = await rollup(monitor, "status", q);
    const coverage = await rollup(monitor, "coverage", q);
    const indicators = await rollup(monitor, "indicators", q);
    const completeness = await rollup(monitor, "completeness", q);
    const c = status.counts;
    const m =
      /Tổng số ([\d.]+) lượt nhiệm vụ giao cho cơ quan, đơn vị: hoàn thành đúng hạn ([\d.]+), hoàn thành quá hạn ([\d.]+), đang thực hiện trong hạn ([\d.]+), chưa đến hạn ([\d.]+), chưa hoàn thành quá hạn ([\d.]+), thường xuyên ([\d.]+)\./.exec(
        text,
      );
    expect(m?.slice(1).map(vnInt)).toEqual([
      c.total,
      c.done_on_time,
      c.done_late,
      c.in_progress,
      c.not_yet_due,
      c.overdue,
      c.continuous,
    ]);
    expect(text).toContain(`(${status.completion.numerator}/${status.completion.denominator})`);
    const d = coverage.dissemination;
    expect(text).toContain(
      `, ${d.covered}/${d.required} cơ quan, đơn vị được giao nhiệm vụ đã tổ chức quán triệt`,
    );
    const k = coverage.concretization;
    expect(text).toContain(`Có ${k.covered}/${k.required} cơ quan, đơn vị có trách nhiệm đã ban hành`);
    expect(text).toContain(`Có ${coverage.tasks.covered}/${coverage.tasks.parents} nhiệm vụ của văn bản`);
    expect(text).toContain(
      `Có ${indicators.byIndicator.length} chỉ tiêu có số liệu, ${indicators.counts.total} lượt đánh giá`,
    );
    const t = completeness.totals;
    expect(text).toContain(
      `Có ${t.expected} lượt báo cáo định kỳ đến hạn phải nộp; đã nộp ${t.onTime + t.late}`,
    );
  });
});

describe("the tables (XLSX, CSV)", () => {
  it("read back with headers, a frozen header row, filters, widths and real dates; the CSV holds the same rows", async () => {
    const { bytes, ms } = await exported(monitor, { documentId: programme, period: "2026", format: "xlsx" });
    console.log(`XLSX of 215-CTr/TU for 2026 (${testDatabaseKind}): ${bytes.length} bytes in ${ms} ms`);
    const book = await workbook(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Nhiệm vụ",
      "Chỉ tiêu",
      "Giá trị chỉ tiêu",
      "Báo cáo định kỳ",
      "Quán triệt",
      "Cụ thể hóa",
      "Cơ quan, đơn vị",
      "Khó khăn, kiến nghị",
    ]);
    const tasks = book.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    const header = sheetRows(tasks)[0];
    expect(header).toEqual([
      "Mã phân công",
      "Mã nhiệm vụ",
      "Văn bản",
      "Nhóm nhiệm vụ",
      "Nhiệm vụ",
      "Mã đơn vị",
      "Cơ quan, đơn vị",
      "Vai trò",
      "Thời hạn",
      "Định kỳ",
      "Tình trạng",
      "Tiến độ (%)",
      "Ngày hoàn thành",
      "Cập nhật lần cuối",
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }
    const deadline = tasks.getRow(2).getCell(9);
    expect(deadline.value).toBeInstanceOf(Date);
    expect(deadline.numFmt).toBe("dd/mm/yyyy");
    expect(typeof tasks.getRow(2).getCell(1).value).toBe("number");

    const csv = await exported(monitor, {
      documentId: programme,
      period: "2026",
      format: "csv",
      table: "tasks",
    });
    expect(csv.view.fileName).toBe("bang-2026-215-CTr-TU-tasks.csv");
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const { parse } = await import("csv-parse/sync");
    const records = parse(text.slice(1), { relax_column_count: false }) as string[][];
    const expected = sheetRows(tasks).map((r) => r.map((v) => (v === null ? "" : String(v))));
    expect(records).toEqual(expected);
  });

  it("count what the dashboard counts, for an officer's own body too", async () => {
    for (const [client, query] of [
      [monitor, `documentId=${programme}`],
      [officer, `documentId=${programme}&organisationId=${skhcn}`],
    ] as const) {
      const body = {
        documentId: programme,
        period: "2026",
        format: "xlsx",
        ...(query.includes("organisationId") ? { organisationId: skhcn } : {}),
      };
      const book = await workbook((await exported(client, body)).bytes);
      const status = await rollup(client, "status", query);
      const labels: Record<string, string> = {
        done_on_time: "Hoàn thành đúng hạn",
        done_late: "Hoàn thành quá hạn",
        in_progress: "Đang thực hiện trong hạn",
        not_yet_due: "Chưa đến hạn",
        overdue: "Chưa hoàn thành, quá hạn",
        continuous: "Thường xuyên",
      };
      const tasks = sheetRows(book.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet).slice(1);
      expect(tasks).toHaveLength(status.counts.total);
      for (const [s, label] of Object.entries(labels))
        expect(tasks.filter((r) => r[10] === label).length, s).toBe(status.counts[s]);

      const coverage = await rollup(client, "coverage", query);
      for (const [sheet, figure] of [
        ["Quán triệt", coverage.dissemination],
        ["Cụ thể hóa", coverage.concretization],
      ] as const) {
        const list = sheetRows(book.getWorksheet(sheet) as ExcelJS.Worksheet).slice(1);
        expect(list.filter((r) => r[3] === "Có").length, sheet).toBe(figure.required);
        expect(list.filter((r) => r[3] === "Có" && r[4] === "Có").length, sheet).toBe(figure.covered);
        expect(list.filter((r) => r[3] === "Không").length, sheet).toBe(figure.unrequired);
      }

      const indicators = await rollup(client, "indicators", query);
      const graded = sheetRows(book.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet).slice(1);
      expect(graded).toHaveLength(indicators.counts.total);
      expect(graded.filter((r) => r[12] === "Có nguy cơ chậm").length).toBe(indicators.counts.at_risk);
      expect(graded.filter((r) => r[12] === "Đúng lộ trình").length).toBe(indicators.counts.on_track);

      const completeness = await rollup(client, "completeness", query);
      const matrix = sheetRows(book.getWorksheet("Báo cáo định kỳ") as ExcelJS.Worksheet);
      const at = (name: string) => (matrix[0] as unknown[]).indexOf(name);
      const sum = (name: string) => matrix.slice(1).reduce((s, r) => s + Number(r[at(name)] ?? 0), 0);
      expect(sum("Phải nộp")).toBe(completeness.totals.expected);
      expect(sum("Đã nộp")).toBe(completeness.totals.onTime + completeness.totals.late);
      expect(sum("Đúng hạn")).toBe(completeness.totals.onTime);
    }
  });
});

describe("imports take the exports back", () => {
  const upload = (name: string, bytes: Buffer) => {
    const boundary = "reportExportBoundary";
    return {
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    };
  };
  const stored = () =>
    rows<{ indicator_id: number; organisation_id: number; period: string; value: number }>(
      h.db,
      sql`select v.indicator_id, v.organisation_id, v.period, v.value::float8 as value from indicator_values v
        join indicators i on i.id = v.indicator_id where i.document_id = ${programme} and v.period like '2026%'
        order by 1, 2, 3`,
    );

  it("indicator values of the period exported (the whole workbook, the sheet alone, CSV) import back to the same values", async () => {
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    for (const asked of [
      { format: "xlsx" },
      { format: "xlsx", table: "indicator-values" },
      { format: "csv", table: "indicator-values" },
    ]) {
      const { bytes, view } = await exported(monitor, { documentId: programme, period: "2026", ...asked });
      // the values change meanwhile; the export's import puts them back
      const changed = await monitor.post(
        "/api/indicators/values",
        before.map((v) => ({
          indicatorId: v.indicator_id,
          organisationId: v.organisation_id,
          period: v.period,
          value: v.value + 7,
        })),
      );
      expect(changed.statusCode, changed.body).toBe(201);
      expect((await stored()).map((v) => v.value)).not.toEqual(before.map((v) => v.value));
      const u = upload(view.fileName, bytes);
      const r = await monitor.request({
        method: "POST",
        url: "/api/indicators/values/import",
        payload: u.payload,
        headers: u.headers,
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toEqual({ stored: before.length });
      expect(await stored()).toEqual(before);
    }
  });

  it("the organisation list exported (CSV, the whole workbook) imports into an empty database as it was", async () => {
    for (const asked of [{ format: "csv", table: "organisations" }, { format: "xlsx" }]) {
      const { bytes, view } = await exported(monitor, { documentId: programme, period: "2026", ...asked });
      const empty = await apiHarness({ empty: true });
      try {
        await createUser(
          empty.db,
          {
            username: "nhap",
            displayName: "Nhập",
            password: "mat-khau-dai-1",
            role: "admin",
            scopeOrganisationId: null,
          },
          cliActor,
        );
        const client = await empty.login("nhap", "mat-khau-dai-1");
        const u = upload(view.fileName, bytes);
        const r = await client.request({
          method: "POST",
          url: "/api/organisations/import",
          payload: u.payload,
          headers: u.headers,
        });
        expect(r.statusCode, r.body).toBe(201);
        const shape = (db: typeof h.db, codes: string[]) =>
          rows<Record<string, unknown>>(
            db,
            sql`select o.code, o.name, o.kind, o.level, p.code as parent, o.valid_from::text as valid_from,
                o.valid_to::text as valid_to
              from organisations o left join organisations p on p.id = o.parent_id
              where o.code in (select unnest(${`{${codes.join(",")}}`}::text[])) order by o.code`,
          );
        const codes = (
          await rows<{ code: string }>(empty.db, sql`select code from organisations order by code`)
        ).map((x) => x.code);
        expect(r.json().imported).toBe(codes.length);
        expect(codes.length).toBeGreaterThan(10);
        expect(await shape(empty.db, codes)).toEqual(await shape(h.db, codes));
      } finally {
        await empty.close();
      }
    }
  }, 120_000);
});

describe("bad requests", () => {
  it("are refused with 4xx problem+json, and nothing is stored", async () => {
    const cases: [ApiClient, object, number, string][] = [
      [monitor, { documentId: 2_000_000_000, period: "2026", format: "docx" }, 404, "not-found"],
      [monitor, { documentId: programme, period: "2025-Q5", format: "docx" }, 400, "report-export-period"],
      [monitor, { documentId: programme, period: "năm ngoái", format: "docx" }, 400, "report-export-period"],
      [monitor, { documentId: programme, period: "2027", format: "docx" }, 422, "report-export-future"],
      [monitor, { documentId: programme, period: "2026", format: "pdf" }, 400, "invalid-input"],
      [
        monitor,
        { documentId: programme, period: "2026", format: "docx", table: "tasks" },
        400,
        "report-export-table-docx",
      ],
      [
        monitor,
        { documentId: programme, period: "2026", format: "csv", table: "everything" },
        400,
        "invalid-input",
      ],
      [admin, { period: "2026", format: "docx" }, 422, "report-export-subject"],
      [
        monitor,
        { documentId: programme, organisationId: 2_000_000_000, period: "2026", format: "xlsx" },
        404,
        "not-found",
      ],
    ];
    // a plan of Hà Nội concerns no body of the province; a commune's officer does not see a department
    const outside = await importText(h.db, OUTSIDE_PLAN, { name: "ha-noi-321.txt", publish: true });
    const commune = await h.login("xabinhson");
    cases.push(
      [officer, { documentId: outside.documentId, period: "2026", format: "docx" }, 403, "api-out-of-scope"],
      [
        commune,
        { documentId: programme, organisationId: skhcn, period: "2026", format: "docx" },
        403,
        "api-out-of-scope",
      ],
    );
    const fingerprint = await databaseFingerprint(h.db);
    for (const [client, body, status, code] of cases) {
      const r = await client.post("/api/reports/exports", body);
      expect(r.statusCode, `${JSON.stringify(body)}: ${r.body}`).toBe(status);
      expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(r.json().code).toBe(code);
    }
    expect(await databaseFingerprint(h.db)).toEqual(fingerprint);
    const unknown = await monitor.get("/api/reports/exports/2000000000");
    expect(unknown.statusCode).toBe(404);
  });

  it("an export is read only by those whose scope holds every body it shows", async () => {
    const whole = await exported(admin, { documentId: programme, period: "2026", format: "csv" });
    expect((await monitor.get(`/api/reports/exports/${whole.view.id}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/reports/exports/${whole.view.id}/file`)).statusCode).toBe(200);
    const province = await exported(monitor, { documentId: programme, period: "2026", format: "csv" });
    expect((await viewer.get(`/api/reports/exports/${province.view.id}`)).statusCode).toBe(200);
    const r = await officer.get(`/api/reports/exports/${province.view.id}/file`);
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("api-out-of-scope");
  });
});

describe("as a job", () => {
  let jobs: Jobs;
  const queueErrors: unknown[] = [];

  afterAll(async () => {
    await jobs?.stop();
    h.ctx.jobs = null;
  });

  it("runs on the queue with progress, then hands out its file", async () => {
    jobs = await startJobQueue(h.database, {
      log: { warn: () => undefined, error: (o: unknown) => void queueErrors.push(o) },
      pollingIntervalSeconds: 0.5,
    });
    await startReportExportJobs(jobs, h.ctx);
    h.ctx.jobs = jobs;
    const r = await monitor.post("/api/reports/exports", {
      documentId: programme,
      period: "2026",
      format: "xlsx",
      background: true,
    });
    expect(r.statusCode, r.body).toBe(202);
    const location = r.headers.location as string;
    expect(location).toBe(`/api/reports/exports/${r.json().id}`);
    expect(r.json()).toMatchObject({ state: "queued", fileUrl: null });
    const early = await monitor.get(`${location}/file`);
    expect([409, 200]).toContain(early.statusCode);
    const seen = new Set<string>();
    let view: ExportView | null = null;
    for (let i = 0; i < 300 && view?.state !== "done"; i++) {
      view = (await monitor.get(location)).json() as ExportView;
      seen.add(view.state);
      if (view.state === "failed") throw new Error(JSON.stringify(view.problem));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(view?.state).toBe("done");
    const file = await monitor.get(`${location}/file`);
    expect(file.statusCode).toBe(200);
    const book = await workbook(file.rawPayload);
    expect(book.worksheets).toHaveLength(8);
    expect(queueErrors).toEqual([]);
  }, 120_000);
});

describe("templates", () => {
  it("an administrator changes headings, signer and recipients; the next report follows, no code changed", async () => {
    const list = await admin.get("/api/report-templates");
    expect(list.statusCode).toBe(200);
    const party = (list.json() as { key: string; version: number; template: Record<string, unknown> }[]).find(
      (t) => t.key === "party",
    );
    expect(party?.version).toBe(0);
    const template = structuredClone(party?.template) as {
      headings: Record<string, string>;
      signer: Record<string, string>;
      recipients: string[];
    };
    template.headings.results = "Kết quả thực hiện các nhiệm vụ trọng tâm";
    template.signer = { authority: "T/M BAN THƯỜNG VỤ", role: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Trần Văn Ký" };
    template.recipients = ["Ban Bí thư (để báo cáo)", "Lưu Văn phòng Tỉnh ủy"];
    const put = (version: string) =>
      admin.request({
        method: "PUT",
        url: "/api/report-templates/party",
        payload: template,
        headers: { "if-match": version },
      });
    const saved = await put('"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    const stale = await put('"0"');
    expect(stale.statusCode).toBe(412);
    expect((await monitor.get("/api/report-templates")).statusCode).toBe(403);

    const { bytes } = await exported(monitor, { documentId: programme, period: "2026", format: "docx" });
    const read = await readDocumentBytes(new Uint8Array(bytes), "bao-cao.docx");
    const parsed = parseDocument(read.text, { name: "bao-cao.docx", format: "docx", sha256: read.sha256 });
    expect(parsed.sections[2]?.heading).toBe("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM");
    expect(parsed.signer).toMatchObject({ role: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Trần Văn Ký" });
    expect(parsed.distribution).toEqual(["Ban Bí thư (để báo cáo)", "Lưu Văn phòng Tỉnh ủy"]);
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_log where action = 'report-template.update'`,
    );
    expect(audit?.n).toBe(1);
  });
});
