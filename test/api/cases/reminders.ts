// Access-matrix cases for the inbox and the reminder scan (src/server/reminders/routes.ts). The inbox
// is the caller's own, so no case is scoped; reading another user's notification is refused in
// test/api/reminders.db.test.ts.
import type { RouteCase } from "../../support/route-cases.ts";

export const cases: RouteCase[] = [
  {
    method: "GET",
    path: "/api/notifications",
    scoped: false,
    build: () => ({ url: "/api/notifications?unread=true" }),
  },
  {
    method: "POST",
    path: "/api/notifications/:id/read",
    scoped: false,
    // no notification has id 0: every signed-in role gets 400, never 401/403
    build: () => ({ url: "/api/notifications/0/read" }),
  },
  {
    method: "POST",
    path: "/api/notifications/read-all",
    scoped: false,
    build: () => ({ url: "/api/notifications/read-all" }),
  },
  {
    method: "POST",
    path: "/api/reminders/scan",
    scoped: false,
    build: () => ({ url: "/api/reminders/scan" }),
  },
];
