// The typed API client: openapi-fetch over the types generated from the server's OpenAPI document
// (schema.d.ts, npm run api:types). Same-origin cookies carry the session; every write carries the
// CSRF token (X-CSRF-Token, from the trienkhai_csrf cookie or the sign-in answer); errors arrive as
// RFC 9457 problem+json and are thrown as ApiError with the API's own `detail` in the UI language.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = "ApiError";
    this.status = status;
    this.code = problem?.code ?? "unknown";
    this.problem = problem;
  }
}

/** The network failed before any answer: no status. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "NetworkError";
  }
}

const CSRF_COOKIE = "trienkhai_csrf";
let csrfFromLogin: string | null = null;
let language = "vi";

export function setCsrfToken(token: string | null): void {
  csrfFromLogin = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

function csrfToken(): string | null {
  const m = new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]+)`).exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : csrfFromLogin;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Headers every call carries: the language, and for writes the CSRF token. */
export function apiHeaders(method: string): Record<string, string> {
  const h: Record<string, string> = { "accept-language": language };
  const token = SAFE.has(method.toUpperCase()) ? null : csrfToken();
  if (token) h["x-csrf-token"] = token;
  return h;
}

const headers: Middleware = {
  onRequest({ request }) {
    for (const [k, v] of Object.entries(apiHeaders(request.method))) request.headers.set(k, v);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(headers);

/** Listeners told of a 401 (the session ended): the app goes back to the sign-in page. */
const unauthenticated = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticated.add(listener);
  return () => unauthenticated.delete(listener);
}

async function problemOf(response: Response, body: unknown): Promise<ApiError> {
  const p = body && typeof body === "object" && "code" in body ? (body as Problem) : null;
  if (response.status === 401) for (const l of unauthenticated) l();
  return new ApiError(response.status, p, `HTTP ${response.status}`);
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an openapi-fetch call, or its problem thrown as ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await call;
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!r.response.ok) throw await problemOf(r.response, r.error);
  return r.data as T;
}

/** Like unwrap, with the ETag's version (If-Match of the next write). */
export async function unwrapVersioned<T>(
  call: Promise<Result<T>>,
): Promise<{ data: T; version: number | null }> {
  let r: Result<T>;
  try {
    r = await call;
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!r.response.ok) throw await problemOf(r.response, r.error);
  const etag = r.response.headers.get("etag");
  const m = etag ? /(\d+)/.exec(etag) : null;
  return { data: r.data as T, version: m ? Number(m[1]) : null };
}

/** A multipart upload (openapi-fetch types JSON bodies only): one file under the field `file`. */
export async function upload<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: apiHeaders("POST"),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw await problemOf(response, body);
  return body as T;
}
