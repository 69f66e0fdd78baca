// The SQL that rollups use for an assignment's status agrees with the domain rule, row by row, on
// generated assignments: one-off, continuous and recurring deadlines, with and without updates.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { assignmentStatus } from "../../src/domain/status.ts";
import type { Recurrence } from "../../src/parser/schema.ts";
import { assignmentStatuses } from "../../src/server/rollups/repository.ts";
import { statusCounts } from "../../src/server/rollups/status-sql.ts";
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
const day = (base: string, offset: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const vnDay = (ts: string) => new Date(Date.parse(ts) + 7 * 3_600_000).toISOString().slice(0, 10);

it("agrees with assignmentStatus on 600 generated assignments and four days", async () => {
  const { db } = database;
  const { documentId } = await importText(db, "KẾ HOẠCH\nthử nghiệm\n\nI. NHIỆM VỤ\nNội dung.\n");
  const [task] = await rows<{ id: number }>(
    db,
    sql`insert into tasks (document_id, text) values (${documentId}, 'Nhiệm vụ') returning id`,
  );
  const rand = random(7);
  const recurrences: (Recurrence | null)[] = [
    null,
    "once",
    "continuous",
    "annual",
    "semiannual",
    "quarterly",
    "monthly",
    "periodic",
  ];
  for (let i = 0; i < 600; i++) {
    const recurrence = recurrences[Math.floor(rand() * recurrences.length)] ?? null;
    const deadline = rand() < 0.75 ? day("2025-01-01", Math.floor(rand() * 900)) : null;
    const completed = rand() < 0.35 ? day("2025-01-01", Math.floor(rand() * 900)) : null;
    const percent = completed ? 100 : Math.floor(rand() * 3) * 30;
    const [a] = await rows<{ id: number }>(
      db,
      sql`insert into assignments (task_id, document_id, phrase, role, resolution, deadline_date, recurrence, completed_at, percent)
          values (${task?.id}, ${documentId}, 'x', 'lead', 'unresolved', ${deadline}, ${recurrence}, ${completed}, ${percent}) returning id`,
    );
    const updates = Math.floor(rand() * 4);
    let last: string | null = null;
    for (let u = 0; u < updates; u++) {
      const at = `${day("2025-01-01", Math.floor(rand() * 900))}T${rand() < 0.3 ? "20" : "03"}:00:00Z`;
      const p = rand() < 0.4 ? 100 : 50;
      await db.execute(
        sql`insert into progress_updates (assignment_id, version, percent, created_at) values (${a?.id}, ${u + 2}, ${p}, ${at})`,
      );
      if (last === null || at > last) last = at;
    }
    if (last) await db.execute(sql`update assignments set last_update_at = ${last} where id = ${a?.id}`);
  }
  const data = await rows<{
    id: number;
    deadline_date: string | null;
    recurrence: Recurrence | null;
    completed_at: string | null;
    percent: number;
    last_update_at: string | null;
    updates: { at: string; percent: number }[] | null;
  }>(
    db,
    sql`select a.id, a.deadline_date::text, a.recurrence, a.completed_at::text, a.percent, a.last_update_at::text,
          (select json_agg(json_build_object('at', to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'percent', u.percent))
             from progress_updates u where u.assignment_id = a.id) as updates
        from assignments a where a.document_id = ${documentId} order by a.id`,
  );
  const seen = new Set<string>();
  for (const today of ["2025-03-31", "2025-11-24", "2026-06-30", "2027-01-01"]) {
    const fromSql = new Map((await assignmentStatuses(db, documentId, today)).map((r) => [r.id, r.status]));
    const mismatches = [];
    for (const r of data) {
      const expected = assignmentStatus(
        {
          deadline:
            r.deadline_date === null && r.recurrence === null
              ? null
              : { date: r.deadline_date, recurrence: r.recurrence },
          completedAt: r.completed_at,
          percent: Number(r.percent),
          lastUpdateAt: r.last_update_at,
          updates: (r.updates ?? []).map((u) => ({ at: vnDay(u.at), percent: Number(u.percent) })),
        },
        today,
      );
      seen.add(expected);
      if (fromSql.get(r.id) !== expected)
        mismatches.push({ today, row: r, sql: fromSql.get(r.id), domain: expected });
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    // the one-pass counts of dashboards give the same totals as the rows
    const [counts] = await rows<Record<string, number>>(
      db,
      statusCounts(sql`a.document_id = ${documentId}`, today, sql`1`),
    );
    const tally: Record<string, number> = {};
    for (const s of fromSql.values()) tally[s] = (tally[s] ?? 0) + 1;
    for (const [s, n] of Object.entries(tally)) expect(counts?.[s]).toBe(n);
  }
  expect([...seen].sort()).toEqual([
    "continuous",
    "done_late",
    "done_on_time",
    "in_progress",
    "not_yet_due",
    "overdue",
  ]);
});
