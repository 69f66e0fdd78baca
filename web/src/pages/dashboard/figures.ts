// The dashboard's filter and queries, apart from its screen: the app shell starts these requests as
// soon as the user is known (App.tsx), while the screen's code is still loading, and the screen
// then finds them in TanStack Query's cache under the same keys.
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, type Schemas, unwrap } from "../../api/client.ts";

export const LEVELS = ["central", "province", "district", "commune"] as const;
export type Level = (typeof LEVELS)[number];
export const DUE_SOON_DAYS = 14;
export const LIST_LIMIT = 8;
export const BODIES_LIMIT = 10;

export interface Filter {
  documentId?: number;
  level?: Level;
}

/** The panels a user may hide; the saved view keeps which. */
export const PANELS = [
  "deadlines",
  "bodies",
  "indicators",
  "completeness",
  "coverage",
] as const satisfies readonly NonNullable<Schemas["DashboardView"]["hidden"]>[number][];
export type Panel = (typeof PANELS)[number];

/** What the user saved: a filter and the panels they hid. */
export interface View extends Filter {
  hidden?: Panel[];
}

const viewKey = (username: string) => `trienkhai.dashboard.${username}`;
const LAST_USER = "trienkhai.lastUser";

/** Who signed in last in this browser: whose saved view the first load can start fetching. */
export function rememberUser(username: string): void {
  try {
    localStorage.setItem(LAST_USER, username);
  } catch {
    // without storage the dashboard only starts its queries a little later
  }
}

export function lastUser(): string | null {
  try {
    return localStorage.getItem(LAST_USER);
  } catch {
    return null;
  }
}

/** Only the fields a filter may have, with valid values. */
function filterPart(v: { documentId?: unknown; level?: unknown } | null | undefined): Filter {
  return {
    ...(typeof v?.documentId === "number" ? { documentId: v.documentId } : {}),
    ...(LEVELS.includes(v?.level as Level) ? { level: v?.level as Level } : {}),
  };
}

/** The panels of a saved view that are hidden (unknown names left out). */
export function hiddenOf(v: { hidden?: unknown } | null | undefined): Panel[] {
  return Array.isArray(v?.hidden) ? PANELS.filter((p) => (v.hidden as unknown[]).includes(p)) : [];
}

function viewOf(v: { documentId?: unknown; level?: unknown; hidden?: unknown } | null | undefined): View {
  const hidden = hiddenOf(v);
  return { ...filterPart(v), ...(hidden.length > 0 ? { hidden } : {}) };
}

/**
 * The view the user saved is kept with their account (GET /api/auth/me); this browser keeps a copy
 * only so that the first load can start the figures before the account's answer arrives.
 */
export function cachedView(username: string): View {
  try {
    return viewOf(JSON.parse(localStorage.getItem(viewKey(username)) ?? "{}") as View);
  } catch {
    return {};
  }
}

export function cacheView(username: string, view: View | undefined): void {
  try {
    localStorage.setItem(viewKey(username), JSON.stringify(viewOf(view)));
  } catch {
    // the copy only speeds up the first load
  }
}

/** The filter from the address (?documentId=&level=), else the saved view's. */
export function filterOf(params: URLSearchParams, saved: View | undefined): Filter {
  if (!params.has("documentId") && !params.has("level")) return filterPart(saved);
  const documentId = Number(params.get("documentId"));
  const level = params.get("level") as Level | null;
  return {
    ...(documentId > 0 ? { documentId } : {}),
    ...(level && LEVELS.includes(level) ? { level } : {}),
  };
}

/**
 * Starts the dashboard's figures for a filter, but those of hidden panels; figures already fresh are
 * not asked for again.
 */
export function prefetchFigures(client: QueryClient, filter: Filter, hidden: Panel[] = []): void {
  const f = figureQueries(filter);
  void client.prefetchQuery(f.status);
  if (!hidden.includes("deadlines")) void client.prefetchQuery(f.deadlines);
  if (!hidden.includes("indicators")) void client.prefetchQuery(f.indicators);
  if (!hidden.includes("completeness")) void client.prefetchQuery(f.completeness);
  if (!hidden.includes("coverage")) void client.prefetchQuery(f.coverage);
}

/** The five figures of the dashboard for a filter. */
export function figureQueries(filter: Filter, bodiesLimit = BODIES_LIMIT) {
  const query = { documentId: filter.documentId, level: filter.level };
  const key = [filter.documentId ?? null, filter.level ?? null];
  return {
    status: queryOptions({
      queryKey: ["rollup", "status", ...key, bodiesLimit],
      queryFn: () =>
        unwrap(api.GET("/api/rollups/status", { params: { query: { ...query, limit: bodiesLimit } } })),
    }),
    deadlines: queryOptions({
      queryKey: ["rollup", "deadlines", ...key],
      queryFn: () =>
        unwrap(
          api.GET("/api/rollups/deadlines", {
            params: { query: { ...query, days: DUE_SOON_DAYS, limit: LIST_LIMIT } },
          }),
        ),
    }),
    indicators: queryOptions({
      queryKey: ["rollup", "indicators", ...key],
      queryFn: () => unwrap(api.GET("/api/rollups/indicators", { params: { query } })),
    }),
    completeness: queryOptions({
      queryKey: ["rollup", "completeness", ...key],
      queryFn: () => unwrap(api.GET("/api/rollups/completeness", { params: { query } })),
    }),
    coverage: queryOptions({
      queryKey: ["rollup", "coverage", ...key],
      queryFn: () => unwrap(api.GET("/api/rollups/coverage", { params: { query } })),
    }),
  };
}
