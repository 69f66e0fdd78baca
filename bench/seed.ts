// npm run bench:seed — a national-size dataset on either database: the reference organisations and
// 3,321 communes of the 34 provinces with their bodies (≥ 10,000 bodies), one directive assigned to
// every commune's People's Committee and Party committee (≥ 200,000 assignments), five progress
// updates each (≥ 1,000,000) and monthly values of ten indicators for every commune (≥ 2,000,000).
// Database: BENCH_DATABASE_URL (a server; the database trienkhai_bench is recreated there) or an
// embedded one in ./data/bench. Deterministic: values come from the row ids.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.ts";
import { rows } from "../src/db/rows.ts";
import { parseDocument } from "../src/parser/parse.ts";
import { communeBodies } from "../src/reference/bodies.ts";
import { provincesOn } from "../src/reference/provinces.ts";
import type { OrgSeed } from "../src/reference/types.ts";
import { cliActor } from "../src/server/audit/repository.ts";
import { importDocument } from "../src/server/documents/service.ts";
import { insertOrganisations } from "../src/server/organisations/repository.ts";
import { ensureReferenceOrganisations } from "../src/server/organisations/service.ts";

export const BENCH_DIR = join(import.meta.dirname, "..", "data", "bench");
const COMMUNES = 3321;
const TASKS = 31;
const UPDATES = 5;
const INDICATORS = 10;
const MONTHS = 61;

/** The bench database, recreated when `fresh`; `migrate` brings one seeded earlier up to date. */
/** The benchmarks that read the national set stop here, with one line, when it was never made. */
function noBenchData(): never {
  console.error(
    "Chưa có dữ liệu đo: chạy npm run bench:seed trước / no bench data: run npm run bench:seed first",
  );
  process.exit(2);
}

export async function openBenchDatabase(fresh: boolean, migrate = fresh): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const u = new URL(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      if (fresh) {
        await admin.query("DROP DATABASE IF EXISTS trienkhai_bench WITH (FORCE)");
        await admin.query("CREATE DATABASE trienkhai_bench");
      } else if (
        (await admin.query("SELECT 1 FROM pg_database WHERE datname = 'trienkhai_bench'")).rowCount === 0
      )
        noBenchData();
    } finally {
      await admin.end();
    }
    u.pathname = "/trienkhai_bench";
    return openDatabase({ url: u.toString(), migrate });
  }
  if (fresh) rmSync(BENCH_DIR, { recursive: true, force: true });
  else if (!existsSync(join(BENCH_DIR, "pglite"))) noBenchData();
  return openDatabase({ dataDir: join(BENCH_DIR, "pglite"), migrate });
}

function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  return fn().then((r) => {
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const database = await openBenchDatabase(true);
  const { db } = database;
  console.log(`database: ${database.kind} (${database.location})`);
  await time("reference organisations", () => ensureReferenceOrganisations(db, cliActor));

  const provinces = provincesOn("2025-07-01");
  const seeds: OrgSeed[] = [];
  for (let i = 0; i < COMMUNES; i++) {
    const p = provinces[i % provinces.length] as (typeof provinces)[number];
    const unit: OrgSeed = {
      code: `${p.code}-C${String(i + 1).padStart(4, "0")}`,
      name: `${i % 7 === 0 ? "Phường" : "Xã"} Số ${i + 1}`,
      kind: "administrative_unit",
      level: "commune",
      parentCode: p.code,
      validFrom: "2025-07-01",
      validTo: null,
      successorCodes: [],
      aliases: [],
    };
    seeds.push(unit, ...communeBodies(unit));
  }
  await time(`communes (${seeds.length} organisations)`, () =>
    db.transaction((tx) => insertOrganisations(tx, seeds).then(() => undefined)),
  );

  const directive = [
    "BAN CHẤP HÀNH TRUNG ƯƠNG                              ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số 900-KL/TW                                          Hà Nội, ngày 10 tháng 7 năm 2025",
    "KẾT LUẬN",
    "CỦA BỘ CHÍNH TRỊ",
    "về vận hành chính quyền địa phương hai cấp",
    "",
    "1. Tổ chức thực hiện",
    "Các tỉnh ủy, thành ủy quán triệt Kết luận này trước ngày 30/9/2025.",
    "",
    "T/M BỘ CHÍNH TRỊ",
    "Đã ký: Nguyễn Văn An",
  ].join("\n");
  const bytes = Buffer.from(directive);
  const parsed = parseDocument(directive, { name: "bench.txt", format: "txt", sha256: "bench" });
  const { documentId } = await importDocument(db, {
    parsed,
    file: { bytes, contentType: "text/plain" },
    actor: cliActor,
    publish: true,
  });

  await time(`tasks and assignments (${TASKS} tasks)`, async () => {
    await db.execute(sql`
      insert into tasks (document_id, text, deadline_date, recurrence, origin, review_state, search_key)
      select ${documentId}, 'Nhiệm vụ số ' || g, case when g % 5 = 0 then null else date '2025-09-30' + (g * 23) end,
             case when g % 5 = 0 then 'continuous' else 'once' end, 'document', 'accepted', 'nhiem vu so ' || g
      from generate_series(1, ${TASKS}) g`);
    await db.execute(sql`
      insert into assignments (task_id, document_id, organisation_id, phrase, role, resolution, deadline_date, recurrence)
      select t.id, t.document_id, o.id, 'Ủy ban nhân dân các xã, phường', 'lead', 'group', t.deadline_date, t.recurrence
      from tasks t cross join organisations o
      where t.document_id = ${documentId} and t.origin = 'document' and t.text like 'Nhiệm vụ số %'
        and o.level = 'commune' and o.kind in ('peoples_committee', 'party_committee')`);
  });

  await time(`progress updates (${UPDATES} per assignment)`, async () => {
    await db.execute(sql`
      insert into progress_updates (assignment_id, version, percent, narrative, completed_at, state, created_at)
      select a.id, g + 1, least(100, g * ((a.id * 7) % 23 + 1)),
             'Cập nhật tiến độ lần ' || g,
             case when g = ${UPDATES} and (a.id * 13) % 10 < 6 then date '2025-08-01' + ((a.id * 31) % 400) else null end,
             'submitted', timestamp '2025-08-01' + (g * 40 + a.id % 30) * interval '1 day'
      from assignments a cross join generate_series(1, ${UPDATES}) g
      where a.document_id = ${documentId}`);
    await db.execute(sql`
      update assignments a set
        percent = u.percent, completed_at = u.completed_at, last_update_at = u.created_at, version = u.version
      from progress_updates u
      where u.assignment_id = a.id and u.version = ${UPDATES + 1} and a.document_id = ${documentId}`);
    await db.execute(
      sql`update assignments set percent = 100 where completed_at is not null and document_id = ${documentId}`,
    );
  });

  await time(`indicators and values (${INDICATORS} indicators × ${MONTHS} months)`, async () => {
    await db.execute(sql`
      insert into indicators (document_id, name, text, kind, unit, target_value, target_year, baseline_value, baseline_year, review_state)
      select ${documentId}, 'Chỉ tiêu ' || g, 'Chỉ tiêu ' || g || ' đến năm 2030',
             case when g % 3 = 0 then 'growth_per_year' when g % 3 = 1 then 'min' else 'max' end,
             '%', case when g % 3 = 0 then 8 when g % 3 = 1 then 90 else 5 end, 2030,
             case when g % 3 = 0 then 100 when g % 3 = 1 then 40 else 20 end, 2020, 'accepted'
      from generate_series(1, ${INDICATORS}) g`);
    await db.execute(sql`
      insert into indicator_values (indicator_id, organisation_id, period, year, value, source)
      select i.id, o.id, to_char(date '2021-01-01' + (m || ' month')::interval, 'YYYY-MM'),
             extract(year from date '2021-01-01' + (m || ' month')::interval)::int,
             round((i.baseline_value + (case when i.kind = 'max' then -1 else 1 end)
                    * (m / 12.0) * ((o.id * 17 + i.id * 5) % 11 + 1) * 0.9)::numeric, 2),
             'bench'
      from indicators i
      cross join organisations o
      cross join generate_series(0, ${MONTHS - 1}) m
      where i.document_id = ${documentId} and o.level = 'commune' and o.kind = 'peoples_committee'`);
  });
  // a real installation has autovacuum; a bulk load should not leave the planner guessing
  await db.execute(sql`vacuum analyze`);

  const [counts] = await rows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from organisations) as organisations,
               (select count(*)::int from assignments) as assignments,
               (select count(*)::int from progress_updates) as progress_updates,
               (select count(*)::int from indicator_values) as indicator_values`,
  );
  await database.close();
  console.log(`seed_organisations: ${counts?.organisations}`);
  console.log(`seed_assignments: ${counts?.assignments}`);
  console.log(`seed_progress_updates: ${counts?.progress_updates}`);
  console.log(`seed_indicator_values: ${counts?.indicator_values}`);
  console.log(`seed_seconds: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) await main();
