// Crash safety: `trienkhai serve` killed with SIGKILL in the middle of work, on the embedded
// database and on PostgreSQL. A document import killed while it stores its draft, and a bulk
// indicator import killed inside its transaction, leave nothing half-written (every table as it was
// before, but for the import's own progress row, the sign-ins and their audit); the server starts
// again cleanly and the interrupted import reads as failed, with its reason. On PGlite this also
// shows that its data directory survives SIGKILL (PostgreSQL's own crash recovery, inside the
// process, on the next open). A report export killed while it is written leaves no file: at the
// next start it reads as failed, with its reason, and the same export is then written whole; one
// whose job the queue lost (a restored backup carries no queue) is queued again at start.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { installDemo } from "../../src/demo/demo.ts";
import { API_TODAY, databaseFingerprint } from "../support/api.ts";
import { scratchServerDatabase, testDatabaseKind } from "../support/db.ts";
import { type ServerProcess, signIn, startServeProcess } from "../support/server-process.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "trienkhai-crash-"));
const dataDir = join(dir, "data");
let drop: (() => Promise<void>) | undefined;
let env: NodeJS.ProcessEnv;
let server: ServerProcess | undefined;

/** Values in one bulk indicator import. */
const ROWS = 2000;

/** Tables a sign-in or an import's progress writes outside the work itself. */
const BOOKKEEPING = new Set(["sessions", "users", "audit_log", "document_imports"]);

/** The database opened in this process — for PGlite only while no server runs. */
function open(): Promise<Database> {
  return serverUrl
    ? openDatabase({ url: env.DATABASE_URL as string })
    : openDatabase({ dataDir: join(dataDir, "pglite") });
}

async function withDatabase<T>(work: (db: Database["db"]) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

const content = (f: Record<string, string>) =>
  Object.fromEntries(Object.entries(f).filter(([t]) => !BOOKKEEPING.has(t)));

function multipart(name: string, type: string, bytes: Buffer): { body: Buffer; type: string } {
  const boundary = `----trienkhai-crash-${Date.now()}`;
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A province plan with `n` tasks: big enough that storing its draft takes a while. */
function bigPlan(n: number): string {
  const bodies = ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Xây dựng", "Sở Y tế"];
  const tasks = Array.from(
    { length: n },
    (_, i) =>
      `${i + 1}. ${bodies[i % bodies.length]} chủ trì thực hiện nhiệm vụ chuyển đổi số thứ ${i + 1} về cơ sở dữ liệu chuyên ngành, hoàn thành trước ngày 30/6/2026.`,
  );
  return `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc

Số: 909/KH-UBND\tQuảng Ngãi, ngày 25 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Chương trình hành động số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy về đẩy mạnh chuyển đổi số

II. NHIỆM VỤ
${tasks.join("\n")}

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Như trên;\tCHỦ TỊCH
- Lưu: VT.
\tNguyễn Văn Bình
`;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * On PostgreSQL the work can be watched from outside: resolves once a connection of the server is
 * inside a transaction whose last statement matches `statement`.
 */
async function insideTransaction(statement: RegExp): Promise<void> {
  const probe = await openDatabase({ url: env.DATABASE_URL as string, migrate: false });
  try {
    await until("the transaction", async () => {
      const r = await rows<{ query: string }>(
        probe.db,
        sql`select query from pg_stat_activity where datname = current_database()
          and xact_start is not null and pid <> pg_backend_pid()`,
      );
      return r.some((x) => statement.test(x.query)) ? true : null;
    });
  } finally {
    await probe.close();
  }
}

beforeAll(async () => {
  const { DATABASE_URL: _url, ...inherited } = process.env;
  env = { ...inherited, TRIENKHAI_DATA_DIR: dataDir, TRIENKHAI_TODAY: API_TODAY, LOG_LEVEL: "warn" };
  if (serverUrl) {
    const scratch = await scratchServerDatabase(serverUrl, "trienkhai_crash");
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  }
  await withDatabase((db) => installDemo(db, API_TODAY));
}, 180_000);

afterAll(async () => {
  await server?.kill("SIGKILL");
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

describe(`SIGKILL in the middle of work (${testDatabaseKind})`, () => {
  it("leaves no half-written document or task when an import is killed while storing, and fails the import with its reason at restart", async () => {
    const upload = (symbol: number) =>
      multipart(
        `ke-hoach-${symbol}.txt`,
        "text/plain",
        Buffer.from(bigPlan(400).replace("909/KH-UBND", `${symbol}/KH-UBND`)),
      );
    type View = {
      state: string;
      result: { counts: { tasks: number }; stages: { stage: string; ms: number }[] } | null;
      problem: { code: string; status: number; detail: string } | null;
    };
    const importFile = async (
      s: ServerProcess,
      client: Awaited<ReturnType<typeof signIn>>,
      symbol: number,
    ) => {
      const u = upload(symbol);
      const r = await client.fetch(s.url, "/api/documents/imports", {
        method: "POST",
        body: new Uint8Array(u.body),
        headers: { "content-type": u.type },
      });
      expect(r.status).toBe(202);
      return ((await r.json()) as { importId: number }).importId;
    };
    const view = async (s: ServerProcess, client: Awaited<ReturnType<typeof signIn>>, id: number) =>
      (await (await client.fetch(s.url, `/api/documents/imports/${id}`)).json()) as View;
    const finished = (s: ServerProcess, client: Awaited<ReturnType<typeof signIn>>, id: number) =>
      until("the import", async () => {
        const v = await view(s, client, id);
        return v.state === "done" || v.state === "failed" ? v : null;
      });

    // a whole import first: how long each stage takes here
    server = await startServeProcess(env);
    let monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const calibration = await finished(server, monitor, await importFile(server, monitor, 908));
    expect(calibration.state).toBe("done");
    const ms = (stage: string) => calibration.result?.stages.find((x) => x.stage === stage)?.ms ?? 0;
    console.log(
      `document import of a 400-task plan: ${calibration.result?.stages.map((x) => `${x.stage} ${x.ms} ms`).join(", ")}`,
    );
    await server.kill("SIGTERM");

    const before = content(await withDatabase(databaseFingerprint));
    server = await startServeProcess(env);
    monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const importId = await importFile(server, monitor, 909);
    if (serverUrl) await insideTransaction(/insert into "(tasks|sections|assignments)"/i);
    // the embedded database cannot be watched from outside its process: half-way through storing
    else await new Promise((r) => setTimeout(r, ms("reading") + ms("parsing") + ms("storing") / 2));
    expect(await server.kill("SIGKILL")).toBe(null);
    expect(server.child.signalCode).toBe("SIGKILL");

    // the embedded database's directory opens again after SIGKILL: crash recovery on open
    const after = content(await withDatabase(databaseFingerprint));
    expect(after).toEqual(before);

    server = await startServeProcess(env);
    monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const r = await view(server, monitor, importId);
    expect(r.state).toBe("failed");
    expect(r.problem).toMatchObject({ code: "document-import-interrupted", status: 503 });
    expect(r.problem?.detail).toContain("ke-hoach-909.txt");
    // the same file imports cleanly now: nothing of the killed attempt stands in its way
    const done = await finished(server, monitor, await importFile(server, monitor, 909));
    expect(done.state).toBe("done");
    expect(done.result?.counts.tasks).toBe(calibration.result?.counts.tasks);
    expect(await server.kill("SIGTERM")).toBe(0);
  }, 300_000);

  it("stores all of a bulk indicator import or none of it when killed inside its transaction", async () => {
    await server?.kill("SIGKILL");
    const { indicators, bodies } = await withDatabase(async (db) => ({
      indicators: (
        await rows<{ id: number }>(
          db,
          sql`select i.id from indicators i join documents d on d.id = i.document_id where d.symbol = '215-CTr/TU' order by i.id limit 2`,
        )
      ).map((r) => r.id),
      bodies: (
        await rows<{ code: string }>(
          db,
          sql`select code from organisations where code like 'P51.2025-%' and not is_group order by code limit 40`,
        )
      ).map((r) => r.code),
    }));
    /** ROWS values for years from `from` (a file may hold 10,000: a minute on the embedded database). */
    const sheet = (from: number): Buffer => {
      const lines = ["Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị,Ghi chú"];
      for (const ind of indicators)
        for (const body of bodies)
          for (let y = from; lines.length <= ROWS && y < from + 20; y++)
            for (let m = 1; m <= 12 && lines.length <= ROWS; m++)
              lines.push(
                `${ind},${body},${y}-${String(m).padStart(2, "0")},${(y * 12 + m) % 977},lần nhập ${from}`,
              );
      return Buffer.from(`${lines.slice(0, ROWS + 1).join("\n")}\n`);
    };
    const send = (s: ServerProcess, client: Awaited<ReturnType<typeof signIn>>, bytes: Buffer) => {
      const u = multipart("chi-tieu.csv", "text/csv", bytes);
      return client.fetch(s.url, "/api/indicators/values/import", {
        method: "POST",
        body: new Uint8Array(u.body),
        headers: { "content-type": u.type },
      });
    };
    const count = () =>
      withDatabase(async (db) => {
        const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from indicator_values`);
        return r?.n ?? 0;
      });

    // how long a whole import takes here, to kill the next one half-way through
    const start = await count();
    server = await startServeProcess(env);
    const monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const t0 = performance.now();
    const whole = await send(server, monitor, sheet(1960));
    const ms = performance.now() - t0;
    expect(whole.status).toBe(201);
    expect(((await whole.json()) as { stored: number }).stored).toBe(ROWS);
    console.log(`bulk indicator import of ${ROWS} rows: ${Math.round(ms)} ms`);
    await server.kill("SIGTERM");
    const before = await count();
    expect(before).toBe(start + ROWS);
    const fingerprint = content(await withDatabase(databaseFingerprint));

    server = await startServeProcess(env);
    const again = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const pending = send(server, again, sheet(1930)).then(
      (r) => r.status,
      () => "no answer",
    );
    const running = server;
    if (serverUrl) await insideTransaction(/indicator_values/i);
    else await new Promise((r) => setTimeout(r, ms * 0.6));
    await running.kill("SIGKILL");
    expect(await pending).toBe("no answer");
    // nothing of the killed import: not one value
    expect(await count()).toBe(before);
    expect(content(await withDatabase(databaseFingerprint))).toEqual(fingerprint);

    server = await startServeProcess(env);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    // and the same file goes in whole afterwards
    const third = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    expect((await send(server, third, sheet(1930))).status).toBe(201);
    await server.kill("SIGTERM");
    expect(await count()).toBe(before + ROWS);
  }, 300_000);

  it("fails a report export cut off by SIGKILL at the next start, with its reason and no file", async () => {
    await server?.kill("SIGKILL");
    const documentId = await withDatabase(async (db) => {
      const [r] = await rows<{ id: number }>(db, sql`select id from documents where symbol = '215-CTr/TU'`);
      return r?.id as number;
    });
    const body = JSON.stringify({ documentId, period: "2026", format: "xlsx" });
    type ExportView = {
      id: number;
      state: string;
      fileUrl: string | null;
      problem: { code: string; status: number; detail: string } | null;
    };
    const ask = (s: ServerProcess, client: Awaited<ReturnType<typeof signIn>>) =>
      client.fetch(s.url, "/api/reports/exports", {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
    type Row = { id: number; state: string; size: number | null; bytes: number | null; owner: number | null };
    const exportRows = () =>
      withDatabase((db) =>
        rows<Row>(
          db,
          sql`select id, state, size, octet_length(bytes) as bytes, owner from report_exports order by id`,
        ),
      );

    // how long a whole export takes here, asked for over HTTP as a client would
    server = await startServeProcess(env);
    let monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const t0 = performance.now();
    const whole = await ask(server, monitor);
    const ms = performance.now() - t0;
    expect(whole.status).toBe(201);
    console.log(`report export (XLSX of 215-CTr/TU, 2026): ${Math.round(ms)} ms`);
    await server.kill("SIGTERM");

    // killed while the export is written: until a kill lands inside that window (it is short)
    let cut: Row | undefined;
    for (let attempt = 0; attempt < 12 && !cut; attempt++) {
      const known = new Set((await exportRows()).map((r) => r.id));
      server = await startServeProcess(env);
      monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
      const pending = ask(server, monitor).then(
        (r) => r.status,
        () => "no answer",
      );
      if (serverUrl) {
        // watched from outside: the export's row, written before its figures are read
        const probe = await openDatabase({ url: env.DATABASE_URL as string, migrate: false });
        try {
          await until(
            "the export",
            async () => {
              const r = await rows<{ id: number }>(
                probe.db,
                sql`select id from report_exports where state in ('queued', 'running')`,
              );
              return r.length > 0 ? true : null;
            },
            10_000,
          ).catch(() => undefined);
        } finally {
          await probe.close();
        }
      } else await new Promise((r) => setTimeout(r, ms * (0.3 + ((attempt * 0.37) % 0.6))));
      await server.kill("SIGKILL");
      await pending;
      const fresh = (await exportRows()).filter((r) => !known.has(r.id));
      // nothing half-written whichever way the kill fell: a file is only ever stored whole, with its row done
      for (const r of fresh) {
        if (r.state === "done") expect(r.bytes).toBe(r.size);
        else expect([r.bytes, r.size]).toEqual([null, null]);
      }
      cut = fresh.find((r) => r.state === "queued" || r.state === "running");
    }
    expect(cut, "no kill landed while the export was written").toBeDefined();
    const id = (cut as Row).id;
    expect((cut as Row).owner).not.toBeNull();

    // the next start fails it with its reason; its file is not there to download
    server = await startServeProcess(env);
    monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const read = (await (await monitor.fetch(server.url, `/api/reports/exports/${id}`)).json()) as ExportView;
    expect(read.state).toBe("failed");
    expect(read.fileUrl).toBeNull();
    expect(read.problem).toMatchObject({ code: "report-export-interrupted", status: 503 });
    expect(read.problem?.detail).toContain(String(id));
    expect((await monitor.fetch(server.url, `/api/reports/exports/${id}/file`)).status).toBe(409);
    // asked for again, it is written whole
    const again = await ask(server, monitor);
    expect(again.status).toBe(201);
    const view = (await again.json()) as ExportView;
    expect(view.state).toBe("done");
    const file = await monitor.fetch(server.url, view.fileUrl as string);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await server.kill("SIGTERM")).toBe(0);
    expect((await exportRows()).find((r) => r.id === id)?.state).toBe("failed");
  }, 600_000);

  it("queues again at start an export whose job the queue no longer holds, and writes it", async () => {
    await server?.kill("SIGKILL");
    // what a restored backup holds: the export waiting, its job gone with the queue (not backed up)
    const id = await withDatabase(async (db) => {
      const [r] = await rows<{ id: number }>(
        db,
        sql`insert into report_exports (format, request, document_id, scope_path, file_name, content_type, created_by)
          select format, request, document_id, scope_path, file_name, content_type, created_by
          from report_exports where state = 'done' order by id desc limit 1
          returning id`,
      );
      const [jobs] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pgboss.job where data->>'exportId' = ${String(r?.id)}`,
      );
      expect(jobs?.n).toBe(0);
      return r?.id as number;
    });
    server = await startServeProcess(env);
    const monitor = await signIn(server.url, "theodoi", DEMO_PASSWORD);
    const view = await until(
      "the export written",
      async () => {
        const r = (await (
          await monitor.fetch(server?.url as string, `/api/reports/exports/${id}`)
        ).json()) as {
          state: string;
          fileUrl: string | null;
        };
        return r.state === "done" || r.state === "failed" ? r : null;
      },
      120_000,
    );
    expect(view.state).toBe("done");
    const file = await monitor.fetch(server.url, view.fileUrl as string);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await server.kill("SIGTERM")).toBe(0);
  }, 300_000);
});
