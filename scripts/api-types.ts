// The web client's types, generated from the API's own OpenAPI document: the app is built in-process
// (buildApp on an empty in-memory PGlite: building the routes reads nothing from the database) and
// app.swagger() is turned into web/src/api/schema.d.ts in the shape openapi-typescript gives
// (paths → method → parameters / requestBody / responses), which openapi-fetch reads.
//
// Why not openapi-typescript itself: it needs TypeScript 5's compiler API as a peer, and the
// project is on TypeScript 7, which has none. The documents Zod emits use a small part of JSON
// Schema (objects, arrays, enums, const, anyOf, nullable type lists, $ref, records), written here.
//
//   node scripts/api-types.ts           writes web/src/api/schema.d.ts
//   node scripts/api-types.ts --check   exits 1 when the committed file is not what the API gives
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { buildApp } from "../src/server/http/app.ts";

export const SCHEMA_FILE = join(import.meta.dirname, "..", "web", "src", "api", "schema.d.ts");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The OpenAPI document the running server would serve at /api/openapi.json. */
export async function openApiDocument(): Promise<Schema> {
  const database = await openDatabase({ dataDir: "memory://", migrate: false });
  try {
    const config = loadConfig({ LOG_LEVEL: "silent" });
    const app = await buildApp(
      { database, db: database.db, config, today: config.today, jobs: null },
      { logger: false },
    );
    await app.ready();
    const doc = app.swagger() as unknown as Schema;
    await app.close();
    return JSON.parse(JSON.stringify(doc)) as Schema;
  } finally {
    await database.close();
  }
}

const isObject = (v: Json | undefined): v is Schema =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const pad = (depth: number) => "  ".repeat(depth);

function comment(s: Schema, depth: number): string {
  const text = typeof s.description === "string" ? s.description : "";
  return text ? `${pad(depth)}/** ${text.replaceAll("*/", "*\\/").replace(/\s+/g, " ")} */\n` : "";
}

/** A JSON Schema as a TypeScript type; `depth` is the indentation of the line it starts on. */
function typeOf(s: Json | undefined, depth: number): string {
  if (s === true || s === undefined || !isObject(s)) return "unknown";
  if (typeof s.$ref === "string") {
    const name = s.$ref.replace("#/components/schemas/", "");
    return `components["schemas"][${JSON.stringify(name)}]`;
  }
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  for (const union of ["anyOf", "oneOf"] as const) {
    const list = s[union];
    if (Array.isArray(list)) return list.map((x) => wrap(typeOf(x, depth))).join(" | ");
  }
  if (Array.isArray(s.allOf)) return s.allOf.map((x) => wrap(typeOf(x, depth))).join(" & ");
  if (Array.isArray(s.type))
    return s.type.map((t) => wrap(typeOf({ ...s, type: t, description: null }, depth))).join(" | ");
  switch (s.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return `${wrap(typeOf(s.items, depth))}[]`;
    case "object":
      return objectType(s, depth);
    default:
      return "unknown";
  }
}

const wrap = (t: string) => (/[|&]/.test(t) && !/^[{(]/.test(t) ? `(${t})` : t);

function objectType(s: Schema, depth: number): string {
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const lines = Object.entries(props).map(([name, p]) => {
    // a property with a default may be left out of a request (Zod fills it in)
    const optional = !required.has(name);
    const c = isObject(p) ? comment(p, depth + 1) : "";
    return `${c}${pad(depth + 1)}${key(name)}${optional ? "?" : ""}: ${typeOf(p, depth + 1)};`;
  });
  const extra = s.additionalProperties;
  if (isObject(extra) || (extra === undefined && lines.length === 0))
    lines.push(`${pad(depth + 1)}[key: string]: ${isObject(extra) ? typeOf(extra, depth + 1) : "unknown"};`);
  return lines.length ? `{\n${lines.join("\n")}\n${pad(depth)}}` : "Record<string, never>";
}

function parametersOf(op: Schema, depth: number): string {
  const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
  const group = (where: string) => {
    const ps = params.filter((p) => p.in === where);
    if (ps.length === 0) return `${pad(depth + 1)}${where}?: never;`;
    const lines = ps.map((p) => {
      const schema = isObject(p.schema) ? p.schema : {};
      return `${pad(depth + 2)}${key(String(p.name))}${p.required ? "" : "?"}: ${typeOf(schema, depth + 2)};`;
    });
    const optional = ps.every((p) => !p.required);
    return `${pad(depth + 1)}${where}${optional ? "?" : ""}: {\n${lines.join("\n")}\n${pad(depth + 1)}};`;
  };
  return `{\n${["query", "header", "path", "cookie"].map(group).join("\n")}\n${pad(depth)}}`;
}

function contentOf(holder: Schema, depth: number): string {
  const content = isObject(holder.content) ? holder.content : {};
  const lines = Object.entries(content).map(
    ([media, m]) =>
      `${pad(depth + 1)}${JSON.stringify(media)}: ${typeOf(isObject(m) ? m.schema : undefined, depth + 1)};`,
  );
  return lines.length ? `{\n${lines.join("\n")}\n${pad(depth)}}` : "never";
}

function operation(op: Schema, depth: number): string {
  const d = depth + 1;
  const body = isObject(op.requestBody) ? op.requestBody : null;
  const responses = isObject(op.responses) ? op.responses : {};
  const responseLines = Object.entries(responses).map(([code, r]) => {
    const res = isObject(r) ? r : {};
    const status = /^\d+$/.test(code) ? code : JSON.stringify(code);
    const content = isObject(res.content) ? res.content : {};
    const json = content["application/json"];
    if (Object.keys(content).length === 1 && isObject(json))
      return `${pad(d + 1)}${status}: JsonResponse<${typeOf(json.schema, d + 1)}>;`;
    return [
      `${pad(d + 1)}${status}: {`,
      `${pad(d + 2)}headers: { [name: string]: unknown };`,
      `${pad(d + 2)}content: ${contentOf(res, d + 2)};`,
      `${pad(d + 1)}};`,
    ].join("\n");
  });
  const lines = [
    typeof op.summary === "string" ? `${pad(d)}/** ${op.summary.replaceAll("*/", "*\\/")} */` : "",
    `${pad(d)}parameters: ${parametersOf(op, d)};`,
    body
      ? `${pad(d)}requestBody${body.required ? "" : "?"}: { content: ${contentOf(body, d)} };`
      : `${pad(d)}requestBody?: never;`,
    `${pad(d)}responses: {\n${responseLines.join("\n")}\n${pad(d)}};`,
  ].filter(Boolean);
  return `{\n${lines.join("\n")}\n${pad(depth)}}`;
}

/** The declaration file's text for an OpenAPI document. */
export function apiTypes(doc: Schema): string {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const pathLines = Object.keys(paths)
    .sort()
    .map((path) => {
      const item = paths[path] as Schema;
      const ops = METHODS.filter((m) => isObject(item[m])).map(
        (m) => `${pad(2)}${m}: ${operation(item[m] as Schema, 2)};`,
      );
      return `${pad(1)}${JSON.stringify(path)}: {\n${ops.join("\n")}\n${pad(1)}};`;
    });
  const components =
    isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const schemaLines = Object.keys(components)
    .sort()
    .map((name) => {
      const s = components[name] as Schema;
      return `${comment(s, 2)}${pad(2)}${key(name)}: ${typeOf(s, 2)};`;
    });
  return [
    "// Generated by scripts/api-types.ts from the API's OpenAPI document (npm run api:types): do not edit.",
    "",
    'type JsonResponse<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };',
    "",
    `export interface paths {\n${pathLines.join("\n")}\n}`,
    "",
    `export interface components {\n${pad(1)}schemas: {\n${schemaLines.join("\n")}\n${pad(1)}};\n}`,
    "",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = apiTypes(await openApiDocument());
  if (process.argv.includes("--check")) {
    const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, "utf8") : "";
    if (current !== text) {
      console.error(
        "web/src/api/schema.d.ts không khớp với API: chạy npm run api:types / is out of date: run npm run api:types",
      );
      process.exit(1);
    }
    console.log("web/src/api/schema.d.ts khớp với API / is up to date");
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`${SCHEMA_FILE}: ${text.length} bytes`);
  }
}
