// The dashboard's filter and queries, apart from its screen: the app shell starts these requests as
// soon as the user is known (App.tsx), while the screen's code is still loading, and the screen
// then finds them in TanStack Query's cache under the same keys.
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

export const LEVELS = ["central", "province", "district", "commune"] as const;
export type Level = (typeof LEVELS)[number];
export const DUE_SOON_DAYS = 14;
export const LIST_LIMIT = 8;
export const BODIES_LIMIT = 10;

export interface Filter {
  documentId?: number;
  level?: Level;
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

/** Only the fields a view may have, with valid values. */
function viewOf(v: { documentId?: unknown; level?: unknown } | null | undefined): Filter {
  return {
    ...(typeof v?.documentId === "number" ? { documentId: v.documentId } : {}),
    ...(LEVELS.includes(v?.level as Level) ? { level: v?.level as Level } : {}),
  };
}

/**
 * The view the user saved is kept with their account (GET /api/auth/me); this browser keeps a copy
 * only so that the first load can start the figures before the account's answer arrives.
 */
export function cachedView(username: string): Filter {
  try {
    return viewOf(JSON.parse(localStorage.getItem(viewKey(username)) ?? "{}") as Filter);
  } catch {
    return {};
  }
}

export function cacheView(username: string, view: Filter | undefined): void {
  try {
    localStorage.setItem(viewKey(username), JSON.stringify(viewOf(view)));
  } catch {
    // the copy only speeds up the first load
  }
}

/** The filter from the address (?documentId=&level=), else the saved view. */
export function filterOf(params: URLSearchParams, saved: Filter | undefined): Filter {
  if (!params.has("documentId") && !params.has("level")) return viewOf(saved);
  const documentId = Number(params.get("documentId"));
  const level = params.get("level") as Level | null;
  return {
    ...(documentId > 0 ? { documentId } : {}),
    ...(level && LEVELS.includes(level) ? { level } : {}),
  };
}

/** Starts the dashboard's figures for a filter; figures already fresh are not asked for again. */
export function prefetchFigures(client: QueryClient, filter: Filter): void {
  const f = figureQueries(filter);
  void client.prefetchQuery(f.status);
  void client.prefetchQuery(f.deadlines);
  void client.prefetchQuery(f.indicators);
  void client.prefetchQuery(f.completeness);
  void client.prefetchQuery(f.coverage);
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
