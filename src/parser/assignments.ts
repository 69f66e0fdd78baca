// Assignments: who leads (chủ trì) and who cooperates (phối hợp) on which task, by when.
// Leads come from an explicit phrase in the sentence ("Giao X…", "Đề nghị X…", "X chủ trì…", a body
// as the sentence's subject), from a duty section headed by a body ("3. Sở Tài chính"), from an
// introduction ending in ":" that names the body, or from the rows of a task table.
import { readBodies, splitBodies } from "./bodies.ts";
import { type DeadlineContext, readDeadline } from "./deadlines.ts";
import type { Paragraph } from "./paragraphs.ts";
import type { Assignment } from "./schema.ts";
import type { SectionNode } from "./sections.ts";
import { taskColumns } from "./tables.ts";
import {
  clean,
  endsWithColon,
  endWithout,
  fold,
  foldPiece,
  isSpaceCode,
  type Piece,
  slicePiece,
  spanOf,
  trimPiece,
} from "./text.ts";
import { GROUP_KINDS, META_VERBS } from "./vocabulary.ts";

export interface AssignmentContext extends DeadlineContext {
  issuer: string | null;
}

/** Who carries out what a section or an introduction holds: its lead and co-operating bodies. */
export interface Owners {
  lead: string[];
  cooperating: string[];
}

interface Draft {
  lead: string[];
  cooperating: string[];
  pieces: Piece[];
  sectionId: string | null;
  output: string | null;
  deadlineText: string | null;
  /** A table row's task cell. */
  tableTask: string | null;
}

const LEAD_VERB = /^(giao|đề nghị|yêu cầu|phân công|chỉ đạo|đối với|trách nhiệm của|nhiệm vụ của)\s+/;
const ASSIGNING = /^(?:giao|đề nghị|yêu cầu)\s+/;
const CHAIRS_MEETING = /^chủ trì (?:cuộc|buổi|phiên|hội nghị|hội thảo|lễ)/;
const LEAD_ANYWHERE = /(?:^|[\s,;])(giao|đề nghị|yêu cầu)\s+/g;
const COOP = /phối hợp (?:chặt chẽ )?(?:với|cùng)\s+|phối hợp\s*:\s*|cùng với\s+/;
const META_VERB_LIST = [...META_VERBS];
// A lettered item shorter than this ("a) Năm 2026") is a heading, not a task.
const MIN_ITEM_TASK = 25;
const CHU_TRI_LABEL = /^(?:cơ quan |đơn vị )?chủ trì\s*:\s*/;

const SENTENCE_END = /[.!?](?:\/\.)?\s+(?=[\p{Lu}\-–+•(“"])/gu;
function sentences(p: Piece): Piece[] {
  const re = SENTENCE_END;
  re.lastIndex = 0;
  let m = re.exec(p.text);
  // most paragraphs are one sentence: the paragraph itself (a slice of all of it is the same piece)
  if (!m) {
    const whole = trimPiece(p);
    return whole.text.length > 0 ? [whole] : [];
  }
  const out: Piece[] = [];
  let start = 0;
  for (; m; m = re.exec(p.text)) {
    const end = m.index + 1;
    if (
      p.text[m.index] === "." &&
      /(?:^|\s)[\p{Lu}]{1,3}$/u.test(p.text.slice(Math.max(0, m.index - 4), m.index))
    )
      continue;
    out.push(trimPiece(slicePiece(p, start, end)));
    start = m.index + m[0].length;
  }
  if (start < p.text.length) out.push(trimPiece(slicePiece(p, start, p.text.length)));
  return out.filter((s) => s.text.length > 0);
}

/**
 * A sentence cut where a clause after ";" gives a task to a body of its own: "…, hoàn thành trước ngày
 * 31/3/2026; chỉ đạo Sở Tư pháp chủ trì, phối hợp với … rà soát …, hoàn thành trong quý II/2026." Each
 * part keeps its deadline. A clause that only directs ("; chỉ đạo các cơ quan báo chí tuyên truyền")
 * stays in its sentence.
 */
function dutyClauses(s: Piece, issuerKey: string | null): Piece[] {
  const low = foldPiece(s);
  let k = low.indexOf("; ");
  if (k < 0) return [s];
  const out: Piece[] = [];
  let start = 0;
  for (; k >= 0; k = low.indexOf("; ", k + 2)) {
    if (!DUTY_CLAUSE.test(low.slice(k + 2, k + 12))) continue;
    // (the clause's start names its lead: a window of it, so that a sentence of many clauses is
    // read in linear time)
    const rest = slicePiece(s, k + 2, Math.min(s.text.length, k + 2 + CLAUSE_WINDOW));
    const lead = explicitLead(rest.text, issuerKey, foldPiece(rest));
    if (!lead || lead.directed) continue;
    out.push(trimPiece(slicePiece(s, start, k + 1)));
    start = k + 2;
  }
  if (start === 0) return [s];
  out.push(trimPiece(slicePiece(s, start, s.text.length)));
  return out;
}
const DUTY_CLAUSE = /^(?:chỉ đạo|giao(?! thông| đất| dịch| lưu| tiếp)|đề nghị) /;
const CLAUSE_WINDOW = 300;

/** Length of /^\s*(?:[-–—+•·]\s*|\(\d+\)\s*)?/ at the start of `text`, read by character codes. */
function stripBullet(text: string): number {
  const n = text.length;
  let i = 0;
  while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  let after = -1;
  // - – — + • ·
  if (c === 45 || c === 0x2013 || c === 0x2014 || c === 43 || c === 0x2022 || c === 0xb7) after = i + 1;
  else if (c === 40) {
    let k = i + 1;
    while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > i + 1 && text.charCodeAt(k) === 41) after = k + 1;
  }
  if (after < 0) return i;
  while (after < n && isSpaceCode(text.charCodeAt(after))) after++;
  return after;
}

// "cơ quan chủ trì", "đơn vị phối hợp": a generic noun with no "các" and no name is a role, not a body
const GENERIC_KIND = /^(cơ quan|đơn vị|địa phương|ngành)((,| và) (cơ quan|đơn vị|địa phương|ngành))*$/;
// the first letters of the kinds, in either case: most phrases ("các …", a name) need no fold
const GENERIC_START = /^\s*(?:cơ|đơ|đị|ng)/i;
function isGeneric(phrase: string): boolean {
  return GENERIC_START.test(phrase) && GENERIC_KIND.test(fold(phrase).trim());
}

const TASK_BULLET = /^\s*(?:[-–—+•·]\s*)/;
/** The text of a task's sentences as its task: bullet cut, white space collapsed. */
function taskOf(text: string): string {
  return clean(text.replace(TASK_BULLET, ""));
}

// What a body has done or is acknowledged for, not what it is given to do: "Sở Y tế đã tổ chức …",
// "Công an tỉnh chưa hoàn thành …", "Thường trực Tỉnh ủy ghi nhận, biểu dương …"
const REPORTED = /^(?:đã|chưa|đã và đang|cơ bản đã|ghi nhận|biểu dương|đánh giá cao|hoan nghênh)\s/;

// Sections that tell what happened ("I. KẾT QUẢ ĐẠT ĐƯỢC", "Tình hình thực hiện", "Hạn chế và nguyên
// nhân"): what they say of bodies is reported, not assigned.
const REPORT_HEADING =
  /^(?:kết quả (?:thực hiện|đạt được|triển khai)|tình hình|đánh giá (?:chung|kết quả|tình hình)|thực trạng|(?:tồn tại, )?hạn chế|nguyên nhân|bài học)/;

// "Trên đây là báo cáo …", "Trên đây là Kế hoạch …": the closing formula, no task of its own
const CLOSING = /^\s*trên đây là /;
// The fixed closing formulas, whoever they name: "Chỉ thị này được phổ biến đến chi bộ", "Kế hoạch này
// có hiệu lực …", "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện."
// So is the closing call to carry the document out, which names no task of its own: "Yêu cầu các cơ
// quan, đơn vị nghiêm túc triển khai thực hiện./.", "Nhận được công văn này, đề nghị các đơn vị khẩn
// trương thực hiện."
// (separate expressions, each tried only when the sentence has what it needs where it needs it: most
// sentences are none of them)
const CLOSING_THIS =
  /^\s*(?:chỉ thị|nghị quyết|kết luận|kế hoạch|quyết định|thông báo|hướng dẫn|quy định|quy chế|chương trình|công văn|văn bản)(?: hành động| liên tịch| phối hợp| công tác)? này (?:được )?(?:phổ biến|quán triệt|có hiệu lực|thay thế)/;
const CLOSING_NOTICE = /^\s*[^.;]{0,80}\sthông báo (?:để|đến) [^.;]{0,120}\sbiết(?:[\s,.;]|$)/;
// (the body that gives the call, and the group it is given to, are read to tell it from a task:
// "Sở Tài chính đề nghị Bộ Tài chính bổ sung vốn và khẩn trương triển khai" is one)
const CLOSING_CALL =
  /^\s*(?:nhận được [^.;,]{0,40} này,\s*)?([^.;,]{0,60}\s)?(?:yêu cầu|đề nghị) ([^.;]{0,120})\s(?:khẩn trương|nghiêm túc) (?:tổ chức )?(?:triển khai(?: thực hiện)?|thực hiện)(?: nghiêm túc| có hiệu quả)?(?: (?:chỉ thị|kế hoạch|công văn|văn bản|quyết định|thông báo|nghị quyết|kết luận|chương trình|hướng dẫn) này)?[\s./]*$/d;
// how a closing call ends: "… nghiêm túc thực hiện./.", "… triển khai.", "… thực hiện Chỉ thị này."
const CALL_END = /(?:thực hiện|triển khai|này|nghiêm túc|có hiệu quả)$/;
// "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về …"
const CLOSING_DIFFICULTIES =
  /^\s*trong quá trình (?:tổ chức )?(?:thực hiện|triển khai)[^.;]{0,60}?có (?:khó khăn|vướng mắc|phát sinh)/;

/** The sentence (`text`, folded `low`) is one of the closing formulas. */
function isClosingFormula(text: string, low: string): boolean {
  if (CLOSING_THIS.test(low) || CLOSING_DIFFICULTIES.test(low)) return true;
  const head = low.length > 100 ? low.slice(0, 100) : low;
  if (head.includes("thông báo") && CLOSING_NOTICE.test(low)) return true;
  const end = endWithout(low, "./");
  if (!CALL_END.test(low.slice(Math.max(0, end - 12), end))) return false;
  const m = CLOSING_CALL.exec(low);
  if (!m) return false;
  const giver = m.indices?.[1];
  if (!giver) return true;
  // "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương triển khai": a body, then a group
  const b = readBodies(text, giver[0], giver[1], low);
  return b !== null && b.end >= giver[1] - 1 && (m[2] ?? "").startsWith("các ");
}

/** A body's name as compared: folded, white space collapsed. */
function bodyKey(name: string): string {
  return fold(clean(name));
}

/** `a` names the body whose bodyKey is `key`. */
function sameBody(a: string, key: string | null): boolean {
  if (key === null) return false;
  // (folding keeps the length: a name of another length needs no fold)
  const name = clean(a);
  return name.length === key.length && fold(name) === key;
}

interface Lead {
  lead: string[];
  /** Where the lead phrase ends in the sentence (the task follows). */
  end: number;
  meta: boolean;
  /** Named after "chỉ đạo": the body directed, which leads unless the sentence's owner is known. */
  directed?: boolean;
}

/**
 * low.indexOf(" chủ trì", from), searched by its word: a search for a text that begins with a space
 * stops at every space.
 */
function chuTriAt(low: string, from: number): number {
  for (let i = low.indexOf("chủ trì", from + 1); i >= 0; i = low.indexOf("chủ trì", i + 1))
    if (low.charCodeAt(i - 1) === 32) return i - 1;
  return -1;
}

// An opening phrase before the subject: "Theo chỉ đạo của Bộ Y tế, Sở Y tế …", "Nhận được Kế hoạch,
// Sở Tư pháp …" (short, up to its first comma)
const OPENING_PHRASE_REACH = 80;
// how such a phrase begins
const OPENING_PHRASE = /^(?:theo|dưới|nhận được|để|trong|căn cứ|trên cơ sở|sau khi|khi|nhằm|qua|từ|với)\s/;

/** The body the sentence opens with, or the one right after a short opening phrase and its comma. */
function subjectAt(text: string, at: number, low: string): ReturnType<typeof readBodies> {
  const subject = readBodies(text, at, text.length, low);
  if (subject || !OPENING_PHRASE.test(low.slice(at, at + 12))) return subject;
  const comma = low.indexOf(", ", at);
  if (comma < 0 || comma - at > OPENING_PHRASE_REACH) return null;
  return readBodies(text, comma + 2, text.length, low);
}

/** explicitLead finds a lead in a text that does not begin with one: tried only when it may. */
function namesLeadInside(text: string, low: string, issuerKey: string | null): boolean {
  const at = stripBullet(text);
  const may =
    OPENING_PHRASE.test(low.slice(at, at + 12)) ||
    low.includes("chủ trì") ||
    low.includes("giao") ||
    low.includes("đề nghị") ||
    low.includes("yêu cầu");
  return may && explicitLead(text, issuerKey, low) !== null;
}

/** The lead named by a sentence itself, if any. */
export function explicitLead(
  text: string,
  /** bodyKey of the issuer (folded once per document, not once per sentence). */
  issuerKey: string | null,
  low: string = fold(text),
): Lead | null {
  const at = stripBullet(text);
  const rest = low.slice(at);
  const label = CHU_TRI_LABEL.exec(rest);
  if (label) {
    const b = readBodies(text, at + label[0].length, text.length, low);
    if (b) return { lead: splitBodies(b.text), end: b.end, meta: false };
  }
  const verb = LEAD_VERB.exec(rest);
  if (verb) {
    const b = readBodies(text, at + verb[0].length, text.length, low);
    if (b) {
      // "chỉ đạo X …" directs X; "chỉ đạo X chủ trì …" has X lead
      const directed = verb[1] === "chỉ đạo" && !low.slice(b.end).trimStart().startsWith("chủ trì");
      return { lead: splitBodies(b.text), end: b.end, meta: false, directed };
    }
  }
  const subject = subjectAt(text, at, low);
  if (subject && !isGeneric(subject.text)) {
    const after = low.slice(subject.end).trimStart();
    // "Ban Thường vụ Tỉnh ủy giao Văn phòng Tỉnh ủy theo dõi …": the body given the task leads
    const assigns = ASSIGNING.exec(after);
    if (assigns) {
      const b = readBodies(text, low.length - after.length + assigns[0].length, text.length, low);
      if (b) return { lead: splitBodies(b.text), end: b.end, meta: false };
    }
    const verbWord = META_VERB_LIST.find((v) => after.startsWith(v));
    // (the issuer is only asked about before a verb of its own)
    const isIssuer = (): boolean =>
      sameBody(subject.text, issuerKey) || /^(chủ tịch|bí thư)\b/.test(fold(subject.text));
    if (
      !(verbWord && isIssuer()) &&
      !after.startsWith("có ý kiến") &&
      !REPORTED.test(after) &&
      /^\p{L}/u.test(after)
    ) {
      return { lead: splitBodies(subject.text), end: subject.end, meta: false };
    }
  }
  LEAD_ANYWHERE.lastIndex = 0;
  const anywhere = low.includes("giao") || low.includes("đề nghị") || low.includes("yêu cầu");
  for (let m = anywhere ? LEAD_ANYWHERE.exec(low) : null; m; m = LEAD_ANYWHERE.exec(low)) {
    const b = readBodies(text, m.index + m[0].length, text.length, low);
    if (b && !sameBody(b.text, issuerKey)) return { lead: splitBodies(b.text), end: b.end, meta: false };
  }
  for (let k = chuTriAt(low, 0); k > 0; k = chuTriAt(low, k + 8)) {
    // "đồng chí …, Chủ tịch UBND tỉnh chủ trì cuộc họp …": who chaired a meeting, not a duty
    if (CHAIRS_MEETING.test(low.slice(k + 1, k + 40))) continue;
    const clauseStart = Math.max(low.lastIndexOf(",", k), low.lastIndexOf(";", k), at - 1) + 1;
    for (let s = clauseStart; s < k; s = low.indexOf(" ", s + 1) + 1) {
      if (s <= 0 && clauseStart > 0) break;
      const b = readBodies(text, s, k + 1, low);
      if (b && Math.abs(b.end - k) <= 1 && !isGeneric(b.text))
        return { lead: splitBodies(b.text), end: b.end, meta: false };
      if (low.indexOf(" ", s + 1) < 0) break;
    }
  }
  return null;
}

function cooperatingIn(text: string, low: string): string[] {
  const m = COOP.exec(low);
  if (!m) return [];
  const b = readBodies(text, m.index + m[0].length, text.length, low);
  return b ? splitBodies(b.text) : [];
}

/** A group named by its kinds alone ("các cơ quan, đơn vị"), with no body or place of its own. */
function isBareGroup(phrase: string): boolean {
  const m = /^các (.+)$/.exec(fold(phrase).trim());
  return m !== null && (m[1] as string).split(/,\s*|\s+và\s+/).every((k) => GROUP_KINDS.has(k.trim()));
}

/** A paragraph that is nothing but names of bodies ("- Sở Tài chính;"). */
function onlyBodies(piece: Piece): string[] | null {
  const text = piece.text;
  const at = stripBullet(text);
  const b = readBodies(text, at, text.length, foldPiece(piece));
  if (!b) return null;
  const tail = text.slice(b.end).trim();
  return /^[,;.]?$/.test(tail) ? splitBodies(b.text) : null;
}

export class AssignmentCollector {
  private readonly drafts: Draft[] = [];
  private readonly ctx: AssignmentContext;
  private readonly issuerKey: string | null;
  constructor(ctx: AssignmentContext) {
    this.ctx = ctx;
    this.issuerKey = ctx.issuer !== null ? bodyKey(ctx.issuer) : null;
  }

  /** Paragraphs of one section (or the preamble), with the lead inherited from the section. */
  addParagraphs(
    paras: Paragraph[],
    sectionId: string | null,
    inherited: Owners | null,
    preamble: boolean,
    introducesList = false,
  ): void {
    let local: Owners | null = null;
    let intro: Draft | null = null;
    // onlyBodies of the paragraph after an introduction, asked before it is read
    let ahead: { piece: Piece; bodies: string[] | null } | null = null;
    for (let k = 0; k < paras.length; k++) {
      const p = paras[k] as Paragraph;
      if (p.kind === "row") {
        k = this.addTable(paras, k, sectionId) - 1;
        continue;
      }
      if (p.kind !== "bullet") local = null;
      const listed =
        p.kind !== "bullet" ? null : ahead?.piece === p.piece ? ahead.bodies : onlyBodies(p.piece);
      if (listed && intro) {
        for (const b of listed) if (!intro.lead.includes(b)) intro.lead.push(b);
        continue;
      }
      intro = null;
      const endsIntro = endsWithColon(p.piece.text) || (k === 0 && introducesList);
      const nextIsList = paras[k + 1]?.kind === "bullet";
      const drafts = this.fromPiece(p.piece, sectionId, local ?? inherited);
      if (endsIntro && nextIsList) {
        const own = drafts.find((d) => d.lead.length > 0);
        if (own) {
          const text = own.pieces.map((x) => x.text).join(" ");
          local = { lead: own.lead, cooperating: cooperatingIn(text, fold(text)) };
        } else local ??= inherited;
        const next = (paras[k + 1] as Paragraph).piece;
        ahead = { piece: next, bodies: onlyBodies(next) };
        if (ahead.bodies !== null) {
          intro = drafts[drafts.length - 1] ?? {
            lead: [],
            cooperating: [],
            pieces: [p.piece],
            sectionId,
            output: null,
            deadlineText: null,
            tableTask: null,
          };
          // "Các cơ quan sau đây …:" names the kind; the list names the bodies
          if (intro.lead.length > 0 && (!own || own.lead.every(isBareGroup))) intro.lead = [];
          this.drafts.push(...drafts.filter((d) => d !== intro && d.lead.length > 0), intro);
        }
        continue;
      }
      if (endsIntro && preamble) continue;
      this.drafts.push(...drafts.filter((d) => d.lead.length > 0));
    }
  }

  /** Assignments of one paragraph: a new one at each sentence that names its own lead. */
  private fromPiece(piece: Piece, sectionId: string | null, inherited: Owners | null): Draft[] {
    const out: Draft[] = [];
    let current: Draft | null = null;
    // the paragraph is folded once; its sentences take their folds from it (slicePiece)
    foldPiece(piece);
    let parts = sentences(piece);
    // (most sentences have no ";": only those are cut into duty clauses)
    if (parts.some((x) => x.text.includes("; ")))
      parts = parts.flatMap((x) => dutyClauses(x, this.issuerKey));
    for (const s of parts) {
      const low = foldPiece(s);
      if (isClosingFormula(s.text, low)) continue;
      let lead = explicitLead(s.text, this.issuerKey, low);
      // "4. Sở Văn hóa, Thể thao và Du lịch:" / "- Chỉ đạo các cơ quan báo chí …": the Sở directs them
      if (lead?.directed && inherited && inherited.lead.length > 0) lead = null;
      if (!lead && CLOSING.test(low)) continue;
      if (lead) {
        current = {
          lead: lead.lead,
          cooperating: [],
          pieces: [s],
          sectionId,
          output: null,
          deadlineText: null,
          tableTask: null,
        };
        out.push(current);
      } else if (current) current.pieces.push(s);
      else {
        current = {
          lead: inherited ? [...inherited.lead] : [],
          cooperating: inherited ? [...inherited.cooperating] : [],
          pieces: [s],
          sectionId,
          output: null,
          deadlineText: null,
          tableTask: null,
        };
        out.push(current);
      }
    }
    return out;
  }

  /** Rows of a task table (STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm). Returns the next index. */
  private addTable(paras: Paragraph[], from: number, sectionId: string | null): number {
    let k = from;
    let cols = null as ReturnType<typeof taskColumns>;
    while (k < paras.length && (paras[k] as Paragraph).kind === "row") {
      const row = paras[k] as Paragraph;
      const cells = row.cells ?? [];
      k++;
      if (!cols) {
        cols = taskColumns(cells);
        continue;
      }
      const task = cells[cols.task] ?? "";
      const lead = cells[cols.lead] ?? "";
      if (!task || !lead || /^\d+$/.test(task)) continue;
      if (cells.every((c, i) => i === cols?.task || i === cols?.number || c === "")) continue;
      const deadlineCell = cols.deadline !== null ? (cells[cols.deadline] ?? "") : "";
      this.drafts.push({
        lead: splitBodies(lead.replace(/\s+-\s+/g, "; ")),
        cooperating:
          cols.cooperating !== null
            ? splitBodies((cells[cols.cooperating] ?? "").replace(/\s+-\s+/g, "; "))
            : [],
        pieces: [row.piece],
        sectionId,
        output: cols.output !== null ? cells[cols.output] || null : null,
        deadlineText: deadlineCell || null,
        tableTask: task,
      });
    }
    return k;
  }

  /** A section: its heading may name the body it is addressed to. */
  addSection(
    node: SectionNode,
    inherited: Owners | null,
    visit: (child: SectionNode, owners: Owners | null) => void,
  ): void {
    const heading = node.heading.text;
    const low = foldPiece(node.heading);
    if (REPORT_HEADING.test(low)) return;
    const verb = LEAD_VERB.exec(low);
    const b = readBodies(heading, verb ? verb[0].length : 0, heading.length, low);
    const leaf = node.content.length === 0 && node.children.length === 0;
    let owners = inherited;
    let headingIsTask = false;
    const after = b ? heading.slice(b.end).replace(/^[\s,.:;]+/, "") : "";
    // "1. Sở Y tế đã tổ chức …": what the body did, in a report
    const reported = b !== null && REPORTED.test(fold(after));
    if (b && !reported) {
      // the bodies it names carry out what it holds: "3. Sở Tài chính", "1. Sở Y tế chủ trì, phối hợp với …:"
      owners = {
        lead: splitBodies(b.text),
        cooperating: cooperatingIn(node.whole.text, foldPiece(node.whole)),
      };
      // an item that introduces lettered items ("…, phối hợp với …:" / "a) …") is not a task of its own;
      // one that is a sentence ("1. Sở Y tế chủ trì triển khai chương trình.") is
      const introducesItems = node.endsWithColon && node.children.length > 0 && node.content.length === 0;
      const sentence = !node.endsWithColon && /[.;]\s*$/.test(node.whole.text);
      headingIsTask = !introducesItems && after.length > 0 && (after.length >= 40 || leaf || sentence);
    } else if (!b && inherited !== null && leaf && node.whole.text.length >= MIN_ITEM_TASK) {
      // a lettered item under a lead ("a) Rà soát danh sách …, gửi … trước ngày 15/12/2026."): the task
      headingIsTask = true;
    } else if (!b && leaf && namesLeadInside(node.whole.text, foldPiece(node.whole), this.issuerKey)) {
      // an item that names its lead after an opening phrase ("2. Theo chỉ đạo của Bộ Y tế, Sở Y tế chủ trì …")
      headingIsTask = true;
    }
    const paras: Paragraph[] = [];
    if (headingIsTask) {
      const whole = node.rest ? trimPiece(node.whole) : node.heading;
      paras.push({
        piece: whole,
        firstLine: node.firstLine,
        lastLine: node.firstLine,
        kind: "text",
        label: null,
        cells: null,
      });
    } else if (node.rest) {
      paras.push({
        piece: node.rest,
        firstLine: node.firstLine,
        lastLine: node.firstLine,
        kind: "text",
        label: null,
        cells: null,
      });
    }
    paras.push(...node.content);
    // an introduction that names the body ("Sở Tài chính có trách nhiệm:") leads the subsections
    if (!b && node.children.length > 0) {
      let k = paras.length - 1;
      while (k >= 0 && !endsWithColon((paras[k] as Paragraph).piece.text)) k--;
      const introLead = paras[k];
      const introLow = introLead ? foldPiece(introLead.piece) : "";
      const l = introLead ? explicitLead(introLead.piece.text, this.issuerKey, introLow) : null;
      if (l && introLead)
        owners = { lead: l.lead, cooperating: cooperatingIn(introLead.piece.text, introLow) };
    }
    this.addParagraphs(paras, node.id, owners, false, headingIsTask && node.endsWithColon);
    for (const child of node.children) visit(child, owners);
  }

  result(): Assignment[] {
    return this.drafts.map((d, i) => {
      const table = d.tableTask;
      const text =
        table ??
        (d.pieces.length === 1 ? (d.pieces[0] as Piece).text : d.pieces.map((p) => p.text).join(" "));
      const task = table !== null ? clean(table) : taskOf(text);
      // (a fold of its own: the sentences' folds are slices of the document's, and a slice of one
      // reads much slower with COOP than a string of its own, measured on the whole parse)
      const taskLow = fold(task);
      const deadline =
        d.deadlineText !== null
          ? readDeadline(d.deadlineText, this.ctx, true)
          : readDeadline(task, this.ctx, false, taskLow);
      // a task's own "phối hợp với …" comes before what it inherits from its section or introduction
      const own = table ? [] : cooperatingIn(task, taskLow);
      const cooperating = own.length > 0 ? own : d.cooperating;
      const first = spanOf(d.pieces[0] as Piece);
      const last = spanOf(d.pieces[d.pieces.length - 1] as Piece);
      const out: Assignment = {
        id: `a${i + 1}`,
        lead: d.lead,
        cooperating,
        task,
        sectionId: d.sectionId,
        deadline,
        span: [first[0], Math.max(first[1], last[1])],
      };
      if (d.output !== null) out.output = d.output;
      return out;
    });
  }
}
