// The database commands as a person runs them: bin/trienkhai in a child process, on its own database
// — an embedded one in a temporary data directory, or (with TEST_DATABASE_URL) a database created
// for this file on the PostgreSQL server and dropped after it. import, demo, start and transfers:
// what they print, their exit status, and what is stored (read back through `show --json` and SQL).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { scratchServerDatabase } from "../support/db.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/trienkhai");
const CORPUS = join(ROOT, "corpus/documents");
const TODAY = "2026-06-01";
const serverUrl = process.env.TEST_DATABASE_URL;
const scratch = mkdtempSync(join(tmpdir(), "trienkhai-cli-db-"));

/** A database of its own for a group of commands: a data directory, or a database on the server. */
interface Target {
  env: NodeJS.ProcessEnv;
  open: () => ReturnType<typeof openDatabase>;
  drop: () => Promise<void>;
}

let counter = 0;
async function target(): Promise<Target> {
  // the child sees this file's database only, whatever the environment of the test run names
  const { DATABASE_URL: _url, TRIENKHAI_DATA_DIR: _dir, ...inherited } = process.env;
  const base: NodeJS.ProcessEnv = { ...inherited, TRIENKHAI_TODAY: TODAY };
  if (!serverUrl) {
    const dataDir = join(scratch, `data-${counter++}`);
    return {
      env: { ...base, TRIENKHAI_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir: join(dataDir, "pglite") }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = await scratchServerDatabase(serverUrl, "trienkhai_cli");
  return {
    env: { ...base, DATABASE_URL: server.url },
    open: () => openDatabase({ url: server.url }),
    drop: server.drop,
  };
}

function run(t: Target, args: string[]) {
  const r = spawnSync(BIN, args, { env: t.env, encoding: "utf8", timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** What the database holds, read from this process once the command has ended. */
async function stored(t: Target): Promise<Record<string, number>> {
  const database = await t.open();
  try {
    const tables = [
      "organisations",
      "documents",
      "document_files",
      "sections",
      "tasks",
      "assignments",
      "indicators",
      "users",
      "audit_log",
    ];
    const [r] = await rows<Record<string, number>>(
      database.db,
      sql.raw(`select ${tables.map((x) => `(select count(*)::int from ${x}) as ${x}`).join(", ")}`),
    );
    return r as Record<string, number>;
  } finally {
    await database.close();
  }
}

/** One line on stderr, Vietnamese then English, no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr.endsWith("\n")).toBe(true);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toContain(" / ");
  expect(stderr).not.toMatch(/\n\s+at /);
}

interface ImportJson {
  id: number;
  symbol: string;
  status: string;
  counts: { sections: number; tasks: number; assignments: number; indicators: number };
  unresolved: string[];
  links: { symbol: string; relation: string; documentId: number | null }[];
  referenceOrganisationsLoaded: number;
}

interface ShowJson {
  id: number;
  symbol: string;
  status: string;
  tasks: { assignments: { id: number; organisationId: number | null; transferredTo: number | null }[] }[];
  indicators: unknown[];
}

interface Offer {
  assignmentId: number;
  organisation: { code: string };
  successors: { code: string }[];
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("trienkhai import and transfers", () => {
  let t: Target;
  let imported: ImportJson;
  beforeAll(async () => {
    t = await target();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("imports a corpus document as a draft and stores what it reports", async () => {
    const r = run(t, ["import", join(CORPUS, "12_bc-ubnd-gia-lai-so-ket.txt"), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    imported = json<ImportJson>(r.stdout);
    expect(imported).toMatchObject({ symbol: "412/BC-UBND", status: "imported" });
    // an empty database gets the reference organisations first, so that bodies resolve
    expect(imported.referenceOrganisationsLoaded).toBeGreaterThan(1000);
    expect(imported.counts.tasks).toBeGreaterThan(0);
    expect(imported.counts.assignments).toBeGreaterThanOrEqual(imported.counts.tasks);
    expect(imported.links.map((l) => l.symbol)).toContain("07-NQ/TU");

    const shown = run(t, ["show", String(imported.id), "--json"]);
    expect(shown.status).toBe(0);
    const doc = json<ShowJson>(shown.stdout);
    expect(doc).toMatchObject({ id: imported.id, symbol: "412/BC-UBND", status: "imported" });
    expect(doc.tasks).toHaveLength(imported.counts.tasks);
    expect(doc.tasks.flatMap((x) => x.assignments)).toHaveLength(imported.counts.assignments);
    expect(doc.indicators).toHaveLength(imported.counts.indicators);
    const counts = await stored(t);
    expect(counts).toMatchObject({
      documents: 1,
      document_files: 1,
      sections: imported.counts.sections,
      tasks: imported.counts.tasks,
      assignments: imported.counts.assignments,
      indicators: imported.counts.indicators,
    });
  }, 180_000);

  it("publishes in the same run with --publish and prints a Vietnamese summary", () => {
    const r = run(t, ["import", join(CORPUS, "10_kh-ubnd-quang-ngai-phu-luc.txt"), "--publish"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Đã nhập văn bản 186\/KH-UBND \(mã \d+\): đã ban hành$/m);
    expect(r.stdout).toMatch(/\d+ mục · \d+ nhiệm vụ · \d+ phân công · \d+ chỉ tiêu/);
    expect(r.stdout).toMatch(/xem: trienkhai show \d+/);
    const shown = json<ShowJson>(run(t, ["show", "186/KH-UBND", "--json"]).stdout);
    expect(shown.status).toBe("published");
  }, 120_000);

  it("refuses a duplicate with one line pointing at the document, and stores nothing", async () => {
    const before = await stored(t);
    const r = run(t, ["import", join(CORPUS, "12_bc-ubnd-gia-lai-so-ket.txt"), "--publish"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expectOneLine(r.stderr);
    expect(r.stderr).toContain("412/BC-UBND");
    expect(r.stderr).toContain(`trienkhai show ${imported.id}`);
    expect(r.stderr).toContain(`see: trienkhai show ${imported.id}`);
    expect(await stored(t)).toEqual(before);
    // still a draft: --publish on the refused run did not touch it
    expect(json<ShowJson>(run(t, ["show", String(imported.id), "--json"]).stdout).status).toBe("imported");
  }, 120_000);

  it("refuses a broken or missing file with one line, exit 2, and stores nothing", async () => {
    const before = await stored(t);
    const broken = join(scratch, "hong.docx");
    writeFileSync(broken, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    for (const file of [broken, join(scratch, "khong-co.txt")]) {
      const r = run(t, ["import", file]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expectOneLine(r.stderr);
      expect(r.stderr).toContain(file);
    }
    const usage = run(t, ["import"]);
    expect(usage.status).toBe(2);
    expectOneLine(usage.stderr);
    expect(await stored(t)).toEqual(before);
  }, 120_000);

  it("lists open work of dissolved bodies and moves it to a successor, all or nothing", async () => {
    const list = run(t, ["transfers", "--json"]);
    expect(list.status).toBe(0);
    const offers = json<Offer[]>(list.stdout);
    // the 2024 report names departments of Gia Lai as it stood before the 2025 reform
    const planning = offers.find((o) => o.organisation.code === "P64-SKHDT");
    expect(planning?.successors.map((s) => s.code)).toEqual(["P52.2025-STC"]);
    const id = planning?.assignmentId as number;
    const text = run(t, ["transfers"]);
    expect(text.stdout).toContain("Sở Kế hoạch và Đầu tư tỉnh Gia Lai (P64-SKHDT)");
    expect(text.stdout).toContain(`#${id} `);

    const before = await stored(t);
    const wrong = run(t, ["transfers", "apply", "--to", "P52.2025-SKHCN", String(id)]);
    expect(wrong.status).toBe(2);
    expectOneLine(wrong.stderr);
    expect(wrong.stderr).toContain("P52.2025-STC");
    const unknown = run(t, ["transfers", "apply", "--to", "P52.2025-STC", String(id), "999999"]);
    expect(unknown.status).toBe(2);
    expectOneLine(unknown.stderr);
    expect(unknown.stderr).toContain("999999");
    const noCode = run(t, ["transfers", "apply", "--to", "KHONG-CO", String(id)]);
    expect(noCode.status).toBe(2);
    expectOneLine(noCode.stderr);
    expect(await stored(t)).toEqual(before);

    const applied = run(t, ["transfers", "apply", "--to", "P52.2025-STC", String(id)]);
    expect(applied.stderr).toBe("");
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain("Đã chuyển 1 phân công sang Sở Tài chính tỉnh Gia Lai (P52.2025-STC)");
    const after = await stored(t);
    // one new assignment for the successor, one audit entry; the old row stays
    expect(after.assignments).toBe((before.assignments as number) + 1);
    expect(after.audit_log).toBe((before.audit_log as number) + 1);
    const doc = json<ShowJson>(run(t, ["show", String(imported.id), "--json"]).stdout);
    const all = doc.tasks.flatMap((x) => x.assignments);
    const old = all.find((a) => a.id === id);
    expect(old?.transferredTo).not.toBeNull();
    expect(all.find((a) => a.id === old?.transferredTo)?.transferredTo).toBeNull();
    const again = json<Offer[]>(run(t, ["transfers", "--json"]).stdout);
    expect(again.map((o) => o.assignmentId)).not.toContain(id);
    expect(again).toHaveLength(offers.length - 1);
  }, 180_000);

  it("demo creates the demo beside imported documents, once; start then loads nothing", async () => {
    const r = run(t, ["demo"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Đã tạo dữ liệu mẫu: 3 văn bản/);
    const after = await stored(t);
    expect(after.documents).toBe(5);
    const s = run(t, ["start", "--no-serve"]);
    expect(s.status).toBe(0);
    expect(s.stdout).not.toContain("Cơ sở dữ liệu còn trống");
    expect(s.stdout).toMatch(/\d+ cơ quan · 5 văn bản/);
    expect(run(t, ["demo"]).stdout).toContain("Dữ liệu mẫu đã có");
    expect(await stored(t)).toEqual(after);
  }, 180_000);
});

describe("trienkhai start and demo", () => {
  let t: Target;
  beforeAll(async () => {
    t = await target();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("loads the demo on an empty database once, prints the overview and exits 0", async () => {
    const first = run(t, ["start", "--no-serve"]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Cơ sở dữ liệu còn trống");
    expect(first.stdout).toMatch(serverUrl ? /Cơ sở dữ liệu: máy chủ PostgreSQL — postgres/ : /PGlite/);
    expect(first.stdout).toMatch(/\d+ cơ quan · 3 văn bản · \d+ nhiệm vụ · \d+ phân công/);
    // the demo cascade, and the demo accounts
    expect(first.stdout).toMatch(/^ {2}986-KL\/TW — .*\n {4}215-CTr\/TU — .*\n {6}\S+ — /m);
    expect(first.stdout).toContain("quantri");
    expect(first.stdout).toContain("trienkhai-demo");
    expect(first.stdout).toContain("--no-serve");
    expect(first.stdout).toContain("trienkhai serve");
    const seeded = await stored(t);
    expect(seeded.documents).toBe(3);
    expect(seeded.users).toBe(6);

    const second = run(t, ["start", "--no-serve"]);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain("Cơ sở dữ liệu còn trống");
    expect(second.stdout).toContain("986-KL/TW");
    expect(await stored(t)).toEqual(seeded);
  }, 240_000);

  it("demo says the demo is there already and changes nothing", async () => {
    const before = await stored(t);
    const r = run(t, ["demo"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Dữ liệu mẫu đã có");
    expect(r.stdout).toContain("trienkhai-demo");
    expect(r.stdout).toMatch(/^ {2}lanhdao +lãnh đạo$/m);
    expect(await stored(t)).toEqual(before);
  }, 120_000);
});
