// Every write validates its input, runs in one transaction, checks the version it replaces and
// appends to the audit log; bad input leaves stored data untouched.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { createDemo } from "../../src/demo/demo.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { recordDissemination } from "../../src/server/dissemination/service.ts";
import { assignmentsOfDocument } from "../../src/server/documents/repository.ts";
import { recordIndicatorValues } from "../../src/server/indicators/service.ts";
import { recordInspection } from "../../src/server/inspections/service.ts";
import { importOrganisations } from "../../src/server/organisations/import.ts";
import { recordProgress } from "../../src/server/progress/service.ts";
import { submitReport } from "../../src/server/reports/service.ts";
import { createUser } from "../../src/server/users/service.ts";
import { testDatabase } from "../support/db.ts";
import { importText } from "../support/fixtures.ts";

const TODAY = "2026-11-24";
let database: Database;
let db: Database["db"];

async function fingerprint(): Promise<string> {
  const tables = [
    "documents",
    "tasks",
    "assignments",
    "progress_updates",
    "indicator_values",
    "reports",
    "dissemination_sessions",
    "inspections",
    "organisations",
    "users",
    "audit_log",
  ];
  const counts = await rows<Record<string, number>>(
    db,
    sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`),
  );
  const versions = await rows<{ v: number }>(
    db,
    sql`select coalesce(sum(version), 0)::int as v from assignments`,
  );
  return JSON.stringify([counts[0], versions[0]]);
}

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await createDemo(db, TODAY);
});
afterAll(async () => {
  await database.close();
});

describe("progress updates", () => {
  it("are versioned: a stale version is refused and changes nothing", async () => {
    const [docRow] = await rows<{ id: number }>(
      db,
      sql`select id from documents where symbol = '215-CTr/TU'`,
    );
    const a = (await assignmentsOfDocument(db, docRow?.id as number)).find(
      (x) => x.organisationId !== null,
    ) as { id: number; version: number };
    const ok = await recordProgress(
      db,
      a.id,
      a.version,
      { percent: 40, narrative: "Đã xây dựng dự thảo" },
      cliActor,
      TODAY,
    );
    expect(ok.version).toBe(a.version + 1);
    const before = await fingerprint();
    await expect(recordProgress(db, a.id, a.version, { percent: 50 }, cliActor, TODAY)).rejects.toMatchObject(
      { code: "stale-version", status: 412 },
    );
    expect(await fingerprint()).toBe(before);
  });

  it.each([
    [{ percent: 140 }],
    [{ percent: 100, completedAt: "2026-02-30" }],
    [{ percent: 100, completedAt: "2027-01-05" }],
    [{ percent: 60, completedAt: "2026-01-05" }],
    [{ percent: 100, completedAt: "2020-01-05" }],
    [{ percent: "50" }],
  ])("refuses %j with a Vietnamese message", async (input) => {
    const [docRow] = await rows<{ id: number }>(
      db,
      sql`select id from documents where symbol = '215-CTr/TU'`,
    );
    const a = (await assignmentsOfDocument(db, docRow?.id as number)).find(
      (x) => x.organisationId !== null,
    ) as { id: number; version: number };
    const before = await fingerprint();
    const error = await recordProgress(db, a.id, a.version, input as never, cliActor, TODAY).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 422 });
    expect(await fingerprint()).toBe(before);
  });
});

describe("other writes refuse bad input and leave data untouched", () => {
  it("indicator values: all rows or none", async () => {
    const [ind] = await rows<{ id: number }>(db, sql`select id from indicators order by id limit 1`);
    const [org] = await rows<{ id: number }>(
      db,
      sql`select id from organisations where code = 'P51.2025-UBND'`,
    );
    const before = await fingerprint();
    await expect(
      recordIndicatorValues(
        db,
        [
          { indicatorId: ind?.id as number, organisationId: org?.id as number, period: "2025-Q1", value: 12 },
          { indicatorId: ind?.id as number, organisationId: 999_999, period: "2025-Q2", value: 13 },
        ],
        cliActor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      recordIndicatorValues(
        db,
        [{ indicatorId: ind?.id as number, organisationId: org?.id as number, period: "2031", value: 1 }],
        cliActor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "invalid-input" });
    expect(await fingerprint()).toBe(before);
  });

  it("reports, sessions, inspections and users", async () => {
    const before = await fingerprint();
    const [cycle] = await rows<{ id: number; frequency: string }>(
      db,
      sql`select id, frequency from reporting_cycles order by id limit 1`,
    );
    const [doc] = await rows<{ id: number }>(db, sql`select id from documents where symbol = '215-CTr/TU'`);
    const [org] = await rows<{ id: number }>(
      db,
      sql`select id from organisations where code = 'P51.2025-UBND'`,
    );
    await expect(
      submitReport(
        db,
        { cycleId: cycle?.id as number, organisationId: org?.id as number, period: "2025-13" },
        cliActor,
      ),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      submitReport(db, { cycleId: 424242, organisationId: org?.id as number, period: "2025" }, cliActor),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      recordDissemination(
        db,
        {
          documentId: doc?.id as number,
          organisationId: org?.id as number,
          heldOn: "2025-01-01",
          form: "conference",
        },
        cliActor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "invalid-input" });
    await expect(
      recordDissemination(
        db,
        { documentId: doc?.id as number, organisationId: 987654, heldOn: "2025-10-01", form: "conference" },
        cliActor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      recordInspection(
        db,
        {
          documentId: doc?.id as number,
          inspectedOrganisationId: org?.id as number,
          heldOn: "2026-03-01",
          findings: "Chậm tiến độ",
          followUps: [{ text: "Khắc phục", deadline: "2026-02-01" }],
        },
        cliActor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "invalid-input" });
    await expect(
      createUser(
        db,
        {
          username: "lanhdao",
          displayName: "Trùng",
          password: "mat-khau-dai-du",
          role: "viewer",
          scopeOrganisationId: null,
        },
        cliActor,
      ),
    ).rejects.toMatchObject({ code: "duplicate-user", status: 409 });
    await expect(
      createUser(
        db,
        { username: "X", displayName: "", password: "ngan", role: "god" as never, scopeOrganisationId: null },
        cliActor,
      ),
    ).rejects.toMatchObject({ code: "invalid-input" });
    expect(await fingerprint()).toBe(before);
  });

  it("an inspection's findings become follow-up tasks of the inspected body", async () => {
    const [doc] = await rows<{ id: number }>(db, sql`select id from documents where symbol = '215-CTr/TU'`);
    const [org] = await rows<{ id: number }>(
      db,
      sql`select id from organisations where code = 'P51.2025-SKHCN'`,
    );
    const id = await recordInspection(
      db,
      {
        documentId: doc?.id as number,
        inspectedOrganisationId: org?.id as number,
        heldOn: "2026-06-10",
        findings: "Kho dữ liệu chậm",
        followUps: [{ text: "Hoàn thành kho dữ liệu dùng chung", deadline: "2026-12-31" }],
      },
      cliActor,
      TODAY,
    );
    const follow = await rows<{ organisation_id: number; deadline_date: string }>(
      db,
      sql`select a.organisation_id, a.deadline_date::text from assignments a join tasks t on t.id = a.task_id where t.inspection_id = ${id}`,
    );
    expect(follow).toEqual([{ organisation_id: org?.id, deadline_date: "2026-12-31" }]);
  });
});

describe("organisations", () => {
  it("a group assignee expands into its members when they are imported; a broken file changes nothing", async () => {
    const text = [
      "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TỈNH QUẢNG NGÃI                          Độc lập - Tự do - Hạnh phúc",
      "Số: 301/UBND-KGVX                  Quảng Ngãi, ngày 05 tháng 10 năm 2025",
      "V/v rà soát trường học",
      "",
      "Giao Ủy ban nhân dân các đặc khu rà soát cơ sở vật chất trường học, báo cáo trước ngày 30/11/2025.",
      "",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Ngô Văn Tâm",
    ].join("\n");
    const r = await importText(db, text);
    expect(r.groups).toEqual(["Ủy ban nhân dân các đặc khu"]);
    const before = await fingerprint();
    const broken = Buffer.from(
      "code,name,kind,level,parent_code\nP51.2025-DK1,Đặc khu Lý Sơn,administrative_unit,commune,NOPE\n",
    );
    await expect(importOrganisations(db, broken, "csv", cliActor)).rejects.toMatchObject({
      code: "invalid-input",
    });
    await expect(
      importOrganisations(db, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), "xlsx", cliActor),
    ).rejects.toMatchObject({ code: "file-corrupt" });
    expect(await fingerprint()).toBe(before);
    const csv = [
      "Mã,Tên,Loại,Cấp,Mã cơ quan cấp trên,Hiệu lực từ,Hiệu lực đến,Tên gọi khác,Mã cơ quan kế thừa",
      "P51.2025-DK1,Đặc khu Lý Sơn,administrative_unit,commune,P51.2025,2025-07-01,,đặc khu Lý Sơn,",
      'P51.2025-DK1-UBND,Ủy ban nhân dân đặc khu Lý Sơn,peoples_committee,commune,P51.2025-DK1,2025-07-01,,"UBND đặc khu Lý Sơn;UBND đặc khu",',
    ].join("\n");
    const imported = await importOrganisations(db, Buffer.from(csv), "csv", cliActor);
    expect(imported).toEqual({ imported: 2, expandedAssignments: 1 });
    const now = await rows<{ name: string; resolution: string }>(
      db,
      sql`select o.name, a.resolution from assignments a join organisations o on o.id = a.organisation_id where a.document_id = ${r.documentId}`,
    );
    expect(now).toEqual([{ name: "Ủy ban nhân dân đặc khu Lý Sơn", resolution: "group" }]);
  });

  it("the audit log cannot be changed", async () => {
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
    expect(n?.n).toBeGreaterThan(10);
  });
});
