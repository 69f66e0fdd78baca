// Documents through the API: a plan uploaded as .txt and another as .docx are imported in the
// background while the client polls their progress; the draft is read, corrected, reviewed (a task
// rejected, a phrase mapped to a body, a parent task accepted) and published under If-Match; the
// source comes back byte for byte; the demo's 215-CTr/TU shows its lineage. Bad uploads (unknown
// type, broken, empty, encrypted, duplicate, zip bomb, PDF bomb) end as failed imports that store
// nothing; bad edits, unknown ids and documents outside the caller's scope leave the database as it was.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { failInterruptedImports } from "../../src/server/documents/imports.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { docxBomb, pdfBomb } from "../support/bombs.ts";
import { encryptedPdf } from "../support/encrypted-pdf.ts";
import { textToDocx } from "../support/text-to-docx.ts";
import { pngPagesToPdf, textToPngPages } from "../support/text-to-png.ts";

/** The province's plan carrying out the demo's programme: two tasks for departments, one for a body
 * the reference catalogue does not hold. */
const PLAN = `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc

Số: 301/KH-UBND\tQuảng Ngãi, ngày 25 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy về đẩy mạnh chuyển đổi số trong hoạt động của hệ thống chính trị đến năm 2030

Thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC TIÊU
- Đến năm 2030, tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng đạt từ 98% trở lên.

II. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ xây dựng kho dữ liệu dùng chung của tỉnh, hoàn thành trước ngày 30/6/2026.
2. Sở Nội vụ chủ trì tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, hoàn thành trước ngày 31/12/2026.
3. Trung tâm Phục vụ hành chính công tỉnh chủ trì hướng dẫn người dân sử dụng dịch vụ công trực tuyến, hoàn thành trước ngày 30/6/2026.

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Như trên;\tCHỦ TỊCH
- Lưu: VT.
\tNguyễn Văn Bình
`;

/** The department's own plan, uploaded as a Word file. */
const DEPARTMENT_PLAN = `UBND TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ KHOA HỌC VÀ CÔNG NGHỆ\tĐộc lập - Tự do - Hạnh phúc

Số: 45/KH-SKHCN\tQuảng Ngãi, ngày 06 tháng 10 năm 2025

KẾ HOẠCH
Triển khai Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy về chuyển đổi số

Thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:

1. Văn phòng Sở chủ trì rà soát, số hóa hồ sơ lưu trữ của Sở, hoàn thành trước ngày 31/3/2026.
2. Sở Nội vụ phối hợp xây dựng kho dữ liệu dùng chung của tỉnh, hoàn thành trong năm 2026.

Nơi nhận:\tGIÁM ĐỐC
- Như trên;
- Lưu: VT.\tTrần Văn Cường
`;

/** A plan about the province's departments alone: it concerns no commune. */
const DEPARTMENTS_ONLY = PLAN.replace("301/KH-UBND", "302/KH-UBND").replace(
  "25 tháng 9 năm 2025",
  "26 tháng 9 năm 2025",
);

let h: ApiHarness;
let monitor: ApiClient;
let admin: ApiClient;
let commune: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  // a small upload limit: "too large" needs no large file, and both bombs stay under it
  h = await apiHarness({ env: { TRIENKHAI_UPLOAD_MAX_MB: "2" } });
  monitor = await h.login("theodoi");
  admin = await h.login("quantri");
  commune = await h.login("xabinhson");
  officer = await h.login("sokhcn");
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** A multipart/form-data body with one file part. */
function multipart(name: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----trienkhai${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(client: ApiClient, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const body = multipart(name, bytes);
  return client.request({
    method: "POST",
    url: "/api/documents/imports",
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

interface ImportView {
  id: number;
  state: string;
  stage: string;
  percent: number;
  documentId: number | null;
  result: {
    documentId: number;
    counts: { tasks: number; assignments: number };
    unresolved: string[];
    links: { symbol: string; documentId: number | null }[];
    stages: { stage: string; percent: number; ms: number }[];
  } | null;
  problem: { status: number; code: string; detail: string; type: string } | null;
}

/** Polls an import until it ends; returns it with every percent seen on the way. */
async function finish(
  client: ApiClient,
  importId: number,
  headers: Record<string, string> = {},
): Promise<ImportView & { seen: number[] }> {
  const seen: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const r = await client.request({ method: "GET", url: `/api/documents/imports/${importId}`, headers });
    expect(r.statusCode).toBe(200);
    const v = r.json() as ImportView;
    seen.push(v.percent);
    if (v.state === "done" || v.state === "failed") return { ...v, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`import ${importId} never ended`);
}

async function importFile(name: string, bytes: Uint8Array, client = monitor) {
  const r = await upload(client, name, bytes);
  expect(r.statusCode).toBe(202);
  const { importId } = r.json() as { importId: number };
  expect(r.headers.location).toBe(`/api/documents/imports/${importId}`);
  return finish(client, importId);
}

/** Everything but the import rows: a failed import may leave its own row and nothing else. */
async function fingerprint(): Promise<Record<string, string>> {
  const { document_imports: _imports, ...rest } = await databaseFingerprint(h.db);
  return rest;
}

interface Detail {
  id: number;
  version: number;
  status: string;
  title: string | null;
  date: string | null;
  symbol: string | null;
  warnings: unknown[];
  sections: { heading: string; children: unknown[] }[];
  source: { name: string; format: string };
  tasks: {
    id: number;
    text: string;
    reviewState: string;
    deadlineDate: string | null;
    parentTaskId: number | null;
    assignments: { id: number; organisationId: number | null; phrase: string; resolution: string }[];
    suggestions: { parentTaskId: number; state: string }[];
  }[];
  indicators: { id: number; reviewState: string }[];
  links: { id: number; symbol: string; documentId: number | null; relation: string }[];
}

async function detail(id: number, client = monitor): Promise<Detail> {
  const r = await client.get(`/api/documents/${id}`);
  expect(r.statusCode).toBe(200);
  expect(r.headers.etag).toBe(`"${(r.json() as Detail).version}"`);
  return r.json() as Detail;
}

async function orgId(code: string): Promise<number> {
  const [o] = await rows<{ id: number }>(h.db, sql`select id from organisations where code = ${code}`);
  return (o as { id: number }).id;
}

const demoId = async (symbol: string): Promise<number> => {
  const [d] = await rows<{ id: number }>(h.db, sql`select id from documents where symbol = ${symbol}`);
  return (d as { id: number }).id;
};

let planId: number;
let departmentPlanId: number;
let docxBytes: Uint8Array;

describe("uploading and importing", () => {
  it("imports a .txt in the background, its progress going up to 100", async () => {
    const done = await importFile("ke-hoach-301.txt", Buffer.from(PLAN, "utf8"));
    expect(done).toMatchObject({ state: "done", stage: "done", percent: 100, problem: null });
    for (let i = 1; i < done.seen.length; i++)
      expect(done.seen[i]).toBeGreaterThanOrEqual(done.seen[i - 1] as number);
    const stages = done.result?.stages ?? [];
    expect(stages.map((s) => s.stage)).toEqual(["reading", "parsing", "storing"]);
    expect(stages.map((s) => s.percent)).toEqual([5, 75, 85]);
    expect(done.result?.counts).toMatchObject({ tasks: 3, assignments: 4 });
    expect(done.result?.unresolved).toEqual(["Trung tâm Phục vụ hành chính công tỉnh"]);
    expect(done.result?.links).toEqual([
      { symbol: "215-CTr/TU", relation: "implements", documentId: await demoId("215-CTr/TU") },
    ]);
    planId = done.documentId as number;
    expect(planId).toBe(done.result?.documentId);
    console.log(`import of a .txt: ${stages.map((s) => `${s.stage} ${s.ms} ms`).join(", ")}`);
  });

  it("shows the draft: fields, sections, proposed tasks with their bodies, indicators, links, parent suggestions", async () => {
    const d = await detail(planId);
    expect(d).toMatchObject({
      status: "imported",
      symbol: "301/KH-UBND",
      date: "2025-09-25",
      source: { name: "ke-hoach-301.txt", format: "txt" },
    });
    expect(Array.isArray(d.warnings)).toBe(true);
    expect(d.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(["MỤC TIÊU", "NHIỆM VỤ"]));
    expect(d.tasks).toHaveLength(3);
    expect(d.tasks.every((t) => t.reviewState === "proposed")).toBe(true);
    expect(d.tasks[0]?.deadlineDate).toBe("2026-06-30");
    expect(d.tasks[0]?.assignments.map((a) => a.phrase)).toEqual(["Sở Khoa học và Công nghệ", "Sở Nội vụ"]);
    const unresolved = d.tasks[2]?.assignments[0];
    expect(unresolved).toMatchObject({ organisationId: null, resolution: "unresolved" });
    expect(d.indicators).toHaveLength(1);
    expect(d.links[0]).toMatchObject({ symbol: "215-CTr/TU", relation: "implements" });
    expect(d.tasks.some((t) => t.suggestions.length > 0)).toBe(true);
  });

  it("imports a .docx with a Vietnamese name and gives the source back byte for byte", async () => {
    docxBytes = await textToDocx(DEPARTMENT_PLAN);
    const name = "Kế hoạch 45-KH-SKHCN.docx";
    const done = await importFile(name, docxBytes);
    expect(done.state).toBe("done");
    departmentPlanId = done.documentId as number;
    const d = await detail(departmentPlanId);
    expect(d).toMatchObject({ symbol: "45/KH-SKHCN", source: { name, format: "docx" } });
    const src = await monitor.get(`/api/documents/${departmentPlanId}/source`);
    expect(src.statusCode).toBe(200);
    expect(src.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(src.headers["content-disposition"]).toBe(
      `attachment; filename="Ke hoach 45-KH-SKHCN.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(sha(src.rawPayload)).toBe(sha(docxBytes));
  });

  it("recognises a scan page by page, the OCR carrying the bar from 10 to 70 %", async () => {
    const scan = await pngPagesToPdf(
      await textToPngPages(
        DEPARTMENT_PLAN.replace("45/KH-SKHCN", "46/KH-SKHCN").replace("06 tháng 10", "07 tháng 10"),
      ),
    );
    const done = await importFile("ban-quet.pdf", scan);
    expect(done.state).toBe("done");
    const stages = done.result?.stages.map((s) => s.stage);
    expect(stages).toEqual(["reading", "ocr", "parsing", "storing"]);
    expect(done.seen.some((p) => p > 10 && p <= 70)).toBe(true);
    console.log(
      `import of a one-page scan: ${done.result?.stages.map((s) => `${s.stage} ${s.ms} ms`).join(", ")}`,
    );
  }, 120_000);

  it("lets the uploader and an administrator read an import, nobody else", async () => {
    const r = await upload(
      monitor,
      "ke-hoach-khac.txt",
      Buffer.from(PLAN.replace("301/KH", "303/KH"), "utf8"),
    );
    const { importId } = r.json() as { importId: number };
    await finish(monitor, importId);
    expect((await admin.get(`/api/documents/imports/${importId}`)).statusCode).toBe(200);
    const officerRead = await officer.get(`/api/documents/imports/${importId}`);
    expect(officerRead.statusCode).toBe(403);
    expect((await admin.get("/api/documents/imports/999999")).statusCode).toBe(404);
  });

  it("marks imports cut short by a stop as failed with reason interrupted", async () => {
    const [row] = await rows<{ id: number }>(
      h.db,
      sql`insert into document_imports (state, stage, percent, file_name, size, created_by)
        select 'running', 'ocr', 40, 'quet.pdf', 100, id from users where username = 'theodoi' returning id`,
    );
    expect(await failInterruptedImports(h.db)).toBe(1);
    const v = (await monitor.get(`/api/documents/imports/${row?.id}`)).json() as ImportView;
    expect(v.state).toBe("failed");
    expect(v.problem).toMatchObject({ status: 503, code: "document-import-interrupted" });
    expect(v.problem?.detail).toMatch(/gián đoạn/);
  });
});

describe("uploads that fail store nothing", () => {
  it("refuses an unknown type at once with 415, naming the accepted ones", async () => {
    const before = await databaseFingerprint(h.db);
    const r = await upload(monitor, "bang-tinh.xlsx", Buffer.from("PK\x03\x04 not a document"));
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ code: "document-import-type" });
    expect(r.json().detail).toMatch(/\.txt, \.md, \.docx, \.pdf/);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("refuses a file over the upload limit with 413", async () => {
    const before = await databaseFingerprint(h.db);
    const r = await upload(monitor, "lon.txt", Buffer.alloc(3 * 1024 * 1024, 0x61));
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ code: "api-payload-too-large" });
    expect(r.json().detail).toMatch(/2 MB/);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  const failures: [string, string, () => Promise<Uint8Array>, string, number][] = [
    [
      "a broken .docx",
      "hong.docx",
      async () => Buffer.from("PK\x03\x04 broken beyond repair"),
      "file-corrupt",
      422,
    ],
    ["an empty file", "rong.txt", async () => new Uint8Array(0), "file-empty", 422],
    ["an encrypted PDF", "mat.pdf", () => encryptedPdf("Kế hoạch số 12"), "file-encrypted", 422],
    [
      "the same file again",
      "ke-hoach-301.txt",
      async () => Buffer.from(PLAN, "utf8"),
      "duplicate-document",
      409,
    ],
    ["a zip-bomb DOCX (1.1 GiB inflated)", "bom.docx", () => docxBomb(), "file-too-large", 413],
    ["a PDF whose page inflates to 1.1 GiB", "bom.pdf", () => pdfBomb(), "file-too-large", 413],
  ];
  for (const [what, name, make, code, status] of failures)
    it(`ends ${what} as a failed import with ${code}`, async () => {
      const bytes = await make();
      const before = await fingerprint();
      const started = performance.now();
      const done = await importFile(name, bytes);
      const ms = performance.now() - started;
      expect(done.state).toBe("failed");
      expect(done.documentId).toBeNull();
      expect(done.problem).toMatchObject({ code, status, type: `/api/problems/${code}` });
      expect(await fingerprint()).toEqual(before);
      if (code === "file-too-large") {
        expect(ms).toBeLessThan(10_000);
        console.log(`${what} (${bytes.length} bytes): refused in ${Math.round(ms)} ms`);
      }
    }, 60_000);

  it("renders a stored problem in the reader's language", async () => {
    const r = await upload(monitor, "rong.txt", new Uint8Array(0));
    const { importId } = r.json() as { importId: number };
    const en = await finish(monitor, importId, { "accept-language": "en" });
    expect(en.problem?.detail).toMatch(/is empty/);
    const vi = await finish(monitor, importId);
    expect(vi.problem?.detail).toMatch(/rỗng/);
  });
});

describe("reviewing a draft", () => {
  it("corrects a field under If-Match, bumping the version and auditing before and after", async () => {
    const d = await detail(planId);
    const r = await monitor.patch(
      `/api/documents/${planId}`,
      { title: "Kế hoạch thực hiện Chương trình hành động số 215-CTr/TU về chuyển đổi số" },
      { "if-match": `"${d.version}"` },
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe(`"${d.version + 1}"`);
    expect((await detail(planId)).title).toMatch(/^Kế hoạch thực hiện/);
    const [audit] = await rows<{ before: { title: string }; after: { title: string } }>(
      h.db,
      sql`select before, after from audit_log where action = 'document.edit' and entity_id = ${String(planId)}
        order by id desc limit 1`,
    );
    expect(audit?.before.title).toMatch(/^Thực hiện Chương trình/);
    expect(audit?.after.title).toMatch(/^Kế hoạch thực hiện/);
  });

  it("refuses a day that does not exist, a stale version, unknown fields and unknown documents, changing nothing", async () => {
    const d = await detail(planId);
    const before = await databaseFingerprint(h.db);
    const wrongDay = await monitor.patch(
      `/api/documents/${planId}`,
      { date: "2025-02-30" },
      { "if-match": `"${d.version}"` },
    );
    expect(wrongDay.statusCode).toBe(422);
    expect(wrongDay.json().code).toBe("document-date-invalid");
    const stale = await monitor.patch(
      `/api/documents/${planId}`,
      { place: "Huế" },
      { "if-match": `"${d.version - 1}"` },
    );
    expect(stale.statusCode).toBe(412);
    const noVersion = await monitor.patch(`/api/documents/${planId}`, { place: "Huế" });
    expect(noVersion.statusCode).toBe(428);
    const unknownField = await monitor.patch(
      `/api/documents/${planId}`,
      { colour: "red" },
      { "if-match": `"${d.version}"` },
    );
    expect(unknownField.statusCode).toBe(400);
    const badType = await monitor.patch(
      `/api/documents/${planId}`,
      { type: "poem" },
      { "if-match": `"${d.version}"` },
    );
    expect(badType.statusCode).toBe(400);
    const unknownIssuer = await monitor.patch(
      `/api/documents/${planId}`,
      { issuerId: 99_999_999 },
      { "if-match": `"${d.version}"` },
    );
    expect(unknownIssuer.statusCode).toBe(404);
    const taken = await monitor.patch(
      `/api/documents/${planId}`,
      { symbol: "45/KH-SKHCN", issuerName: "Sở Khoa học và Công nghệ", date: "2025-10-06" },
      { "if-match": `"${d.version}"` },
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("duplicate-document");
    for (const url of [
      "/api/documents/999999",
      "/api/documents/999999/source",
      "/api/documents/999999/lineage",
    ])
      expect((await monitor.get(url)).statusCode).toBe(404);
    expect(
      (await monitor.patch("/api/documents/999999", { place: "Huế" }, { "if-match": '"1"' })).statusCode,
    ).toBe(404);
    expect((await monitor.post("/api/documents/999999/publish", {}, { "if-match": '"1"' })).statusCode).toBe(
      404,
    );
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("decides on tasks and suggestions and maps a phrase to a body, all in one transaction", async () => {
    const d = await detail(planId);
    const [first, , third] = d.tasks as [Detail["tasks"][0], Detail["tasks"][0], Detail["tasks"][0]];
    const suggested = d.tasks.find((t) => t.suggestions.length > 0) as Detail["tasks"][0];
    const parentTaskId = suggested.suggestions[0]?.parentTaskId as number;
    const centre = await orgId("P51.2025-UBND");
    const r = await monitor.post(
      `/api/documents/${planId}/review`,
      {
        tasks: [
          { id: first.id, state: "accepted" },
          { id: (d.tasks[1] as Detail["tasks"][0]).id, state: "rejected" },
        ],
        suggestions: [{ taskId: suggested.id, parentTaskId, state: "accepted" }],
        mappings: [{ assignmentId: third.assignments[0]?.id as number, organisationId: centre }],
      },
      { "if-match": `"${d.version}"` },
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: d.version + 1, changed: 4 });
    expect(r.headers.etag).toBe(`"${d.version + 1}"`);
    const after = await detail(planId);
    expect(after.tasks.map((t) => t.reviewState)).toEqual(["accepted", "rejected", "proposed"]);
    expect(after.tasks.find((t) => t.id === suggested.id)?.parentTaskId).toBe(parentTaskId);
    expect(after.tasks[2]?.assignments[0]).toMatchObject({ organisationId: centre, resolution: "resolved" });
    const [audits] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_log where action = 'document.review'`,
    );
    expect(audits?.n).toBe(4);
  });

  it("changes nothing when one decision of many is wrong", async () => {
    const d = await detail(planId);
    const before = await databaseFingerprint(h.db);
    const third = d.tasks[2] as Detail["tasks"][0];
    const otherDocumentTask = (await detail(departmentPlanId)).tasks[0]?.id as number;
    const attempts: [unknown, number, string][] = [
      [
        {
          tasks: [
            { id: third.id, state: "rejected" },
            { id: otherDocumentTask, state: "accepted" },
          ],
        },
        404,
        "not-found",
      ],
      [
        {
          tasks: [{ id: third.id, state: "rejected" }],
          mappings: [{ assignmentId: third.assignments[0]?.id, organisationId: 99_999_999 }],
        },
        404,
        "not-found",
      ],
      // Hà Nội's People's Committee lies outside the monitor's province
      [
        {
          tasks: [{ id: third.id, state: "rejected" }],
          mappings: [{ assignmentId: third.assignments[0]?.id, organisationId: await orgId("P01-UBND") }],
        },
        403,
        "api-out-of-scope",
      ],
      [
        {
          tasks: [
            { id: third.id, state: "rejected" },
            { id: third.id, state: "accepted" },
          ],
        },
        422,
        "document-review-repeated",
      ],
      [{ tasks: [{ id: third.id, state: "maybe" }] }, 400, "invalid-input"],
    ];
    for (const [body, status, code] of attempts) {
      const r = await monitor.post(`/api/documents/${planId}/review`, body, { "if-match": `"${d.version}"` });
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().code).toBe(code);
    }
    // a body dissolved before the document's date cannot be given its work (the administrator's
    // scope holds the provinces merged in 2025)
    const [gone] = await rows<{ id: number }>(
      h.db,
      sql`select id from organisations where valid_to < '2025-09-25' order by id limit 1`,
    );
    const dissolved = await admin.post(
      `/api/documents/${planId}/review`,
      { mappings: [{ assignmentId: third.assignments[0]?.id, organisationId: gone?.id }] },
      { "if-match": `"${d.version}"` },
    );
    expect(dissolved.statusCode).toBe(422);
    expect(dissolved.json().code).toBe("document-mapping-not-in-force");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("publishes under If-Match: 412 on a stale version, then 409 once published", async () => {
    const d = await detail(planId);
    const before = await databaseFingerprint(h.db);
    const stale = await monitor.post(
      `/api/documents/${planId}/publish`,
      {},
      { "if-match": `"${d.version - 1}"` },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("stale-version");
    expect(await databaseFingerprint(h.db)).toEqual(before);
    const leader = await h.login("lanhdao");
    const ok = await leader.post(`/api/documents/${planId}/publish`, {}, { "if-match": `"${d.version}"` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${d.version + 1}"`);
    const published = await detail(planId);
    expect(published.status).toBe("published");
    // what review left proposed is accepted; what it rejected stays rejected
    expect(published.tasks.map((t) => t.reviewState)).toEqual(["accepted", "rejected", "accepted"]);
    const again = await monitor.post(
      `/api/documents/${planId}/publish`,
      {},
      { "if-match": `"${published.version}"` },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("document-not-draft");
    const edit = await monitor.patch(
      `/api/documents/${planId}`,
      { place: "Huế" },
      { "if-match": `"${published.version}"` },
    );
    expect(edit.statusCode).toBe(409);
    // the published plan's accepted tasks are in the task list; the rejected one is not
    const tasks = (await monitor.get(`/api/tasks?documentId=${planId}&pageSize=50`)).json() as {
      items: { taskId: number }[];
    };
    expect(new Set(tasks.items.map((t) => t.taskId)).size).toBe(2);
  });

  it("rejects a draft, which frees its file for a new import", async () => {
    const d = await detail(departmentPlanId);
    const r = await monitor.post(
      `/api/documents/${departmentPlanId}/reject`,
      {},
      { "if-match": `"${d.version}"` },
    );
    expect(r.statusCode).toBe(200);
    expect((await detail(departmentPlanId)).status).toBe("rejected");
    const publish = await monitor.post(
      `/api/documents/${departmentPlanId}/publish`,
      {},
      { "if-match": `"${d.version + 1}"` },
    );
    expect(publish.statusCode).toBe(409);
    expect(publish.json().code).toBe("document-rejected");
    const again = await importFile("Kế hoạch 45-KH-SKHCN.docx", docxBytes);
    expect(again.state).toBe("done");
    departmentPlanId = again.documentId as number;
  });

  it("keeps review to the roles that may review", async () => {
    const d = await detail(departmentPlanId);
    const r = await officer.post(
      `/api/documents/${departmentPlanId}/review`,
      { tasks: [] },
      { "if-match": `"${d.version}"` },
    );
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("api-forbidden");
  });
});

describe("lists, scope and lineage", () => {
  it("lists the documents of the scope, searched with or without diacritics, filtered, sorted and paged", async () => {
    type Page = {
      items: { id: number; symbol: string; status: string; tasks: number; assignments: number }[];
      total: number;
    };
    const list = async (client: ApiClient, query: string) => {
      const r = await client.get(`/api/documents?${query}`);
      expect(r.statusCode).toBe(200);
      return r.json() as Page;
    };
    const withMarks = await list(monitor, `q=${encodeURIComponent("chuyển đổi số")}&pageSize=100`);
    const without = await list(monitor, "q=chuyen%20doi%20so&pageSize=100");
    expect(without.items.map((d) => d.id)).toEqual(withMarks.items.map((d) => d.id));
    expect(without.items.map((d) => d.symbol)).toEqual(
      expect.arrayContaining(["986-KL/TW", "215-CTr/TU", "301/KH-UBND"]),
    );
    const plan = without.items.find((d) => d.id === planId);
    expect(plan).toMatchObject({ status: "published", tasks: 2 });
    const drafts = await list(monitor, "status=imported");
    expect(drafts.items.every((d) => d.status === "imported")).toBe(true);
    expect(drafts.items.map((d) => d.id)).toContain(departmentPlanId);
    const rejected = await list(monitor, "status=rejected");
    expect(rejected.items).toHaveLength(1);
    const bySymbol = await list(monitor, "sort=symbol&pageSize=100");
    const symbols = bySymbol.items.map((d) => d.symbol);
    expect(symbols).toEqual([...symbols].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page = await list(monitor, "pageSize=2&page=2");
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(bySymbol.total);
    const byDate = await list(monitor, "dateFrom=2025-08-01&dateTo=2025-09-30&type=chuong_trinh,ke_hoach");
    expect(byDate.items.map((d) => d.symbol).sort()).toEqual(["215-CTr/TU", "301/KH-UBND", "303/KH-UBND"]);
    const byIssuer = await list(monitor, `issuerId=${await orgId("P51.2025-UBND")}`);
    expect(byIssuer.items.map((d) => d.symbol)).toContain("301/KH-UBND");
    // the commune officer sees what concerns the commune, and the directives above it
    const communeList = await list(commune, "pageSize=100");
    expect(communeList.items.map((d) => d.symbol).sort()).toEqual(["215-CTr/TU", "48-CV/ĐU", "986-KL/TW"]);
  });

  it("refuses a document that does not concern the commune, and a filter naming a body outside it", async () => {
    const outside = await importFile("ke-hoach-302.txt", Buffer.from(DEPARTMENTS_ONLY, "utf8"));
    expect(outside.state).toBe("done");
    const id = outside.documentId as number;
    const before = await databaseFingerprint(h.db);
    for (const url of [
      `/api/documents/${id}`,
      `/api/documents/${id}/source`,
      `/api/documents/${id}/lineage`,
    ]) {
      const r = await commune.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().code).toBe("api-out-of-scope");
    }
    const filter = await commune.get(`/api/documents?issuerId=${await orgId("P51.2025-SNV")}`);
    expect(filter.statusCode).toBe(403);
    expect(
      (await commune.get("/api/documents?pageSize=100")).json().items.map((d: { id: number }) => d.id),
    ).not.toContain(id);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("draws the lineage of 215-CTr/TU: 986-KL/TW above, the commune's dispatch and the plans below, with coverage", async () => {
    const id = await demoId("215-CTr/TU");
    const r = await monitor.get(`/api/documents/${id}/lineage`);
    expect(r.statusCode).toBe(200);
    type Node = {
      id: number | null;
      symbol: string;
      level: string | null;
      status: string;
      coverage: { parentTasks: number; covered: number; rate: number | null; suggested: number } | null;
      children: Node[];
    };
    const l = r.json() as { document: Node; ancestors: Node[] };
    expect(l.ancestors.map((a) => [a.symbol, a.level])).toEqual([["986-KL/TW", "central"]]);
    expect(l.document).toMatchObject({ symbol: "215-CTr/TU", level: "province", status: "published" });
    // 986-KL/TW has 3 tasks; the demo's programme was published without linking its tasks to them
    expect(l.document.coverage).toMatchObject({ parentTasks: 3, covered: 0, rate: 0 });
    const children = new Map(l.document.children.map((c) => [c.symbol, c]));
    expect([...children.keys()]).toEqual(
      expect.arrayContaining(["48-CV/ĐU", "301/KH-UBND", "302/KH-UBND", "45/KH-SKHCN"]),
    );
    expect(children.get("48-CV/ĐU")).toMatchObject({ level: "commune" });
    // the reviewer accepted one parent task for the plan: one of the programme's six tasks is covered
    expect(children.get("301/KH-UBND")?.coverage).toMatchObject({ parentTasks: 6, covered: 1 });
    expect(children.get("301/KH-UBND")?.coverage?.rate).toBeCloseTo(1 / 6);

    // the commune's officer sees the same chain, without the plans that do not concern the commune
    const fromCommune = (await commune.get(`/api/documents/${id}/lineage`)).json() as { document: Node };
    expect(fromCommune.document.children.map((c) => c.symbol)).toEqual(["48-CV/ĐU"]);
    const dispatch = await commune.get(`/api/documents/${await demoId("48-CV/ĐU")}/lineage`);
    expect((dispatch.json() as { ancestors: Node[] }).ancestors.map((a) => a.symbol)).toEqual([
      "215-CTr/TU",
      "986-KL/TW",
    ]);
  });
});
