// Progress with evidence and its review, through the API: a unit officer uploads a file and cites
// it in an update, downloads it back byte for byte; a leader approves or returns updates; a returned
// update no longer counts; scopes, roles and bad files are refused with nothing stored.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { createUser } from "../../src/server/users/service.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";

/** A small upload limit, so that "too large" needs no large file. */
const UPLOAD_MAX_MB = 0.1;

let h: ApiHarness;
let officer: ApiClient;
let leader: ApiClient;
let monitor: ApiClient;
let outsider: ApiClient;

interface Row {
  assignmentId: number;
  taskId: number;
  version: number;
  percent: number;
  status: string;
  deadlineDate: string | null;
  recurrence: string | null;
}
/** The unit officer's assignment (the demo gives Sở KH&CN one). */
let mine: Row;
/** Other open one-off assignments of the province, which the monitor reports on. */
let others: Row[];

beforeAll(async () => {
  h = await apiHarness({ env: { TRIENKHAI_UPLOAD_MAX_MB: String(UPLOAD_MAX_MB) } });
  officer = await h.login("sokhcn");
  leader = await h.login("lanhdao");
  monitor = await h.login("theodoi");
  const [hanoi] = await rows<{ id: number }>(h.db, sql`select id from organisations where code = 'P01'`);
  await createUser(
    h.db,
    {
      username: "lanhdao.hanoi",
      displayName: "Lãnh đạo Hà Nội",
      password: "trienkhai-demo",
      role: "leader",
      scopeOrganisationId: (hanoi as { id: number }).id,
    },
    cliActor,
  );
  outsider = await h.login("lanhdao.hanoi");
  const list = async (c: ApiClient) =>
    ((await c.get("/api/tasks?pageSize=500")).json() as { items: Row[] }).items;
  const own = await list(officer);
  if (!own[0]) throw new Error("the demo officer has no assignment");
  mine = own[0];
  others = (await list(leader)).filter(
    (i) =>
      i.assignmentId !== mine.assignmentId &&
      i.deadlineDate !== null &&
      (i.recurrence === null || i.recurrence === "once") &&
      !["done_on_time", "done_late"].includes(i.status),
  );
  if (others.length < 2) throw new Error("the demo province has too few open assignments");
});
afterAll(async () => {
  await h?.close();
});

const other = (i: number): Row => others[i] as Row;

async function userId(username: string): Promise<number> {
  const [u] = await rows<{ id: number }>(h.db, sql`select id from users where username = ${username}`);
  return (u as { id: number }).id;
}

/** A multipart/form-data body with one file part (and optional plain fields). */
function multipart(
  name: string | null,
  bytes: Buffer,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----trienkhai${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (name !== null)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(client: ApiClient, assignmentId: number, name: string, bytes: Buffer) {
  const body = multipart(name, bytes);
  return client.request({
    method: "POST",
    url: `/api/assignments/${assignmentId}/evidence`,
    payload: body.payload,
    headers: body.headers,
  });
}

/** A PDF's header and trailer around every byte value, so that a download that re-encodes shows. */
const pdfBytes = (extra = 0): Buffer =>
  Buffer.concat([
    Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"),
    Buffer.from(Array.from({ length: 256 + extra }, (_, i) => i % 256)),
    Buffer.from("\n%%EOF\n"),
  ]);

/** An assignment as the province's leader reads it. */
async function assignmentState(id: number) {
  const r = await leader.get(`/api/assignments/${id}`);
  expect(r.statusCode).toBe(200);
  return r.json() as {
    percent: number;
    completedAt: string | null;
    status: string;
    version: number;
    updates: { id: number; state: string; reviewNote: string | null; reviewerName: string | null }[];
    evidenceFiles: { id: number; name: string }[];
  };
}

async function postUpdate(client: ApiClient, assignmentId: number, body: object) {
  const { version } = await assignmentState(assignmentId);
  const r = await client.post(`/api/assignments/${assignmentId}/progress`, body, {
    "if-match": `"${version}"`,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { updateId: number; version: number };
}

/** The officer's update citing evidence, reviewed in the next block. */
let cited: { updateId: number; version: number };

describe("evidence", () => {
  it("is uploaded by the unit officer, cited in an update and downloaded byte for byte", async () => {
    const a = mine;
    const name = "Báo cáo kết quả quý III (bản ký).pdf";
    const bytes = pdfBytes();
    // a Vietnamese name as a Mac sends it: letters decomposed, stored composed
    const up = await upload(officer, a.assignmentId, name.normalize("NFD"), bytes);
    expect(up.statusCode, up.body).toBe(201);
    const stored = up.json() as { fileId: number; name: string; size: number; sha256: string };
    expect(stored).toMatchObject({ name, size: bytes.length });
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));

    const down = await officer.get(`/api/evidence/${stored.fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers["content-type"]).toBe("application/pdf");
    const disposition = String(down.headers["content-disposition"]);
    expect(disposition).toMatch(
      /^attachment; filename="Bao cao ket qua quy III \(ban ky\)\.pdf"; filename\*=/,
    );
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(star)).toBe(name);
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    // the leader of the province reads it too; a leader elsewhere does not
    expect((await leader.get(`/api/evidence/${stored.fileId}`)).rawPayload.equals(bytes)).toBe(true);
    const away = await outsider.get(`/api/evidence/${stored.fileId}`);
    expect(away.statusCode).toBe(403);
    expect(away.json().code).toBe("api-out-of-scope");
    expect((await officer.get("/api/evidence/99999999")).statusCode).toBe(404);

    const before = await assignmentState(a.assignmentId);
    cited = await postUpdate(officer, a.assignmentId, {
      percent: before.percent,
      ...(before.completedAt ? { completedAt: before.completedAt } : {}),
      narrative: "Đã gửi báo cáo kết quả quý III.",
      evidence: [{ name, fileId: stored.fileId }],
    });
    const detail = await assignmentState(a.assignmentId);
    expect(detail.version).toBe(cited.version);
    expect(detail.updates[0]).toMatchObject({
      id: cited.updateId,
      state: "submitted",
      evidence: [{ name, fileId: stored.fileId }],
      authorName: expect.any(String),
    });
    expect(detail.evidenceFiles.map((f) => f.id)).toContain(stored.fileId);
  });

  it("cited in an update of another assignment is refused with 422 and nothing changes", async () => {
    const up = await upload(monitor, other(0).assignmentId, "bien-ban.txt", Buffer.from("Biên bản họp\n"));
    expect(up.statusCode, up.body).toBe(201);
    const { fileId } = up.json() as { fileId: number };
    const target = other(1).assignmentId;
    const a = await assignmentState(target);
    const before = await databaseFingerprint(h.db);
    const r = await monitor.post(
      `/api/assignments/${target}/progress`,
      { percent: 50, evidence: [{ name: "bien-ban.txt", fileId }] },
      { "if-match": `"${a.version}"` },
    );
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: "evidence-foreign" });
    expect(r.json().detail).toContain(String(fileId));
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("of a wrong type, a false type, too large, empty or missing is refused and nothing is stored", async () => {
    const a = mine.assignmentId;
    const before = await databaseFingerprint(h.db);
    const overLimit = pdfBytes(Math.ceil(UPLOAD_MAX_MB * 1024 * 1024));
    const noFile = multipart(null, Buffer.alloc(0), { note: "x" });
    const refused: [string, () => Promise<LightMyRequestResponse>, number, string][] = [
      [
        "an executable",
        () => upload(officer, a, "tool.exe", Buffer.from("MZ\x90\x00")),
        415,
        "evidence-type",
      ],
      ["a name without extension", () => upload(officer, a, "report", pdfBytes()), 415, "evidence-type"],
      [
        "text named .pdf",
        () => upload(officer, a, "bao-cao.pdf", Buffer.from("không phải PDF")),
        415,
        "evidence-content",
      ],
      [
        "a JPEG named .png",
        () => upload(officer, a, "anh.png", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])),
        415,
        "evidence-content",
      ],
      [
        "a ZIP named .docx",
        () => upload(officer, a, "van-ban.docx", Buffer.from("PK\x03\x04other.xml")),
        415,
        "evidence-content",
      ],
      ["a PDF named .txt", () => upload(officer, a, "ghi-chu.txt", pdfBytes()), 415, "evidence-content"],
      ["a file over the limit", () => upload(officer, a, "lon.pdf", overLimit), 413, "api-payload-too-large"],
      ["an empty file", () => upload(officer, a, "rong.pdf", Buffer.alloc(0)), 422, "file-empty"],
      [
        "no file part",
        () =>
          officer.request({
            method: "POST",
            url: `/api/assignments/${a}/evidence`,
            payload: noFile.payload,
            headers: noFile.headers,
          }),
        422,
        "evidence-missing",
      ],
      [
        "two files",
        () => {
          const one = multipart("a.pdf", pdfBytes());
          const boundary = /boundary=(.+)$/.exec(one.headers["content-type"] as string)?.[1];
          const second = Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file2"; filename="b.pdf"\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
          );
          const payload = Buffer.concat([
            one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length),
            second,
          ]);
          return officer.request({
            method: "POST",
            url: `/api/assignments/${a}/evidence`,
            payload,
            headers: one.headers,
          });
        },
        422,
        "evidence-one-file",
      ],
      [
        "a multipart body cut short",
        () =>
          officer.request({
            method: "POST",
            url: `/api/assignments/${a}/evidence`,
            payload:
              '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut',
            headers: { "content-type": "multipart/form-data; boundary=xyz" },
          }),
        400,
        "api-bad-request",
      ],
      [
        "a multipart body without boundary",
        () =>
          officer.request({
            method: "POST",
            url: `/api/assignments/${a}/evidence`,
            payload: "x",
            headers: { "content-type": "multipart/form-data" },
          }),
        400,
        "api-bad-request",
      ],
      [
        "a JSON body",
        () => officer.post(`/api/assignments/${a}/evidence`, { name: "x.pdf" }),
        415,
        "api-unsupported-media-type",
      ],
    ];
    for (const [what, send, status, code] of refused) {
      const r = await send();
      expect(r.statusCode, what).toBe(status);
      expect(String(r.headers["content-type"]), what).toMatch(/^application\/problem\+json/);
      expect(r.json().code, what).toBe(code);
      if (status === 413) expect(r.json().detail).toContain(`${UPLOAD_MAX_MB} MB`);
    }
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("is refused for an assignment outside the scope, and for a viewer", async () => {
    const a = mine.assignmentId;
    const x = await h.login("xabinhson");
    const viewer = await h.login("xem");
    const before = await databaseFingerprint(h.db);
    const out = await upload(x, a, "a.pdf", pdfBytes());
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe("api-out-of-scope");
    const forbidden = await upload(viewer, a, "a.pdf", pdfBytes());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe("api-forbidden");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});

describe("review", () => {
  it("the leader approves once; the officer may not; a leader elsewhere is out of scope", async () => {
    const id = cited.updateId;
    const before = await databaseFingerprint(h.db);
    const byOfficer = await officer.post(`/api/progress/${id}/approve`, {});
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().code).toBe("api-forbidden");
    const away = await outsider.post(`/api/progress/${id}/approve`, {});
    expect(away.statusCode).toBe(403);
    expect(away.json()).toMatchObject({ code: "api-out-of-scope" });
    expect(away.json().detail).toContain(String(id));
    expect(await databaseFingerprint(h.db)).toEqual(before);

    const ok = await leader.post(`/api/progress/${id}/approve`, { note: "Đồng ý" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      id,
      assignmentId: mine.assignmentId,
      state: "approved",
      reviewedBy: await userId("lanhdao"),
      reviewNote: "Đồng ý",
      assignment: { version: cited.version },
    });
    const again = await leader.post(`/api/progress/${id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "progress-already-approved" });
    expect(again.json().detail).toMatch(/đã được duyệt/);
    const returned = await leader.post(`/api/progress/${id}/return`, { note: "Thiếu số liệu" });
    expect(returned.statusCode).toBe(409);

    const detail = await assignmentState(mine.assignmentId);
    expect(detail.updates.find((x) => x.id === id)).toMatchObject({
      state: "approved",
      reviewerName: expect.any(String),
    });
    const [audit] = await rows<{ before: { state: string }; after: { state: string }; actor_name: string }>(
      h.db,
      sql`select before, after, actor_name from audit_log where action = 'progress.approve' and entity_id = ${String(id)}`,
    );
    expect(audit).toMatchObject({
      before: { state: "submitted" },
      after: { state: "approved" },
      actor_name: "lanhdao",
    });
  });

  it("a returned update no longer counts: the assignment's percent and completion go back", async () => {
    const a = mine.assignmentId;
    const kept = await assignmentState(a);
    const partial = await postUpdate(officer, a, { percent: 60, narrative: "Còn thiếu hồ sơ" });
    const changed = await assignmentState(a);
    expect(changed).toMatchObject({ percent: 60, completedAt: null, status: "in_progress" });

    const before = await databaseFingerprint(h.db);
    const noNote = await leader.post(`/api/progress/${partial.updateId}/return`, { note: "  " });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().code).toBe("progress-return-note");
    expect(await databaseFingerprint(h.db)).toEqual(before);

    const r = await leader.post(`/api/progress/${partial.updateId}/return`, { note: "Số liệu chưa khớp" });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      state: "returned",
      reviewNote: "Số liệu chưa khớp",
      assignment: { percent: kept.percent, completedAt: kept.completedAt, version: partial.version + 1 },
    });
    const after = await assignmentState(a);
    expect(after).toMatchObject({
      percent: kept.percent,
      completedAt: kept.completedAt,
      status: kept.status,
    });
    expect(after.version).toBe(partial.version + 1);
    expect(after.updates[0]).toMatchObject({
      id: partial.updateId,
      state: "returned",
      reviewNote: "Số liệu chưa khớp",
    });
    const list = (await officer.get("/api/tasks?pageSize=50")).json() as {
      items: { assignmentId: number; percent: number; status: string; version: number }[];
    };
    expect(list.items.find((i) => i.assignmentId === a)).toMatchObject({
      percent: kept.percent,
      status: kept.status,
      version: partial.version + 1,
    });
    // an edit made against the figures before the return is stale
    const stale = await officer.post(
      `/api/assignments/${a}/progress`,
      { percent: 70 },
      { "if-match": `"${partial.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    const [audit] = await rows<{
      before: { assignment: { percent: number } };
      after: { assignment: { percent: number } };
    }>(
      h.db,
      sql`select before, after from audit_log where action = 'progress.return' and entity_id = ${String(partial.updateId)}`,
    );
    expect(audit?.before.assignment.percent).toBe(60);
    expect(audit?.after.assignment.percent).toBe(kept.percent);
  });

  it("nobody reviews their own update", async () => {
    const a = other(0);
    const u = await postUpdate(monitor, a.assignmentId, { percent: Math.min(95, a.percent + 5) });
    const before = await databaseFingerprint(h.db);
    const r = await monitor.post(`/api/progress/${u.updateId}/approve`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("progress-review-own");
    expect(await databaseFingerprint(h.db)).toEqual(before);
    expect((await leader.post(`/api/progress/${u.updateId}/approve`, {})).statusCode).toBe(200);
  });

  it("concurrent reviews of one update: exactly one wins", async () => {
    const a = other(1);
    const u = await postUpdate(monitor, a.assignmentId, { percent: Math.min(95, a.percent + 7) });
    const admin = await h.login("quantri");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? leader : admin).post(
          `/api/progress/${u.updateId}/${i % 3 === 0 ? "return" : "approve"}`,
          {
            note: `người duyệt ${i}`,
          },
        ),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    const [n] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_log where entity = 'progress_update' and entity_id = ${String(u.updateId)}`,
    );
    expect(n?.n).toBe(1);
  });

  it("explains a refused update in the caller's language, and changes nothing", async () => {
    const before = await databaseFingerprint(h.db);
    const [a] = await rows<{ version: number }>(
      h.db,
      sql`select version from assignments where id = ${mine.assignmentId}`,
    );
    const post = (body: unknown, lang: string) =>
      officer.request({
        method: "POST",
        url: `/api/assignments/${mine.assignmentId}/progress`,
        payload: body as Record<string, unknown>,
        headers: {
          "if-match": `"${a?.version}"`,
          "accept-language": lang,
          "x-csrf-token": officer.csrfToken,
        },
      });
    const partial = { percent: 50, completedAt: "2026-01-05" };
    expect((await post(partial, "vi")).json().detail).toBe(
      "Dữ liệu không hợp lệ: completedAt: chỉ ghi ngày hoàn thành khi tiến độ đạt 100%",
    );
    expect((await post(partial, "en")).json().detail).toBe(
      "Invalid input: completedAt: a completion date goes with progress at 100%",
    );
    const notADay = await post({ percent: 100, completedAt: "2026-02-30" }, "en");
    expect(notADay.statusCode).toBe(422);
    expect(notADay.json().detail).toBe("Invalid input: completedAt: 2026-02-30 is not a calendar date");
    const tomorrow = await post({ percent: 100, completedAt: "2099-01-01" }, "vi");
    expect(tomorrow.json().detail).toBe("Dữ liệu không hợp lệ: completedAt: ngày 2099-01-01 sau hôm nay");
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("unknown updates are 404", async () => {
    const r = await leader.post("/api/progress/99999999/approve", {});
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe("not-found");
  });
});

describe("task and assignment detail", () => {
  it("a task shows its document, deadline and the assignments in the caller's scope", async () => {
    const mineRes = await officer.get(`/api/tasks/${mine.taskId}`);
    expect(mineRes.statusCode, mineRes.body).toBe(200);
    const t = mineRes.json() as {
      id: number;
      text: string;
      deadlineDate: string | null;
      document: { id: number; symbol: string | null };
      assignments: { id: number; status: string; version: number }[];
    };
    expect(t).toMatchObject({ id: mine.taskId, deadlineDate: mine.deadlineDate });
    expect(t.text.length).toBeGreaterThan(0);
    expect(t.document.symbol).toBeTruthy();
    expect(mineRes.headers.etag).toMatch(/^"\d+"$/);
    expect(t.assignments.find((x) => x.id === mine.assignmentId)).toMatchObject({
      version: expect.any(Number),
    });
    const [scope] = await rows<{ path: string }>(
      h.db,
      sql`select o.path from users u join organisations o on o.id = u.scope_organisation_id where u.username = 'sokhcn'`,
    );
    const paths = await rows<{ id: number; path: string }>(
      h.db,
      sql`select a.id, o.path from assignments a join organisations o on o.id = a.organisation_id where a.task_id = ${mine.taskId}`,
    );
    const inScope = paths.filter((p) => p.path.startsWith((scope as { path: string }).path)).map((p) => p.id);
    expect(t.assignments.map((x) => x.id).sort()).toEqual(inScope.sort());
    // the province's leader sees every assignment of the task in the province
    const all = (await leader.get(`/api/tasks/${mine.taskId}`)).json() as { assignments: unknown[] };
    expect(all.assignments.length).toBe(paths.length);

    const away = await outsider.get(`/api/tasks/${mine.taskId}`);
    expect(away.statusCode).toBe(403);
    expect(away.json().code).toBe("api-out-of-scope");
    expect((await officer.get("/api/tasks/99999999")).statusCode).toBe(404);
  });

  it("an assignment shows its status and version, and is out of scope elsewhere", async () => {
    const r = await officer.get(`/api/assignments/${mine.assignmentId}`);
    expect(r.statusCode).toBe(200);
    const d = r.json() as {
      id: number;
      version: number;
      status: string;
      taskText: string;
      updateCount: number;
    };
    expect(r.headers.etag).toBe(`"${d.version}"`);
    expect(d).toMatchObject({ id: mine.assignmentId, taskText: expect.any(String) });
    expect(d.updateCount).toBeGreaterThan(0);
    const away = await outsider.get(`/api/assignments/${mine.assignmentId}`);
    expect(away.statusCode).toBe(403);
    expect(away.json().code).toBe("api-out-of-scope");
    expect((await officer.get("/api/assignments/99999999")).statusCode).toBe(404);
  });
});
