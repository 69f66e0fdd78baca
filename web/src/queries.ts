// Queries more than one screen reads, under one key each so that they share the cache.
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./api/client.ts";

/** Published documents in the user's scope, newest first: the document filters' choices. */
export const publishedDocuments = queryOptions({
  queryKey: ["documents", "published"],
  staleTime: 5 * 60_000,
  queryFn: () =>
    unwrap(
      api.GET("/api/documents", { params: { query: { pageSize: 200, sort: "-date", status: "published" } } }),
    ),
});
