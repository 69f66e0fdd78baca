// Reminder scans and their e-mail. A scan judges the day's reminders (src/domain/reminders.ts),
// keeps the new ones in the inbox and, in the same transaction, queues one e-mail job for each new
// notification whose user has an address: a scan repeated, or run on several instances at once,
// creates each notification once and queues its e-mail once. The e-mail job sends a notification
// not yet marked e-mailed and marks it once the SMTP server has accepted it; a failed send is
// retried by the queue and never creates a second notification.
import { addDays, format, parseISO } from "date-fns";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { FREQUENCIES, type Frequency, parsePeriod } from "../../domain/period.ts";
import {
  type OpenAssignment,
  type Reminder,
  type ReportDuty,
  reminderLink,
  remindersDue,
} from "../../domain/reminders.ts";
import { type MessageCode, type MessageParams, vi } from "../../messages/catalog.ts";
import { vietnameseDate } from "../../messages/dates.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { notFound } from "../errors.ts";
import type { JobQueue } from "../http/context.ts";
import type { Mailer } from "./mail.ts";
import {
  type AssignmentFacts,
  type DutyFacts,
  insertNotifications,
  mailToSend,
  markAllRead,
  markEmailed,
  markRead,
  type NewNotification,
  type NotificationRow,
  openAssignments,
  reminderRecipients,
  reportDuties,
  usersWithEmail,
} from "./repository.ts";

export const SCAN_JOB = "reminder-scan";
export const MAIL_JOB = "reminder-mail";

export interface MailJob {
  notificationId: number;
}

export interface ScanResult {
  today: string;
  /** Reminders owed today, new or kept earlier. */
  owed: number;
  /** Notifications this scan created. */
  created: number;
  /** E-mails queued for them. */
  mailQueued: number;
}

/** The queue that takes reminder e-mail: only with SMTP configured and the queue running. */
export function mailQueueOf(config: Config, jobs: JobQueue | null): JobQueue | null {
  return config.reminders.smtpUrl ? jobs : null;
}

const ROMAN = ["I", "II", "III", "IV"];

/** "2026-Q4" as Vietnamese say it: "quý IV năm 2026". */
function periodLabel(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  const year = p.start.slice(0, 4);
  const month = Number(p.start.slice(5, 7));
  switch (p.frequency) {
    case "monthly":
      return vi("reminder-period-month", { month: p.start.slice(5, 7), year });
    case "quarterly": {
      const n = Math.ceil(month / 3);
      return vi("reminder-period-quarter", { quarter: ROMAN[n - 1] ?? String(n), quarterNumber: n, year });
    }
    case "semiannual":
      return vi(month <= 6 ? "reminder-period-h1" : "reminder-period-h2", { year });
    case "annual":
      return vi("reminder-period-year", { year });
  }
}

/** The start of a long text, cut at a word, for a subject line. */
function shortened(text: string, max = 90): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trim()}…`;
}

function dutyOf(d: DutyFacts): ReportDuty | null {
  if (!(FREQUENCIES as readonly string[]).includes(d.frequency)) return null;
  const m = d.dueMonthOfPeriod;
  return {
    cycleId: d.cycleId,
    rule: {
      frequency: d.frequency as Frequency,
      dueDay: d.dueDay,
      dueMonthOfPeriod: m === "first" || m === "last" ? m : Number.isFinite(Number(m)) ? Number(m) : "last",
    },
    startDate: d.startDate,
    endDate: d.endDate,
    organisationId: d.organisationId,
    organisationPath: d.organisationPath,
    activeFrom: d.activeFrom,
    activeUntil: d.activeUntil,
    reported: d.reported,
  };
}

const TEXTS: Record<Reminder["kind"], { subject: MessageCode; body: MessageCode }> = {
  "due-soon": { subject: "reminder-due-soon-subject", body: "reminder-due-soon-body" },
  overdue: { subject: "reminder-overdue-subject", body: "reminder-overdue-body" },
  "report-due": { subject: "reminder-report-due-subject", body: "reminder-report-due-body" },
  "report-overdue": { subject: "reminder-report-overdue-subject", body: "reminder-report-overdue-body" },
};

/** The notification of a reminder, its texts in Vietnamese from the catalogue. */
function notificationOf(
  r: Reminder,
  facts: {
    assignments: Map<string, AssignmentFacts>;
    duties: Map<string, DutyFacts>;
    users: Map<number, string>;
  },
): NewNotification {
  const common = {
    user: facts.users.get(r.userId) ?? "",
    deadline: vietnameseDate(r.due) ?? r.due,
    link: reminderLink(r.entity, r.entityId),
  };
  let params: MessageParams;
  if (r.entity === "assignment") {
    const a = facts.assignments.get(r.entityId) as AssignmentFacts;
    params = {
      ...common,
      body: a.organisationName,
      task: a.taskText,
      taskShort: shortened(a.taskText),
      document: a.documentSymbol ?? vi("reminder-no-document"),
    };
  } else {
    const d = facts.duties.get(r.entityId.split("/").slice(0, 2).join("/")) as DutyFacts;
    params = {
      ...common,
      body: d.organisationName,
      task: d.cycleName,
      taskShort: shortened(d.cycleName),
      period: periodLabel(r.period ?? ""),
      document: d.documentSymbol ?? vi("reminder-no-document"),
    };
  }
  return {
    userId: r.userId,
    kind: r.kind,
    entity: r.entity,
    entityId: r.entityId,
    dueDate: r.due,
    subject: vi(TEXTS[r.kind].subject, params),
    body: vi(TEXTS[r.kind].body, params),
    dedupeKey: r.dedupeKey,
  };
}

/** Judges the day's reminders and keeps the new ones, queuing their e-mail (when `mail` is given). */
export async function scanReminders(
  db: Db,
  options: { today: string; daysBefore: number; mail: JobQueue | null; actor: Actor },
): Promise<ScanResult> {
  const { today, daysBefore, mail, actor } = options;
  const horizon = format(addDays(parseISO(today), daysBefore), "yyyy-MM-dd");
  return db.transaction(async (tx) => {
    const assignmentFacts = await openAssignments(tx, today, horizon);
    const dutyFacts = await reportDuties(tx);
    const users = await reminderRecipients(tx);
    const assignments: OpenAssignment[] = assignmentFacts.map((a) => ({
      id: a.id,
      organisationPath: a.organisationPath,
      transferred: a.transferred,
      deadline: { date: a.deadlineDate, recurrence: a.recurrence },
      completedAt: a.completedAt,
      percent: a.percent,
      lastUpdateAt: a.lastUpdateAt,
      updates: a.updates,
    }));
    const owed = remindersDue({
      today,
      daysBefore,
      assignments,
      duties: dutyFacts.map(dutyOf).filter((d): d is ReportDuty => d !== null),
      users,
    });
    const facts = {
      assignments: new Map(assignmentFacts.map((a) => [String(a.id), a])),
      duties: new Map(dutyFacts.map((d) => [`${d.cycleId}/${d.organisationId}`, d])),
      users: new Map(users.map((u) => [u.userId, u.displayName])),
    };
    const created = await insertNotifications(
      tx,
      owed.map((r) => notificationOf(r, facts)),
    );
    let mailQueued = 0;
    if (mail) {
      const reachable = await usersWithEmail(
        tx,
        created.map((c) => c.userId),
      );
      const jobs = created
        .filter((c) => reachable.has(c.userId))
        .map((c) => ({ name: MAIL_JOB, data: { notificationId: c.id } satisfies MailJob }));
      await mail.insertInTransaction(tx, jobs);
      mailQueued = jobs.length;
    }
    const result = { today, owed: owed.length, created: created.length, mailQueued };
    await appendAudit(tx, actor, {
      action: "reminder.scan",
      entity: "reminder",
      entityId: null,
      after: { ...result, daysBefore },
    });
    return result;
  });
}

/** Sends a notification's e-mail unless it was sent already; marks it sent once the server accepts it. */
export async function sendReminderMail(db: Db, mailer: Mailer, notificationId: number): Promise<void> {
  const m = await mailToSend(db, notificationId);
  if (!m) return;
  // the notification's id travels with the message, so that a delivery can be traced to it
  await mailer.send({
    to: m.email,
    subject: m.subject,
    text: m.body,
    headers: { "X-Trienkhai-Notification": String(m.id) },
  });
  await markEmailed(db, notificationId);
}

/** Marks one of the user's own notifications read; another user's, or none, is not found. */
export async function readNotification(
  db: Db,
  userId: number,
  id: number,
  actor: Actor,
): Promise<NotificationRow> {
  return db.transaction(async (tx) => {
    const n = await markRead(tx, userId, id);
    if (!n) throw notFound("notification", id);
    await appendAudit(tx, actor, {
      action: "notification.read",
      entity: "notification",
      entityId: id,
      after: { readAt: n.readAt },
    });
    return n;
  });
}

/** Marks every unread notification of the user read. */
export async function readAllNotifications(db: Db, userId: number, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await markAllRead(tx, userId);
    if (n > 0)
      await appendAudit(tx, actor, {
        action: "notification.read-all",
        entity: "notification",
        entityId: null,
        after: { count: n },
      });
    return n;
  });
}
