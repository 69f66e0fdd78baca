// Sections nest by their numbering scheme (I/II, 1/2, 2.1, a/b/…/đ), never by markdown levels: a
// label continues the sequence of an open scheme (its sibling), or opens a new scheme at 1 (a child).
import { type Label, type LabelScheme, readLabel } from "./lines.ts";
import type { Paragraph } from "./paragraphs.ts";
import type { Section } from "./schema.ts";
import { endsWithColon, type Piece, slicePiece, spanOf, trimPiece } from "./text.ts";

export interface SectionNode {
  id: string;
  label: Label;
  heading: Piece;
  /** The heading paragraph's words after the heading (a long numbered paragraph). */
  rest: Piece | null;
  /** Heading and rest as they stand in the text, with the stop or colon between them. */
  whole: Piece;
  /** The numbered paragraph ends with a colon: it introduces what follows ("… như sau:"). */
  endsWithColon: boolean;
  content: Paragraph[];
  children: SectionNode[];
  parent: SectionNode | null;
  firstLine: number;
}

interface Open {
  scheme: LabelScheme;
  label: Label;
  node: SectionNode;
  /** Labels from the root down to this one, joined by "/" (the id's path). */
  path: string;
}

/** Splits a numbered paragraph into its heading and the rest: the heading is its first sentence. */
export function splitHeading(p: Piece): { heading: Piece; rest: Piece | null } {
  const t = p.text;
  const colon = /:(\s|$)/.exec(t);
  const stop = /[.!?](\s+)(?=[\p{Lu}\-–+•"“(])/u.exec(t);
  let cut = -1;
  let restAt = -1;
  if (colon && colon.index < 240 && (!stop || colon.index < stop.index)) {
    cut = colon.index;
    restAt = colon.index + 1;
  } else if (stop) {
    cut = stop.index;
    restAt = stop.index + 1;
  }
  if (cut < 0) return { heading: trimPiece(p), rest: null };
  const heading = trimPiece(slicePiece(p, 0, cut));
  const rest = trimPiece(slicePiece(p, restAt, t.length));
  return { heading, rest: rest.text.length > 0 ? rest : null };
}

function follows(prev: Label, next: Label): boolean {
  const step = next.value - prev.value;
  if (step < 1 || step > 2) return false;
  if (next.parts.length > 1) return next.parts.slice(0, -1).join(".") === prev.parts.slice(0, -1).join(".");
  return true;
}

export interface SectionTree {
  preamble: Paragraph[];
  roots: SectionNode[];
}

export function buildSections(paras: Paragraph[], idPrefix = "s:"): SectionTree {
  const preamble: Paragraph[] = [];
  const roots: SectionNode[] = [];
  const stack: Open[] = [];
  const ids = new Set<string>();

  const attach = (label: Label, p: Paragraph, depth: number): SectionNode => {
    stack.length = depth;
    const parent = depth > 0 ? (stack[depth - 1] as Open).node : null;
    const body = slicePiece(
      p.piece,
      p.piece.text.length - trimPiece(p.piece).text.length,
      p.piece.text.length,
    );
    const own = readLabel(p.piece.text) ?? label;
    const afterLabel = trimPiece(
      slicePiece(p.piece, Math.min(own.length, p.piece.text.length), p.piece.text.length),
    );
    const whole = afterLabel.text.length > 0 ? afterLabel : body;
    const { heading, rest } = splitHeading(whole);
    const path = parent ? `${(stack[depth - 1] as Open).path}/${label.label}` : label.label;
    let id = `${idPrefix}${path}`;
    for (let n = 2; ids.has(id); n++) id = `${idPrefix}${path}~${n}`;
    ids.add(id);
    const node: SectionNode = {
      id,
      label,
      heading,
      rest,
      whole,
      endsWithColon: endsWithColon(p.piece.text),
      content: [],
      children: [],
      parent,
      firstLine: p.firstLine,
    };
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push({ scheme: label.scheme, label, node, path });
    return node;
  };

  let current: SectionNode | null = null;
  for (const p of paras) {
    const label = p.kind === "label" ? p.label : null;
    let node: SectionNode | null = null;
    if (label) {
      const at = stack.findLastIndex((o) => o.scheme === label.scheme);
      if (at >= 0) {
        if (follows((stack[at] as Open).label, label)) node = attach(label, p, at);
        else if (label.value === 1 && label.parts.length > 1) node = attach(label, p, at);
      } else if (label.value === 1 || label.scheme === "part" || label.scheme === "article") {
        let depth = stack.length;
        if (label.parts.length > 1) {
          // 2.1 goes under the open "2."
          const owner = label.parts[label.parts.length - 2];
          const parentAt = stack.findLastIndex(
            (o) => o.label.parts[o.label.parts.length - 1] === owner && !o.scheme.startsWith("letter"),
          );
          if (parentAt >= 0) depth = parentAt + 1;
        }
        node = attach(label, p, depth);
      }
    }
    if (node) {
      current = node;
      continue;
    }
    if (current) current.content.push(p);
    else preamble.push(p);
  }
  return { preamble, roots };
}

/** All nodes, depth first. */
export function walk(nodes: SectionNode[], visit: (n: SectionNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

function lastPiece(n: SectionNode): Piece {
  const lastChild = n.children[n.children.length - 1];
  if (lastChild) return lastPiece(lastChild);
  const lastContent = n.content[n.content.length - 1];
  if (lastContent) return lastContent.piece;
  return n.rest ?? n.heading;
}

export function sectionText(n: SectionNode): string {
  const parts = [n.rest?.text ?? "", ...n.content.map((p) => p.piece.text)];
  return parts.filter((s) => s.length > 0).join("\n");
}

export function toSchemaSections(nodes: SectionNode[]): Section[] {
  return nodes.map((n) => {
    const end = spanOf(lastPiece(n));
    const start = spanOf(n.heading);
    return {
      id: n.id,
      label: n.label.label,
      heading: n.heading.text.replace(/[:.;]\s*$/, ""),
      text: sectionText(n),
      children: toSchemaSections(n.children),
      span: [Math.min(start[0], end[0]), Math.max(start[1], end[1])] as [number, number],
    };
  });
}
