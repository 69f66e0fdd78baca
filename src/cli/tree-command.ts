// trienkhai tree [SYMBOL] [--json]: the cascade of documents by their implements links.
import { loadConfig } from "../config.ts";
import { message } from "../messages/catalog.ts";
import { vietnameseDate } from "../messages/dates.ts";
import { type CascadeNode, cascadeTree } from "../server/documents/service.ts";
import { openConfiguredDatabase } from "./database.ts";

function toJson(n: CascadeNode): unknown {
  return {
    symbol: n.symbol,
    type: n.type,
    issuer: n.issuer,
    date: n.date,
    ...(n.imported ? { id: n.id } : { imported: false }),
    children: n.children.map(toJson),
  };
}

/** The cascade as indented lines, one per document. */
export function printTree(nodes: CascadeNode[], indent: string, out: string[]): void {
  for (const n of nodes) {
    const name = n.symbol ?? `${message("no-symbol", {}, "vi")} ${n.title?.slice(0, 60) ?? ""}`;
    const missing = n.imported ? "" : ` ${message("tree-not-imported", {}, "vi")}`;
    out.push(`${indent}${name} — ${n.issuer ?? "?"}, ${vietnameseDate(n.date) ?? "?"}${missing}`);
    printTree(n.children, `${indent}  `, out);
  }
}

export async function treeCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const symbol = args.find((a) => !a.startsWith("--"));
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const roots = await cascadeTree(database.db, symbol);
    if (json)
      process.stdout.write(
        `${JSON.stringify(symbol ? (roots[0] ? toJson(roots[0]) : null) : roots.map(toJson), null, 2)}\n`,
      );
    else {
      const out: string[] = [];
      printTree(roots, "", out);
      if (out.length === 0) out.push(message("tree-empty", {}, "vi"));
      process.stdout.write(`${out.join("\n")}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
