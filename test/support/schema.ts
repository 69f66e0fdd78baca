// Validates parse output against the JSON schema parsed-document/1 (the project's copy) and its Zod twin.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parsedDocumentSchema } from "../../src/parser/schema.ts";

export const schemaPath = new URL("../../src/parser/parsed-document.schema.json", import.meta.url);
export const jsonSchema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
export const validateJson = ajv.compile(jsonSchema);

export function schemaErrors(doc: unknown): string[] {
  const errors: string[] = [];
  if (!validateJson(doc)) {
    for (const e of validateJson.errors ?? []) errors.push(`json-schema ${e.instancePath} ${e.message}`);
  }
  const z = parsedDocumentSchema.safeParse(doc);
  if (!z.success)
    for (const issue of z.error.issues) errors.push(`zod ${issue.path.join("/")} ${issue.message}`);
  return errors;
}

/** Every span of the document lies inside the source text. */
export function spanErrors(doc: { source: { chars: number } }): string[] {
  const errors: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}/${i}`);
      });
      return;
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "span" && Array.isArray(v)) {
          const [a, b] = v as number[];
          if (
            !(
              Number.isInteger(a) &&
              Number.isInteger(b) &&
              (a as number) >= 0 &&
              (a as number) <= (b as number) &&
              (b as number) <= doc.source.chars
            )
          )
            errors.push(`${path}/span ${JSON.stringify(v)} outside 0..${doc.source.chars}`);
        } else visit(v, `${path}/${k}`);
      }
    }
  };
  visit(doc, "");
  return errors;
}
