import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";
import { parsedDocumentSchema } from "../../src/parser/schema.ts";
import { hasShared, loadCorpus, projectCorpusDir, seedsDir, sharedDir } from "../support/corpus.ts";
import { jsonSchema, schemaErrors, validateJson } from "../support/schema.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };

describe("parsed-document/1 schema", () => {
  it.skipIf(!hasShared)("the project's copy equals ../shared/schemas/parsed-document.schema.json", () => {
    const shared = JSON.parse(
      readFileSync(join(sharedDir, "schemas", "parsed-document.schema.json"), "utf8"),
    );
    expect(jsonSchema).toEqual(shared);
  });

  it("the JSON schema and the Zod twin accept and reject the same documents", () => {
    const docs = [...loadCorpus(projectCorpusDir), ...(existsSync(seedsDir) ? loadCorpus(seedsDir) : [])].map(
      (e) => parseDocument(e.text, { ...source, name: e.name }),
    );
    docs.push(parseDocument("", source), parseDocument("Số: 12/KH-UBND", source));
    const broken = docs.flatMap((d) => [
      { ...d, schema: "parsed-document/2" },
      { ...d, type: "thong_tu" },
      { ...d, date: "22/02/2024" },
      { ...d, sections: [{ id: "s", label: "1" }] },
      { ...d, signer: { authority: "T.M" } },
      { ...d, targets: [{ id: "t1", kind: "min" }] },
      {
        ...d,
        assignments: [
          { id: "a", lead: "x", cooperating: [], task: "", sectionId: null, deadline: null, span: [0, 1] },
        ],
      },
      { ...d, source: { ...d.source, format: "doc" } },
      (({ warnings: _w, ...rest }) => rest)(d),
    ]);
    for (const doc of docs) {
      expect(schemaErrors(doc)).toEqual([]);
    }
    for (const doc of broken) {
      const json = validateJson(doc);
      const zod = parsedDocumentSchema.safeParse(doc).success;
      expect({ json, zod }).toEqual({ json: false, zod: false });
    }
  });
});
