// The SQL assessment of indicators (on-track counts at national scale) agrees with the domain's
// `assess` on generated indicators and values, including degenerate ones.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { assess, type TargetSpec } from "../../src/domain/trajectory.ts";
import type { TargetKind } from "../../src/parser/schema.ts";
import { indicatorAssessments, indicatorStatusCounts } from "../../src/server/rollups/indicators.ts";
import { testDatabase } from "../support/db.ts";
import { importText } from "../support/fixtures.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rank = (p: string) =>
  Number(p.slice(0, 4)) * 100 +
  (p.length === 4
    ? 12
    : p[5] === "H"
      ? Number(p[6]) * 6
      : p[5] === "Q"
        ? Number(p[6]) * 3
        : Number(p.slice(5, 7)));

it("agrees with assess() on 300 generated indicators", async () => {
  const { db } = database;
  const { documentId } = await importText(db, "KẾ HOẠCH\nthử nghiệm chỉ tiêu\n\nI. MỤC TIÊU\nNội dung.\n");
  const [org] = await rows<{ id: number }>(
    db,
    sql`insert into organisations (name, kind, level) values ('Đơn vị thử', 'department', 'province') returning id`,
  );
  const rand = random(11);
  const kinds: TargetKind[] = [
    "min",
    "max",
    "exact",
    "range",
    "rank",
    "rate",
    "growth_per_year",
    "increment_per_year",
    "multiple_of_baseline",
  ];
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const specs = new Map<number, TargetSpec>();
  for (let i = 0; i < 300; i++) {
    const kind = pick(kinds);
    const unit = pick(["%", null, "tỷ đồng"]);
    const value = rand() < 0.9 ? Math.round(rand() * 1000) / 10 - (rand() < 0.05 ? 50 : 0) : null;
    const ranged = kind === "range" || (kind === "growth_per_year" && rand() < 0.3);
    const low = ranged && value !== null ? value : null;
    const high = ranged && value !== null ? value + Math.round(rand() * 100) / 10 : null;
    const year = rand() < 0.92 ? 2026 + Math.floor(rand() * 6) : null;
    const hasBaseline = rand() < 0.6;
    const baselineValue = hasBaseline ? (rand() < 0.05 ? 0 : Math.round(rand() * 1000) / 10) : null;
    const baselineYear = hasBaseline ? 2019 + Math.floor(rand() * 4) : null;
    const [ind] = await rows<{ id: number }>(
      db,
      sql`insert into indicators (document_id, name, text, kind, unit, target_value, target_low, target_high, target_year, baseline_value, baseline_year)
          values (${documentId}, ${`c${i}`}, ${`c${i}`}, ${kind}, ${unit}, ${ranged ? null : value}, ${low}, ${high}, ${year}, ${baselineValue}, ${baselineYear})
          returning id`,
    );
    specs.set(ind?.id as number, {
      kind,
      unit,
      value: ranged ? null : value,
      low,
      high,
      year,
      baseline: hasBaseline ? { value: baselineValue as number, year: baselineYear } : null,
    });
    const periods = new Set<string>();
    const count = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < count; k++) {
      const y = 2018 + Math.floor(rand() * 14);
      periods.add(
        pick([
          String(y),
          `${y}-H${1 + Math.floor(rand() * 2)}`,
          `${y}-Q${1 + Math.floor(rand() * 4)}`,
          `${y}-0${1 + Math.floor(rand() * 9)}`,
        ]),
      );
    }
    for (const period of periods) {
      const v = Math.round((rand() * 1200 - (rand() < 0.05 ? 300 : 0)) * 10) / 10;
      await db.execute(
        sql`insert into indicator_values (indicator_id, organisation_id, period, year, value) values (${ind?.id}, ${org?.id}, ${period}, ${Number(period.slice(0, 4))}, ${v})`,
      );
    }
  }
  const values = await rows<{ indicator_id: number; period: string; value: string | number }>(
    db,
    sql`select v.indicator_id, v.period, v.value from indicator_values v join indicators i on i.id = v.indicator_id where i.document_id = ${documentId}`,
  );
  const seen = new Set<string>();
  const compare = async () => {
    const fromSql = await indicatorAssessments(db, documentId);
    const mismatches = [];
    for (const r of fromSql) {
      const obs = values
        .filter((v) => v.indicator_id === r.indicator_id)
        .sort((a, b) => rank(a.period) - rank(b.period))
        .map((v) => ({ year: Number(v.period.slice(0, 4)), value: Number(v.value) }));
      const expected = assess(specs.get(r.indicator_id) as TargetSpec, obs).status;
      seen.add(expected);
      if (r.status !== expected)
        mismatches.push({ spec: specs.get(r.indicator_id), obs, sql: r.status, domain: expected });
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(fromSql).toHaveLength(300);
  };
  await compare();
  // the grades follow a changed target or baseline
  for (const [id, spec] of [...specs].filter((_, k) => k % 3 === 0)) {
    const year = spec.year === null ? 2030 : spec.year - 2;
    const baseline = spec.baseline ? null : { value: Math.round(rand() * 1000) / 10, year: 2020 };
    await db.execute(
      sql`update indicators set target_year = ${year}, baseline_value = ${baseline?.value ?? null}, baseline_year = ${baseline?.year ?? null} where id = ${id}`,
    );
    specs.set(id, { ...spec, year, baseline });
  }
  await compare();
  expect([...seen].sort()).toEqual([
    "achieved",
    "at_risk",
    "deteriorating",
    "insufficient_data",
    "off_track",
    "on_track",
  ]);
  const counts = await indicatorStatusCounts(db, documentId);
  expect(counts.reduce((n, c) => n + c.total, 0)).toBe(300);
});
