// trienkhai parse [--json | --pretty] FILE|-: read one document and print what the parser extracts.
// OCR progress goes to standard error, so standard output stays one JSON object (or the summary).
import { message } from "../messages/catalog.ts";
import { parseDocument } from "../parser/parse.ts";
import { readDocumentFile } from "../readers/read.ts";
import type { OcrProgress } from "../readers/read-types.ts";
import { formatPretty } from "./pretty.ts";
import { UsageError } from "./usage.ts";

export function progressPrinter(): (p: OcrProgress) => void {
  const tty = process.stderr.isTTY;
  const started = new Set<number>();
  let shown = "";
  return (p) => {
    const line = message("ocr-progress", { page: p.page, pages: p.pages });
    if (tty) {
      // One line that updates in place: the page being read and the share of the whole OCR work.
      const text = `${line} — ${Math.floor(p.fraction * 100)}%`;
      if (text === shown) return;
      shown = text;
      process.stderr.write(`\r${text}\x1b[K${p.fraction >= 1 ? "\n" : ""}`);
    } else if (!started.has(p.page)) {
      // A log gets one line per page, when its recognition starts (pages run in parallel).
      started.add(p.page);
      process.stderr.write(`${line}\n`);
    }
  };
}

/** Standard output carries the result alone: what a library prints meanwhile goes to standard error. */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  console.log = console.error;
  console.info = console.error;
  try {
    return await work();
  } finally {
    console.log = log;
    console.info = info;
  }
}

export async function parseCommand(args: string[]): Promise<number> {
  let format: "json" | "pretty" = "json";
  const files: string[] = [];
  for (const arg of args) {
    if (arg === "--json") format = "json";
    else if (arg === "--pretty") format = "pretty";
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError("cli-unknown-option", { option: arg });
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError("cli-parse-usage");
  const file = files[0] as string;
  const read = await quietly(() => readDocumentFile(file, { onProgress: progressPrinter() }));
  const doc = parseDocument(
    read.text,
    { name: read.name, format: read.format, sha256: read.sha256 },
    read.warnings,
  );
  process.stdout.write(format === "pretty" ? formatPretty(doc) : `${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}
