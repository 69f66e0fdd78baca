// The project's documents as the files people actually send: each document whose expected file lists
// "docx" or "pdf" in `renderAs` is rendered from its text to a real .docx (tables as Word tables) or a
// real PDF with a text layer (an embedded Vietnamese font), read back through src/readers as the CLI
// reads it, parsed, and held to the checks its text form passes.
import { describe, expect, it } from "vitest";
import type { ParsedDocument } from "../../src/parser/schema.ts";
import { readDocumentBytes } from "../../src/readers/read.ts";
import { openZip } from "../../src/readers/zip.ts";
import { type CorpusEntry, loadCorpus, projectCorpusDir } from "../support/corpus.ts";
import { norm } from "../support/corpus-checks.ts";
import {
  conformanceErrors,
  failureReport,
  nonAsciiLetters,
  parseEntry,
  parseRead,
  score,
} from "../support/corpus-run.ts";
import { textToDocx } from "../support/text-to-docx.ts";
import { textToPdf } from "../support/text-to-pdf.ts";

type Form = "docx" | "pdf";

/** Issue 3, requirement 5: at least 4 documents tested as DOCX and 3 as PDF. */
const MIN_DOCUMENTS: Record<Form, number> = { docx: 4, pdf: 3 };

const project = loadCorpus(projectCorpusDir);
const rendered = (form: Form): CorpusEntry[] => project.filter((e) => e.expected.renderAs?.includes(form));
const fileName = (entry: CorpusEntry, form: Form): string => entry.name.replace(/\.[^.]+$/, `.${form}`);

/** What both forms must give alike beyond the checks: the title, letter for letter. */
function expectSameTitle(form: ParsedDocument, text: ParsedDocument): void {
  expect(text.title, "the text form has a title").not.toBeNull();
  // Vietnamese letters with their tone marks, not a transliteration or mojibake.
  expect(form.title).toMatch(/[\u00C0-\u1EF9]/u);
  expect(norm(form.title)).toBe(norm(text.title));
}

/** The text form's passing checks the rendered form must keep; failures listed with what came out. */
function expectSameChecks(entry: CorpusEntry, form: Form, doc: ParsedDocument, text: ParsedDocument): void {
  const onText = score(text, entry);
  const onForm = score(doc, entry);
  const lost = onForm.failed.filter((f) => onText.passed.has(f.name));
  expect(
    lost.map((f) => f.name),
    `${entry.name} as ${form.toUpperCase()}: ${lost.length} checks that pass on the text form fail\n` +
      failureReport(doc, lost),
  ).toEqual([]);
}

/**
 * Reads a rendered file back as the CLI does (from its text layer, never by OCR), and holds it to its
 * text form: every Vietnamese letter, a schema-valid output, the same title and the same checks.
 */
async function expectSameAsText(
  entry: CorpusEntry,
  form: Form,
  bytes: Uint8Array,
): Promise<{ doc: ParsedDocument; text: ParsedDocument }> {
  const read = await readDocumentBytes(bytes, fileName(entry, form));
  expect(read.format).toBe(form);
  expect(read.warnings.map((w) => w.code)).not.toContain("ocr");
  expect(nonAsciiLetters(read.text), "every Vietnamese letter survives").toEqual(nonAsciiLetters(entry.text));
  const doc = parseRead(read);
  expect(conformanceErrors(doc)).toEqual([]);
  const text = parseEntry(entry);
  expectSameTitle(doc, text);
  expectSameChecks(entry, form, doc, text);
  return { doc, text };
}

describe("project documents as DOCX (Word tables for task tables)", () => {
  const entries = rendered("docx");

  it(`covers at least ${MIN_DOCUMENTS.docx} documents`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(MIN_DOCUMENTS.docx);
  });

  for (const entry of entries) {
    it(`${entry.name}: the DOCX passes the same checks as the text`, async () => {
      const bytes = await textToDocx(entry.text);
      const { doc, text } = await expectSameAsText(entry, "docx", bytes);

      // A task table in an appendix is a real Word table in the file and reads back cell for cell.
      const tables = text.appendices.flatMap((a) => a.tables ?? []);
      if (tables.length > 0) {
        const xml = new TextDecoder().decode(openZip(bytes).read("word/document.xml") ?? new Uint8Array());
        expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(tables.length);
        const cells = (d: ParsedDocument): string[][][] =>
          d.appendices.flatMap((a) =>
            (a.tables ?? []).map((t) => t.map((row) => row.map((cell) => norm(cell)))),
          );
        expect(cells(doc)).toEqual(cells(text));
      }
    });
  }
});

describe("project documents as PDF with a text layer", () => {
  const entries = rendered("pdf");

  it(`covers at least ${MIN_DOCUMENTS.pdf} documents`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(MIN_DOCUMENTS.pdf);
  });

  for (const entry of entries) {
    it(`${entry.name}: the PDF passes the same checks as the text`, async () => {
      await expectSameAsText(entry, "pdf", await textToPdf(entry.text));
    });
  }
});
