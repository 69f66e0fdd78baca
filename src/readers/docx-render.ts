// Paragraphs and tables → lines of text with layout hints the parser reads. A data table (3+ columns,
// or a header such as STT / Nội dung / Cơ quan chủ trì) becomes one pipe row per table row. A layout
// table — the issuer | motto block, or Nơi nhận | signature — is printed column after column, so the
// two columns never run into one line.
import type { Block, Cell, Table } from "./docx-tree.ts";

const HEADER_WORDS =
  /^(stt|tt|số tt)$|nội dung|nhiệm vụ|công việc|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|đơn vị|cơ quan|chỉ tiêu|kết quả|ghi chú|sản phẩm|giải pháp/;
const LAYOUT_WORDS =
  /cộng hòa xã hội|cộng hoà xã hội|đảng cộng sản việt nam|độc lập\s*-\s*tự do|nơi nhận|^(t\/m|tm\.|kt\.|tl\.|tuq\.)|^số[:\s]|ngày .{0,12} tháng/m;

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

function columnCount(table: Table): number {
  return Math.max(0, ...table.rows.map((row) => row.reduce((n, c) => n + c.span, 0)));
}

function cellLines(cell: Cell): string[] {
  return blocksToLines(cell.blocks);
}

function cellText(cell: Cell): string {
  return cellLines(cell)
    .join(" ")
    .replace(/[\t\n ]+/g, " ")
    .replaceAll("|", "¦")
    .trim();
}

function isDataTable(table: Table): boolean {
  const columns = columnCount(table);
  if (columns >= 3) return true;
  if (columns <= 1) return false;
  const header = (table.rows[0] ?? []).map((c) => fold(cellText(c)));
  if (header.some((h) => HEADER_WORDS.test(h) && h.length < 60)) return true;
  const all = table.rows.flatMap((row) =>
    row.map((c) => cellLines(c).join("\n").normalize("NFC").toLowerCase()),
  );
  if (all.some((t) => LAYOUT_WORDS.test(t))) return false;
  if (table.borderless) return false;
  return table.rows.length > 3;
}

function dataRows(table: Table): string[] {
  const above = new Map<number, string>();
  const lines: string[] = [];
  for (const row of table.rows) {
    const cells: string[] = [];
    let column = 0;
    for (const cell of row) {
      // A vertically merged cell shows the text of the cell it continues (a lead body shared by rows).
      const text = cell.merge === "continue" ? (above.get(column) ?? "") : cellText(cell);
      above.set(column, text);
      cells.push(text);
      for (let extra = 1; extra < cell.span; extra++) cells.push("");
      column += cell.span;
    }
    if (cells.some((c) => c.length > 0)) lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] as string).trim() === "") start++;
  while (end > start && (lines[end - 1] as string).trim() === "") end--;
  return lines.slice(start, end);
}

function layoutColumns(table: Table): string[] {
  const columns = columnCount(table);
  const out: string[][] = Array.from({ length: columns }, () => []);
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row) {
      if (cell.merge !== "continue") out[column]?.push(...cellLines(cell));
      column += cell.span;
    }
  }
  const printed = out.map(trimBlank).filter((lines) => lines.length > 0);
  return printed.flatMap((lines, i) => (i === 0 ? lines : ["", ...lines]));
}

export function blocksToLines(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === "p") lines.push(block.text);
    else if (isDataTable(block)) lines.push(...dataRows(block));
    else lines.push(...layoutColumns(block));
  }
  return lines;
}
