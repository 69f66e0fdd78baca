// document.xml → paragraphs and tables, in reading order. Keeps what a reader of the printed page sees:
// run text, tabs, line breaks, automatic numbers; drops what Word hides or deleted (tracked deletions,
// hidden runs, field codes, the fallback copy of a text box). Headers and footers live in other parts
// and are never read.
import type { Numbering, NumberingRef } from "./docx-numbering.ts";
import { isOn, walkXml } from "./xml.ts";

export interface Paragraph {
  kind: "p";
  text: string;
}
export interface Cell {
  blocks: Block[];
  span: number;
  /** Vertical merge: "continue" cells repeat the cell above. */
  merge: "restart" | "continue" | null;
}
export interface Table {
  kind: "table";
  rows: Cell[][];
  /** Borders switched off, or no style and no borders (Word's plain grid-less table). */
  borderless: boolean;
}
export type Block = Paragraph | Table;

/** Subtrees whose text is not on the page. */
const SKIPPED = new Set(["del", "moveFrom", "Fallback", "delText", "instrText", "footnoteReference"]);
const BORDER_SIDES = new Set(["top", "left", "bottom", "right", "start", "end", "insideH", "insideV"]);

interface OpenParagraph {
  parts: string[];
  styleId: string | null;
  numbering: Partial<NumberingRef> | null;
  /** Text-box content anchored in this paragraph, emitted after it. */
  floating: Block[];
}

interface OpenTable {
  table: Table;
  row: Cell[] | null;
  cell: Cell | null;
  hasStyle: boolean;
  borders: { visible: number; hidden: number };
}

export function readBlocks(xml: string, numbering: Numbering): Block[] {
  const body: Block[] = [];
  const targets: Block[][] = [body];
  const paragraphs: OpenParagraph[] = [];
  const tables: OpenTable[] = [];
  let skip = 0;
  let hiddenRun = false;
  let inRun = false;
  let inParagraphProps = false;
  let inTableBorders = false;

  const target = (): Block[] => targets[targets.length - 1] as Block[];
  const paragraph = (): OpenParagraph | undefined => paragraphs[paragraphs.length - 1];
  const table = (): OpenTable | undefined => tables[tables.length - 1];
  const emit = (s: string): void => {
    if (inRun && !hiddenRun) paragraph()?.parts.push(s);
  };

  const closeParagraph = (): void => {
    const p = paragraphs.pop();
    if (!p) return;
    let text = p.parts.join("");
    const ref = p.numbering?.numId ? p.numbering : numbering.fromStyle(p.styleId);
    if (ref?.numId && ref.numId !== "0" && text.trim().length > 0) {
      const label = numbering.next({ numId: ref.numId, ilvl: ref.ilvl ?? null });
      if (label) text = `${label} ${text.replace(/^[ \t]+/, "")}`;
    }
    target().push({ kind: "p", text }, ...p.floating);
  };

  walkXml(xml, {
    open(name, a, parent) {
      if (skip > 0 || SKIPPED.has(name)) {
        skip++;
        return;
      }
      const p = paragraph();
      const t = table();
      switch (name) {
        case "p":
          paragraphs.push({ parts: [], styleId: null, numbering: null, floating: [] });
          return;
        case "pPr":
          inParagraphProps = true;
          return;
        case "pStyle":
          if (p && inParagraphProps) p.styleId = a.val ?? null;
          return;
        case "numId":
          if (p && inParagraphProps) p.numbering = { ...p.numbering, numId: a.val ?? "0" };
          return;
        case "ilvl":
          if (p && inParagraphProps) p.numbering = { ...p.numbering, ilvl: Number(a.val ?? 0) };
          return;
        case "r":
          inRun = true;
          hiddenRun = false;
          return;
        case "vanish":
          if (inRun && !inParagraphProps) hiddenRun = isOn(a.val);
          return;
        case "tab":
        case "ptab":
          if (parent === "r") emit("\t");
          return;
        case "br":
        case "cr":
          if (parent === "r") emit("\n");
          return;
        case "noBreakHyphen":
          emit("-");
          return;
        case "txbxContent":
          targets.push([]);
          return;
        case "tbl":
          tables.push({
            table: { kind: "table", rows: [], borderless: false },
            row: null,
            cell: null,
            hasStyle: false,
            borders: { visible: 0, hidden: 0 },
          });
          return;
        case "tblStyle":
          if (t) t.hasStyle = true;
          return;
        case "tblBorders":
          inTableBorders = true;
          return;
        case "tr":
          if (t) t.row = [];
          return;
        case "tc":
          if (t) {
            t.cell = { blocks: [], span: 1, merge: null };
            targets.push(t.cell.blocks);
          }
          return;
        case "gridSpan":
          if (t?.cell) t.cell.span = Math.max(1, Math.min(64, Number(a.val ?? 1) || 1));
          return;
        case "vMerge":
          if (t?.cell) t.cell.merge = a.val === "restart" ? "restart" : "continue";
          return;
        default:
          if (t && inTableBorders && BORDER_SIDES.has(name)) {
            if (/^(nil|none)$/.test(a.val ?? "")) t.borders.hidden++;
            else t.borders.visible++;
          }
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      const t = table();
      switch (name) {
        case "p":
          closeParagraph();
          return;
        case "pPr":
          inParagraphProps = false;
          return;
        case "r":
          inRun = false;
          hiddenRun = false;
          return;
        case "txbxContent": {
          const blocks = targets.pop() ?? [];
          const host = paragraph();
          if (host) host.floating.push(...blocks);
          else target().push(...blocks);
          return;
        }
        case "tblBorders":
          inTableBorders = false;
          return;
        case "tc":
          if (t?.cell) {
            targets.pop();
            t.row?.push(t.cell);
            t.cell = null;
          }
          return;
        case "tr":
          if (t?.row) t.table.rows.push(t.row);
          if (t) t.row = null;
          return;
        case "tbl":
          if (t) {
            tables.pop();
            const { visible, hidden } = t.borders;
            t.table.borderless = (hidden > 0 && visible === 0) || (!t.hasStyle && visible === 0);
            target().push(t.table);
          }
          return;
      }
    },
    text(s, element) {
      if (skip === 0 && element === "t") emit(s);
    },
  });
  return body;
}
