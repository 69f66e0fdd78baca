// trienkhai transfers [--json]: open assignments of bodies dissolved before today, offered to their
// successors. trienkhai transfers apply --to CODE ID... [--json]: moves them to the successor with
// that code, all or nothing (src/server/organisations/transfers.ts).
import { eq } from "drizzle-orm";
import { loadConfig } from "../config.ts";
import { organisations } from "../db/schema/organisations.ts";
import { vi } from "../messages/catalog.ts";
import { cliActor } from "../server/audit/repository.ts";
import { DomainError } from "../server/errors.ts";
import { applyTransfer, type TransferOffer, transferOffers } from "../server/organisations/transfers.ts";
import { openConfiguredDatabase } from "./database.ts";
import { UsageError } from "./usage.ts";

const label = (o: { code: string | null; name: string }): string =>
  o.code ? `${o.name} (${o.code})` : o.name;

function offerLines(offers: TransferOffer[]): string[] {
  if (offers.length === 0) return [vi("transfers-none")];
  const lines = [vi("transfers-heading", { count: offers.length })];
  let current: number | null = null;
  for (const o of offers) {
    if (o.organisation.id !== current) {
      current = o.organisation.id;
      lines.push(
        vi("transfers-from", {
          name: label(o.organisation),
          validTo: o.organisation.validTo,
          successors: o.successors.map(label).join("; "),
        }),
      );
    }
    const when = o.deadline ? vi("deadline-on", { date: o.deadline }) : (o.recurrence ?? "");
    const text = o.taskText.length > 100 ? `${o.taskText.slice(0, 99)}…` : o.taskText;
    lines.push(
      `  #${o.assignmentId}  ${o.documentSymbol ?? vi("no-symbol")}  ${vi(o.role === "lead" ? "role-lead" : "role-cooperating")}${when ? `  ${when}` : ""}  ${text}`,
    );
  }
  lines.push(vi("transfers-hint"));
  return lines;
}

interface ApplyArgs {
  to: string;
  ids: number[];
  json: boolean;
}

function parseApply(args: string[]): ApplyArgs {
  let to: string | undefined;
  let json = false;
  const ids: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--to") {
      to = args[++i];
      if (to === undefined) throw new UsageError("cli-transfers-usage");
    } else if (arg.startsWith("--to=")) to = arg.slice(5);
    else if (arg === "--json") json = true;
    else if (arg.startsWith("-")) throw new UsageError("cli-unknown-option", { option: arg });
    else if (/^\d+$/.test(arg)) ids.push(Number(arg));
    else throw new UsageError("cli-transfers-usage");
  }
  if (!to || ids.length === 0) throw new UsageError("cli-transfers-usage");
  return { to, ids, json };
}

export async function transfersCommand(args: string[]): Promise<number> {
  const apply = args[0] === "apply";
  const options = apply ? parseApply(args.slice(1)) : null;
  if (!apply)
    for (const arg of args)
      if (arg !== "--json")
        throw arg.startsWith("-")
          ? new UsageError("cli-unknown-option", { option: arg })
          : new UsageError("cli-transfers-usage");
  const json = options?.json ?? args.includes("--json");
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const { db } = database;
    const today = config.today();
    if (!options) {
      const offers = await transferOffers(db, today);
      process.stdout.write(
        json ? `${JSON.stringify(offers, null, 2)}\n` : `${offerLines(offers).join("\n")}\n`,
      );
      return 0;
    }
    const [target] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, options.to));
    if (!target) throw new DomainError("organisation-code-unknown", 404, { code: options.to });
    const result = await applyTransfer(
      db,
      { assignmentIds: options.ids, toOrganisationId: target.id, actor: cliActor },
      today,
    );
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const lines = [vi("transfers-applied", { count: result.moved.length, name: label(result.to) })];
      for (const m of result.moved)
        lines.push(`  ${vi(m.merged ? "transfers-merged" : "transfers-moved", { from: m.from, to: m.to })}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
