// Limits that are configured and enforced: requests per minute per user and per address, both at
// once (429 problem+json in Vietnamese, nothing done for a refused request); document imports and
// queue jobs an instance runs at once.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { rows } from "../../src/db/rows.ts";
import { createImport, importRunner } from "../../src/server/documents/imports.ts";
import { startJobQueue } from "../../src/server/jobs/queue.ts";
import { type ApiClient, type ApiHarness, apiHarness } from "../support/api.ts";

const log = { warn: () => undefined, error: () => undefined };
const open: ApiHarness[] = [];

async function harness(env: Record<string, string>): Promise<ApiHarness> {
  const h = await apiHarness({ env: { TRIENKHAI_LOGIN_RATE_LIMIT: "1000", ...env } });
  open.push(h);
  return h;
}

afterAll(async () => {
  for (const h of open) await h.close();
});

const from = (client: ApiClient, address: string) =>
  client.request({ method: "GET", url: "/api/auth/me", remoteAddress: address });

describe("request rate limits", () => {
  it("bounds an address however many accounts it signs in with, and leaves other addresses alone", async () => {
    const h = await harness({ TRIENKHAI_IP_RATE_LIMIT: "6", TRIENKHAI_RATE_LIMIT: "1000" });
    const accounts = [await h.login("theodoi"), await h.login("sokhcn"), await h.login("quantri")];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await from(accounts[i % 3] as ApiClient, "10.0.0.7")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    // a seventh request from that address, from an account that made only two: refused all the same
    const refused = await from(accounts[0] as ApiClient, "10.0.0.7");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    const problem = refused.json();
    expect(problem).toMatchObject({ code: "api-address-rate-limited", status: 429 });
    expect(problem.detail).toContain("Quá nhiều yêu cầu từ cùng một địa chỉ mạng (10.0.0.7)");
    // a write refused does nothing
    const [before] = await rows<{ n: number }>(h.db, sql`select count(*)::int as n from progress_updates`);
    const write = await (accounts[1] as ApiClient).request({
      method: "POST",
      url: "/api/assignments/1/progress",
      payload: { percent: 50, narrative: "bị từ chối" },
      headers: { "if-match": '"1"' },
      remoteAddress: "10.0.0.7",
    });
    expect(write.statusCode).toBe(429);
    const [after] = await rows<{ n: number }>(h.db, sql`select count(*)::int as n from progress_updates`);
    expect(after?.n).toBe(before?.n);
    // the same accounts from another address go on
    expect((await from(accounts[0] as ApiClient, "10.0.0.8")).statusCode).toBe(200);
  });

  it("bounds a signed-in user from whatever addresses, as well", async () => {
    const h = await harness({ TRIENKHAI_IP_RATE_LIMIT: "1000", TRIENKHAI_RATE_LIMIT: "4" });
    const officer = await h.login("sokhcn");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await from(officer, `10.0.1.${i + 1}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await from(officer, "10.0.1.99");
    expect(refused.json()).toMatchObject({ code: "api-rate-limited", status: 429 });
    expect(refused.json().detail).toMatch(/^Quá nhiều yêu cầu; hãy thử lại sau \d+ giây/);
    // another user is not held back by this one
    expect((await from(await h.login("theodoi"), "10.0.1.1")).statusCode).toBe(200);
  });

  it("reads both limits from the environment, checked", () => {
    const config = loadConfig({ TRIENKHAI_RATE_LIMIT: "300", TRIENKHAI_IP_RATE_LIMIT: "900" });
    expect(config.security).toMatchObject({ rateLimitPerMinute: 300, ipRateLimitPerMinute: 900 });
    expect(() => loadConfig({ TRIENKHAI_IP_RATE_LIMIT: "0" })).toThrow(/TRIENKHAI_IP_RATE_LIMIT/);
  });
});

/** A plan of `n` tasks, `symbol` telling one upload from another. */
function plan(symbol: number, n: number): string {
  const tasks = Array.from(
    { length: n },
    (_, i) =>
      `${i + 1}. Sở Khoa học và Công nghệ chủ trì thực hiện nhiệm vụ số ${i + 1}, hoàn thành trước ngày 30/6/2026.`,
  );
  return `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc

Số: ${symbol}/KH-UBND\tQuảng Ngãi, ngày 25 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026

II. NHIỆM VỤ
${tasks.join("\n")}

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Lưu: VT.\tCHỦ TỊCH
\tNguyễn Văn Bình
`;
}

/**
 * Uploads `files` plans at once and waits for their imports to end: the most that were running at
 * the same moment. The database itself counts them: a trigger notes how many imports are running
 * after each change of one (no sampling from outside, which the embedded database, busy with the
 * imports in this same process, would only answer once they are all over).
 */
async function watchImports(h: ApiHarness): Promise<void> {
  await h.db.execute(sql`create table import_watch (running int not null)`);
  await h.db.execute(
    sql.raw(`create function import_watch() returns trigger language plpgsql as $$
      begin
        insert into import_watch select count(*) from document_imports where state = 'running';
        return null;
      end $$`),
  );
  await h.db.execute(
    sql`create trigger import_watch after insert or update on document_imports for each row execute function import_watch()`,
  );
}

/** Waits for the imports to end, all done: the most that were running at once. */
async function mostRunning(h: ApiHarness, ids: number[]): Promise<number> {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  for (let end = Date.now() + 120_000; Date.now() < end; ) {
    const states = await rows<{ state: string }>(
      h.db,
      sql`select state from document_imports where id in (${list})`,
    );
    if (states.every((s) => s.state === "done" || s.state === "failed")) {
      expect(states.map((s) => s.state)).toEqual(ids.map(() => "done"));
      const [r] = await rows<{ most: number; looks: number }>(
        h.db,
        sql`select max(running)::int as most, count(*)::int as looks from import_watch`,
      );
      // every import changed state a few times: queued, running (stage by stage), done
      expect(r?.looks).toBeGreaterThan(ids.length * 3);
      return r?.most ?? 0;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the imports did not end");
}

async function uploadAll(h: ApiHarness, files: number, firstSymbol: number): Promise<number[]> {
  await watchImports(h);
  const monitor = await h.login("theodoi");
  const boundary = "----trienkhai-limits";
  return Promise.all(
    Array.from({ length: files }, async (_, i) => {
      const r = await monitor.request({
        method: "POST",
        url: "/api/documents/imports",
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach-${i}.txt"\r\nContent-Type: text/plain\r\n\r\n${plan(firstSymbol + i, 100)}\r\n--${boundary}--\r\n`,
        ),
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      expect(r.statusCode).toBe(202);
      return (r.json() as { importId: number }).importId;
    }),
  );
}

describe("background work at once", () => {
  it("runs one document import at a time with TRIENKHAI_IMPORT_CONCURRENCY=1, the others waiting queued", async () => {
    const h = await harness({ TRIENKHAI_IMPORT_CONCURRENCY: "1" });
    expect(h.config.jobs.importConcurrency).toBe(1);
    expect(await mostRunning(h, await uploadAll(h, 4, 7100))).toBe(1);
  }, 180_000);

  it("holds the import runner to its limit, and lets it use all of it", async () => {
    // four imports handed to the runner in one go (over HTTP each upload is read first, and on the
    // embedded database in this process one import may end before the next upload arrives)
    const h = await harness({});
    await watchImports(h);
    const [user] = await rows<{ id: number }>(h.db, sql`select id from users where username = 'theodoi'`);
    const most: number[] = [];
    for (const concurrency of [1, 3]) {
      const runner = importRunner(h.db, h.app.log, concurrency);
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        const name = `ke-hoach-${concurrency}-${i}.txt`;
        const id = await createImport(h.db, { fileName: name, size: 1, createdBy: user?.id as number });
        ids.push(id);
        runner.enqueue({
          id,
          name,
          bytes: new TextEncoder().encode(plan(7300 + concurrency * 10 + i, 40)),
          actor: { id: user?.id ?? null, name: "theodoi" },
        });
      }
      most.push(await mostRunning(h, ids));
      await runner.close();
      await h.db.execute(sql`delete from import_watch`);
    }
    expect(most).toEqual([1, 3]);
  }, 180_000);

  it("runs as many jobs of a queue at once as TRIENKHAI_JOB_CONCURRENCY says", async () => {
    const h = await harness({});
    const most: Record<number, number> = {};
    for (const concurrency of [1, 2]) {
      const jobs = await startJobQueue(h.database, { log, pollingIntervalSeconds: 0.5, concurrency });
      const queue = `limits-test-${concurrency}`;
      let running = 0;
      let done = 0;
      most[concurrency] = 0;
      await jobs.define<{ n: number }>({
        name: queue,
        handle: async () => {
          running++;
          most[concurrency] = Math.max(most[concurrency] ?? 0, running);
          await new Promise((r) => setTimeout(r, 700));
          running--;
          done++;
        },
        retryLimit: 0,
        retryDelay: 1,
        retryBackoff: false,
        expireInSeconds: 60,
      });
      for (let n = 0; n < 4; n++) await jobs.send(queue, { n });
      for (let end = Date.now() + 60_000; done < 4 && Date.now() < end; )
        await new Promise((r) => setTimeout(r, 50));
      await jobs.stop();
      expect(done).toBe(4);
    }
    expect(most).toEqual({ 1: 1, 2: 2 });
    expect(loadConfig({ TRIENKHAI_JOB_CONCURRENCY: "3" }).jobs.jobConcurrency).toBe(3);
    expect(() => loadConfig({ TRIENKHAI_JOB_CONCURRENCY: "0" })).toThrow(/TRIENKHAI_JOB_CONCURRENCY/);
    expect(() => loadConfig({ TRIENKHAI_IMPORT_CONCURRENCY: "many" })).toThrow(
      /TRIENKHAI_IMPORT_CONCURRENCY/,
    );
  }, 120_000);
});
