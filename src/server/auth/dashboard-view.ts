// The dashboard view a user saves (document, level, the panels they hid): kept with the account, so
// the same view opens on any PC they sign in from.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema/users.ts";
import { assertDocumentInScope } from "../http/scope.ts";
import { LEVELS } from "../rollups/filter.ts";
import type { Principal } from "./service.ts";

/** The dashboard's panels a user may hide (the status figure always shows). */
export const DASHBOARD_PANELS = ["deadlines", "bodies", "indicators", "completeness", "coverage"] as const;

export const dashboardViewSchema = z
  .object({
    documentId: z.number().int().positive().max(2_147_483_647).optional(),
    level: z.enum(LEVELS).optional(),
    hidden: z.array(z.enum(DASHBOARD_PANELS)).max(DASHBOARD_PANELS.length).optional(),
  })
  .strict()
  .meta({ id: "DashboardView" });
export type DashboardView = z.infer<typeof dashboardViewSchema>;

export async function dashboardViewOf(db: Db, userId: number): Promise<DashboardView> {
  const [u] = await db.select({ view: users.dashboardView }).from(users).where(eq(users.id, userId));
  // a view saved before a document was deleted or a level renamed opens as much of it as still holds
  const parsed = dashboardViewSchema.safeParse(u?.view ?? {});
  return parsed.success ? parsed.data : {};
}

/** Saves the view; a document that does not exist or lies outside the user's scope is refused. */
export async function saveDashboardView(db: Db, p: Principal, view: DashboardView): Promise<DashboardView> {
  if (view.documentId !== undefined) await assertDocumentInScope(db, p, view.documentId);
  await db.update(users).set({ dashboardView: view }).where(eq(users.id, p.userId));
  return view;
}
