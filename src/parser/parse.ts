// The document parser: text in, parsed-document/1 out. Pure (no IO, no clock) and total: whatever the
// input, it returns a valid object; what it cannot read becomes a warning.
import { type MessageCode, type MessageParams, message } from "../messages/catalog.ts";
import { AssignmentCollector, type Owners } from "./assignments.ts";
import { readBodies } from "./bodies.ts";
import {
  claimIssuer,
  claimMottos,
  claimPlaceDate,
  claimSymbol,
  claimTitle,
  claimTypeLine,
  type Title,
} from "./header.ts";
import { claimPageFurniture, claimRules } from "./lines.ts";
import { buildParagraphs, measureLayout, type Paragraph } from "./paragraphs.ts";
import { claimRecipients } from "./recipients.ts";
import { findReferences } from "./references.ts";
import type { Appendix, DocumentType, ParsedDocument, SourceFormat, Warning } from "./schema.ts";
import { buildSections, type SectionNode, toSchemaSections, walk } from "./sections.ts";
import { isSignatureStart, normaliseAuthority, readSignatureZone } from "./signature.ts";
import { claimStamps } from "./stamps.ts";
import { readTableRow } from "./tables.ts";
import { findTailBlocks, readCopy, type TailBlock } from "./tail.ts";
import { findTargets, indicatorColumns, isResultsTable, type TargetUnit } from "./targets.ts";
import { clean, DocText, fold, foldPiece, type Line, type Piece, rawPiece, spanOf } from "./text.ts";
import { typeFromCode } from "./vocabulary.ts";

export interface SourceInfo {
  name: string;
  format: SourceFormat;
  sha256: string;
}

type System = "party" | "state" | null;

function warn(code: MessageCode, params: MessageParams = {}, span?: [number, number]): Warning {
  return span ? { code, message: message(code, params), span } : { code, message: message(code, params) };
}

function empty(src: string, source: SourceInfo, warnings: Warning[]): ParsedDocument {
  return {
    schema: "parsed-document/1",
    source: { ...source, chars: src.length },
    system: null,
    type: "other",
    symbol: null,
    number: null,
    issuer: null,
    place: null,
    date: null,
    title: null,
    recipients: [],
    distribution: [],
    signer: null,
    references: [],
    received: [],
    copies: [],
    preamble: null,
    sections: [],
    assignments: [],
    targets: [],
    warnings,
    appendices: [],
  };
}

/** Parses the text of one official document. Pure: no IO, never throws. */
export function parseDocument(
  text: string,
  source: SourceInfo,
  extraWarnings: Warning[] = [],
): ParsedDocument {
  try {
    return parseText(text, source, extraWarnings);
  } catch (error) {
    // A bug must not lose the user's document: return what is certain and say why.
    const src = String(text ?? "").normalize("NFC");
    const detail = error instanceof Error ? error.message : String(error);
    return empty(src, source, [...extraWarnings, warn("parser-error", { detail })]);
  }
}

function firstContentLine(doc: DocText): number {
  for (const line of doc.lines) {
    if (line.end - line.start < 40) continue;
    const t = doc.visible(line);
    if (/\p{Ll}.*\p{Ll}/u.test(t) && t.trim().length >= 40) return line.index;
  }
  return doc.lines.length;
}

function symbolSystem(symbol: string | null): System {
  if (!symbol) return null;
  if (/^\d*[a-z]?-[A-Za-zĐđ]+\//.test(symbol)) return "party";
  if (/^\d*[a-z]?(?:\/\d{4})?\/[A-Za-zĐđ]+-/.test(symbol)) return "state";
  return null;
}

function bodySystem(name: string | null): System {
  if (!name) return null;
  const f = fold(name);
  if (
    /tỉnh ủy|thành ủy|huyện ủy|đảng ủy|đảng bộ|ban thường vụ|bộ chính trị|ban chấp hành|ban bí thư|ban tuyên giáo|chi bộ|đảng đoàn|ban cán sự/.test(
      f,
    )
  )
    return "party";
  if (/ủy ban nhân dân|ubnd|hội đồng nhân dân|sở |^sở|chính phủ|thủ tướng|bộ |văn phòng ubnd/.test(f))
    return "state";
  return null;
}

function typeFromSymbol(symbol: string | null, party: boolean): DocumentType | null {
  if (!symbol) return null;
  const p = /^\d*[a-z]?-([A-Za-zĐđ]+)\//.exec(symbol);
  if (p) return typeFromCode(p[1] as string, true);
  const s = /^\d*[a-z]?(?:\/\d{4})?\/([A-Za-zĐđ]+)-/.exec(symbol);
  if (s) return typeFromCode(s[1] as string, party) ?? "cong_van";
  return null;
}

/** "…, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch …": the issuer named in the opening sentence. */
function openingIssuer(paras: Paragraph[]): string | null {
  for (const p of paras.slice(0, 3)) {
    const low = fold(p.piece.text);
    const m = /\s(ban hành|yêu cầu|thông báo|có ý kiến chỉ đạo|kết luận như sau|chỉ thị)\b/.exec(low);
    if (!m) continue;
    const clauseStart = Math.max(low.lastIndexOf(",", m.index), low.lastIndexOf(".", m.index)) + 1;
    for (let s = clauseStart; s >= 0 && s < m.index; s = low.indexOf(" ", s + 1) + 1) {
      const b = readBodies(p.piece.text, s, m.index + 1, low);
      if (b && Math.abs(b.end - m.index) <= 1) return b.text;
      if (low.indexOf(" ", s + 1) < 0) break;
    }
  }
  return null;
}

const PAST_TARGET =
  /(chiến lược|kế hoạch|chương trình|đề án|quy hoạch|mục tiêu|tầm nhìn|phấn đấu|định hướng)[^.;]{0,120}?đến năm (\d{4})/g;
const RESULT_HEADING = /kết quả|tình hình|đánh giá|thực trạng/;
// a figure with a percent sign, or after the words that set a value
const QUANTITY_IN_HEADING =
  /\d\s?[%‰]|(?:đạt|từ|trên|dưới|tối thiểu|ít nhất|không quá|tối đa|khoảng|có|là|còn|lên|tăng|giảm|mức|gấp|tốp|top|nhóm) \d/;
const YEAR_IN_HEADING = /(?:đến|tới|năm)\s(?:năm\s)?(20\d\d)|giai đoạn\s(?:20\d\d)\s?[-–]\s?(20\d\d)/;

function parseText(text: string, source: SourceInfo, extraWarnings: Warning[]): ParsedDocument {
  const doc = new DocText(String(text ?? ""));
  const warnings: Warning[] = [...extraWarnings];
  if (doc.src.trim().length === 0) return empty(doc.src, source, [...warnings, warn("no-structure")]);
  const n = doc.lines.length;

  const furniture = claimPageFurniture(doc);
  if (furniture > 0) warnings.push(warn("page-furniture-removed", { count: furniture }));

  // The main signature: the first "Nơi nhận" or authority line after the text has begun.
  let sigStart = n;
  for (let i = firstContentLine(doc) + 1; i < n; i++) {
    if (isSignatureStart(doc, doc.lines[i] as Line)) {
      sigStart = i;
      break;
    }
  }
  const tail = findTailBlocks(doc, sigStart < n ? sigStart + 1 : Math.floor(n * 0.4), sigStart < n);
  const firstTail = tail[0]?.start ?? n;
  const mainEnd = Math.min(sigStart, firstTail);

  // Header: stamps first (their "Số:" is not the document's), then mottos, symbol, place and date.
  const stamps = claimStamps(doc, 0, mainEnd);
  for (const span of stamps.spans) warnings.push(warn("stamp-removed", {}, span));
  const mottos = claimMottos(doc, 0, mainEnd);
  const symbol = claimSymbol(doc, 0, mainEnd);
  const placeDate = claimPlaceDate(doc, 0, mainEnd);
  const layout0 = measureLayout(doc, 0, mainEnd);
  const typeLine = claimTypeLine(doc, 0, mainEnd);
  const anchors = [
    ...(symbol ? [symbol.line] : []),
    ...(placeDate ? [placeDate.line] : []),
    ...mottos.map((m) => m.line),
  ];
  let title: Title | null = null;
  if (typeLine) title = claimTitle(doc, typeLine.lastLine + 1, mainEnd, typeLine.rest, layout0.doubleSpaced);
  else {
    const lo = anchors.length > 0 ? Math.max(0, Math.min(...anchors) - 3) : 0;
    const hi = anchors.length > 0 ? Math.min(mainEnd, Math.max(...anchors) + 12) : Math.min(mainEnd, 20);
    for (let i = lo; i < hi && !title; i++) {
      const line = doc.lines[i] as Line;
      if (doc.isBlank(line)) continue;
      const t = fold(doc.visible(line).trim());
      if (/^(v\/v|về việc)\b/.test(t) || (/^về\s/.test(t) && anchors.length > 0 && t.length < 200)) {
        title = claimTitle(doc, i, mainEnd, null, layout0.doubleSpaced);
      }
    }
  }
  const issuerHeader = claimIssuer(doc, anchors, mainEnd);
  const recipients = claimRecipients(doc, 0, mainEnd, layout0.doubleSpaced);
  claimRules(doc, 0, mainEnd);

  // The body: what is left before the signature.
  const layout = measureLayout(doc, 0, mainEnd);
  const paras = buildParagraphs(doc, 0, mainEnd, layout);
  const tree = buildSections(paras);

  if (anchors.length > 0) {
    const first = Math.min(...anchors);
    const before = paras.find((p) => p.lastLine < first && p.piece.text.length >= 40);
    if (before) {
      const a = doc.lines[first] as Line;
      const b = doc.lines[Math.max(...anchors)] as Line;
      warnings.push(warn("header-out-of-place", {}, [a.start, b.end]));
    }
  }

  // Signature, copies, appendices.
  const zone = sigStart < n ? readSignatureZone(doc, sigStart, firstTail) : null;
  let system: System = null;
  const mottoKinds = new Set(mottos.map((m) => m.kind));
  if (mottoKinds.size === 1) system = mottos[0]?.kind ?? null;
  else if (mottoKinds.size > 1) system = (mottos[0] as (typeof mottos)[number]).kind;
  system ??= symbolSystem(symbol?.symbol ?? null);
  if (!system && zone?.authority) {
    if (zone.authority.kind === "TM") system = zone.authority.printed.includes("/") ? "party" : "state";
  }
  system ??= bodySystem(issuerHeader?.name ?? typeLine?.body ?? null);

  const copies: ParsedDocument["copies"] = [];
  const appendices: Appendix[] = [];
  const appendixTrees: { tree: ReturnType<typeof buildSections>; block: TailBlock; index: number }[] = [];
  for (const block of tail) {
    if (block.kind === "copy") {
      const { copy, signerAuthority } = readCopy(doc, block);
      const copySystem = symbolSystem(copy.symbol ?? null) ?? system;
      if (copy.signer && signerAuthority)
        copy.signer.authority = normaliseAuthority(signerAuthority, copySystem);
      copies.push(copy);
      continue;
    }
    const appendix = readAppendix(doc, block, appendices.length + 1);
    appendixTrees.push({ tree: appendix.tree, block, index: appendices.length });
    appendices.push(appendix.appendix);
  }

  // Symbol, date, type.
  if (symbol && symbol.number === null)
    warnings.push(warn("symbol-number-missing", { symbol: symbol.symbol }, symbol.span));
  if (placeDate?.incomplete) warnings.push(warn("date-incomplete", { text: placeDate.text }, placeDate.span));
  if (placeDate?.invalid) warnings.push(warn("date-invalid", { text: placeDate.text }, placeDate.span));
  const date = placeDate?.date ?? null;
  const docYear = date ? Number(date.slice(0, 4)) : null;

  let type: DocumentType | null = typeLine?.type ?? null;
  type ??= typeFromSymbol(symbol?.symbol ?? null, system === "party");
  if (!type && title?.vv) type = "cong_van";
  if (!type) {
    type = "other";
    warnings.push(warn("unknown-type"));
  }

  // Issuer: the header, made more specific by the type line ("KẾT LUẬN CỦA BỘ CHÍNH TRỊ") or, with
  // no header, named by the opening sentence.
  let issuer: ParsedDocument["issuer"] = null;
  if (issuerHeader) issuer = { name: issuerHeader.name, parent: issuerHeader.parent };
  if (typeLine?.body) {
    if (!issuer) issuer = { name: typeLine.body, parent: null };
    else if (fold(issuer.name) !== fold(typeLine.body)) issuer = { name: typeLine.body, parent: issuer.name };
  }
  if (!issuer) {
    const named = openingIssuer(tree.preamble);
    if (named) issuer = { name: named, parent: null };
  }
  system ??= bodySystem(issuer?.name ?? null);

  const signer = zone
    ? { ...zone.signer, authority: zone.authority ? normaliseAuthority(zone.authority, system) : null }
    : null;
  const hasSigner = signer && (signer.authority || signer.name || signer.role);

  // References.
  const sectionPieces: Piece[] = [];
  walk(tree.roots, (node) => {
    sectionPieces.push(node.heading);
    if (node.rest) sectionPieces.push(node.rest);
    for (const p of node.content) sectionPieces.push(p.piece);
  });
  for (const a of appendixTrees) {
    for (const p of a.tree.preamble) sectionPieces.push(p.piece);
    walk(a.tree.roots, (node) => {
      sectionPieces.push(node.heading);
      for (const p of node.content) sectionPieces.push(p.piece);
    });
  }
  // footnotes are kept out of the text, but the documents they cite are references
  for (let i = 0; i < n; i++)
    if (doc.kinds[i] === "footnote") {
      const line = doc.lines[i] as Line;
      sectionPieces.push(rawPiece(doc, line.start, line.end));
    }
  const exclude = new Set<string>();
  if (symbol) exclude.add(symbol.symbol);
  for (const c of copies) if (c.symbol) exclude.add(c.symbol);
  const references = findReferences({
    title: title?.piece ?? null,
    opening: tree.preamble.map((p) => p.piece),
    body: sectionPieces,
    exclude,
    party: system === "party",
  });

  // Assignments.
  const collector = new AssignmentCollector({
    issuer: issuer?.name ?? null,
    year: docYear,
    date: date?.length === 10 ? date : null,
  });
  collector.addParagraphs(tree.preamble, null, null, true);
  const visit = (node: SectionNode, owners: Owners | null): void => collector.addSection(node, owners, visit);
  for (const root of tree.roots) visit(root, null);
  for (const a of appendixTrees) {
    collector.addParagraphs(a.tree.preamble, null, null, false);
    for (const root of a.tree.roots) visit(root, null);
  }
  const assignments = collector.result();

  // Targets.
  const units: TargetUnit[] = [];
  const titleYear = title ? YEAR_IN_HEADING.exec(fold(title.text)) : null;
  const docTargetYear = titleYear ? Number(titleYear[1] ?? titleYear[2]) : null;
  // paragraphs as units; a table of indicators is one unit, read by its columns
  const pushUnits = (opening: Piece[], paras: Paragraph[], context: Omit<TargetUnit, "piece">): void => {
    for (const piece of opening) units.push({ piece, ...context });
    for (let k = 0; k < paras.length; k++) {
      const p = paras[k] as Paragraph;
      const firstRow = p.kind === "row" && paras[k - 1]?.kind !== "row";
      if (firstRow && p.cells && isResultsTable(p.cells)) {
        while (paras[k + 1]?.kind === "row") k++;
        continue;
      }
      const columns =
        firstRow && p.cells && !context.resultSection
          ? indicatorColumns(p.cells, context.targetSection)
          : null;
      if (!columns) {
        units.push({ piece: p.piece, ...context });
        continue;
      }
      const rows: { cells: string[]; piece: Piece }[] = [];
      for (k++; k < paras.length && (paras[k] as Paragraph).kind === "row"; k++) {
        const row = paras[k] as Paragraph;
        if (row.cells && row.cells.length > 0) rows.push({ cells: row.cells, piece: row.piece });
      }
      k--;
      units.push({ piece: p.piece, ...context, table: { columns, rows } });
    }
  };
  const addUnits = (roots: SectionNode[], preamble: Paragraph[]): void => {
    const context = { sectionId: null, targetSection: false, resultSection: false, year: docTargetYear };
    pushUnits([], preamble, context);
    const visitT = (node: SectionNode, inTarget: boolean, inResult: boolean, year: number | null): void => {
      const h = foldPiece(node.heading);
      // "Kết quả thực hiện các chỉ tiêu": what was reached, not what is set
      const isResult = inResult || (node.heading.text.length < 120 && RESULT_HEADING.test(h));
      const isTarget = inTarget || (/mục tiêu|chỉ tiêu/.test(h) && !RESULT_HEADING.test(h));
      // the year a heading sets ("Mục tiêu đến năm 2030"), not one a lettered item compares with
      // ("… tăng gấp 2 lần so với năm 2025") nor any year of a long item but the one it strives for
      const hy = YEAR_IN_HEADING.exec(h);
      const headingYear =
        hy !== null &&
        !/so với\s$/.test(h.slice(Math.max(0, hy.index - 8), hy.index)) &&
        (node.heading.text.length < 100 || /^(?:đến|tới)/.test(hy[0]));
      let y = hy && headingYear ? Number(hy[1] ?? hy[2]) : year;
      // a numbered paragraph that is a sentence ("1. Phòng Kinh tế chủ trì …, bảo đảm tỷ lệ … đạt 80%")
      // carries targets in its first sentence too; a short heading ("Giai đoạn 2026 - 2030") does not,
      // unless it is an item of a target section that states a quantity ("1. Tỷ lệ che phủ rừng đạt 53%.")
      const sentence = node.heading.text.length >= 60 || (inTarget && QUANTITY_IN_HEADING.test(h));
      const opening = sentence ? [node.whole] : node.rest ? [node.rest] : [];
      const first = opening[0] ?? node.content[0]?.piece;
      const lead = first ? /^\s*(?:[-–+]\s*)?đến năm (20\d\d)/.exec(foldPiece(first)) : null;
      if (lead) y = Number(lead[1]);
      pushUnits(opening, node.content, {
        sectionId: node.id,
        targetSection: isTarget,
        resultSection: isResult,
        year: y,
      });
      for (const c of node.children) visitT(c, isTarget, isResult, y);
    };
    for (const r of roots) visitT(r, false, false, docTargetYear);
  };
  addUnits(tree.roots, tree.preamble);
  for (const a of appendixTrees) addUnits(a.tree.roots, a.tree.preamble);
  const targets = findTargets(units, docYear);

  // Warnings about years and deadlines.
  if (docYear !== null) {
    const pastYears = new Set<string>();
    const scanPast = (p: Piece): void => {
      // (in any case: "ĐẾN NĂM 2020" in a title too; only a piece that has the word is folded)
      const t = p.text;
      if (!t.includes("năm") && !t.includes("NĂM") && !t.includes("Năm")) return;
      const low = foldPiece(p);
      if (!low.includes("đến năm ")) return;
      const re = PAST_TARGET;
      re.lastIndex = 0;
      for (let m = re.exec(low); m; m = re.exec(low)) {
        const y = Number(m[2]);
        if (y >= docYear || y < 1900) continue;
        const at = m.index + m[0].length - 4;
        const span = spanOf(p, at, at + 4);
        const key = `${span[0]}`;
        if (pastYears.has(key)) continue;
        pastYears.add(key);
        warnings.push(warn("past-target-year", { year: y, docYear }, span));
      }
    };
    if (title) scanPast(title.piece);
    for (const p of tree.preamble) scanPast(p.piece);
    for (const p of sectionPieces) scanPast(p);
    for (const t of targets) {
      if (
        t.year !== null &&
        t.year < docYear &&
        !warnings.some(
          (w) => w.code === "past-target-year" && w.span && w.span[0] >= t.span[0] && w.span[1] <= t.span[1],
        )
      )
        warnings.push(warn("past-target-year", { year: t.year, docYear }, t.span));
    }
    if (date && date.length === 10) {
      for (const a of assignments) {
        const d = a.deadline?.date;
        if (d && d < date) warnings.push(warn("deadline-before-document", { date: d }, a.span));
      }
    }
  }
  if (!symbol && type !== "other") warnings.push(warn("symbol-missing"));
  if (!date) warnings.push(warn("date-missing"));

  const sections = toSchemaSections(tree.roots);
  const preamble = tree.preamble.length > 0 ? tree.preamble.map((p) => p.piece.text).join("\n") : null;

  return {
    schema: "parsed-document/1",
    source: { ...source, chars: doc.src.length },
    system,
    type,
    symbol: symbol?.symbol ?? null,
    number: symbol?.number ?? null,
    issuer,
    place: placeDate?.place ?? null,
    date,
    title: title?.text || null,
    recipients: recipients?.items ?? [],
    distribution: zone?.distribution ?? [],
    signer: hasSigner ? signer : null,
    references,
    received: stamps.received,
    copies,
    preamble,
    sections,
    assignments,
    targets,
    warnings: clampSpans(warnings, doc.src.length),
    appendices,
  };
}

function clampSpans(warnings: Warning[], length: number): Warning[] {
  return warnings.map((w) =>
    w.span
      ? { ...w, span: [Math.min(w.span[0], length), Math.min(Math.max(w.span[0], w.span[1]), length)] }
      : w,
  );
}

/** An appendix (or a document attached to a decision): title, text, tables and numbered sections. */
function readAppendix(
  doc: DocText,
  block: TailBlock,
  ordinal: number,
): { appendix: Appendix; tree: ReturnType<typeof buildSections> } {
  const anchor = doc.lines[block.anchor] as Line;
  const titleLines: string[] = [clean(doc.visible(anchor))];
  doc.claimLine(anchor, "appendix");
  let i = block.anchor + 1;
  for (; i < Math.min(block.end, block.anchor + 6); i++) {
    const line = doc.lines[i] as Line;
    if (doc.isBlank(line)) {
      if (titleLines.length > 1) break;
      continue;
    }
    const t = clean(doc.visible(line));
    if (readTableRow(t) || /^\(/.test(t) || t.length > 200) break;
    if (/\p{Ll}/u.test(t) && titleLines.length > 1 && !/^\p{Lu}/u.test(t)) break;
    titleLines.push(t);
    doc.claimLine(line, "appendix");
  }
  const layout = measureLayout(doc, i, block.end);
  const paras = buildParagraphs(doc, i, block.end, layout);
  const tree = buildSections(paras, `a${ordinal}:`);
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const p of paras) {
    if (p.kind === "row" && p.cells) {
      current ??= [];
      current.push(p.cells);
    } else if (current) {
      tables.push(current);
      current = null;
    }
  }
  if (current) tables.push(current);
  const textParts = paras.map((p) => p.piece.text);
  const start = doc.lines[block.start] as Line;
  const end = doc.lines[Math.max(block.start, block.end - 1)] as Line;
  const appendix: Appendix = {
    title: clean(titleLines.join(" ")) || null,
    text: textParts.join("\n"),
    tables,
    span: [start.start, end.end],
  };
  const sections = toSchemaSections(tree.roots);
  if (sections.length > 0) appendix.sections = sections;
  return { appendix, tree };
}
