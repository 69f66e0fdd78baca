// Reminders end to end on the demo: the job queue (pg-boss on the test database) runs the scan and
// the e-mail jobs, a real SMTP server on loopback (with authentication) receives the messages, and
// they are read back as a mail client would. A scan repeated, or two at once, creates nothing twice
// and sends nothing twice; a refused delivery is retried by the queue; the inbox is each user's own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/rows.ts";
import { type Jobs, startJobQueue } from "../../src/server/jobs/queue.ts";
import { SCAN_SCHEDULE, startReminderJobs } from "../../src/server/reminders/jobs.ts";
import { SCAN_JOB, scanReminders } from "../../src/server/reminders/service.ts";
import { type ApiClient, type ApiHarness, apiHarness, databaseFingerprint } from "../support/api.ts";
import { asc, desc, expectOrdered, expectUnknownSort } from "../support/order.ts";
import { readMail, startSmtp, type TestSmtp } from "../support/smtp.ts";

const MAIL_FROM = "Hệ thống trienkhai <no-reply@quangngai.gov.vn>";
const EMAILS: Record<string, string> = {
  xabinhson: "vanphong@binhson.quangngai.gov.vn",
  theodoi: "theodoi@quangngai.gov.vn",
  sokhcn: "skhcn@quangngai.gov.vn",
};

let h: ApiHarness;
let smtp: TestSmtp;
let jobs: Jobs;
const queueErrors: unknown[] = [];
let admin: ApiClient;
let commune: ApiClient;
let monitor: ApiClient;
let officer: ApiClient;

interface Kept {
  id: number;
  username: string;
  kind: string;
  entityId: string;
  emailedAt: string | null;
}

const kept = () =>
  rows<Kept>(
    h.db,
    sql`select n.id, u.username, n.kind, n.entity_id as "entityId", n.emailed_at::text as "emailedAt"
      from notifications n join users u on u.id = n.user_id order by n.id`,
  );

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once every notification with an addressed recipient is e-mailed. */
const allEmailed = () =>
  until("the e-mail jobs", async () => {
    const [r] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id
        where u.email is not null and n.emailed_at is null`,
    );
    return r?.n === 0 ? true : null;
  });

beforeAll(async () => {
  smtp = await startSmtp();
  h = await apiHarness({
    env: { SMTP_URL: smtp.url, MAIL_FROM, TRIENKHAI_REMINDER_DAYS: "40" },
  });
  for (const [username, email] of Object.entries(EMAILS))
    await h.db.execute(sql`update users set email = ${email} where username = ${username}`);
  const log = {
    warn: () => undefined,
    error: (o: unknown) => void queueErrors.push(o),
  };
  jobs = await startJobQueue(h.database, { log, pollingIntervalSeconds: 0.5 });
  await startReminderJobs(jobs, h.ctx, { mailRetryDelaySeconds: 1 });
  // the routes read the queue from the context on each request, as `startServer` sets it
  h.ctx.jobs = jobs;
  admin = await h.login("quantri");
  commune = await h.login("xabinhson");
  monitor = await h.login("theodoi");
  officer = await h.login("sokhcn");
}, 240_000);

afterAll(async () => {
  const t = Date.now();
  await jobs?.stop();
  console.log(`job queue stopped in ${Date.now() - t} ms`);
  await h?.close();
  await smtp?.close();
});

describe("reminders", () => {
  it("schedules the daily scan at 07:00 Vietnam time", async () => {
    const [s] = await rows<{ cron: string; timezone: string }>(
      h.db,
      sql`select cron, timezone from pgboss.schedule where name = ${SCAN_JOB}`,
    );
    expect(s).toEqual({ cron: SCAN_SCHEDULE.cron, timezone: "Asia/Ho_Chi_Minh" });
  });

  it("lets only an administrator run the scan", async () => {
    for (const c of [commune, monitor, officer]) {
      const r = await c.post("/api/reminders/scan");
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe("api-forbidden");
    }
    expect(await kept()).toEqual([]);
  });

  it("reminds the body's officers and the monitors, in the inbox and by e-mail, retrying a refused delivery", async () => {
    smtp.failNext(EMAILS.xabinhson as string, 1);
    const started = Date.now();
    const r = await admin.post("/api/reminders/scan");
    expect(r.statusCode).toBe(200);
    const scan = r.json() as { today: string; owed: number; created: number; mailQueued: number };
    expect(scan.today).toBe("2026-11-24");
    expect(scan.created).toBe(scan.owed);
    expect(scan.mailQueued).toBe(scan.created);

    const list = await kept();
    expect(list).toHaveLength(scan.created);
    const by = (u: string) => list.filter((n) => n.username === u).map((n) => `${n.kind}:${n.entityId}`);
    // the commune's People's Committee: two quarterly duties due 31/12 and its quarterly report due 15/12
    const [cycle] = await rows<{ cycleId: number; organisationId: number }>(
      h.db,
      sql`select b.cycle_id as "cycleId", b.organisation_id as "organisationId" from reporting_cycle_bodies b
        join organisations o on o.id = b.organisation_id where o.code = 'P51.2025-X01-UBND'`,
    );
    const communeDuties = await rows<{ id: number }>(
      h.db,
      sql`select a.id from assignments a join organisations o on o.id = a.organisation_id
        where o.code like 'P51.2025-X01-%' and a.recurrence = 'quarterly' order by a.id`,
    );
    expect(by("xabinhson").sort()).toEqual(
      [
        ...communeDuties.map((a) => `due-soon:${a.id}`),
        `report-due:${cycle?.cycleId}/${cycle?.organisationId}/2026-Q4`,
      ].sort(),
    );
    // the province's monitor hears of what is overdue in the province, not of what is merely due
    const overdue = await rows<{ id: number }>(
      h.db,
      sql`select a.id from assignments a join organisations o on o.id = a.organisation_id
        join organisations p on p.code = 'P51.2025'
        where o.path like p.path || '%' and a.completed_at is null and a.deadline_date < '2026-11-24'
          and a.recurrence = 'once' order by a.id`,
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(by("theodoi")).toEqual(overdue.map((a) => `overdue:${a.id}`));
    expect(by("sokhcn")).toEqual([]);

    await allEmailed();
    const ms = Date.now() - started;
    expect(smtp.refused).toEqual([EMAILS.xabinhson]);
    expect(smtp.delivered).toHaveLength(scan.mailQueued);
    console.log(
      `reminder scan: ${scan.created} notifications, ${smtp.delivered.length} e-mails accepted by SMTP in ${ms} ms (one refused and retried)`,
    );

    // the commune's due-soon reminder, as its officer reads it
    const first = communeDuties[0]?.id;
    const [task] = await rows<{ text: string; body: string }>(
      h.db,
      sql`select t.text, o.name as body from assignments a join tasks t on t.id = a.task_id
        join organisations o on o.id = a.organisation_id where a.id = ${first}`,
    );
    const note = list.find((n) => n.kind === "due-soon" && n.entityId === String(first));
    const raw = smtp.delivered.find(
      (m) => readMail(m.raw).headers.get("x-trienkhai-notification") === String(note?.id),
    );
    expect(raw?.envelopeTo).toEqual([EMAILS.xabinhson]);
    const mail = readMail(raw?.raw ?? "");
    expect(mail.to).toBe(EMAILS.xabinhson);
    expect(mail.from).toContain("no-reply@quangngai.gov.vn");
    expect(mail.from).toContain("Hệ thống trienkhai");
    expect(mail.subject).toMatch(/^\[Nhắc việc\] Nhiệm vụ sắp đến hạn 31\/12\/2026: /);
    expect(mail.text).toContain("Kính gửi Cán bộ UBND xã Bình Sơn,");
    expect(mail.text).toContain(`Nhiệm vụ giao cho ${task?.body} sắp đến hạn.`);
    expect(mail.text).toContain(`Nhiệm vụ: ${task?.text}`);
    expect(mail.text).toContain("Thời hạn: 31/12/2026");
    expect(mail.text).toContain(`Đề nghị cập nhật tiến độ thực hiện tại: /assignments/${first}`);
    // and the monitor's overdue one
    const late = smtp.delivered.map((m) => readMail(m.raw)).find((m) => m.to === EMAILS.theodoi);
    expect(late?.subject).toMatch(/^\[Quá hạn\] Nhiệm vụ quá hạn từ \d{2}\/\d{2}\/\d{4}: /);
    expect(late?.text).toContain("đã quá thời hạn mà chưa hoàn thành");
  });

  it("creates and sends nothing twice: a second scan, the queued scan job, two scans at once", async () => {
    const before = await kept();
    const again = await admin.post("/api/reminders/scan");
    expect(again.json()).toMatchObject({ created: 0, mailQueued: 0, owed: before.length });

    // the scheduled scan as the queue runs it
    await jobs.send(SCAN_JOB, {});
    await until("the scan job", async () => ((await jobs.pending(SCAN_JOB)) === 0 ? true : null));
    expect(await kept()).toEqual(before);

    // three weeks on, two instances scan at the same moment: each new reminder is kept, and mailed, once
    const later = { today: "2026-12-16", daysBefore: 40, mail: jobs, actor: { id: null, name: "test" } };
    const [a, b] = await Promise.all([scanReminders(h.db, later), scanReminders(h.db, later)]);
    expect(a.owed).toBe(b.owed);
    expect(a.created + b.created).toBeGreaterThan(0);
    const after = await kept();
    expect(after.length).toBe(before.length + a.created + b.created);
    // the quarterly report of the commune and the half-year one of a provincial board, due on the
    // 15th, are now overdue: the commune's officer hears of its own, the monitor of both
    expect(
      after
        .filter((n) => n.kind === "report-overdue")
        .map((n) => n.username)
        .sort(),
    ).toEqual(["theodoi", "theodoi", "xabinhson"]);
    await allEmailed();
    // settle a few polling rounds: a duplicate job would show up here
    await new Promise((r) => setTimeout(r, 1500));
    const perNotification = new Map<string, number>();
    for (const m of smtp.delivered) {
      const id = readMail(m.raw).headers.get("x-trienkhai-notification") ?? "";
      perNotification.set(id, (perNotification.get(id) ?? 0) + 1);
    }
    expect([...perNotification.values()].every((n) => n === 1)).toBe(true);
    expect(perNotification.size).toBe(after.length);
    expect(queueErrors).toEqual([]);
  });

  it("shows each user their own inbox, unread first, and marks read", async () => {
    const mine = (await kept()).filter((n) => n.username === "xabinhson");
    const inbox = await commune.get("/api/notifications?pageSize=100");
    expect(inbox.statusCode).toBe(200);
    const body = inbox.json() as {
      items: { id: number; link: string; readAt: string | null; subject: string }[];
      total: number;
      unread: number;
    };
    expect(body.items.map((n) => n.id).sort()).toEqual(mine.map((n) => n.id).sort());
    expect(body.total).toBe(mine.length);
    expect(body.unread).toBe(mine.length);
    expect(body.items.every((n) => n.link.startsWith("/"))).toBe(true);

    // nobody else sees or touches them
    expect((await officer.get("/api/notifications")).json()).toMatchObject({
      items: [],
      total: 0,
      unread: 0,
    });
    const target = body.items[body.items.length - 1] as { id: number };
    const print = await databaseFingerprint(h.db);
    const foreign = await monitor.post(`/api/notifications/${target.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("not-found");
    expect(await databaseFingerprint(h.db)).toEqual(print);
    expect((await commune.post("/api/notifications/0/read")).statusCode).toBe(400);
    expect((await commune.get("/api/notifications?unread=maybe")).statusCode).toBe(400);

    const read = await commune.post(`/api/notifications/${target.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const unread = (await commune.get("/api/notifications?unread=true")).json() as {
      total: number;
      items: { id: number }[];
    };
    expect(unread.total).toBe(mine.length - 1);
    expect(unread.items.map((n) => n.id)).not.toContain(target.id);
    const paged = (await commune.get(`/api/notifications?pageSize=${mine.length - 1}&page=2`)).json() as {
      items: { id: number }[];
    };
    // read ones come last
    expect(paged.items.map((n) => n.id)).toEqual([target.id]);

    const all = await commune.post("/api/notifications/read-all");
    expect(all.json()).toEqual({ updated: mine.length - 1 });
    expect((await commune.get("/api/notifications")).json()).toMatchObject({ unread: 0, total: mine.length });
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_log where action like 'notification.%'`,
    );
    expect(audit?.n).toBe(2);
  });

  it("sorts the inbox unread first (the default), by creation or by the nearest due date", async () => {
    type Inbox = {
      items: { id: number; createdAt: string; readAt: string | null; dueDate: string | null }[];
    };
    const list = async (sort: string) =>
      ((await monitor.get(`/api/notifications?pageSize=500${sort}`)).json() as Inbox).items;
    const newest = await list("&sort=-createdAt");
    expectOrdered(newest, (a, b) => desc(a.createdAt, b.createdAt) || b.id - a.id);
    // the newest one read: unread first puts it last
    const first = newest[0] as { id: number };
    expect((await monitor.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(200);
    const unreadFirst = await list("");
    const read = (n: { readAt: string | null }) => (n.readAt === null ? 0 : 1);
    expectOrdered(unreadFirst, (a, b) => read(a) - read(b) || desc(a.createdAt, b.createdAt) || b.id - a.id);
    expect(unreadFirst.at(-1)?.id).toBe(first.id);
    expectOrdered(await list("&sort=createdAt"), (a, b) => asc(a.createdAt, b.createdAt) || a.id - b.id);
    expectOrdered(await list("&sort=dueDate"), (a, b) => asc(a.dueDate, b.dueDate) || a.id - b.id);
    expectUnknownSort(await monitor.get("/api/notifications?sort=subject"));
  });
});
