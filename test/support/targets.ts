// Rows on both sides of the demo's scopes, for the access matrix and the malformed-request tests.
// Inside: the demo's Sở Khoa học và Công nghệ of Quảng Ngãi (inside the province users' scope and
// the unit officer's). Outside: a plan of Hà Nội's People's Committee imported here, with its own
// tasks, indicator, reporting cycle and progress, and a user scoped to Hà Nội.
import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { createToken } from "../../src/server/auth/service.ts";
import { createImport } from "../../src/server/documents/imports.ts";
import { recordProgress, storeEvidence } from "../../src/server/progress/service.ts";
import { insertExport } from "../../src/server/report-exports/store.ts";
import { createUser } from "../../src/server/users/service.ts";
import { importText } from "./fixtures.ts";
import { reportOf } from "./reports.ts";
import type { Targets } from "./route-cases.ts";

export const OUTSIDE_PLAN = `UỶ BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 321/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện chuyển đổi số trong các cơ quan hành chính thành phố năm 2026

I. MỤC TIÊU
Đến năm 2030, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt 90%.

II. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung của thành phố, hoàn thành trước ngày 30/9/2026.
2. Sở Nội vụ chủ trì rà soát quy trình nội bộ, hoàn thành trước ngày 30/6/2027.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả thực hiện định kỳ hằng quý, trước ngày 15 tháng cuối quý gửi Sở Khoa học và Công nghệ để tổng hợp.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
`;

async function one<T>(db: Db, query: ReturnType<typeof sql>, what: string): Promise<T> {
  const [r] = await rows<T>(db, query);
  if (!r) throw new Error(`no ${what} for the access tests`);
  return r;
}

async function targetsOf(
  db: Db,
  documentId: number,
  organisationPath: string,
  userId: number,
  today: string,
): Promise<Omit<Targets, "importId" | "reportExportId">> {
  const a = await one<{ id: number; task_id: number; organisation_id: number; version: number }>(
    db,
    sql`select a.id, a.task_id, a.organisation_id, a.version from assignments a join organisations o on o.id = a.organisation_id
      where a.document_id = ${documentId} and o.path like ${`${organisationPath}%`} and a.transferred_to_id is null
      order by a.id limit 1`,
    "assignment",
  );
  let update = await rows<{ id: number }>(
    db,
    sql`select id from progress_updates where assignment_id = ${a.id} order by id limit 1`,
  );
  if (update.length === 0) {
    await recordProgress(db, a.id, a.version, { percent: 10, narrative: "tiến độ ban đầu" }, cliActor, today);
    update = await rows<{ id: number }>(
      db,
      sql`select id from progress_updates where assignment_id = ${a.id} order by id limit 1`,
    );
  }
  const indicator = await one<{ id: number }>(
    db,
    sql`select id from indicators where document_id = ${documentId} order by id limit 1`,
    "indicator",
  );
  const cycle = await one<{ id: number }>(
    db,
    sql`select id from reporting_cycles where document_id = ${documentId} order by id limit 1`,
    "cycle",
  );
  const token = await createToken(db, userId, { name: "access tests" }, cliActor);
  const evidence = await storeEvidence(
    db,
    a.id,
    { name: "minh-chung.pdf", bytes: Buffer.from("%PDF-1.4\n") },
    cliActor,
  );
  return {
    organisationId: a.organisation_id,
    documentId,
    taskId: a.task_id,
    assignmentId: a.id,
    indicatorId: indicator.id,
    cycleId: cycle.id,
    progressUpdateId: (update[0] as { id: number }).id,
    reportId: await reportOf(db, cycle.id, a.organisation_id, today),
    evidenceFileId: evidence.fileId,
    userId,
    tokenId: token.id,
  };
}

export interface ScopeSides {
  inside: Targets;
  outside: Targets;
}

export async function scopeSides(db: Db, today: string): Promise<ScopeSides> {
  const skhcn = await one<{ id: number; path: string; user_id: number }>(
    db,
    sql`select o.id, o.path, u.id as user_id from users u join organisations o on o.id = u.scope_organisation_id where u.username = 'sokhcn'`,
    "demo unit officer",
  );
  const insideDoc = await one<{ id: number }>(
    db,
    sql`select a.document_id as id from assignments a where a.organisation_id = ${skhcn.id} order by a.document_id limit 1`,
    "inside document",
  );
  const imported = await importText(db, OUTSIDE_PLAN, { name: "ha-noi-321.txt", publish: true });
  const hanoi = await one<{ id: number; path: string }>(
    db,
    sql`select id, path from organisations where code = 'P01'`,
    "Hà Nội",
  );
  const outsideUser = await createUser(
    db,
    {
      username: "hanoi.officer",
      displayName: "Cán bộ Hà Nội",
      password: "trienkhai-demo",
      role: "monitor",
      scopeOrganisationId: hanoi.id,
    },
    cliActor,
  );
  const monitor = await one<{ id: number }>(
    db,
    sql`select id from users where username = 'theodoi'`,
    "monitor",
  );
  const upload = (createdBy: number) => createImport(db, { fileName: "ke-hoach.txt", size: 1, createdBy });
  // an export recorded (not yet written) for the side's document and body, as its user asked for it
  const exportFor = async (t: Omit<Targets, "importId" | "reportExportId">, createdBy: number) => {
    const [o] = await rows<{ path: string }>(
      db,
      sql`select path from organisations where id = ${t.organisationId}`,
    );
    return insertExport(db, {
      format: "csv",
      request: {
        documentId: t.documentId,
        organisationId: t.organisationId,
        period: "2026",
        review: "interim",
        table: "tasks",
      },
      documentId: t.documentId,
      scopePath: o?.path ?? null,
      fileName: "bang.csv",
      contentType: "text/csv",
      createdBy,
    });
  };
  const inside = await targetsOf(db, insideDoc.id, skhcn.path, skhcn.user_id, today);
  const outside = await targetsOf(db, imported.documentId, hanoi.path, outsideUser, today);
  return {
    inside: {
      ...inside,
      importId: await upload(monitor.id),
      reportExportId: await exportFor(inside, monitor.id),
    },
    outside: {
      ...outside,
      importId: await upload(outsideUser),
      reportExportId: await exportFor(outside, outsideUser),
    },
  };
}
