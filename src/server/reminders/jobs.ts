// The reminder jobs on the queue: the daily scan at 07:00 Vietnam time (pg-boss fires a schedule
// once whatever the number of instances) and one e-mail job per new notification when SMTP is set.
import type { AppContext } from "../http/context.ts";
import type { Jobs } from "../jobs/queue.ts";
import { smtpMailer } from "./mail.ts";
import { MAIL_JOB, type MailJob, mailQueueOf, SCAN_JOB, scanReminders, sendReminderMail } from "./service.ts";

export const SCAN_SCHEDULE = { cron: "0 7 * * *", timeZone: "Asia/Ho_Chi_Minh" };

export interface ReminderJobOptions {
  /** Seconds before a failed e-mail is tried again, doubling each time. */
  mailRetryDelaySeconds?: number;
}

export async function startReminderJobs(
  jobs: Jobs,
  ctx: Pick<AppContext, "db" | "config" | "today">,
  options: ReminderJobOptions = {},
): Promise<void> {
  const { smtpUrl, mailFrom, daysBefore } = ctx.config.reminders;
  await jobs.define<object>({
    name: SCAN_JOB,
    handle: async () => {
      await scanReminders(ctx.db, {
        today: ctx.today(),
        daysBefore,
        mail: mailQueueOf(ctx.config, jobs),
        actor: { id: null, name: "jobs", origin: "job" },
      });
    },
    retryLimit: 3,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 1800,
  });
  if (smtpUrl) {
    const mailer = smtpMailer(smtpUrl, mailFrom);
    await jobs.define<MailJob>({
      name: MAIL_JOB,
      handle: (job) => sendReminderMail(ctx.db, mailer, job.notificationId),
      // about two days of attempts: an SMTP server down over a weekend night still delivers
      retryLimit: 11,
      retryDelay: options.mailRetryDelaySeconds ?? 60,
      retryBackoff: true,
      expireInSeconds: 300,
    });
  }
  await jobs.schedule(SCAN_JOB, SCAN_SCHEDULE.cron, SCAN_SCHEDULE.timeZone);
}
