// Everything a review report and its tables say, loaded once for a request. The counts are the
// dashboard's own (src/server/rollups/figures.ts statusFigure, coverageFigure, indicatorFigure, the
// completeness matrix of src/server/reports), called with the same filter, judged on the report's
// day; the rows added here are the ones those figures counted (assignments by id, sessions and plans
// by the references the coverage rows carry), so a table and the count above it always agree.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { FREQUENCIES, type Period, parsePeriod, periodsBetween } from "../../domain/period.ts";
import { type DocumentSystem, issuerCodeOf, type Signer, systemOf } from "../../domain/report-layout.ts";
import {
  type AppendixTask,
  gatherRemarks,
  type IndicatorLine,
  type Remark,
  type Review,
  type ReviewData,
  ROWS_IN_TABLE,
  type StatusCounts,
} from "../../domain/review-report.ts";
import { STATUSES, type Status } from "../../domain/status.ts";
import { message } from "../../messages/catalog.ts";
import type { Principal } from "../auth/service.ts";
import { documentInScope } from "../http/scope.ts";
import { indicatorDetail } from "../indicators/detail.ts";
import { indicatorDefinition, valuesOf } from "../indicators/repository.ts";
import { type CycleCompletenessOut, completenessOut } from "../reports/completeness.ts";
import { completenessOf, cycleInScope, totalRates } from "../reports/repository.ts";
import { coverageFigure, indicatorFigure, statusFigure } from "../rollups/figures.ts";
import type { BodyFilter, Level } from "../rollups/filter.ts";
import {
  type AssignmentDetail,
  assignmentDetails,
  type DocumentBrief,
  documentBrief,
  documentsByIds,
  type OrganisationBrief,
  organisationBrief,
  organisationExtras,
  organisationsWithAncestors,
  remarksOf,
  sectionsOf,
  sessionsByIds,
  superiorOf,
} from "./repository.ts";

export const EXPORT_FORMATS = ["docx", "xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The tables of an export: every one a sheet of the workbook, any one a CSV file. */
export const EXPORT_TABLES = [
  "tasks",
  "indicators",
  "indicator-values",
  "completeness",
  "dissemination",
  "concretization",
  "organisations",
  "remarks",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const REVIEWS = ["interim", "final"] as const;

export interface ExportRequest {
  documentId: number | null;
  organisationId: number | null;
  level: Level | null;
  /** A period key: "2026", "2026-H1", "2026-Q3", "2026-07". */
  period: string;
  review: Review;
  format: ExportFormat;
  /** One table (CSV needs one; a workbook holds all when none is named). */
  table: ExportTable | null;
}

export interface AssignmentRow extends AssignmentDetail {
  status: Status;
  organisationCode: string | null;
  organisationName: string | null;
  group: string;
}

export interface IndicatorRow extends IndicatorLine {
  indicatorId: number;
  organisationId: number;
  organisationCode: string | null;
}

export interface ValueRow {
  indicatorId: number;
  indicatorName: string;
  organisationId: number;
  organisationCode: string | null;
  organisationName: string;
  period: string;
  value: number;
  source: string | null;
}

export interface CoverageRow {
  documentSymbol: string | null;
  organisationId: number;
  organisationCode: string | null;
  organisationName: string;
  required: boolean;
  covered: boolean;
  first: string | null;
  count: number;
  /** Sessions: people attending; plans: the documents' symbols. */
  detail: string;
}

export interface OrganisationRow extends OrganisationBrief {
  parentCode: string | null;
  aliases: string[];
  successorCodes: string[];
}

export interface RemarkRow {
  kind: "difficulty" | "proposal";
  text: string;
  organisationName: string;
  organisationCode: string | null;
  cycleName: string;
  period: string;
  submittedOn: string;
}

export interface ReportSource {
  request: ExportRequest;
  review: ReviewData;
  assignments: AssignmentRow[];
  indicators: IndicatorRow[];
  values: ValueRow[];
  completeness: CycleCompletenessOut[];
  dissemination: CoverageRow[];
  concretization: CoverageRow[];
  organisations: OrganisationRow[];
  remarks: RemarkRow[];
}

/** The report's period, and the day its figures are judged on: the period's end, or today while it runs. */
export function reportDays(periodKey: string, today: string): { period: Period; asOf: string } | null {
  const period = parsePeriod(periodKey);
  if (!period) return null;
  return { period, asOf: period.end < today ? period.end : today };
}

/** Every period key that begins inside `period` (a year holds its halves, quarters and months). */
function keysInside(period: Period): string[] {
  return FREQUENCIES.flatMap((f) => periodsBetween(f, period.start, period.end))
    .filter((p) => p.start >= period.start && p.start <= period.end)
    .map((p) => p.key);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

function zeroCounts(): StatusCounts {
  return Object.assign(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, {
    total: 0,
  });
}

/** The issuing body: the organisation asked for, else the document's issuer, else the caller's scope. */
async function issuerOf(
  db: Db,
  p: Principal,
  req: ExportRequest,
  doc: Awaited<ReturnType<typeof documentBrief>> | null,
): Promise<{ body: OrganisationBrief; parent: OrganisationBrief | null; isDocumentIssuer: boolean }> {
  const id = req.organisationId ?? doc?.issuerId ?? p.scopeOrganisationId;
  if (id === null || id === undefined) throw new Error("a report needs an issuing body");
  const body = await organisationBrief(db, id);
  const parent = body.parentId === null ? null : await organisationBrief(db, body.parentId);
  return { body, parent, isDocumentIssuer: doc !== null && doc.issuerId === id };
}

const provinceWord = /^(tỉnh|thành phố)\s+/i;

/** The document's signing block as the report repeats it ("T/M" and "BAN THƯỜNG VỤ" make one line). */
function documentSigner(s: DocumentBrief["signer"]): Signer | null {
  if (!s?.role) return null;
  return {
    authority: [s.authority, s.onBehalfOf].filter(Boolean).join(" "),
    role: s.role,
    name: s.name ?? "",
  };
}

export async function loadReportSource(
  db: Db,
  p: Principal,
  req: ExportRequest,
  today: string,
  progress: (percent: number) => Promise<unknown>,
): Promise<ReportSource> {
  const days = reportDays(req.period, today);
  if (!days) throw new Error(`unparsed period ${req.period}`);
  const { period, asOf } = days;
  const bodies: BodyFilter = {
    scopePath: p.scopePath,
    subtreePath: req.organisationId === null ? null : (await organisationBrief(db, req.organisationId)).path,
    level: req.level,
  };
  const documentId = req.documentId ?? undefined;
  const doc = req.documentId === null ? null : await documentBrief(db, req.documentId);

  const status = await statusFigure(db, bodies, documentId, asOf, "asc", true);
  await progress(20);
  const documents = documentId !== undefined ? sql`d.id = ${documentId}` : documentInScope(p, sql`d.id`);
  const coverage = await coverageFigure(db, bodies, documents, asOf, true);
  await progress(35);
  const indicatorCounts = await indicatorFigure(db, bodies, documentId, true);
  const cycleWhere = [
    sql`(d.id is null or d.status = 'published')`,
    sql`c.review_state <> 'rejected'`,
    cycleInScope(p, "c"),
  ];
  if (documentId !== undefined) cycleWhere.push(sql`c.document_id = ${documentId}`);
  const cycles = (await completenessOf(db, sql.join(cycleWhere, sql` and `), bodies, asOf)).filter(
    (c) => c.bodies.length > 0,
  );
  await progress(45);

  const details = await assignmentDetails(db, bodies, documentId);
  const statusOf = new Map((status.rows ?? []).map((r) => [r.assignmentId, r.status]));
  const covRows = coverage.rows ?? { dissemination: [], concretization: [], tasks: [] };
  const sessions = await sessionsByIds(db, [...new Set(covRows.dissemination.flatMap((r) => r.refs))]);
  const plans = await documentsByIds(db, [...new Set(covRows.concretization.flatMap((r) => r.refs))]);
  const remarkSources = await remarksOf(
    db,
    cycles.map((c) => c.cycleId),
    bodies,
    keysInside(period),
    asOf,
  );
  await progress(55);

  // every (indicator, body) the figure graded, with its path and forecast as the indicator screen
  // computes them (each body's values); a DOCX with more rows than it tables gives counts per
  // indicator only, and needs neither. The values of the periods inside the report's period are
  // the value table.
  const graded = indicatorCounts.rows ?? [];
  const detailed = req.format !== "docx" || graded.length <= ROWS_IN_TABLE;
  const inside = new Set(keysInside(period));
  const indicators: IndicatorRow[] = [];
  const values: ValueRow[] = [];
  for (const ind of indicatorCounts.byIndicator) {
    const definition = await indicatorDefinition(db, ind.indicatorId);
    const list = detailed ? await valuesOf(db, ind.indicatorId, bodies) : [];
    const paths = new Map(indicatorDetail(definition, list).bodies.map((b) => [b.organisationId, b]));
    for (const v of list)
      if (inside.has(v.period))
        values.push({
          indicatorId: ind.indicatorId,
          indicatorName: definition.name,
          organisationId: v.organisationId,
          organisationCode: null,
          organisationName: v.organisationName,
          period: v.period,
          value: v.value,
          source: v.source,
        });
    for (const g of graded) {
      if (g.indicatorId !== ind.indicatorId) continue;
      const path = paths.get(g.organisationId);
      const year = Number(g.period.slice(0, 4));
      indicators.push({
        indicatorId: ind.indicatorId,
        organisationId: g.organisationId,
        organisationCode: null,
        name: definition.name,
        unit: definition.unit,
        organisation: path?.organisationName ?? "",
        kind: definition.kind,
        target: {
          value: definition.targetValue,
          low: definition.targetLow,
          high: definition.targetHigh,
          year: definition.targetYear,
        },
        baseline:
          definition.baselineValue === null
            ? null
            : { value: definition.baselineValue, year: definition.baselineYear },
        latest: { period: g.period, value: g.value },
        expected: path?.expected.find((e) => e.year === year)?.value ?? null,
        status: g.status,
        forecast: path?.forecast
          ? { year: path.forecast.year, value: path.forecast.value, meetsTarget: path.forecast.meetsTarget }
          : null,
      });
    }
  }
  await progress(65);

  // the organisations named anywhere, with their ancestors (an organisation sheet imports on its own)
  const named = new Set<number>();
  for (const a of details) if (a.organisationId !== null) named.add(a.organisationId);
  for (const r of [...covRows.dissemination, ...covRows.concretization]) named.add(r.organisationId);
  for (const r of indicators) named.add(r.organisationId);
  for (const c of cycles) for (const b of c.bodies) named.add(b.organisationId);
  const orgs = await organisationsWithAncestors(db, [...named]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const nameOf = (id: number | null) => (id === null ? null : (orgById.get(id)?.name ?? null));
  const codeOf = (id: number | null) => (id === null ? null : (orgById.get(id)?.code ?? null));
  const extras = await organisationExtras(
    db,
    orgs.map((o) => o.id),
  );
  const organisations: OrganisationRow[] = orgs
    .filter((o) => !o.isGroup)
    .map((o) => ({
      ...o,
      parentCode: codeOf(o.parentId),
      aliases: extras.aliases.get(o.id) ?? [],
      successorCodes: extras.successors.get(o.id) ?? [],
    }));
  for (const r of indicators) {
    r.organisationCode = codeOf(r.organisationId);
    r.organisation ||= nameOf(r.organisationId) ?? "";
  }
  for (const v of values) v.organisationCode = codeOf(v.organisationId);

  // task groups: the top section of a document's task, or the document itself when there are many
  const docIds = [...new Set(details.map((a) => a.documentId))];
  const sections = await sectionsOf(db, docIds);
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const rootOf = (id: number | null) => {
    let s = id === null ? undefined : sectionById.get(id);
    while (s && s.parentId !== null && sectionById.has(s.parentId)) s = sectionById.get(s.parentId);
    return s;
  };
  const groupOf = (a: AssignmentDetail): { key: string; label: string; heading: string } => {
    if (documentId === undefined)
      return { key: `d${a.documentId}`, label: "", heading: a.documentSymbol ?? message("no-symbol") };
    const root = rootOf(a.sectionId);
    return root
      ? { key: `s${root.id}`, label: root.label, heading: root.heading }
      : { key: "other", label: "", heading: message("report-group-other") };
  };
  const labelOf = (a: AssignmentDetail): string => {
    const own = a.sectionId === null ? undefined : sectionById.get(a.sectionId);
    const root = rootOf(a.sectionId);
    const prefix = documentId === undefined && a.documentSymbol ? `${a.documentSymbol} ` : "";
    if (!own || !root) return prefix.trim();
    return `${prefix}${root.id === own.id ? own.label : `${root.label}.${own.label}`}`;
  };

  const groups = new Map<string, { label: string; heading: string; counts: StatusCounts }>();
  const tasks = new Map<number, AppendixTask>();
  const assignments: AssignmentRow[] = details.map((a) => {
    const s = statusOf.get(a.assignmentId);
    if (s === undefined) throw new Error(`assignment ${a.assignmentId} has no status in the figure`);
    const g = groupOf(a);
    const group = groups.get(g.key) ?? { label: g.label, heading: g.heading, counts: zeroCounts() };
    group.counts[s]++;
    group.counts.total++;
    groups.set(g.key, group);
    const t = tasks.get(a.taskId) ?? {
      label: labelOf(a),
      text: a.text,
      deadline: a.deadline,
      recurrence: a.recurrence,
      leads: [],
      counts: zeroCounts(),
      percent: null,
    };
    t.counts[s]++;
    t.counts.total++;
    t.percent = t.counts.total === 1 ? a.percent : null;
    if (a.role === "lead") t.leads.push(nameOf(a.organisationId) ?? a.phrase);
    tasks.set(a.taskId, t);
    return {
      ...a,
      status: s,
      organisationCode: codeOf(a.organisationId),
      organisationName: nameOf(a.organisationId),
      group: g.label ? `${g.label}. ${g.heading}` : g.heading,
    };
  });
  await progress(75);

  const coverageRow =
    (detail: (refs: number[]) => string) =>
    (r: (typeof covRows.dissemination)[number]): CoverageRow => ({
      documentSymbol: null,
      organisationId: r.organisationId,
      organisationCode: codeOf(r.organisationId),
      organisationName: nameOf(r.organisationId) ?? "",
      required: r.required,
      covered: r.covered,
      first: r.first,
      count: r.refs.length,
      detail: detail(r.refs),
    });
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const planById = new Map(plans.map((d) => [d.id, d]));
  const symbolOfDoc = new Map(coverage.byDocument.map((d) => [d.documentId, d.symbol]));
  const dissemination = covRows.dissemination.map((r) => ({
    ...coverageRow((refs) => String(refs.reduce((s, id) => s + (sessionById.get(id)?.attendance ?? 0), 0)))(
      r,
    ),
    documentSymbol: symbolOfDoc.get(r.documentId) ?? null,
  }));
  const concretization = covRows.concretization.map((r) => ({
    ...coverageRow((refs) => refs.map((id) => planById.get(id)?.symbol ?? message("no-symbol")).join("; "))(
      r,
    ),
    documentSymbol: symbolOfDoc.get(r.documentId) ?? null,
  }));

  const remarks: RemarkRow[] = remarkSources.flatMap((r) => {
    const base = {
      organisationName: nameOf(r.organisationId) ?? "",
      organisationCode: codeOf(r.organisationId),
      cycleName: r.cycleName,
      period: r.period,
      submittedOn: r.submittedOn,
    };
    return [
      ...(r.difficulties?.trim()
        ? [{ ...base, kind: "difficulty" as const, text: r.difficulties.trim() }]
        : []),
      ...(r.proposals?.trim() ? [{ ...base, kind: "proposal" as const, text: r.proposals.trim() }] : []),
    ];
  });
  const remarkList = (kind: RemarkRow["kind"]): Remark[] =>
    gatherRemarks(
      remarks.filter((r) => r.kind === kind).map((r) => ({ text: r.text, body: r.organisationName })),
    );

  const issuer = await issuerOf(db, p, req, doc);
  const system: DocumentSystem =
    issuer.isDocumentIssuer && (doc?.system === "party" || doc?.system === "state")
      ? doc.system
      : systemOf(issuer.body.kind);
  const place =
    (issuer.isDocumentIssuer ? doc?.place : null) ??
    issuer.body.provinceName?.replace(provinceWord, "") ??
    "";
  const superior = (doc ? await superiorOf(db, doc.id) : null) ?? issuer.parent?.name ?? null;
  const required = (list: CoverageRow[]) => list.filter((r) => r.required);
  const missingNames = (list: CoverageRow[]) =>
    required(list)
      .filter((r) => !r.covered)
      .map((r) => ({ name: r.organisationName }))
      .sort(byName)
      .map((r) => r.name);

  const review: ReviewData = {
    review: req.review,
    period,
    asOf,
    issuedOn: today,
    system,
    issuer: {
      name: issuer.body.name,
      kind: issuer.body.kind,
      parent: issuer.parent ? { name: issuer.parent.name, kind: issuer.parent.kind } : null,
    },
    issuerCode: issuer.isDocumentIssuer ? issuerCodeOf(doc?.symbol ?? null, system) : null,
    place,
    document: doc
      ? {
          symbol: doc.symbol,
          type: doc.type,
          date: doc.date,
          title: doc.title,
          issuer: doc.issuerId === null ? doc.issuerName : (await organisationBrief(db, doc.issuerId)).name,
        }
      : null,
    scopeName:
      req.organisationId === null ? null : (orgById.get(req.organisationId)?.name ?? issuer.body.name),
    superior,
    signer: issuer.isDocumentIssuer ? documentSigner(doc?.signer ?? null) : null,
    dissemination: {
      counts: coverage.dissemination,
      sessions: sessions.map((s) => ({
        organisation: nameOf(s.organisationId) ?? "",
        heldOn: s.heldOn,
        form: s.form,
        attendance: s.attendance,
      })),
      missing: missingNames(dissemination),
    },
    concretization: {
      counts: coverage.concretization,
      plans: covRows.concretization
        .filter((r) => r.required && r.covered)
        .map((r) => ({
          organisation: nameOf(r.organisationId) ?? "",
          documents: r.refs.map((id) => ({
            symbol: planById.get(id)?.symbol ?? null,
            date: planById.get(id)?.date ?? null,
          })),
        })),
      missing: missingNames(concretization),
      tasks: coverage.tasks,
    },
    status: {
      counts: status.counts,
      completion: status.completion,
      onTime: status.onTime,
      groups: [...groups.values()],
      lagging: status.byOrganisation
        .filter((b) => b.counts.overdue > 0)
        .map((b) => ({
          organisation: b.name ?? message("pretty-unknown"),
          overdue: b.counts.overdue,
          total: b.counts.total,
        }))
        .sort((a, b) => b.overdue - a.overdue || a.organisation.localeCompare(b.organisation, "vi")),
    },
    indicators: {
      counts: indicatorCounts.counts,
      outcome: indicatorCounts.outcome,
      byIndicator: indicatorCounts.byIndicator.map((i) => ({ name: i.name, unit: i.unit, counts: i.counts })),
      rows: indicators,
    },
    reporting: cycles.length === 0 ? null : totalRates(cycles),
    remarks: { difficulties: remarkList("difficulty"), proposals: remarkList("proposal") },
    tasks: [...tasks.values()],
  };
  await progress(80);
  return {
    request: req,
    review,
    assignments,
    indicators,
    values,
    completeness: cycles.map((c) => completenessOut(c, false)),
    dissemination,
    concretization,
    organisations,
    remarks,
  };
}
