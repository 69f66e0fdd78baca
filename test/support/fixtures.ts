// Small helpers that turn texts written in a test into imported documents.
import { createHash } from "node:crypto";
import type { Db } from "../../src/db/client.ts";
import { parseDocument } from "../../src/parser/parse.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { type ImportResult, importDocument } from "../../src/server/documents/service.ts";

export function parsedOf(text: string, name = "test.txt") {
  const bytes = Buffer.from(text, "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { parsed: parseDocument(text, { name, format: "txt", sha256 }), bytes };
}

export async function importText(
  db: Db,
  text: string,
  options: { name?: string; publish?: boolean } = {},
): Promise<ImportResult> {
  const { parsed, bytes } = parsedOf(text, options.name);
  return importDocument(db, {
    parsed,
    file: { bytes, contentType: "text/plain" },
    actor: cliActor,
    publish: options.publish ?? true,
  });
}
