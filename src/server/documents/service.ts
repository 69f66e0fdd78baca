// Importing a document: parse → resolve bodies → draft (document, sections, proposed tasks,
// assignments, indicators, reporting cycles, links) in one transaction; publishing; the cascade.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { type assignments, tasks } from "../../db/schema/tasks.ts";
import { nameKey, searchKey } from "../../domain/names.ts";
import { buildDirectory, type Directory, resolveIssuer, resolvePhrase } from "../../domain/resolver.ts";
import { suggestParents } from "../../domain/similarity.ts";
import { vietnameseDate } from "../../messages/dates.ts";
import type { ParsedDocument } from "../../parser/schema.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, notFound, staleVersion } from "../errors.ts";
import { groupFor, loadDirectory } from "../organisations/repository.ts";
import { buildDraft } from "./draft.ts";
import * as repo from "./repository.ts";

export interface ImportInput {
  parsed: ParsedDocument;
  /** The text the parser read (NFC), kept with the parse so that review can show its spans. */
  sourceText?: string;
  file: { bytes: Uint8Array; contentType: string };
  actor: Actor;
  publish?: boolean;
}

export interface ImportResult {
  documentId: number;
  status: string;
  sections: number;
  tasks: number;
  assignments: number;
  indicators: number;
  /** Phrases kept as written because no organisation matched them: for review. */
  unresolved: string[];
  /** Group phrases that stand as organisation groups until their members are imported. */
  groups: string[];
  linked: number;
  suggestions: number;
  /** The documents this one implements or cites, with the id of each one already imported. */
  links: { symbol: string; relation: string; documentId: number | null }[];
}

interface ResolvedAssignment {
  organisationId: number | null;
  phrase: string;
  resolution: "resolved" | "group" | "unresolved";
}

async function resolveAll(
  tx: Db,
  dir: Directory,
  phrase: string,
  issuerId: number | null,
  date: string | null,
): Promise<ResolvedAssignment[]> {
  const r = resolvePhrase(dir, phrase, { issuerId, date });
  if (r.status === "resolved")
    return r.ids.map((id) => ({ organisationId: id, phrase, resolution: "resolved" as const }));
  if (r.status === "group") {
    if (r.ids.length > 0)
      return r.ids.map((id) => ({ organisationId: id, phrase, resolution: "group" as const }));
    return [{ organisationId: await groupFor(tx, r.group, phrase), phrase, resolution: "group" }];
  }
  return [{ organisationId: null, phrase, resolution: "unresolved" }];
}

export async function importDocument(db: Db, input: ImportInput): Promise<ImportResult> {
  const { parsed } = input;
  const issuerKey = parsed.issuer ? nameKey(parsed.issuer.name) : "";
  return db.transaction(async (tx) => {
    const duplicate = await repo.findDuplicate(
      tx,
      issuerKey,
      parsed.symbol,
      parsed.date,
      parsed.title,
      parsed.source.sha256,
    );
    if (duplicate?.kind === "symbol")
      throw new DomainError(
        parsed.date ? "duplicate-document" : "duplicate-document-undated",
        409,
        { symbol: parsed.symbol ?? "", date: vietnameseDate(parsed.date) ?? "", existingId: duplicate.id },
        { existingId: duplicate.id },
      );
    if (duplicate?.kind === "file")
      throw new DomainError(
        "duplicate-file",
        409,
        { existingId: duplicate.id },
        { existingId: duplicate.id },
      );

    const dir = buildDirectory(await loadDirectory(tx));
    const issuerId = resolveIssuer(
      dir,
      parsed.issuer?.name ?? null,
      parsed.issuer?.parent ?? null,
      parsed.date,
    );
    const draft = buildDraft(parsed);
    const documentId = await repo.insertDocument(
      tx,
      {
        status: "imported",
        system: parsed.system,
        type: parsed.type,
        symbol: parsed.symbol,
        number: parsed.number,
        issuerName: parsed.issuer?.name ?? null,
        issuerParent: parsed.issuer?.parent ?? null,
        issuerId,
        issuerKey,
        place: parsed.place,
        date: parsed.date,
        title: parsed.title,
        recipients: parsed.recipients,
        distribution: parsed.distribution,
        signer: parsed.signer,
        preamble: parsed.preamble,
        parsed: input.sourceText === undefined ? parsed : { ...parsed, sourceText: input.sourceText },
        sourceName: parsed.source.name,
        sourceFormat: parsed.source.format,
        sourceSha256: parsed.source.sha256,
        searchKey: searchKey([parsed.symbol, parsed.title, parsed.issuer?.name].filter(Boolean).join(" ")),
        createdBy: input.actor.id,
      },
      input.file,
    );
    const sectionIds = await repo.insertSections(tx, documentId, draft.sections);

    const unresolved = new Set<string>();
    const groups = new Set<string>();
    const taskIds = new Map<string, number>();
    const leadsByTask = new Map<string, number[]>();
    let assignmentCount = 0;
    for (const t of draft.tasks) {
      const taskId = await repo.insertTask(tx, {
        documentId,
        sectionId: t.sectionKey ? (sectionIds.get(t.sectionKey) ?? null) : null,
        text: t.text,
        expectedOutput: t.expectedOutput,
        isKey: t.isKey,
        deadlineDate: t.deadlineDate,
        recurrence: t.recurrence,
        deadlineText: t.deadlineText,
        origin: "document",
        spanStart: t.span[0],
        spanEnd: t.span[1],
        searchKey: searchKey(t.text),
      });
      taskIds.set(t.key, taskId);
      const rowsToInsert: (typeof assignments.$inferInsert)[] = [];
      for (const a of t.assignments) {
        for (const r of await resolveAll(tx, dir, a.phrase, issuerId, parsed.date)) {
          if (r.resolution === "unresolved") unresolved.add(a.phrase);
          if (r.resolution === "group") groups.add(a.phrase);
          if (a.role === "lead" && r.organisationId !== null)
            leadsByTask.set(t.key, [...(leadsByTask.get(t.key) ?? []), r.organisationId]);
          rowsToInsert.push({
            taskId,
            documentId,
            organisationId: r.organisationId,
            phrase: a.phrase,
            role: a.role,
            resolution: r.resolution,
            deadlineDate: t.deadlineDate,
            recurrence: t.recurrence,
            isKey: t.isKey,
          });
        }
      }
      await repo.insertAssignments(tx, rowsToInsert);
      assignmentCount += rowsToInsert.length;
    }

    await repo.insertIndicators(
      tx,
      draft.indicators.map((i) => ({
        documentId,
        sectionId: i.sectionKey ? (sectionIds.get(i.sectionKey) ?? null) : null,
        organisationId: issuerId,
        name: i.name,
        text: i.text,
        kind: i.kind,
        unit: i.unit,
        per: i.per,
        targetValue: i.targetValue,
        targetLow: i.targetLow,
        targetHigh: i.targetHigh,
        targetYear: i.targetYear,
        baselineValue: i.baselineValue,
        baselineUnit: i.baselineUnit,
        baselineYear: i.baselineYear,
        spanStart: i.span[0],
        spanEnd: i.span[1],
      })),
    );
    const start =
      parsed.date && parsed.date.length === 10 ? parsed.date : `${(parsed.date ?? "2000").slice(0, 4)}-01-01`;
    for (const c of draft.cycles) {
      await repo.insertCycle(
        tx,
        {
          documentId,
          taskId: taskIds.get(c.taskKey) ?? null,
          name: c.name,
          frequency: c.frequency,
          dueDay: c.dueDay,
          dueMonthOfPeriod: c.dueMonthOfPeriod,
          startDate: start,
        },
        leadsByTask.get(c.taskKey) ?? [],
      );
    }
    await repo.insertLinks(tx, documentId, draft.links);
    const linked = await repo.relinkWaiting(tx, documentId, parsed.symbol, parsed.date);

    // tasks of a child document: suggested parent tasks by similarity, accepted at review
    let suggestions = 0;
    const parentId = await repo.parentDocumentId(tx, documentId);
    if (parentId !== null) {
      const found = suggestParents(await repo.tasksOf(tx, documentId), await repo.tasksOf(tx, parentId));
      await repo.insertSuggestions(
        tx,
        found.map((s) => ({ taskId: s.childId, parentTaskId: s.parentId, score: s.score })),
      );
      suggestions = found.length;
    }
    await appendAudit(tx, input.actor, {
      action: "document.import",
      entity: "document",
      entityId: documentId,
      after: {
        symbol: parsed.symbol,
        title: parsed.title,
        tasks: draft.tasks.length,
        unresolved: [...unresolved],
      },
    });
    let status = "imported";
    if (input.publish) {
      await repo.publish(tx, documentId, 1);
      await appendAudit(tx, input.actor, {
        action: "document.publish",
        entity: "document",
        entityId: documentId,
        before: { status: "imported" },
        after: { status: "published" },
      });
      status = "published";
    }
    return {
      documentId,
      status,
      sections: draft.sections.length,
      tasks: draft.tasks.length,
      assignments: assignmentCount,
      indicators: draft.indicators.length,
      unresolved: [...unresolved],
      groups: [...groups],
      linked,
      suggestions,
      links: await repo.linksOf(tx, documentId),
    };
  });
}

export async function publishDocument(db: Db, id: number, version: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const doc = await repo.documentById(tx, id);
    if (!doc) throw notFound("document", id);
    if (doc.status === "published") throw new DomainError("document-not-draft", 409, { id });
    if (doc.status === "rejected") throw new DomainError("document-rejected", 409, { id });
    if (!(await repo.publish(tx, id, version))) throw staleVersion("document", id, version, doc.version);
    await appendAudit(tx, actor, {
      action: "document.publish",
      entity: "document",
      entityId: id,
      before: { status: doc.status, version },
      after: { status: "published", version: version + 1 },
    });
  });
}

export interface CascadeNode {
  id: number | null;
  symbol: string | null;
  type: string | null;
  issuer: string | null;
  date: string | null;
  title?: string | null;
  imported: boolean;
  children: CascadeNode[];
}

/**
 * The cascade of documents by their `implements` links, from `symbol` or from every root. A
 * referenced document that is not imported yet stands as a node of its own, placed under what the
 * referencing document says it carries out.
 */
export async function cascadeTree(db: Db, symbol?: string): Promise<CascadeNode[]> {
  const docs = await repo.cascadeRows(db);
  const nodes = new Map<string, CascadeNode>();
  const bySymbol = new Map<string, string>();
  for (const d of docs) {
    nodes.set(`d${d.id}`, {
      id: d.id,
      symbol: d.symbol,
      type: d.type,
      issuer: d.issuer,
      date: d.date,
      title: d.title,
      imported: true,
      children: [],
    });
    if (d.symbol) bySymbol.set(d.symbol, `d${d.id}`);
  }
  // stubs for referenced documents, and the stubs their own descriptions refer to, transitively
  const stubParents = new Map<string, string | null>();
  let wanted = [
    ...new Set(
      docs.filter((d) => d.parent_id === null && d.parent_symbol).map((d) => d.parent_symbol as string),
    ),
  ];
  for (let guard = 0; wanted.length > 0 && guard < 10; guard++) {
    const stubs = await repo.missingReferences(
      db,
      wanted.filter((s) => !bySymbol.has(s) && !stubParents.has(s)),
    );
    wanted = [];
    for (const s of stubs) {
      nodes.set(`s${s.symbol}`, {
        id: null,
        symbol: s.symbol,
        type: s.type,
        issuer: s.issuer,
        date: s.date,
        imported: false,
        children: [],
      });
      bySymbol.set(s.symbol, `s${s.symbol}`);
      stubParents.set(s.symbol, s.parentSymbol);
      if (s.parentSymbol) wanted.push(s.parentSymbol);
    }
  }
  const parentOf = new Map<string, string>();
  for (const d of docs) {
    const parent =
      d.parent_id !== null ? `d${d.parent_id}` : d.parent_symbol ? bySymbol.get(d.parent_symbol) : undefined;
    if (parent && parent !== `d${d.id}` && nodes.has(parent)) parentOf.set(`d${d.id}`, parent);
  }
  for (const [symbol, parentSymbol] of stubParents) {
    const parent = parentSymbol ? bySymbol.get(parentSymbol) : undefined;
    if (parent && parent !== `s${symbol}`) parentOf.set(`s${symbol}`, parent);
  }
  for (const [child, parent] of parentOf) nodes.get(parent)?.children.push(nodes.get(child) as CascadeNode);
  if (symbol) return [...nodes.values()].filter((n) => n.symbol === symbol);
  return [...nodes.entries()].filter(([k]) => !parentOf.has(k)).map(([, n]) => n);
}

export interface ShownDocument {
  id: number;
  symbol: string | null;
  type: string;
  status: string;
  issuer: string | null;
  date: string | null;
  title: string | null;
  tasks: {
    id: number;
    text: string;
    deadline: string | null;
    recurrence: string | null;
    assignments: {
      id: number;
      organisationId: number | null;
      organisation: string | null;
      phrase: string;
      role: string;
      resolution: string;
      /** Set when the body was dissolved and this duty moved to its successor's assignment. */
      transferredTo: number | null;
    }[];
  }[];
  indicators: {
    id: number;
    name: string;
    kind: string;
    value: number | null;
    low: number | null;
    high: number | null;
    unit: string | null;
    year: number | null;
  }[];
}

export async function showDocument(db: Db, symbolOrId: string): Promise<ShownDocument> {
  const list = /^\d+$/.test(symbolOrId)
    ? [await repo.documentById(db, Number(symbolOrId))].filter((d) => d !== null)
    : await repo.documentsBySymbol(db, symbolOrId);
  const doc = list[0];
  if (!doc) throw notFound("document", symbolOrId);
  const taskRows = await db.select().from(tasks).where(eq(tasks.documentId, doc.id)).orderBy(tasks.id);
  const assignmentRows = await rows<{
    id: number;
    task_id: number;
    organisation_id: number | null;
    name: string | null;
    phrase: string;
    role: string;
    resolution: string;
    transferred_to_id: number | null;
  }>(
    db,
    sql`select a.id, a.task_id, a.organisation_id, o.name, a.phrase, a.role, a.resolution, a.transferred_to_id
        from assignments a left join organisations o on o.id = a.organisation_id
        where a.document_id = ${doc.id} order by a.id`,
  );
  const indicatorRows = await rows<{
    id: number;
    name: string;
    kind: string;
    target_value: string | null;
    target_low: string | null;
    target_high: string | null;
    unit: string | null;
    target_year: number | null;
  }>(
    db,
    sql`select id, name, kind, target_value, target_low, target_high, unit, target_year from indicators where document_id = ${doc.id} order by id`,
  );
  const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
  return {
    id: doc.id,
    symbol: doc.symbol,
    type: doc.type,
    status: doc.status,
    issuer: doc.issuerName,
    date: doc.date,
    title: doc.title,
    tasks: taskRows.map((t) => ({
      id: t.id,
      text: t.text,
      deadline: t.deadlineDate,
      recurrence: t.recurrence,
      assignments: assignmentRows
        .filter((a) => a.task_id === t.id)
        .map((a) => ({
          id: a.id,
          organisationId: a.organisation_id,
          organisation: a.name,
          phrase: a.phrase,
          role: a.role,
          resolution: a.resolution,
          transferredTo: a.transferred_to_id,
        })),
    })),
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      value: num(i.target_value),
      low: num(i.target_low),
      high: num(i.target_high),
      unit: i.unit,
      year: i.target_year,
    })),
  };
}
