import type { ParsedDocument, SourceFormat, Warning } from "./schema.ts";

export interface SourceInfo {
  name: string;
  format: SourceFormat;
  sha256: string;
}

/** Parses the text of one official document. Pure: no IO, never throws. (stub, being written) */
export function parseDocument(text: string, source: SourceInfo, extraWarnings: Warning[] = []): ParsedDocument {
  const src = text.normalize("NFC");
  return {
    schema: "parsed-document/1",
    source: { ...source, chars: src.length },
    system: null,
    type: "other",
    symbol: null,
    number: null,
    issuer: null,
    place: null,
    date: null,
    title: null,
    recipients: [],
    distribution: [],
    signer: null,
    references: [],
    received: [],
    copies: [],
    preamble: null,
    sections: [],
    assignments: [],
    targets: [],
    warnings: [...extraWarnings],
    appendices: [],
  };
}
