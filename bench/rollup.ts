// npm run bench:rollup — the dashboard rollups on the national dataset of bench:seed (run that first):
// status counts per province for one directive, and indicator on-track counts, each through the
// service and through the best hand-written SQL for the same answer; p50/p95 of each and the ratio.
import { sql } from "drizzle-orm";
import { rows } from "../src/db/rows.ts";
import { indicatorStatusCounts } from "../src/server/rollups/indicators.ts";
import { statusCountsByProvince } from "../src/server/rollups/repository.ts";
import { openBenchDatabase } from "./seed.ts";

const RUNS = 40;
const TODAY = "2026-11-24";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const database = await openBenchDatabase(false);
const { db } = database;
const [doc] = await rows<{ id: number }>(db, sql`select id from documents where symbol = '900-KL/TW'`);
if (!doc) throw new Error("no bench data: run npm run bench:seed first");
const documentId = doc.id;
console.log(`database: ${database.kind}`);

// The same answers written by hand, as one would for a report: one pass with FILTER per status.
const handStatus = () =>
  db.execute(sql`
    select o.province_id,
      count(*) filter (where a.completed_at is not null and (a.deadline_date is null or a.completed_at <= a.deadline_date)) as on_time,
      count(*) filter (where a.completed_at > a.deadline_date) as late,
      count(*) filter (where a.completed_at is null and a.deadline_date is null) as continuous,
      count(*) filter (where a.completed_at is null and a.deadline_date < ${TODAY}::date) as overdue,
      count(*) filter (where a.completed_at is null and a.deadline_date >= ${TODAY}::date and (a.percent > 0 or a.last_update_at is not null)) as in_progress,
      count(*) filter (where a.completed_at is null and a.deadline_date >= ${TODAY}::date and a.percent = 0 and a.last_update_at is null) as not_yet_due
    from assignments a join organisations o on o.id = a.organisation_id
    where a.document_id = ${documentId} and a.role = 'lead' and a.transferred_to_id is null
    group by o.province_id`);
// The same counts from the grades indicator_latest keeps (migration 0003), by hand: one group by.
const handIndicators = () =>
  db.execute(sql`
    select l.indicator_id, l.status, count(*)
    from indicator_latest l join indicators i on i.id = l.indicator_id
    where i.document_id = ${documentId}
    group by 1, 2`);

const results: [string, { p50: number; p95: number }, { p50: number; p95: number }][] = [
  [
    "status counts per province",
    await measure(() => statusCountsByProvince(db, documentId, TODAY)),
    await measure(handStatus),
  ],
  [
    "indicator on-track counts",
    await measure(() => indicatorStatusCounts(db, documentId)),
    await measure(handIndicators),
  ],
];
await database.close();
let worstP95 = 0;
let worstRatio = 0;
for (const [name, service, hand] of results) {
  const ratio = service.p95 / hand.p95;
  worstP95 = Math.max(worstP95, service.p95);
  worstRatio = Math.max(worstRatio, ratio);
  console.log(
    `${name}: service p50 ${service.p50.toFixed(1)} ms, p95 ${service.p95.toFixed(1)} ms; hand-written SQL p50 ${hand.p50.toFixed(1)} ms, p95 ${hand.p95.toFixed(1)} ms; ratio ${ratio.toFixed(2)}`,
  );
}
console.log(`rollup_p95: ${worstP95.toFixed(1)} ms`);
console.log(`rollup_vs_sql: ${worstRatio.toFixed(2)} x`);
