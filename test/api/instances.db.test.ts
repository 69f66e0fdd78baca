// Several instances on one PostgreSQL: two `trienkhai serve` processes on their own ports share the
// database. A session made on one is good on the other (and its end reaches the other within the
// 5 s that sessions are remembered in a process); the same assignment updated through both at once
// gives one 201 and one 412 (If-Match holds across processes); the reminder scan run on both at once
// creates each reminder once and the queue sends each e-mail once; an instance starting beside a
// live one fails only the imports and exports of dead instances, not the live one's. PostgreSQL
// only: an embedded database belongs to one process.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { rows } from "../../src/db/rows.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { installDemo } from "../../src/demo/demo.ts";
import { API_TODAY } from "../support/api.ts";
import { scratchServerDatabase } from "../support/db.ts";
import { type ServerProcess, signIn, startServeProcess } from "../support/server-process.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const EMAILS: Record<string, string> = {
  xabinhson: "vanphong@binhson.quangngai.gov.vn",
  theodoi: "theodoi@quangngai.gov.vn",
  sokhcn: "skhcn@quangngai.gov.vn",
};

let smtp: TestSmtp;
let database: Database;
let drop: () => Promise<void>;
let a: ServerProcess;
let b: ServerProcess;
let env: NodeJS.ProcessEnv;
let c: ServerProcess | undefined;

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!serverUrl)(
  "two instances on one PostgreSQL (skipped on PGlite: an embedded database belongs to one process)",
  () => {
    beforeAll(async () => {
      smtp = await startSmtp();
      const scratch = await scratchServerDatabase(serverUrl as string, "trienkhai_instances");
      drop = scratch.drop;
      database = await openDatabase({ url: scratch.url });
      await installDemo(database.db, API_TODAY);
      for (const [username, email] of Object.entries(EMAILS))
        await database.db.execute(sql`update users set email = ${email} where username = ${username}`);
      const { TRIENKHAI_DATA_DIR: _dir, ...inherited } = process.env;
      env = {
        ...inherited,
        DATABASE_URL: scratch.url,
        TRIENKHAI_TODAY: API_TODAY,
        TRIENKHAI_REMINDER_DAYS: "40",
        SMTP_URL: smtp.url,
        LOG_LEVEL: "warn",
      };
      // one after the other: the first creates the queue's schema
      a = await startServeProcess(env);
      b = await startServeProcess(env);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM"), c?.kill("SIGTERM")]);
      await database?.close();
      await drop?.();
      await smtp?.close();
    });

    it("takes a session made on one instance on the other, and ends it on both", async () => {
      const client = await signIn(a.url, "sokhcn", DEMO_PASSWORD);
      const me = await client.fetch(b.url, "/api/auth/me");
      expect(me.status).toBe(200);
      expect(((await me.json()) as { username: string }).username).toBe("sokhcn");
      expect((await client.fetch(b.url, "/api/auth/logout", { method: "POST" })).status).toBe(204);
      // the instance that ended it forgets it at once; the other within the 5 s it remembers sessions
      expect((await client.fetch(b.url, "/api/auth/me")).status).toBe(401);
      const started = Date.now();
      await until("the other instance to see the sign-out", async () =>
        (await client.fetch(a.url, "/api/auth/me")).status === 401 ? true : null,
      );
      expect(Date.now() - started).toBeLessThan(6000);
    }, 30_000);

    it("lets one of two updates of the same version through, whichever instance gets it: one 201, one 412", async () => {
      const client = await signIn(a.url, "sokhcn", DEMO_PASSWORD);
      const list = (await (await client.fetch(b.url, "/api/tasks?pageSize=50")).json()) as {
        items: { assignmentId: number; version: number; status: string }[];
      };
      const target = list.items.find((i) => !i.status.startsWith("done")) ?? list.items[0];
      if (!target) throw new Error("the officer has no assignment");
      for (let round = 0; round < 5; round++) {
        const [{ version }] = (await rows<{ version: number }>(
          database.db,
          sql`select version from assignments where id = ${target.assignmentId}`,
        )) as [{ version: number }];
        const post = (server: ServerProcess, percent: number) =>
          client.fetch(server.url, `/api/assignments/${target.assignmentId}/progress`, {
            method: "POST",
            body: JSON.stringify({ percent, narrative: `round ${round} via ${server.url}` }),
            headers: { "if-match": `"${version}"` },
          });
        const answers = await Promise.all([post(a, 40 + round), post(b, 60 + round)]);
        expect(answers.map((r) => r.status).sort()).toEqual([201, 412]);
        const [after] = await rows<{ version: number; n: number }>(
          database.db,
          sql`select a.version, (select count(*)::int from progress_updates p where p.assignment_id = a.id and p.narrative like ${`round ${round} via%`}) as n
          from assignments a where a.id = ${target.assignmentId}`,
        );
        expect(after).toEqual({ version: version + 1, n: 1 });
      }
    }, 60_000);

    it("creates each reminder once and e-mails it once, the scan run on both instances at once", async () => {
      const admin = await signIn(a.url, "quantri", DEMO_PASSWORD);
      const scans = await Promise.all(
        [a, b, a, b].map(async (s) => {
          const r = await admin.fetch(s.url, "/api/reminders/scan", { method: "POST" });
          expect(r.status).toBe(200);
          return (await r.json()) as { owed: number; created: number; mailQueued: number };
        }),
      );
      const owed = scans[0]?.owed ?? 0;
      expect(owed).toBeGreaterThan(0);
      expect(scans.reduce((n, s) => n + s.created, 0)).toBe(owed);
      const notifications = await rows<{ id: number; email: string | null; kind: string; entity: string }>(
        database.db,
        sql`select n.id, u.email, n.kind, n.entity_id as entity from notifications n join users u on u.id = n.user_id`,
      );
      expect(notifications).toHaveLength(owed);
      const addressed = notifications.filter((n) => n.email !== null).length;
      expect(addressed).toBeGreaterThan(0);
      await until("every e-mail", async () => {
        const [r] = await rows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id
          where u.email is not null and n.emailed_at is null`,
        );
        return r?.n === 0 ? true : null;
      });
      // the mail workers of both instances had their chance at every job: still one mail each
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.delivered).toHaveLength(addressed);
      const perMessage = new Map<string, number>();
      for (const m of smtp.delivered) {
        // the notification's id travels in every message
        const key = /^X-Trienkhai-Notification: (\d+)/im.exec(m.raw)?.[1] ?? "?";
        perMessage.set(key, (perMessage.get(key) ?? 0) + 1);
      }
      expect([...perMessage].filter(([, n]) => n !== 1)).toEqual([]);
      expect([...perMessage.keys()].sort()).toEqual(
        notifications
          .filter((n) => n.email !== null)
          .map((n) => String(n.id))
          .sort(),
      );
      console.log(
        `two instances: ${owed} reminders created once by 4 concurrent scans, ${smtp.delivered.length} e-mails sent once`,
      );
    }, 60_000);

    it("fails at start the imports and exports of a dead instance, never a live one's", async () => {
      // instance a's id, as it writes it on the export it runs
      const client = await signIn(a.url, "theodoi", DEMO_PASSWORD);
      const [doc] = await rows<{ id: number }>(
        database.db,
        sql`select id from documents where symbol = '215-CTr/TU'`,
      );
      const made = await client.fetch(a.url, "/api/reports/exports", {
        method: "POST",
        body: JSON.stringify({ documentId: doc?.id, period: "2026", format: "csv" }),
        headers: { "content-type": "application/json" },
      });
      expect(made.status).toBe(201);
      const [{ owner: live }] = (await rows<{ owner: number }>(
        database.db,
        sql`select owner from report_exports where id = ${((await made.json()) as { id: number }).id}`,
      )) as [{ owner: number }];
      expect(live).toBeGreaterThan(0);
      // work left running: some by a (alive), some by an instance that is gone (its lock free)
      const dead = live === 1 ? 2 : live - 1;
      const [user] = await rows<{ id: number }>(
        database.db,
        sql`select id from users where username = 'theodoi'`,
      );
      const imports = await rows<{ id: number; owner: number }>(
        database.db,
        sql`insert into document_imports (state, stage, percent, file_name, size, created_by, owner)
          values ('running', 'storing', 85, 'cua-a.txt', 1, ${user?.id}, ${live}),
                 ('queued', 'queued', 0, 'cua-a-cho.txt', 1, ${user?.id}, ${live}),
                 ('running', 'storing', 85, 'da-mat.txt', 1, ${user?.id}, ${dead})
          returning id, owner`,
      );
      const exports = await rows<{ id: number; owner: number | null }>(
        database.db,
        sql`insert into report_exports (state, stage, format, request, file_name, content_type, owner)
          values ('running', 'loading', 'csv', '{}', 'cua-a.csv', 'text/csv', ${live}),
                 ('running', 'loading', 'csv', '{}', 'da-mat.csv', 'text/csv', ${dead}),
                 ('queued', 'queued', 'csv', '{}', 'trong-hang-doi.csv', 'text/csv', null)
          returning id, owner`,
      );
      // the one waiting on the queue has its job there, due later: no worker takes it during the test
      await database.db.execute(
        sql`insert into pgboss.job (name, data, start_after)
          values ('report-export', jsonb_build_object('exportId', ${exports[2]?.id}::int), now() + interval '1 hour')`,
      );
      const states = async () =>
        Object.fromEntries(
          (
            await rows<{ key: string; state: string; code: string | null }>(
              database.db,
              sql`select 'import ' || file_name as key, state, problem->>'code' as code from document_imports
                  where id in (${sql.join(
                    imports.map((r) => sql`${r.id}`),
                    sql`, `,
                  )})
                union all
                select 'export ' || file_name, state, problem->>'code' from report_exports
                  where id in (${sql.join(
                    exports.map((r) => sql`${r.id}`),
                    sql`, `,
                  )})`,
            )
          ).map((r) => [r.key, `${r.state}${r.code ? ` ${r.code}` : ""}`]),
        );

      // a third instance starts beside a and b: only the dead instance's work is failed
      c = await startServeProcess(env);
      expect(await states()).toEqual({
        "import cua-a.txt": "running",
        "import cua-a-cho.txt": "queued",
        "import da-mat.txt": "failed document-import-interrupted",
        "export cua-a.csv": "running",
        "export da-mat.csv": "failed report-export-interrupted",
        "export trong-hang-doi.csv": "queued",
      });
      await c.kill("SIGTERM");

      // a's lock connection ended under it (a server restart, a proxy's timeout): a takes its lock
      // again on a new connection, and its work is still its own
      const holder = () =>
        rows<{ pid: number }>(
          database.db,
          sql`select pid from pg_locks where locktype = 'advisory' and classid = ${0x746b} and objid = ${live} and granted`,
        );
      const [first] = await holder();
      expect(first).toBeDefined();
      await database.db.execute(sql`select pg_terminate_backend(${first?.pid})`);
      await until("the lock taken again", async () => {
        const [again] = await holder();
        return again && again.pid !== first?.pid ? true : null;
      });
      expect((await fetch(`${a.url}/api/ready`)).status).toBe(200);
      c = await startServeProcess(env);
      expect((await states())["import cua-a.txt"]).toBe("running");
      await c.kill("SIGTERM");

      // a killed: its lock went with its connection, and the next start fails what it left
      await a.kill("SIGKILL");
      c = await startServeProcess(env);
      expect(await states()).toEqual({
        "import cua-a.txt": "failed document-import-interrupted",
        "import cua-a-cho.txt": "failed document-import-interrupted",
        "import da-mat.txt": "failed document-import-interrupted",
        "export cua-a.csv": "failed report-export-interrupted",
        "export da-mat.csv": "failed report-export-interrupted",
        // still waiting for a worker of the queue, which any instance has
        "export trong-hang-doi.csv": "queued",
      });
      // its job was there all along: no start queued it a second time
      const [jobs] = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pgboss.job where data->>'exportId' = ${String(exports[2]?.id)}`,
      );
      expect(jobs?.n).toBe(1);
    }, 120_000);
  },
);
