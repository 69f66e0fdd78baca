// Tables as text: pipe rows ("| 1 | Nội dung | Sở Tài chính |") and tab-separated rows, which is how
// the DOCX and PDF readers and most converters print them.
import { clean, fold } from "./text.ts";

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$/;

/** Cells of a table row, [] for a markdown separator row, null when the line is not a row. */
export function readTableRow(line: string): string[] | null {
  if (!line.includes("|") && !line.includes("\t")) return null;
  const t = line.trim();
  if (t.length === 0 || t.length > 4000) return null;
  if (SEPARATOR_ROW.test(t)) return [];
  if (t.startsWith("|") || (t.match(/\|/g)?.length ?? 0) >= 2) {
    const inner = t.replace(/^\|/, "").replace(/\|$/, "");
    const cells = inner.split("|").map(clean);
    return cells.length >= 2 ? cells : null;
  }
  if ((line.match(/\t/g)?.length ?? 0) >= 2) {
    const cells = line.trim().split(/\t/).map(clean);
    if (cells.filter((c) => c.length > 0).length >= 2) return cells;
  }
  return null;
}

export interface TaskColumns {
  task: number;
  lead: number;
  cooperating: number | null;
  deadline: number | null;
  output: number | null;
  number: number | null;
}

/** Recognises the header row of a task table (nội dung / chủ trì / phối hợp / thời gian / sản phẩm). */
export function taskColumns(header: string[]): TaskColumns | null {
  const f = header.map(fold);
  const find = (re: RegExp, not?: RegExp): number =>
    f.findIndex((c) => re.test(c) && !(not?.test(c) ?? false));
  // "chủ trì" names the lead column; failing that "thực hiện" or "trách nhiệm", in a column that is not
  // the time ("Thời gian thực hiện"), the task ("Nội dung thực hiện") or the co-operating bodies
  let lead = find(/chủ trì/, /phối hợp/);
  if (lead < 0)
    lead = find(/thực hiện|trách nhiệm/, /phối hợp|thời gian|thời hạn|tiến độ|thời điểm|nội dung/);
  const task = find(/nội dung|nhiệm vụ|công việc|giải pháp|hoạt động/, /chủ trì|phối hợp/);
  if (lead < 0 || task < 0 || lead === task) return null;
  const idx = (i: number): number | null => (i >= 0 ? i : null);
  return {
    task,
    lead,
    cooperating: idx(find(/phối hợp/)),
    deadline: idx(find(/thời gian|thời hạn|tiến độ|hoàn thành|thời điểm/)),
    output: idx(find(/sản phẩm|kết quả/)),
    number: idx(find(/^(stt|tt|số tt|số thứ tự)$/)),
  };
}
