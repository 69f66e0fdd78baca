// The web client's types are the API's: web/src/api/schema.d.ts is what scripts/api-types.ts makes
// of the OpenAPI document the server serves now (a route added or changed without `npm run
// api:types` fails here), and the generator writes the JSON Schema shapes the API uses faithfully.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiTypes, openApiDocument, SCHEMA_FILE } from "../../scripts/api-types.ts";

describe("web/src/api/schema.d.ts", () => {
  it("is up to date with the API's OpenAPI document (npm run api:types)", async () => {
    const doc = await openApiDocument();
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(apiTypes(doc));
  });

  it("writes objects, optional and nullable fields, enums, records, arrays, unions and references", () => {
    const text = apiTypes({
      paths: {
        "/api/things/{id}": {
          get: {
            summary: "One thing",
            parameters: [
              { in: "path", name: "id", required: true, schema: { type: "string" } },
              {
                in: "query",
                name: "rows",
                required: false,
                schema: { type: "string", enum: ["true", "false"] },
              },
            ],
            responses: {
              200: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
            },
          },
          post: {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
                },
              },
            },
            responses: { 204: { description: "none" } },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: "object",
            description: "A thing",
            properties: {
              name: { type: ["string", "null"] },
              kind: { anyOf: [{ type: "integer" }, { type: "null" }] },
              tags: { type: "array", items: { type: "string" } },
              extra: { type: "object", additionalProperties: { type: "number" } },
              fixed: { const: "x" },
              "odd-key": { type: "boolean" },
            },
            required: ["name", "kind", "tags", "extra", "fixed"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(text).toContain("id: string;");
    expect(text).toContain('rows?: "true" | "false";');
    expect(text).toContain('200: JsonResponse<components["schemas"]["Thing"]>;');
    expect(text).toContain("requestBody: { content: {");
    expect(text).toContain("n: number;");
    expect(text).toContain("content: never;");
    expect(text).toContain("/** A thing */");
    expect(text).toContain("name: string | null;");
    expect(text).toContain("kind: number | null;");
    expect(text).toContain("tags: string[];");
    expect(text).toContain("[key: string]: number;");
    expect(text).toContain('fixed: "x";');
    expect(text).toContain('"odd-key"?: boolean;');
  });
});
