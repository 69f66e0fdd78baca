// What follows the signature: certified copies (SAO Y, SAO LỤC, TRÍCH SAO) with their own header and
// signature, appendices (PHỤ LỤC) with their tables, and a document issued with a decision ("KẾ
// HOẠCH … (Ban hành kèm theo Quyết định số …)").
import {
  claimIssuer,
  claimPlaceDate,
  claimSymbol,
  isIssuerText,
  readPlaceDate,
  readTypeName,
} from "./header.ts";
import { isRule } from "./lines.ts";
import type { Copy } from "./schema.ts";
import { readSignatureZone } from "./signature.ts";
import { columns, type DocText, fold, type Line } from "./text.ts";

export type BlockKind = "copy" | "appendix" | "attachment";

export interface TailBlock {
  kind: BlockKind;
  /** First line of the block (its header), the anchor line, and the line after its end. */
  start: number;
  anchor: number;
  end: number;
  copyKind?: Copy["kind"];
}

const COPY = /^(SAO Y(?: BẢN CHÍNH)?|SAO LỤC|TRÍCH SAO)\b/u;
const APPENDIX = /^(PHỤ LỤC|Phụ lục(?=\s+(?:[IVX\d]+|số|kèm)\b|\s*:?\s*$))/u;

function anchorKind(doc: DocText, line: Line): { kind: BlockKind; copyKind?: Copy["kind"] } | null {
  if (line.end - line.start > 300) return null;
  // most lines name no copy or appendix, and have lower-case letters, which a type line has not
  if (!doc.hasClaims(line)) {
    const raw = doc.raw(line);
    if (!raw.includes("SAO") && !raw.includes("PHỤ LỤC") && !raw.includes("Phụ lục") && /\p{Ll}/u.test(raw))
      return null;
  }
  const cells = columns(doc.visible(line));
  for (const cell of cells) {
    const copy = COPY.exec(cell);
    if (copy) {
      const w = copy[1] as string;
      return {
        kind: "copy",
        copyKind: w.startsWith("SAO Y") ? "sao_y" : w === "SAO LỤC" ? "sao_luc" : "trich_sao",
      };
    }
  }
  const first = cells[0] ?? "";
  if (APPENDIX.test(first)) return { kind: "appendix" };
  if (cells.length === 1 && readTypeName(first) && !/\p{Ll}/u.test(first) && first.length < 120)
    return { kind: "attachment" };
  return null;
}

function headerish(doc: DocText, line: Line): boolean {
  if (doc.isBlank(line)) return true;
  const t = doc.visible(line).trim();
  return (
    isRule(t) ||
    isIssuerText(t.split(/\t|\s{3,}/)[0] ?? "") ||
    /^S[ốỐ](?:\s|:|$)/u.test(t) ||
    readPlaceDate(doc, line) !== null ||
    /cộng hòa|độc lập|đảng cộng sản/.test(fold(t))
  );
}

/** The first line of the document that reads as a type line ("KẾ HOẠCH"), or -1. */
function firstTypeLine(doc: DocText): number {
  return doc.lines.findIndex((line) => anchorKind(doc, line)?.kind === "attachment");
}

/**
 * Blocks after the signature starting at line `from`. Without a signature (`signed` false) the
 * document's first type line is its own, not that of a document issued with it.
 */
export function findTailBlocks(doc: DocText, from: number, signed = true): TailBlock[] {
  const blocks: TailBlock[] = [];
  const n = doc.lines.length;
  const own = signed ? -1 : firstTypeLine(doc);
  for (let i = from; i < n; i++) {
    const a = anchorKind(doc, doc.lines[i] as Line);
    if (!a || i === own) continue;
    let start = i;
    const floor = blocks.length > 0 ? (blocks[blocks.length - 1] as TailBlock).anchor + 1 : from;
    for (let j = i - 1, seen = 0; j >= floor && seen < 8; j--) {
      const line = doc.lines[j] as Line;
      if (!headerish(doc, line)) break;
      if (!doc.isBlank(line)) {
        seen++;
        start = j;
      }
    }
    blocks.push({ kind: a.kind, start, anchor: i, end: n, ...(a.copyKind ? { copyKind: a.copyKind } : {}) });
    if (a.kind === "attachment") {
      // the attached document runs to its own end; only appendices and copies start after it
      for (let k = i + 1; k < n; k++) {
        const b = anchorKind(doc, doc.lines[k] as Line);
        if (b && b.kind !== "attachment") {
          i = k - 1;
          break;
        }
        if (k === n - 1) i = n;
      }
    }
  }
  for (let k = 0; k < blocks.length; k++) {
    const next = blocks[k + 1];
    if (next) (blocks[k] as TailBlock).end = next.start;
  }
  return blocks;
}

/** Parses a copy block: its issuer, symbol, place and date, distribution and signer. */
export function readCopy(
  doc: DocText,
  block: TailBlock,
): { copy: Copy; signerAuthority: ReturnType<typeof readSignatureZone>["authority"] } {
  doc.claimLine(doc.lines[block.anchor] as Line, "copy");
  const symbol = claimSymbol(doc, block.start, block.end);
  const pd = claimPlaceDate(doc, block.start, block.end);
  const anchors = [block.anchor, ...(symbol ? [symbol.line] : [])];
  const issuer = claimIssuer(doc, anchors, block.end);
  let sigStart = block.anchor + 1;
  if (pd && pd.line >= sigStart) sigStart = pd.line + 1;
  const zone = readSignatureZone(doc, sigStart, block.end);
  const startLine = doc.lines[block.start] as Line;
  const endLine = doc.lines[Math.max(block.start, Math.min(block.end, doc.lines.length) - 1)] as Line;
  return {
    copy: {
      kind: block.copyKind ?? "sao_y",
      symbol: symbol?.symbol ?? null,
      issuer: issuer ? [issuer.parent, issuer.name].filter(Boolean).join(" ") : null,
      place: pd?.place ?? null,
      date: pd?.date ?? null,
      signer: zone.signer,
      distribution: zone.distribution,
      span: [startLine.start, endLine.end],
    },
    signerAuthority: zone.authority,
  };
}
