// Bad input never hurts: requests generated from the OpenAPI document for every route — ids that
// are not ids, unknown ids, query values of the wrong type or carrying SQL, bodies of the wrong
// shape or type, broken JSON, wrong content types, oversized bodies, impossible dates, injection
// strings in every text field (next to one invalid field), broken multipart — each gets a 4xx
// problem+json with a code, never a 5xx, and the database is byte-for-byte what it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_TODAY,
  type ApiClient,
  type ApiHarness,
  apiHarness,
  databaseFingerprint,
} from "../support/api.ts";
import type { Targets } from "../support/route-cases.ts";
import { scopeSides } from "../support/targets.ts";

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
}

interface Operation {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface Malformed {
  what: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

const INJECTIONS = [
  "'; DROP TABLE users; --",
  "1' OR '1'='1",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u0024{jndi:ldap://x/a}",
  "\u0000\u0001",
  "%' OR 1=1 --",
];

const BAD_IDS = ["abc", "-1", "0", "1.5", "99999999999", "1%27%20OR%201%3D1", "%00", "1e3"];

/** Which target a route's :id stands for, by the resource it is under. */
function idFor(path: string, t: Targets): number {
  const resource = path.split("/")[2] ?? "";
  const byResource: Record<string, number> = {
    documents: t.documentId,
    assignments: t.assignmentId,
    tasks: t.taskId,
    indicators: t.indicatorId,
    "reporting-cycles": t.cycleId,
    progress: t.progressUpdateId,
    users: t.userId,
    organisations: t.organisationId,
  };
  return byResource[resource] ?? 1;
}

function resolve(spec: Spec, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return s;
  if (s.$ref) return resolve(spec, spec.components?.schemas?.[s.$ref.split("/").pop() ?? ""]);
  return s;
}

function typeOf(s: JsonSchema): string {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (t) return t;
  if (s.enum) return "enum";
  if (s.anyOf) return typeOf(s.anyOf.find((x) => x.type !== "null") ?? {});
  return "unknown";
}

/** A value of the wrong type for a field of this schema. */
function wrongValue(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case "string":
      return s.format === "date" || s.format?.startsWith("date") ? "2025-02-30" : { nested: ["object"] };
    case "integer":
    case "number":
      return "mười hai";
    case "boolean":
      return "có";
    case "array":
      return "not-an-array";
    case "object":
      return 42;
    case "enum":
      return "không-có-giá-trị-này";
    default:
      return { unexpected: true };
  }
}

/** A value the schema accepts, so that one wrong field is the only fault. */
function validValue(s: JsonSchema): unknown {
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case "string":
      return s.format === "date" ? "2026-01-15" : "văn bản hợp lệ";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [];
    default:
      return {};
  }
}

function generate(spec: Spec, t: Targets): Malformed[] {
  const out: Malformed[] = [];
  for (const [template, ops] of Object.entries(spec.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const withId = template.replace("{id}", String(idFor(template, t))).replace(/\{\w+\}/g, "1");
      if (template.includes("{id}")) {
        for (const bad of BAD_IDS)
          out.push({
            what: `bad id ${bad}`,
            method,
            url: template.replace("{id}", bad).replace(/\{\w+\}/g, "1"),
          });
        out.push({
          what: "unknown id",
          method,
          url: template.replace("{id}", "2147480000").replace(/\{\w+\}/g, "1"),
          ...bodyFor(spec, op),
        });
      }
      for (const p of op.parameters ?? []) {
        if (p.in !== "query") continue;
        const type = typeOf(p.schema);
        if (type === "string" && !p.schema.format && !p.schema.enum) continue;
        out.push({
          what: `query ${p.name} carrying SQL`,
          method,
          url: `${withId}?${p.name}=${encodeURIComponent(INJECTIONS[0] as string)}`,
        });
      }
      const json = resolve(spec, op.requestBody?.content["application/json"]?.schema);
      if (json && (method === "POST" || method === "PATCH" || method === "PUT")) {
        const json1 = (payload: unknown, what: string, headers: Record<string, string> = {}): Malformed => ({
          what,
          method,
          url: withId,
          payload: JSON.stringify(payload),
          headers: { "content-type": "application/json", "if-match": '"999999"', ...headers },
        });
        out.push({
          what: "broken JSON",
          method,
          url: withId,
          payload: '{"percent": 5,',
          headers: { "content-type": "application/json" },
        });
        out.push(json1([1, 2, 3], "an array for an object"));
        out.push({
          what: "text/plain body",
          method,
          url: withId,
          payload: "percent=5",
          headers: { "content-type": "text/plain" },
        });
        out.push(json1({ padding: "x".repeat(1_100_000) }, "a body over 1 MB"));
        const props = Object.entries(json.properties ?? {}).map(
          ([k, v]) => [k, resolve(spec, v) ?? {}] as const,
        );
        const valid = Object.fromEntries(props.map(([k, v]) => [k, validValue(v)]));
        for (const [k, v] of props)
          out.push(json1({ ...valid, [k]: wrongValue(v) }, `${k} of the wrong type`));
        if ((json.required ?? []).length > 0) out.push(json1({}, "required fields missing"));
        // an injection string in each text field, beside one field that makes the request invalid
        const spoiler = props.find(([, v]) => typeOf(v) !== "string");
        if (spoiler)
          for (const [k, v] of props) {
            if (typeOf(v) !== "string" || v.enum) continue;
            for (const inj of INJECTIONS.slice(0, 3))
              out.push(
                json1({ ...valid, [k]: inj, [spoiler[0]]: wrongValue(spoiler[1]) }, `injection in ${k}`),
              );
          }
      }
      const multipart = op.requestBody?.content["multipart/form-data"];
      if (multipart) {
        out.push({
          what: "multipart without boundary",
          method,
          url: withId,
          payload: "--x\r\n\r\n",
          headers: { "content-type": "multipart/form-data" },
        });
        out.push({
          what: "truncated multipart",
          method,
          url: withId,
          payload:
            '--b\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nPK\u0003\u0004',
          headers: { "content-type": "multipart/form-data; boundary=b" },
        });
        out.push({
          what: "multipart with no file",
          method,
          url: withId,
          payload: "--b--\r\n",
          headers: { "content-type": "multipart/form-data; boundary=b" },
        });
      }
    }
  }
  return out;
}

function bodyFor(spec: Spec, op: Operation): Partial<Malformed> {
  const json = resolve(spec, op.requestBody?.content["application/json"]?.schema);
  if (!json) return {};
  const valid = Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([k, v]) => [k, validValue(resolve(spec, v) ?? {})]),
  );
  return {
    payload: JSON.stringify(valid),
    headers: { "content-type": "application/json", "if-match": '"1"' },
  };
}

let h: ApiHarness;
let admin: ApiClient;
let inside: Targets;

beforeAll(async () => {
  h = await apiHarness();
  inside = (await scopeSides(h.db, API_TODAY)).inside;
  admin = await h.login("quantri");
}, 240_000);
afterAll(async () => {
  await h?.close();
});

describe("malformed requests", () => {
  it("answer each with a 4xx problem+json and change nothing", async () => {
    const spec = (await h.anonymous.get("/api/openapi.json")).json() as Spec;
    const requests = generate(spec, inside);
    const before = await databaseFingerprint(h.db);
    const failures: string[] = [];
    for (const r of requests) {
      const res = await admin.request({
        method: r.method as "GET",
        url: r.url,
        ...(r.payload === undefined ? {} : { payload: r.payload }),
        headers: r.headers ?? {},
      });
      const type = String(res.headers["content-type"] ?? "");
      const body = type.includes("json") ? (res.json() as { code?: string; detail?: string }) : {};
      if (
        res.statusCode < 400 ||
        res.statusCode >= 500 ||
        !type.startsWith("application/problem+json") ||
        !body.code ||
        !body.detail
      )
        failures.push(
          `${r.method} ${r.url.slice(0, 80)} (${r.what}): ${res.statusCode} ${type} ${res.body.slice(0, 120)}`,
        );
    }
    console.log(
      `malformed requests: ${requests.length} sent, ${requests.length - failures.length} refused with 4xx problem+json`,
    );
    expect(failures).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(200);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  }, 600_000);
});
