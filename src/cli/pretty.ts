// A parsed-document/1 object as a summary a monitoring officer can read in a terminal, in Vietnamese:
// what the document is, who issued it, its structure, the tasks with their bodies and deadlines, the
// targets, and what the reader or the parser warned about.
import { catalog, type MessageCode, type MessageParams, vi } from "../messages/catalog.ts";
import { vietnameseDate } from "../messages/dates.ts";
import type { Assignment, ParsedDocument, Section, Target } from "../parser/schema.ts";

const TEXT_WIDTH = 160;

/** The Vietnamese name of a document type code; an unknown code is shown as it is. */
function typeName(type: string): string {
  const code = `type-${type}`;
  return code in catalog ? vi(code as MessageCode) : type;
}

/** The text on one line of at most `width` characters, cut between words ("trước ngày 31/10/2…" reads wrong). */
function shorten(text: string, width = TEXT_WIDTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const space = flat.lastIndexOf(" ", width - 1);
  const cut = space > width / 2 ? space : width - 1;
  return `${flat.slice(0, cut).trimEnd()}…`;
}

/** 1.200,5 — Vietnamese digit grouping and decimal comma. */
function number(value: number): string {
  return value.toLocaleString("vi-VN", { maximumFractionDigits: 4 });
}

function field(label: MessageCode, value: string | null | undefined): string {
  return `${vi(label)}: ${value && value.length > 0 ? value : vi("pretty-unknown")}`;
}

function list(label: MessageCode, items: string[], out: string[], params: MessageParams = {}): void {
  if (items.length === 0) return;
  out.push("", `${vi(label, params)}:`);
  for (const item of items) out.push(`  - ${item}`);
}

function sectionLines(sections: Section[], depth: number, out: string[]): void {
  for (const s of sections) {
    const label = /[.)]$/.test(s.label) ? s.label : `${s.label}.`;
    out.push(`${"  ".repeat(depth + 1)}${label} ${shorten(s.heading, TEXT_WIDTH - 2 * depth)}`.trimEnd());
    sectionLines(s.children, depth + 1, out);
  }
}

function deadline(a: Assignment): string | null {
  const d = a.deadline;
  if (!d) return null;
  const date = vietnameseDate(d.date);
  const recurrence = d.recurrence && d.recurrence !== "once" ? vi(`recurrence-${d.recurrence}`) : null;
  const parts = [date, recurrence].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return d.text ? `“${d.text}”` : null;
  return parts.join(", ");
}

function assignmentLines(assignments: Assignment[], out: string[]): void {
  if (assignments.length === 0) return;
  out.push("", `${vi("pretty-assignments", { count: assignments.length })}:`);
  assignments.forEach((a, i) => {
    out.push(`  ${i + 1}. ${shorten(a.task)}`);
    out.push(`     ${vi("pretty-lead")}: ${a.lead.length > 0 ? a.lead.join("; ") : vi("pretty-unknown")}`);
    if (a.cooperating.length > 0) out.push(`     ${vi("pretty-cooperating")}: ${a.cooperating.join("; ")}`);
    const due = deadline(a);
    if (due) out.push(`     ${vi("pretty-deadline")}: ${due}`);
    if (a.output) out.push(`     ${vi("pretty-output")}: ${shorten(a.output)}`);
  });
}

function targetValue(t: Target): string {
  const unit = t.unit ? (t.unit === "%" ? "%" : ` ${t.unit}`) : "";
  const shown = (n: number | null | undefined): string => (n === null || n === undefined ? "?" : number(n));
  if (t.kind === "multiple_of_baseline") return vi("target-multiple_of_baseline", { value: shown(t.value) });
  const value = t.kind === "range" ? `${shown(t.low)}–${shown(t.high)}${unit}` : `${shown(t.value)}${unit}`;
  const per = t.per ? ` ${vi("target-per", { per: number(t.per) })}` : "";
  return `${vi(`target-${t.kind}`)} ${value}${per}`;
}

function targetLines(targets: Target[], out: string[]): void {
  if (targets.length === 0) return;
  out.push("", `${vi("pretty-targets", { count: targets.length })}:`);
  for (const t of targets) {
    const year = t.year ? ` (${vi("pretty-target-year", { year: t.year })})` : "";
    let line = `  - ${shorten(t.indicator, 120)}: ${targetValue(t)}${year}`;
    const b = t.baseline;
    if (b && typeof b.value === "number") {
      const unit = b.unit ? (b.unit === "%" ? "%" : ` ${b.unit}`) : "";
      const baseYear = b.year ? ` (${vi("pretty-target-year", { year: b.year })})` : "";
      line += `; ${vi("pretty-baseline")}: ${number(b.value)}${unit}${baseYear}`;
    }
    out.push(line);
  }
}

export function formatPretty(doc: ParsedDocument): string {
  const out: string[] = [];
  const system = doc.system ? ` (${vi("pretty-system").toLowerCase()} ${vi(`system-${doc.system}`)})` : "";
  out.push(`${vi("pretty-type")}: ${typeName(doc.type)}${system}`);
  out.push(field("pretty-symbol", doc.symbol));
  out.push(field("pretty-issuer", doc.issuer?.name));
  if (doc.issuer?.parent) out.push(field("pretty-parent", doc.issuer.parent));
  const placeDate = [doc.place, vietnameseDate(doc.date)].filter(Boolean).join(", ");
  out.push(field("pretty-place-date", placeDate));
  out.push(field("pretty-title", doc.title ? shorten(doc.title, 400) : null));
  if (doc.signer) {
    const s = doc.signer;
    const who = [[s.authority, s.onBehalfOf].filter(Boolean).join(" "), s.role, s.name].filter(Boolean);
    if (who.length > 0) out.push(field("pretty-signer", who.join(" — ")));
  }
  list("pretty-recipients", doc.recipients, out);
  if (doc.sections.length > 0) {
    out.push("", `${vi("pretty-sections")}:`);
    sectionLines(doc.sections, 0, out);
  }
  assignmentLines(doc.assignments, out);
  targetLines(doc.targets, out);
  list(
    "pretty-appendices",
    doc.appendices.map((a) => shorten(a.title ?? vi("pretty-unknown"))),
    out,
  );
  list(
    "pretty-references",
    doc.references.map((r) => {
      const detail = [r.type ? typeName(r.type) : null, r.issuer, vietnameseDate(r.date)]
        .filter(Boolean)
        .join(", ");
      const relation = vi(r.relation === "implements" ? "pretty-implements" : "pretty-cites");
      return `${r.symbol}${detail ? ` (${detail})` : ""} — ${relation}`;
    }),
    out,
  );
  list("pretty-distribution", doc.distribution, out);
  list(
    "pretty-warnings",
    doc.warnings.map((w) => `[${w.code}] ${w.message}`),
    out,
  );
  return `${out.join("\n")}\n`;
}
