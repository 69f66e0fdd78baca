// trienkhai show SYMBOL [--json]: one document with its tasks, assignments and indicators.
import { loadConfig } from "../config.ts";
import { message } from "../messages/catalog.ts";
import { showDocument } from "../server/documents/service.ts";
import { openConfiguredDatabase } from "./database.ts";

export async function showCommand(args: string[]): Promise<number> {
  const symbol = args.find((a) => !a.startsWith("--"));
  if (!symbol) throw new Error("show: SYMBOL");
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const doc = await showDocument(database.db, symbol);
    if (args.includes("--json")) {
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${doc.symbol ?? "(không số)"} — ${doc.issuer ?? "?"}, ${doc.date ?? "?"} [${doc.status}]`,
      doc.title ?? "",
    ];
    for (const t of doc.tasks) {
      lines.push(
        `• ${t.text.slice(0, 160)}${t.deadline ? ` (hạn ${t.deadline})` : t.recurrence ? ` (${t.recurrence})` : ""}`,
      );
      for (const a of t.assignments)
        lines.push(
          `    #${a.id} ${a.role === "lead" ? "chủ trì" : "phối hợp"}: ${a.organisation ?? `${a.phrase} [chưa xác định]`}${
            a.transferredTo !== null ? ` [${message("show-transferred", { to: a.transferredTo }, "vi")}]` : ""
          }`,
        );
    }
    for (const i of doc.indicators)
      lines.push(
        `◦ ${i.name}: ${i.kind} ${i.value ?? `${i.low}–${i.high}`}${i.unit ?? ""} (${i.year ?? "?"})`,
      );
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
