// The signature block (authority, on whose behalf, role, name) and the distribution list ("Nơi
// nhận"), which converters often print side by side on the same lines.
import { isRule } from "./lines.ts";
import type { Authority, Signer } from "./schema.ts";
import { clean, columns, type DocText, endWithout, fold, isSpaceCode, type Line } from "./text.ts";
import { ROLE_WORDS } from "./vocabulary.ts";

type AuthorityKind = "TM" | "KT" | "TL" | "TUQ" | "Q";

const SEP = String.raw`(?:\.\s*|\s+)(?=\p{Lu})`;
const AUTHORITIES: [AuthorityKind, RegExp][] = [
  ["TUQ", new RegExp(`^(T\\s?[/.]?\\s?U\\s?[/.]?\\s?Q)${SEP}`, "u")],
  ["TM", new RegExp(`^(T\\s?[/.]?\\s?M)${SEP}`, "u")],
  ["KT", new RegExp(`^(K\\s?[/.]?\\s?T)${SEP}`, "u")],
  ["TL", new RegExp(`^(T\\s?[/.]?\\s?[LŁ])${SEP}`, "u")],
  ["Q", /^(Q)\.\s*(?=\p{Lu})/u],
];

export interface AuthorityMatch {
  kind: AuthorityKind;
  printed: string;
  onBehalfOf: string;
}

/** "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "T/Ł BAN THƯỜNG VỤ" (OCR), "TUQ. CHỦ TỊCH". */
export function readAuthority(cell: string): AuthorityMatch | null {
  const t = cell.trim();
  if (t.length > 80) return null;
  for (const [kind, re] of AUTHORITIES) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = clean(t.slice(m[0].length));
    if (rest.length === 0 || /\p{Ll}/u.test(rest)) return null;
    return { kind, printed: m[1] as string, onBehalfOf: rest };
  }
  return null;
}

export function normaliseAuthority(a: AuthorityMatch, system: "party" | "state" | null): Authority {
  switch (a.kind) {
    case "TM":
      if (system === "party") return "T/M";
      if (system === "state") return "TM.";
      return a.printed.includes("/") ? "T/M" : "TM.";
    case "KT":
      return "KT.";
    case "TL":
      return "TL.";
    case "TUQ":
      return "TUQ.";
    case "Q":
      return "Q.";
  }
}

const DISTRIBUTION_LABEL = /^nơi\s{0,2}nhận\s*:?\s*/;
const BULLET = /^[-–—+•·▪]\s*/;
const SIGNED = /^\(?\s*đã\s+ký\s*\)?\s*:?\s*/;
// "(Đã ký)", "(Ký tên, đóng dấu)", "[Dấu đỏ: ỦY BAN NHÂN DÂN XÃ …]": what a converter or a typist wrote
// where the signature and the seal are
const SIGN_NOTE =
  /^[([](?:ký|đã ký|chữ ký|dấu|đóng dấu|đã đóng dấu)[^)\]]*[)\]]$|^(?:ký tên|ký, đóng dấu|\(?dấu\)?)$/;
const NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const UPPER_NAME = /^\p{Lu}+(?:\s+\p{Lu}+){1,4}$/u;

export function isPersonName(text: string): boolean {
  return NAME.test(text) && text.length <= 40;
}

function isRoleText(text: string): boolean {
  if (text.length > 70 || /\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) return false;
  const f = fold(text);
  return ROLE_WORDS.some((r) => f.includes(r));
}

/** Where the signature zone starts: the first "Nơi nhận" or authority line, as a line or a cell. */
const MAYBE_SIGNATURE =
  /(?:^|\t|\s{3})\s*(?:nơi\s{0,2}nhận|t\s?[/.]?\s?[mlł][.\s]|k\s?[/.]?\s?t[.\s]|t\s?[/.]?\s?u\s?[/.]?\s?q[.\s]|q\.)/;

/**
 * MAYBE_SIGNATURE can match: the line starts (after white space) with the first two letters of one of
 * its words (nơ…, t/ t. tm tl tł tu, k/ k. kt, q.), or has a tab or three white space characters in a
 * row (a second column). Most lines of text have neither.
 */
function mayStartCell(doc: DocText, line: Line): boolean {
  // read in the document's fold, without slicing the line (this is asked of every line of the body)
  const low = doc.low;
  let at = line.start;
  while (at < line.end && isSpaceCode(low.charCodeAt(at))) at++;
  const c = at < line.end ? low.charCodeAt(at) : Number.NaN;
  const d = at + 1 < line.end ? low.charCodeAt(at + 1) : Number.NaN;
  const sep = isSpaceCode(d) || d === 47 || d === 46;
  if (c === 110 && d === 0x1a1) return true;
  if (c === 116 && (sep || d === 109 || d === 108 || d === 0x142 || d === 117)) return true;
  if (c === 107 && (sep || d === 116)) return true;
  if (c === 113 && d === 46) return true;
  return doc.hasColumnGap(line);
}

export function isSignatureStart(doc: DocText, line: Line): boolean {
  if (line.end - line.start > 300 || !mayStartCell(doc, line)) return false;
  const low = doc.rawLow(line);
  if (!low.includes("nhận") && !low.includes(".") && !low.includes("/")) return false;
  if (!MAYBE_SIGNATURE.test(low)) return false;
  const cells = doc.visible(line).split(/\t|\s{3,}/);
  return cells.some((c) => DISTRIBUTION_LABEL.test(fold(c.trim())) || readAuthority(c) !== null);
}

export interface SignatureZone {
  authority: AuthorityMatch | null;
  signer: Signer;
  distribution: string[];
  lastLine: number;
}

/**
 * Adds a distribution line as a new item or as the continuation of the one above; says which.
 * `amongBullets`: every item so far began with a dash, so a line without one goes on the item above
 * (a wrapped item whose indentation a PDF or a typist lost), unless that item was closed or it is "Lưu".
 */
function addItem(
  items: string[],
  text: string,
  bullet: boolean,
  indented = false,
  amongBullets = false,
): "new" | "continued" | "none" {
  const t = clean(text);
  if (!t) return "none";
  const prev = items[items.length - 1];
  const continuation =
    !bullet &&
    prev !== undefined &&
    ((indented && !/[;.]$/.test(prev)) ||
      !/[,;.]$/.test(prev) ||
      /^\p{Ll}/u.test(t) ||
      /^[(&]/.test(t) ||
      (amongBullets && !/[;.]$/.test(prev) && !/^lưu\b/.test(fold(t))));
  if (continuation) {
    items[items.length - 1] = `${prev} ${t}`;
    return "continued";
  }
  items.push(t);
  return "new";
}

function finishItems(items: string[]): string[] {
  return items.map((s) => s.slice(0, endWithout(s, ",;."))).filter((s) => s.length > 0);
}

/**
 * Reads lines [from, to) as a signature zone: distribution items, authority, role lines and the
 * signer's name, in any order and in one or two columns. Claims what it reads.
 */
export function readSignatureZone(doc: DocText, from: number, to: number): SignatureZone {
  const items: string[] = [];
  let plainItems = 0;
  let inDistribution = false;
  let authority: AuthorityMatch | null = null;
  const roles: string[] = [];
  let name: string | null = null;
  let lastLine = from;
  const upperAfterRole: string[] = [];
  for (let i = from; i < to; i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) continue;
    const visible = doc.visible(line);
    if (visible.length > 400) break;
    // a rule or a page break ("---", "* * *") ends the list
    if (isRule(visible)) {
      doc.claimLine(line, "rule");
      inDistribution = false;
      continue;
    }
    const cells = columns(visible);
    let used = false;
    // a wrapped item is indented under the text of the one above it: "- Các sở: …,\n  Nông nghiệp …"
    // a markdown bullet ("* Các sở…") is blanked in the visible text
    const markdownBullet = /^\s*[*+]\s/.test(doc.src.slice(line.start, line.end));
    const indented = !markdownBullet && /^ {1,8}\S/.test(visible);
    for (let c = 0; c < cells.length; c++) {
      let cell = cells[c] as string;
      // the cell's fold, kept up to date as its start is cut
      let f = fold(cell);
      const label = DISTRIBUTION_LABEL.exec(f);
      if (label) {
        inDistribution = true;
        used = true;
        cell = cell.slice(label[0].length).trim();
        if (!cell) continue;
        f = fold(cell);
      }
      const bullet = BULLET.exec(cell) ?? (c === 0 && markdownBullet ? [""] : null);
      if (bullet && inDistribution) {
        addItem(items, cell.slice(bullet[0].length), true);
        used = true;
        continue;
      }
      const auth = readAuthority(cell);
      if (auth) {
        // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the deputy signs for the chairman
        authority = auth;
        used = true;
        continue;
      }
      const signed = SIGNED.exec(f);
      if (signed) {
        cell = cell.slice(signed[0].length).trim();
        used = true;
        if (!cell) continue;
        f = fold(cell);
      }
      if (SIGN_NOTE.test(f) || /^[★☆*]+$/.test(cell)) {
        used = true;
        continue;
      }
      const noStar = cell.replace(/^[★☆*\s]+/, "");
      if (isPersonName(noStar) && name === null) {
        name = noStar;
        used = true;
        continue;
      }
      const closed = /^lưu\b/.test(fold(items[items.length - 1] ?? ""));
      // a role beside the distribution list is the signature's column: "Nơi nhận:      CHỦ TỊCH"
      if (
        isRoleText(cell) &&
        name === null &&
        (authority !== null || roles.length > 0 || !inDistribution || closed || c > 0)
      ) {
        roles.push(clean(cell));
        used = true;
        continue;
      }
      if (UPPER_NAME.test(noStar) && name === null && (authority !== null || roles.length > 0)) {
        upperAfterRole.push(noStar);
        used = true;
        continue;
      }
      if (inDistribution && cell.length < 160) {
        if (addItem(items, cell, false, c === 0 && indented, plainItems === 0) === "new") plainItems++;
        used = true;
      }
    }
    if (used) {
      doc.claimLine(line, "signature");
      lastLine = i;
    }
  }
  if (name === null && upperAfterRole.length > 0) name = upperAfterRole[upperAfterRole.length - 1] as string;
  const signer: Signer = {
    authority: null,
    onBehalfOf: authority?.onBehalfOf ?? null,
    role: roles.length > 0 ? roles.join(" ") : null,
    name,
  };
  return { authority, signer, distribution: finishItems(items), lastLine };
}
