// The demo installation: a cascade written for the project (a Politburo conclusion, a provincial
// action programme with 2030 targets, a commune dispatch), the reference organisations and a few
// communes of the new Quảng Ngãi, users of every role, and a year of progress updates, indicator
// values, reports and dissemination sessions, so that every screen has something real to show.
// Everything goes through the same services as user input; the figures are deterministic.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rows } from "../db/rows.ts";
import { organisations } from "../db/schema/organisations.ts";
import type { Role } from "../domain/access.ts";
import { parseDocument } from "../parser/parse.ts";
import { communeBodies } from "../reference/bodies.ts";
import type { OrgSeed } from "../reference/types.ts";
import type { Actor } from "../server/audit/repository.ts";
import { recordDissemination } from "../server/dissemination/service.ts";
import {
  assignmentsOfDocument,
  cyclesOfDocument,
  indicatorsOfDocument,
} from "../server/documents/repository.ts";
import { importDocument } from "../server/documents/service.ts";
import { recordIndicatorValues } from "../server/indicators/service.ts";
import { insertOrganisations } from "../server/organisations/repository.ts";
import { ensureReferenceOrganisations } from "../server/organisations/service.ts";
import { recordProgress } from "../server/progress/service.ts";
import { submitReport } from "../server/reports/service.ts";
import { createUser } from "../server/users/service.ts";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_PROVINCE as PROVINCE } from "./accounts.ts";

const actor: Actor = { id: null, name: "demo", origin: "demo" };

// Communes of the new Quảng Ngãi that the demo dispatch and reports name.
const COMMUNES: [string, string][] = [
  ["X01", "Xã Bình Sơn"],
  ["X02", "Xã Vạn Tường"],
  ["X03", "Phường Cẩm Thành"],
  ["X04", "Xã Tư Nghĩa"],
  ["X05", "Xã Mộ Đức"],
];

/** A small deterministic pseudo-random generator (mulberry32): the demo is the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

async function orgId(db: Db, code: string): Promise<number> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!row) throw new Error(`demo: no organisation ${code}`);
  return row.id;
}

export interface DemoSummary {
  documents: number;
  users: { username: string; role: Role; scope: string | null }[];
  progressUpdates: number;
  indicatorValues: number;
  reports: number;
  sessions: number;
}

/** The demo's own documents are in the database (found by their files' sha256). */
export async function demoInstalled(db: Db): Promise<boolean> {
  const dir = join(import.meta.dirname, "documents");
  const shas = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) =>
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    );
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from documents where source_sha256 in (select unnest(${`{${shas.join(",")}}`}::text[]))`,
  );
  return (r?.n ?? 0) > 0;
}

/** The demo (and the reference organisations it stands on) in one transaction: all of it or nothing. */
export function installDemo(db: Db, today: string): Promise<DemoSummary> {
  return db.transaction((tx) => createDemo(tx, today));
}

export async function createDemo(db: Db, today: string): Promise<DemoSummary> {
  await ensureReferenceOrganisations(db, actor);
  const communeSeeds: OrgSeed[] = COMMUNES.flatMap(([key, name]) => {
    const unit: OrgSeed = {
      code: `${PROVINCE}-${key}`,
      name,
      kind: "administrative_unit",
      level: "commune",
      parentCode: PROVINCE,
      validFrom: "2025-07-01",
      validTo: null,
      successorCodes: [],
      aliases: [name.toLowerCase()],
    };
    return [unit, ...communeBodies(unit)];
  });
  await db.transaction((tx) => insertOrganisations(tx, communeSeeds).then(() => undefined));

  const dir = join(import.meta.dirname, "documents");
  const documentIds: number[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const bytes = readFileSync(join(dir, file));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const parsed = parseDocument(bytes.toString("utf8"), { name: file, format: "txt", sha256 });
    const r = await importDocument(db, {
      parsed,
      file: { bytes, contentType: "text/plain; charset=utf-8" },
      actor,
      publish: true,
    });
    documentIds.push(r.documentId);
  }

  const users = DEMO_USERS;
  const names: Record<string, string> = {
    quantri: "Quản trị hệ thống",
    lanhdao: "Lãnh đạo tỉnh",
    theodoi: "Chuyên viên theo dõi",
    sokhcn: "Cán bộ Sở Khoa học và Công nghệ",
    xabinhson: "Cán bộ UBND xã Bình Sơn",
    xem: "Người xem",
  };
  for (const u of users) {
    const scopeId = u.scope ? await orgId(db, u.scope).catch(() => null) : null;
    await createUser(
      db,
      {
        username: u.username,
        displayName: names[u.username] ?? u.username,
        password: DEMO_PASSWORD,
        role: u.role,
        scopeOrganisationId: scopeId,
      },
      actor,
    );
  }

  const rand = random(20250320);
  let progressUpdates = 0;
  for (const documentId of documentIds) {
    for (const a of await assignmentsOfDocument(db, documentId)) {
      if (a.organisationId === null || a.role !== "lead") continue;
      const [doc] = await rows<{ date: string }>(
        db,
        sql`select date from documents where id = ${documentId}`,
      );
      const start = doc?.date && doc.date.length === 10 ? doc.date : "2025-09-01";
      const span = Math.max(1, daysBetween(start, today));
      let version = a.version;
      let percent = 0;
      const steps = 1 + Math.floor(rand() * 4);
      for (let s = 1; s <= steps; s++) {
        const at = addDays(start, Math.floor((span * s) / (steps + 1)));
        const done = s === steps && rand() < 0.55 && a.recurrence !== "continuous";
        percent = done ? 100 : Math.min(95, percent + 10 + Math.floor(rand() * 40));
        // some finish on time, some late: the completion day falls before or after the deadline
        const completedAt = done
          ? a.deadlineDate && rand() < 0.7 && a.deadlineDate < at
            ? addDays(a.deadlineDate, -3)
            : at
          : undefined;
        const r = await recordProgress(
          db,
          a.id,
          version,
          {
            percent,
            narrative: done
              ? "Đã hoàn thành, có báo cáo kết quả kèm theo."
              : `Đang triển khai, đạt khoảng ${percent}% khối lượng công việc.`,
            ...(completedAt && completedAt > start ? { completedAt } : {}),
          },
          actor,
          today,
          `${at}T09:00:00Z`,
        );
        version = r.version;
        progressUpdates++;
      }
    }
  }

  let indicatorValues = 0;
  const provinceCommittee = await orgId(db, `${PROVINCE}-UBND`);
  const thisYear = Number(today.slice(0, 4));
  for (const documentId of documentIds) {
    const values = [];
    for (const ind of await indicatorsOfDocument(db, documentId)) {
      const target = ind.targetValue ?? ind.targetHigh ?? ind.targetLow;
      if (target === null) continue;
      const base =
        ind.baselineValue ?? (ind.kind === "rank" ? 35 : ind.unit === "%" ? target * 0.6 : target * 0.5);
      for (let y = 2025; y <= thisYear; y++) {
        const share = (y - 2024) / Math.max(1, (ind.targetYear ?? 2030) - 2024);
        const value = base + (target - base) * share * (0.7 + rand() * 0.5);
        values.push({
          indicatorId: ind.id,
          organisationId: provinceCommittee,
          period: String(y),
          value: Math.round(value * 10) / 10,
        });
      }
    }
    if (values.length > 0) indicatorValues += await recordIndicatorValues(db, values, actor, today);
  }

  let reports = 0;
  for (const documentId of documentIds) {
    for (const cycle of await cyclesOfDocument(db, documentId)) {
      for (const period of periodsBetween(cycle.frequency, cycle.startDate, today)) {
        for (const organisationId of cycle.bodies) {
          const roll = rand();
          if (roll < 0.15) continue;
          const due = period.due;
          const at = roll < 0.75 ? addDays(due, -5) : addDays(due, 6);
          if (at > today) continue;
          await submitReport(
            db,
            {
              cycleId: cycle.id,
              organisationId,
              period: period.name,
              content: `Báo cáo kết quả thực hiện kỳ ${period.name}.`,
              difficulties: "Kinh phí và nhân lực chuyên trách còn thiếu.",
              proposals: "Đề nghị bố trí kinh phí cho nhiệm vụ chuyển đổi số.",
            },
            actor,
            `${at}T10:00:00Z`,
          );
          reports++;
        }
      }
    }
  }

  let sessions = 0;
  for (const documentId of documentIds) {
    const [doc] = await rows<{ date: string | null }>(
      db,
      sql`select date from documents where id = ${documentId}`,
    );
    const start = doc?.date && doc.date.length === 10 ? doc.date : null;
    if (!start) continue;
    const bodies = new Set(
      (await assignmentsOfDocument(db, documentId))
        .map((a) => a.organisationId)
        .filter((x): x is number => x !== null),
    );
    for (const organisationId of bodies) {
      if (rand() < 0.3) continue;
      const heldOn = addDays(start, 10 + Math.floor(rand() * 40));
      if (heldOn > today) continue;
      await recordDissemination(
        db,
        {
          documentId,
          organisationId,
          heldOn,
          form: rand() < 0.6 ? "conference" : "online",
          attendance: 30 + Math.floor(rand() * 200),
        },
        actor,
        today,
      );
      sessions++;
    }
  }
  return {
    documents: documentIds.length,
    users: [...users],
    progressUpdates,
    indicatorValues,
    reports,
    sessions,
  };
}

/** The periods of a cycle from its start to today, with their due days (15th of the period's last month). */
export function periodsBetween(
  frequency: string,
  start: string,
  today: string,
): { name: string; due: string }[] {
  const out: { name: string; due: string }[] = [];
  const months =
    frequency === "monthly" ? 1 : frequency === "quarterly" ? 3 : frequency === "semiannual" ? 6 : 12;
  let year = Number(start.slice(0, 4));
  let month = Math.floor((Number(start.slice(5, 7)) - 1) / months) * months + 1;
  for (let guard = 0; guard < 500; guard++) {
    const lastMonth = month + months - 1;
    const due = `${year}-${String(lastMonth).padStart(2, "0")}-15`;
    if (due > today) break;
    const name =
      months === 12
        ? String(year)
        : months === 6
          ? `${year}-H${lastMonth / 6}`
          : months === 3
            ? `${year}-Q${lastMonth / 3}`
            : `${year}-${String(month).padStart(2, "0")}`;
    out.push({ name, due });
    month += months;
    if (month > 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}
