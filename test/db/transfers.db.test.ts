// Open work of a dissolved body moves to its successor: offered, applied in one transaction with the
// old assignment kept (and its history), audited; a wrong target or an unknown id changes nothing.
// On PGlite, or PostgreSQL with TEST_DATABASE_URL.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { showDocument } from "../../src/server/documents/service.ts";
import { DomainError } from "../../src/server/errors.ts";
import { ensureReferenceOrganisations } from "../../src/server/organisations/service.ts";
import { applyTransfer, transferOffers } from "../../src/server/organisations/transfers.ts";
import { recordProgress } from "../../src/server/progress/service.ts";
import { assignmentStatuses } from "../../src/server/rollups/repository.ts";
import { testDatabase } from "../support/db.ts";
import { importText } from "../support/fixtures.ts";

const TODAY = "2026-06-01";

// A 2024 plan of the Gia Lai People's Committee as it stood before the 2025 reform, written for this
// test: two departments merged in March 2025 share one task, a third ended with the old province,
// and a ministry is still in force.
const PLAN_2024 = `ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 77/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Gia Lai, ngày 10 tháng 10 năm 2024

KẾ HOẠCH
Số hóa hồ sơ địa chính năm 2025

I. NHIỆM VỤ

1. Sở Kế hoạch và Đầu tư, Sở Tài chính chủ trì bố trí vốn cho dự án số hóa hồ sơ địa chính; hoàn thành trước ngày 30/6/2025.

2. Sở Khoa học và Công nghệ chủ trì hướng dẫn chuẩn dữ liệu số hóa; hoàn thành trước ngày 31/12/2025.

3. Bộ Công an hỗ trợ kết nối dữ liệu dân cư với hồ sơ địa chính; hoàn thành trước ngày 31/12/2025.

Nơi nhận:
- Các sở, ngành tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Mẫu
`;

let database: Database;
let db: Database["db"];
/** Assignment id by the code of its organisation. */
const byCode = new Map<string, number>();
let documentId: number;

async function orgId(code: string): Promise<number> {
  const [r] = await rows<{ id: number }>(db, sql`select id from organisations where code = ${code}`);
  if (!r) throw new Error(`no organisation ${code}`);
  return r.id;
}

/** Every assignment and audit row, to show that a refused request changed nothing. */
async function snapshot(): Promise<string> {
  const list = await rows(
    db,
    sql`select id, organisation_id, transferred_to_id, version, percent from assignments order by id`,
  );
  const [audit] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
  const [bodies] = await rows<{ n: number }>(db, sql`select count(*)::int as n from reporting_cycle_bodies`);
  return JSON.stringify([list, audit?.n, bodies?.n]);
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await ensureReferenceOrganisations(db, cliActor);
  const r = await importText(db, PLAN_2024);
  documentId = r.documentId;
  const list = await rows<{ id: number; code: string }>(
    db,
    sql`select a.id, o.code from assignments a join organisations o on o.id = a.organisation_id
        where a.document_id = ${documentId} order by a.id`,
  );
  for (const a of list) byCode.set(a.code, a.id);
});
afterAll(async () => {
  await database.close();
});

describe("transfer offers", () => {
  it("offer the open assignments of dissolved bodies with their successors in force", async () => {
    // the document's bodies resolved to the pre-reform Gia Lai (P64) and a ministry
    expect([...byCode.keys()].sort()).toEqual(["P64-SKHCN", "P64-SKHDT", "P64-STC", "TW-BO-CA"]);
    const offers = await transferOffers(db, TODAY);
    const mine = offers.filter((o) => o.documentId === documentId);
    expect(
      mine.map((o) => [o.organisation.code, o.successors.map((s) => s.code), o.deadline]).sort(),
    ).toEqual([
      ["P64-SKHCN", ["P52.2025-SKHCN"], "2025-12-31"],
      // Sở Kế hoạch và Đầu tư merged into Sở Tài chính in March 2025, which went on in the new Gia Lai
      ["P64-SKHDT", ["P52.2025-STC"], "2025-06-30"],
      ["P64-STC", ["P52.2025-STC"], "2025-06-30"],
    ]);
    // a body still in force is not offered, nor before its end
    expect(mine.some((o) => o.organisation.code === "TW-BO-CA")).toBe(false);
    expect((await transferOffers(db, "2025-01-15")).filter((o) => o.documentId === documentId)).toEqual([]);
  });
});

describe("applying a transfer", () => {
  it("refuses a target that is not a successor in force, and changes nothing", async () => {
    const before = await snapshot();
    const sciences = byCode.get("P64-SKHCN") as number;
    // the finance department is the successor of the planning department, not of sciences
    const wrong = await refusal(
      applyTransfer(
        db,
        { assignmentIds: [sciences], toOrganisationId: await orgId("P52.2025-STC"), actor: cliActor },
        TODAY,
      ),
    );
    expect(wrong.code).toBe("transfer-target-invalid");
    expect(String(wrong.params.successors)).toContain("P52.2025-SKHCN");
    // the old province's own department is no successor in force either (it ended too)
    const ended = await refusal(
      applyTransfer(
        db,
        { assignmentIds: [sciences], toOrganisationId: await orgId("P64-STC"), actor: cliActor },
        TODAY,
      ),
    );
    expect(ended.code).toBe("transfer-target-invalid");
    // a body still in force has nothing to transfer
    const inForce = await refusal(
      applyTransfer(
        db,
        {
          assignmentIds: [byCode.get("TW-BO-CA") as number],
          toOrganisationId: await orgId("P52.2025-STC"),
          actor: cliActor,
        },
        TODAY,
      ),
    );
    expect(inForce.code).toBe("assignment-not-dissolved");
    expect(await snapshot()).toBe(before);
  });

  it("refuses unknown ids, even beside good ones, and changes nothing", async () => {
    const before = await snapshot();
    const error = await refusal(
      applyTransfer(
        db,
        {
          assignmentIds: [byCode.get("P64-SKHDT") as number, 987654],
          toOrganisationId: await orgId("P52.2025-STC"),
          actor: cliActor,
        },
        TODAY,
      ),
    );
    expect(error.code).toBe("assignments-not-found");
    expect(error.params.ids).toBe("987654");
    const empty = await refusal(
      applyTransfer(
        db,
        { assignmentIds: [], toOrganisationId: await orgId("P52.2025-STC"), actor: cliActor },
        TODAY,
      ),
    );
    expect(empty.code).toBe("invalid-input");
    expect(await snapshot()).toBe(before);
  });

  it("moves open work to the successor, keeps the old row and its history, and audits each move", async () => {
    const planning = byCode.get("P64-SKHDT") as number;
    const finance = byCode.get("P64-STC") as number;
    const target = await orgId("P52.2025-STC");
    // some work done before the reform stays with the old assignment
    await recordProgress(
      db,
      planning,
      1,
      { percent: 40, narrative: "Đã lập danh mục dự án." },
      cliActor,
      TODAY,
    );
    const auditBefore = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);

    const result = await applyTransfer(
      db,
      { assignmentIds: [planning, finance], toOrganisationId: target, actor: cliActor },
      TODAY,
    );
    expect(result.to.code).toBe("P52.2025-STC");
    expect(result.moved).toHaveLength(2);
    const [first, second] = result.moved;
    // both departments led the same task: the second finds the successor's assignment already made
    expect(first).toMatchObject({ from: planning, merged: false });
    expect(second).toMatchObject({ from: finance, to: first?.to, merged: true });

    const moved = await rows<{
      id: number;
      organisation_id: number;
      transferred_to_id: number | null;
      transferred_at: string | null;
      percent: number;
      deadline_date: string;
      role: string;
    }>(
      db,
      sql`select id, organisation_id, transferred_to_id, transferred_at::text as transferred_at, percent,
                 deadline_date::text as deadline_date, role
          from assignments where id in (${planning}, ${finance}, ${first?.to as number}) order by id`,
    );
    const old = moved.find((a) => a.id === planning);
    const successor = moved.find((a) => a.id === first?.to);
    expect(old).toMatchObject({ transferred_to_id: first?.to, percent: 40 });
    expect(old?.transferred_at).not.toBeNull();
    expect(moved.find((a) => a.id === finance)?.transferred_to_id).toBe(first?.to);
    expect(successor).toMatchObject({
      organisation_id: target,
      transferred_to_id: null,
      percent: 40,
      deadline_date: "2025-06-30",
      role: "lead",
    });
    // the old body's updates stay where they were made
    const updates = await rows<{ assignment_id: number }>(
      db,
      sql`select assignment_id from progress_updates where assignment_id in (${planning}, ${first?.to as number})`,
    );
    expect(updates.map((u) => u.assignment_id)).toEqual([planning]);

    const audit = await rows<{ action: string; entity_id: string; before: unknown; after: unknown }>(
      db,
      sql`select action, entity_id, before, after from audit_log
          where id > (select max(id) - 2 from audit_log) order by id`,
    );
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ["assignment.transfer", String(planning)],
      ["assignment.transfer", String(finance)],
    ]);
    expect(audit[0]?.after).toMatchObject({ organisationId: target, assignmentId: first?.to, merged: false });
    const [auditAfter] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
    expect(auditAfter?.n).toBe((auditBefore[0]?.n ?? 0) + 2);

    // no longer offered; shown as transferred; counted once, through the successor
    const offers = (await transferOffers(db, TODAY)).map((o) => o.assignmentId);
    expect(offers).not.toContain(planning);
    expect(offers).not.toContain(finance);
    expect(offers).toContain(byCode.get("P64-SKHCN"));
    const shown = await showDocument(db, String(documentId));
    const task = shown.tasks.find((t) => t.assignments.some((a) => a.id === planning));
    expect(task?.assignments.map((a) => [a.id, a.transferredTo])).toEqual([
      [planning, first?.to],
      [finance, first?.to],
      [first?.to, null],
    ]);
    const counted = (await assignmentStatuses(db, documentId, TODAY)).map((s) => s.id);
    expect(counted).toContain(first?.to);
    expect(counted).not.toContain(planning);
    expect(counted).not.toContain(finance);

    // the old assignment takes no more updates, and is not moved twice
    const stale = await refusal(recordProgress(db, planning, 3, { percent: 60 }, cliActor, TODAY));
    expect(stale.code).toBe("assignment-transferred");
    const twice = await refusal(
      applyTransfer(db, { assignmentIds: [planning], toOrganisationId: target, actor: cliActor }, TODAY),
    );
    expect(twice.code).toBe("assignment-transferred");
  });

  it("leaves out assignments that are done", async () => {
    const sciences = byCode.get("P64-SKHCN") as number;
    expect((await transferOffers(db, TODAY)).map((o) => o.assignmentId)).toContain(sciences);
    await recordProgress(db, sciences, 1, { percent: 100, completedAt: "2025-05-20" }, cliActor, TODAY);
    expect((await transferOffers(db, TODAY)).map((o) => o.assignmentId)).not.toContain(sciences);
    const before = await snapshot();
    const done = await refusal(
      applyTransfer(
        db,
        { assignmentIds: [sciences], toOrganisationId: await orgId("P52.2025-SKHCN"), actor: cliActor },
        TODAY,
      ),
    );
    expect(done.code).toBe("assignment-done");
    expect(await snapshot()).toBe(before);
  });
});
