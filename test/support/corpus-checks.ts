// The checks of an expected file (the shared corpus format, see ../shared/tools/score-extraction.mjs),
// applied to one parse result. Text is compared after the same normalisation as the shared scorer:
// NFC, lower case, old/new tone placement folded, markdown marks removed, dashes unified, spaces collapsed.
import type { ParsedDocument } from "../../src/parser/schema.ts";

const TONE: Record<string, string> = {
  oà: "òa",
  oá: "óa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oè: "òe",
  oé: "óe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uỳ: "ùy",
  uý: "úy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};

export const norm = (s: unknown): string =>
  String(s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/g, (m) => TONE[m] ?? m)
    .replace(/[*#_]+/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();

const has = (hay: unknown, needle: string): boolean => norm(hay).includes(norm(needle));
const num = (a: unknown, b: unknown): boolean =>
  a !== undefined && a !== null && Math.abs(Number(a) - Number(b)) < 1e-9;

export interface Expected {
  file: string;
  about?: string;
  renderAs?: string[];
  // biome-ignore lint/suspicious/noExplicitAny: the expected-file format is open JSON
  checks: Record<string, any>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

// biome-ignore lint/suspicious/noExplicitAny: walks an untyped document tree
type Any = any;

export function checkDocument(doc: ParsedDocument, exp: Expected): CheckResult[] {
  const results: CheckResult[] = [];
  const ok = (name: string, pass: unknown, detail = ""): void => {
    results.push({ name, ok: Boolean(pass), detail });
  };
  const c = exp.checks;
  const d = doc as Any;
  for (const f of ["type", "symbol", "number", "date", "place"]) {
    if (f in c)
      ok(
        f,
        norm(d[f]) === norm(c[f]) && (d[f] === null) === (c[f] === null),
        `got ${JSON.stringify(d[f])}, want ${JSON.stringify(c[f])}`,
      );
  }
  if (c.issuer) {
    const text = [doc.issuer?.name, doc.issuer?.parent].join(" | ");
    ok(
      "issuer",
      c.issuer.anyOf.some((p: string) => has(text, p)),
      `got ${JSON.stringify(doc.issuer)}`,
    );
  }
  if (c.title) {
    for (const p of c.title.contains ?? [])
      ok(`title contains "${p}"`, has(doc.title, p), `got ${JSON.stringify(doc.title)}`);
    for (const p of c.title.excludes ?? [])
      ok(`title excludes "${p}"`, doc.title && !has(doc.title, p), `got ${JSON.stringify(doc.title)}`);
  }
  if (c.signer) {
    for (const [k, v] of Object.entries(c.signer)) {
      const got = (doc.signer as Any)?.[k];
      ok(
        `signer.${k}`,
        v === null ? got == null : norm(got) === norm(v),
        `got ${JSON.stringify(got)}, want ${JSON.stringify(v)}`,
      );
    }
  }
  for (const list of ["recipients", "distribution"] as const) {
    if (!c[list]) continue;
    const items = doc[list] ?? [];
    for (const p of c[list].contains ?? [])
      ok(
        `${list} has "${p}"`,
        items.some((it) => has(it, p)),
        `got ${JSON.stringify(items)}`,
      );
    for (const p of c[list].excludes ?? [])
      ok(`${list} excludes "${p}"`, !items.some((it) => has(it, p)), "found");
    if ("count" in c[list])
      ok(`${list} count`, items.length === c[list].count, `got ${items.length}, want ${c[list].count}`);
  }
  for (const r of c.references ?? []) {
    const found = doc.references.find((x) => norm(x.symbol) === norm(r.symbol));
    ok(`reference ${r.symbol}`, found, `missing among ${doc.references.map((x) => x.symbol).join(", ")}`);
    if (found && r.date) ok(`reference ${r.symbol} date`, found.date === r.date, `got ${found.date}`);
    if (found && r.relation)
      ok(`reference ${r.symbol} relation`, found.relation === r.relation, `got ${found.relation}`);
  }
  for (const k of ["copies", "received"] as const) {
    for (const e of c[k] ?? []) {
      const found = (d[k] ?? []).find((x: Any) =>
        Object.entries(e).every(([f, v]) =>
          typeof v === "object" && v !== null
            ? Object.entries(v).every(([g, w]) => norm(x[f]?.[g]) === norm(w))
            : f === "issuer"
              ? has([x.issuer?.name ?? x.issuer].join(" "), v as string)
              : norm(x[f]) === norm(v),
        ),
      );
      ok(`${k} ${JSON.stringify(e)}`, found, `got ${JSON.stringify(d[k] ?? [])}`);
    }
  }
  if (c.sections) {
    const labels = (ss: Any[]): string[] => (ss ?? []).map((s) => norm(s.label));
    if (c.sections.top)
      ok(
        "sections top labels",
        JSON.stringify(labels(doc.sections)) === JSON.stringify(c.sections.top.map(norm)),
        `got ${JSON.stringify(labels(doc.sections))}`,
      );
    const find = (path: string): Any =>
      path.split("/").reduce(
        (ss: Any, l: string) => {
          const s = (ss?.list ?? []).find((x: Any) => norm(x.label) === norm(l));
          return s ? { node: s, list: s.children } : null;
        },
        { list: doc.sections },
      );
    for (const p of c.sections.paths ?? []) ok(`section ${p}`, find(p), "missing");
    for (const { path, headingContains, textExcludes } of c.sections.content ?? []) {
      const node = find(path)?.node;
      if (headingContains)
        ok(
          `section ${path} heading`,
          node && has(node.heading, headingContains),
          `got ${JSON.stringify(node?.heading)}`,
        );
      for (const p of textExcludes ?? [])
        ok(`section ${path} text excludes "${p}"`, node && !has(node.text, p), node ? "found" : "no section");
    }
  }
  for (const a of c.assignments ?? []) {
    const found = doc.assignments.find(
      (x) =>
        x.lead.some((l) => has(l, a.lead)) &&
        (!a.cooperating || x.cooperating.some((l) => has(l, a.cooperating))) &&
        (!a.recurrence || x.deadline?.recurrence === a.recurrence) &&
        (!a.deadline || x.deadline?.date === a.deadline),
    );
    ok(
      `assignment lead "${a.lead}"${a.cooperating ? ` with "${a.cooperating}"` : ""}${a.recurrence ? ` ${a.recurrence}` : ""}${a.deadline ? ` due ${a.deadline}` : ""}`,
      found,
      "no match",
    );
  }
  if ("assignmentsAtMost" in c)
    ok(
      "assignments not inflated",
      doc.assignments.length <= c.assignmentsAtMost,
      `got ${doc.assignments.length}`,
    );
  for (const t of c.targets ?? []) {
    const found = doc.targets.find(
      (x) =>
        ([] as string[]).concat(t.kind).includes(x.kind) &&
        ["value", "low", "high", "per", "year"].every((f) => !(f in t) || num((x as Any)[f], t[f])) &&
        (!t.unit || norm(x.unit) === norm(t.unit)) &&
        (!t.baseline ||
          Object.entries(t.baseline).every(([f, v]) =>
            typeof v === "number"
              ? num((x.baseline as Any)?.[f], v)
              : norm((x.baseline as Any)?.[f]) === norm(v),
          )),
    );
    ok(`target ${JSON.stringify(t)}`, found, "no match");
  }
  if ("targetsAtMost" in c)
    ok("targets not inflated", doc.targets.length <= c.targetsAtMost, `got ${doc.targets.length}`);
  for (const w of c.warnings ?? [])
    ok(
      `warning ${w}`,
      doc.warnings.some((x) => x.code === w),
      `got ${JSON.stringify(doc.warnings.map((x) => x.code))}`,
    );
  return results;
}
