// Who is signed in: GET /api/auth/me, shared by every screen through TanStack Query. A 401 means
// nobody (the sign-in page), not an error to show.
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, api, type Schemas, setCsrfToken, unwrap } from "./api/client.ts";

export type Me = Schemas["Me"];
export type Role = Me["role"];
export const ME_KEY = ["me"] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET("/api/auth/me"));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

type SignedIn = (client: QueryClient, me: Me) => void;
const signedIn = new Set<SignedIn>();

/** Work to start as soon as the user is known, before any screen renders (App.tsx's prefetch). */
export function whenSignedIn(listener: SignedIn): void {
  signedIn.add(listener);
}

/** The user now signed in (the sign-in page's answer): known to every screen and to the listeners. */
export function signedInAs(client: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  client.setQueryData(ME_KEY, me);
  for (const listener of signedIn) listener(client, me);
}

/** The query of the signed-in user; main.tsx starts it before the first render. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  staleTime: Number.POSITIVE_INFINITY,
  queryFn: async ({ client }) => {
    const me = await fetchMe();
    if (me) for (const listener of signedIn) listener(client, me);
    return me;
  },
});

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in user's scope organisation, for the user menu (asked for once it opens). */
export function useScopeName(me: Me | null | undefined, wanted: boolean) {
  const id = me?.scopeOrganisationId ?? null;
  return useQuery({
    queryKey: ["organisation", id],
    enabled: id !== null && wanted,
    staleTime: 10 * 60_000,
    queryFn: () => unwrap(api.GET("/api/organisations/{id}", { params: { path: { id: String(id) } } })),
    select: (o) => o.name,
  });
}
