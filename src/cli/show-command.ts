// trienkhai show SYMBOL [--json]: one document with its tasks, assignments and indicators.
import { loadConfig } from "../config.ts";
import { catalog, type MessageCode, vi } from "../messages/catalog.ts";
import { vietnameseDate } from "../messages/dates.ts";
import { type ShownDocument, showDocument } from "../server/documents/service.ts";
import { openConfiguredDatabase } from "./database.ts";
import { UsageError } from "./usage.ts";

/** A code (status, recurrence, target kind) in words; a code the catalogue lacks is shown as it is. */
function named(prefix: string, code: string): string {
  const key = `${prefix}-${code}`;
  return key in catalog ? vi(key as MessageCode) : code;
}

function unknown(value: string | null): string {
  return value ?? vi("pretty-unknown");
}

/** The document as lines a monitoring officer reads: heading, title, tasks with bodies, indicators. */
function showLines(doc: ShownDocument): string[] {
  const lines = [
    vi("show-heading", {
      symbol: doc.symbol ?? vi("no-symbol"),
      issuer: unknown(doc.issuer),
      date: unknown(vietnameseDate(doc.date)),
      status: named("status", doc.status),
    }),
    doc.title ?? "",
  ];
  for (const t of doc.tasks) {
    const when = t.deadline
      ? vi("deadline-on", { date: vietnameseDate(t.deadline) ?? t.deadline })
      : t.recurrence
        ? named("recurrence", t.recurrence)
        : null;
    lines.push(`• ${t.text.slice(0, 160)}${when ? ` (${when})` : ""}`);
    for (const a of t.assignments) {
      const body = a.organisation ?? vi("show-unresolved", { phrase: a.phrase });
      const moved = a.transferredTo !== null ? ` [${vi("show-transferred", { to: a.transferredTo })}]` : "";
      lines.push(`    #${a.id} ${named("role", a.role)}: ${body}${moved}`);
    }
  }
  for (const i of doc.indicators) {
    const value = i.value ?? `${i.low ?? "?"}–${i.high ?? "?"}`;
    // "gấp 2 lần so với gốc" carries its value inside the words
    const multiple = i.kind === "multiple_of_baseline";
    lines.push(
      `◦ ${vi("show-indicator", {
        name: i.name,
        kind: multiple ? vi("target-multiple_of_baseline", { value }) : named("target", i.kind),
        value: multiple ? "" : value,
        unit: i.unit ? ` ${i.unit}` : "",
        year: i.year ?? "?",
      }).replace(/ {2,}/g, " ")}`,
    );
  }
  return lines;
}

export async function showCommand(args: string[]): Promise<number> {
  const symbol = args.find((a) => !a.startsWith("--"));
  if (!symbol) throw new UsageError("show-usage");
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const doc = await showDocument(database.db, symbol);
    if (args.includes("--json")) {
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${showLines(doc).join("\n")}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
