// The inbox (each signed-in user sees and marks only their own notifications) and the on-demand
// reminder scan for administrators.
import { z } from "zod";
import { REMINDER_KINDS, reminderLink } from "../../domain/reminders.ts";
import { actorOf, principal } from "../http/access.ts";
import type { Routes } from "../http/context.ts";
import { idParams, pageQuery, pageSchema, problems } from "../http/schemas.ts";
import { listNotifications, NOTIFICATION_SORTS, type NotificationRow } from "./repository.ts";
import { mailQueueOf, readAllNotifications, readNotification, scanReminders } from "./service.ts";

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(REMINDER_KINDS),
    entity: z.string(),
    entityId: z.string(),
    dueDate: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    /** Where the web UI shows the subject. */
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    emailedAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });

const inboxQuery = pageQuery.extend({
  unread: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  sort: z.enum(NOTIFICATION_SORTS).default("unread"),
});

export const scanResultSchema = z
  .object({
    today: z.string(),
    owed: z.number().int(),
    created: z.number().int(),
    mailQueued: z.number().int(),
  })
  .meta({ id: "ReminderScan" });

const presented = (n: NotificationRow) => ({
  ...n,
  kind: n.kind as (typeof REMINDER_KINDS)[number],
  link: reminderLink(n.entity, n.entityId),
});

export const reminderRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/notifications",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["notifications"],
        summary:
          "The caller's notifications, unread first, newest first, or sorted; unread=true for unread only",
        querystring: inboxQuery,
        response: {
          200: pageSchema(notificationSchema).extend({ unread: z.number().int() }),
          ...problems,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listNotifications(ctx.db, principal(request).userId, {
        unreadOnly: q.unread,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        items: r.items.map(presented),
        total: r.total,
        page: q.page,
        pageSize: q.pageSize,
        unread: r.unread,
      };
    },
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["notifications"],
        summary: "Mark one of the caller's notifications read (another user's is not found)",
        params: idParams,
        response: { 200: notificationSchema, ...problems },
      },
    },
    async (request) => {
      const n = await readNotification(
        ctx.db,
        principal(request).userId,
        request.params.id,
        actorOf(request),
      );
      return presented(n);
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["notifications"],
        summary: "Mark all the caller's notifications read",
        response: { 200: z.object({ updated: z.number().int() }), ...problems },
      },
    },
    async (request) => ({
      updated: await readAllNotifications(ctx.db, principal(request).userId, actorOf(request)),
    }),
  );

  app.post(
    "/api/reminders/scan",
    {
      config: { access: "reminder.run" },
      schema: {
        tags: ["notifications"],
        summary:
          "Run today's reminder scan now (it also runs daily at 07:00); repeating it creates nothing twice",
        response: { 200: scanResultSchema, ...problems },
      },
    },
    async (request) =>
      scanReminders(ctx.db, {
        today: ctx.today(),
        daysBefore: ctx.config.reminders.daysBefore,
        mail: mailQueueOf(ctx.config, ctx.jobs),
        actor: actorOf(request),
      }),
  );
};
