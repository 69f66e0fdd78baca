// The addressees after "Kính gửi:": one per bullet or line, continuation lines joined.
import { readLabel } from "./lines.ts";
import { clean, type DocText, fold, type Line } from "./text.ts";

const LABEL = /^\s*kính\s{1,3}gửi\s*:?\s*/;
const BULLET = /^[-–—+•·]\s*/;

export interface Recipients {
  items: string[];
  firstLine: number;
  lastLine: number;
}

function looksLikeBodyText(t: string): boolean {
  return (
    t.length > 110 || /^(ngày|căn cứ|thực hiện|để|theo|sau|qua|trong|nhằm|vừa qua|hiện nay)\b/.test(fold(t))
  );
}

/** Finds "Kính gửi" in [from, to), claims the list and returns its items. */
export function claimRecipients(
  doc: DocText,
  from: number,
  to: number,
  doubleSpaced: boolean,
): Recipients | null {
  for (const i of doc.linesWith(["kính"], from, to)) {
    const line = doc.lines[i] as Line;
    if (line.end - line.start > 400 || doc.isBlank(line)) continue;
    const piece = doc.visiblePiece(line.start, line.end);
    const label = LABEL.exec(fold(piece.text));
    if (!label) continue;
    const items: string[] = [];
    let lastLine = i;
    const add = (text: string, bullet: boolean): void => {
      const t = clean(text);
      if (!t) return;
      const prev = items[items.length - 1];
      const continuation = !bullet && prev !== undefined && (!/[,;.:]$/.test(prev) || /^\p{Ll}/u.test(t));
      if (continuation) items[items.length - 1] = `${prev} ${t}`;
      else items.push(t);
    };
    const first = piece.text.slice(label[0].length).trim();
    if (first) add(first.replace(BULLET, ""), BULLET.test(first));
    doc.claimLine(line, "recipients");
    let blanks = 0;
    const maxBlanks = doubleSpaced ? 1 : 0;
    for (let j = i + 1; j < to; j++) {
      const next = doc.lines[j] as Line;
      if (doc.kinds[j] === "furniture" || doc.kinds[j] === "footnote") continue;
      if (doc.isBlank(next)) {
        if (doc.isClaimedText(next)) break;
        blanks++;
        if (blanks > maxBlanks && items.length > 0) break;
        continue;
      }
      const t = doc.visible(next).trim();
      const bullet = BULLET.test(t);
      const prev = items[items.length - 1];
      if (readLabel(t) || (!bullet && looksLikeBodyText(t))) break;
      if (!bullet && prev !== undefined && /[.]$/.test(prev) && !/^\p{Ll}/u.test(t)) break;
      if (!bullet && blanks > 0 && prev !== undefined && /[,;]$/.test(prev) && t.length > 80) break;
      blanks = 0;
      add(t.replace(BULLET, ""), bullet);
      doc.claimLine(next, "recipients");
      lastLine = j;
      if (/\.$/.test(t) && !bullet) break;
    }
    const cleaned = items.map((s) => s.replace(/[\s,;.]+$/, "")).filter((s) => s.length > 0);
    return { items: cleaned, firstLine: i, lastLine };
  }
  return null;
}
