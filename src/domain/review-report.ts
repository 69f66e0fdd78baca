// A review report (báo cáo sơ kết, tổng kết) as a document model: what goes in which section, in
// which order, with which words and numbers. The figures come in already counted (the dashboard's
// rollups); this decides only how a report states them. Writers (DOCX) lay the model out.
//
//   I    dissemination: bodies that held a session out of those given work, sessions, attendance
//   II   concretization: bodies that issued their own plan out of those that had to, the plans,
//        the document's tasks taken up by its children
//   III  results: status counts in the official categories, by task group, bodies with overdue work
//   IV   indicators: baseline, target, latest value, value expected on the path, grade, forecast
//   V    reporting completeness, difficulties and proposals gathered from the bodies' reports
//   VI   directions for the time ahead
//   appendix: every task with its lead bodies, deadline and result
import { message } from "../messages/catalog.ts";
import type { Rates } from "./completeness.ts";
import type { Period } from "./period.ts";
import {
  type DocumentSystem,
  defaultSigner,
  draftSymbol,
  type IssuingBody,
  issuerLines,
  issuerName,
  percent,
  periodName,
  placeDateLine,
  roman,
  type Signer,
  vietnameseNumber,
} from "./report-layout.ts";
import { fill, type HeadingKey, type ReportTemplate } from "./report-template.ts";
import { STATUSES, type Status } from "./status.ts";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "./trajectory.ts";

export type StatusCounts = Record<Status, number> & { total: number };
export type GradeCounts = Record<AssessmentStatus, number> & { total: number };
export interface ShareFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}
export interface CoverageCounts {
  required: number;
  covered: number;
  missing: number;
  rate: number | null;
  unrequired: number;
}
export interface TaskCoverageCounts {
  parents: number;
  covered: number;
  uncovered: number;
  rate: number | null;
  unlinked: number;
}

export type Review = "interim" | "final";

export interface IndicatorLine {
  name: string;
  unit: string | null;
  organisation: string;
  kind: string;
  target: { value: number | null; low: number | null; high: number | null; year: number | null };
  baseline: { value: number; year: number | null } | null;
  latest: { period: string; value: number } | null;
  /** The value the path to the target expects in the latest value's year. */
  expected: number | null;
  status: AssessmentStatus;
  forecast: { year: number; value: number; meetsTarget: boolean | null } | null;
}

export interface Remark {
  text: string;
  bodies: string[];
}

export interface AppendixTask {
  /** The task's place in its document ("II.3"). */
  label: string;
  text: string;
  deadline: string | null;
  recurrence: string | null;
  leads: string[];
  counts: StatusCounts;
  /** The percent reported, when the task has one assignment. */
  percent: number | null;
}

export interface ReviewData {
  review: Review;
  period: Period;
  /** The day the figures are judged on: the period's end, or today while it runs. */
  asOf: string;
  /** The report's own date. */
  issuedOn: string;
  system: DocumentSystem;
  issuer: IssuingBody;
  /** The issuer's code in symbols ("TU", "UBND"). */
  issuerCode: string | null;
  place: string;
  document: {
    symbol: string | null;
    type: string;
    date: string | null;
    title: string | null;
    issuer: string | null;
  } | null;
  /** The organisation whose subtree the report covers, when narrowed to one. */
  scopeName: string | null;
  /** Who the report answers to (the issuer of the directive carried out). */
  superior: string | null;
  /** Who signed the document, when the report's issuer is the document's: the report's signer too. */
  signer: Signer | null;
  dissemination: {
    counts: CoverageCounts;
    sessions: { organisation: string; heldOn: string; form: string; attendance: number | null }[];
    missing: string[];
  };
  concretization: {
    counts: CoverageCounts;
    plans: { organisation: string; documents: { symbol: string | null; date: string | null }[] }[];
    missing: string[];
    tasks: TaskCoverageCounts;
  };
  status: {
    counts: StatusCounts;
    completion: ShareFigure;
    onTime: ShareFigure;
    groups: { label: string; heading: string; counts: StatusCounts }[];
    /** Bodies with overdue assignments, the most first. */
    lagging: { organisation: string; overdue: number; total: number }[];
  };
  indicators: {
    counts: GradeCounts;
    outcome: ShareFigure;
    byIndicator: { name: string; unit: string | null; counts: GradeCounts }[];
    rows: IndicatorLine[];
  };
  reporting: Rates | null;
  remarks: { difficulties: Remark[]; proposals: Remark[] };
  tasks: AppendixTask[];
}

export interface Column {
  title: string;
  /** Share of the table's width, in percent. */
  width: number;
  align: "left" | "center" | "right";
}

export type Block =
  | { kind: "heading"; level: 1 | 2; number: string; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "table"; columns: Column[]; rows: string[][]; total: string[] | null };

export interface ReportModel {
  system: DocumentSystem;
  issuerLines: string[];
  symbol: string;
  motto: string[];
  placeDate: string;
  typeName: string;
  title: string;
  body: Block[];
  recipients: string[];
  signer: Signer;
  appendix: { heading: string; title: string; note: string; table: Block & { kind: "table" } } | null;
}

/** Bodies named in a sentence before the rest are counted ("và 12 cơ quan, đơn vị khác"). */
export const NAMES_IN_TEXT = 30;
/** Tables longer than this stay in the spreadsheet; the report gives their totals. */
export const ROWS_IN_TABLE = 60;

const n = (x: number): string => vietnameseNumber(x, 0);

/** "12/8/2025" as documents cite one another's dates. */
export function citedDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-");
  return [d, m, y]
    .filter((x): x is string => x !== undefined)
    .map((x) => String(Number(x)))
    .join("/");
}

export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function names(list: string[]): string {
  if (list.length <= NAMES_IN_TEXT) return list.join("; ");
  return message("report-names-more", {
    names: list.slice(0, NAMES_IN_TEXT).join("; "),
    count: list.length - NAMES_IN_TEXT,
  });
}

/** The same remark from several bodies is one remark naming them all; the most shared come first. */
export function gatherRemarks(list: readonly { text: string; body: string }[]): Remark[] {
  const key = (t: string) =>
    t
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .replace(/\s+/g, " ")
      .replace(/[\s.;,]+$/, "")
      .trim();
  const out = new Map<string, Remark>();
  for (const x of list) {
    const k = key(x.text);
    if (k === "") continue;
    const seen = out.get(k);
    if (!seen) out.set(k, { text: x.text.trim(), bodies: x.body ? [x.body] : [] });
    else if (x.body && !seen.bodies.includes(x.body)) seen.bodies.push(x.body);
  }
  return [...out.values()]
    .map((r) => ({ ...r, bodies: [...r.bodies].sort((a, b) => a.localeCompare(b, "vi")) }))
    .sort((a, b) => b.bodies.length - a.bodies.length || a.text.localeCompare(b.text, "vi"));
}

export function statusLabel(s: Status): string {
  return message(`report-status-${s}`);
}

export function gradeLabel(s: AssessmentStatus): string {
  return message(`report-grade-${s}`);
}

/** The target in words: "tối thiểu 85 % (2030)", "gấp 2 lần so với gốc (2030)". */
export function targetText(line: Pick<IndicatorLine, "kind" | "unit" | "target">): string {
  const t = line.target;
  const num = (x: number | null) => (x === null ? "?" : vietnameseNumber(x, 2));
  const year = t.year === null ? "" : ` (${t.year})`;
  if (line.kind === "multiple_of_baseline")
    return `${message("target-multiple_of_baseline", { value: num(t.value) })}${year}`;
  if (line.kind === "range" || (t.value === null && (t.low !== null || t.high !== null)))
    return `${message("target-range")} ${withUnit(`${num(t.low)}–${num(t.high)}`, line.unit)}${year}`;
  const known = ["min", "max", "exact", "rank", "rate", "growth_per_year", "increment_per_year"];
  const label = known.includes(line.kind) ? message(`target-${line.kind}` as "target-min") : "";
  return `${label} ${withUnit(num(t.value), line.unit)}${year}`.trim();
}

/** A unit after a number: "98%" but "1.200 người". */
const withUnit = (value: string, unit: string | null): string =>
  unit ? `${value}${unit === "%" ? "" : " "}${unit}` : value;

function valueText(x: number | null, unit: string | null): string {
  return x === null ? "–" : withUnit(vietnameseNumber(x, 2), unit);
}

function statusSentence(c: StatusCounts): string {
  return message("report-results-counts", {
    total: n(c.total),
    ...Object.fromEntries(STATUSES.map((s) => [s, n(c[s])])),
  });
}

const REVIEW_WORD: Record<Review, "report-review-interim" | "report-review-final"> = {
  interim: "report-review-interim",
  final: "report-review-final",
};

/** "Chương trình số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy Quảng Ngãi". */
function documentPhrase(d: NonNullable<ReviewData["document"]>): string {
  const type = message(`type-${d.type}` as "type-other");
  return message("report-document-phrase", {
    type,
    symbol: d.symbol ?? message("no-symbol"),
    date: d.date ? message("report-document-date", { date: citedDate(d.date) as string }) : "",
    issuer: d.issuer ? message("report-document-issuer", { issuer: d.issuer }) : "",
  }).replace(/\s+/g, " ");
}

/** What the report is about, for its title ("thực hiện Chương trình số …") and its opening paragraph. */
function subjectOf(data: ReviewData): { title: string; intro: string } {
  if (data.document) {
    const phrase = documentPhrase(data.document);
    return { title: message("report-subject-document", { document: phrase }), intro: phrase };
  }
  const phrase = message("report-scope-phrase", { scope: data.scopeName ?? data.issuer.name });
  return { title: message("report-subject-scope", { scope: phrase }), intro: phrase };
}

/** A heading in capitals ("NHIỆM VỤ VÀ GIẢI PHÁP") as a sentence names it ("Nhiệm vụ và giải pháp"). */
const sentenceCase = (s: string): string =>
  s === s.toLocaleUpperCase("vi") ? capitalised(s.toLocaleLowerCase("vi")) : s;

const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

class Body {
  readonly blocks: Block[] = [];
  #first = 0;
  #second = 0;

  heading(text: string): void {
    this.#first++;
    this.#second = 0;
    this.blocks.push({
      kind: "heading",
      level: 1,
      number: `${roman(this.#first)}.`,
      text: text.toLocaleUpperCase("vi"),
    });
  }

  subheading(text: string): void {
    this.#second++;
    this.blocks.push({ kind: "heading", level: 2, number: `${this.#second}.`, text });
  }

  paragraph(text: string): void {
    this.blocks.push({ kind: "paragraph", text });
  }

  bullet(text: string): void {
    this.blocks.push({ kind: "bullet", text });
  }

  table(columns: [string, number, Column["align"]][], rows: string[][], total: string[] | null = null): void {
    this.blocks.push({
      kind: "table",
      columns: columns.map(([title, width, align]) => ({ title, width, align })),
      rows,
      total,
    });
  }
}

function dissemination(b: Body, data: ReviewData, heading: string): void {
  const d = data.dissemination;
  b.heading(heading);
  const attendance = d.sessions.reduce((s, x) => s + (x.attendance ?? 0), 0);
  b.paragraph(
    message("report-dissemination-summary", {
      asOf: dayMonthYear(data.asOf),
      covered: n(d.counts.covered),
      required: n(d.counts.required),
      rate: percent(d.counts.rate),
      sessions: n(d.sessions.length),
      attendance: n(attendance),
    }),
  );
  if (d.missing.length > 0)
    b.paragraph(
      message("report-dissemination-missing", { count: n(d.missing.length), names: names(d.missing) }),
    );
  if (d.counts.unrequired > 0)
    b.paragraph(message("report-dissemination-unrequired", { count: n(d.counts.unrequired) }));
  if (d.sessions.length > 0 && d.sessions.length <= ROWS_IN_TABLE)
    b.table(
      [
        [message("report-col-no"), 7, "center"],
        [message("report-col-organisation"), 43, "left"],
        [message("report-col-held-on"), 16, "center"],
        [message("report-col-form"), 18, "center"],
        [message("report-col-attendance"), 16, "right"],
      ],
      d.sessions.map((s, i) => [
        String(i + 1),
        s.organisation,
        dayMonthYear(s.heldOn),
        message(`report-form-${s.form}` as "report-form-conference"),
        s.attendance === null ? "–" : n(s.attendance),
      ]),
    );
}

function concretization(b: Body, data: ReviewData, heading: string): void {
  const c = data.concretization;
  b.heading(heading);
  b.paragraph(
    message("report-concretization-summary", {
      covered: n(c.counts.covered),
      required: n(c.counts.required),
      rate: percent(c.counts.rate),
    }),
  );
  for (const plan of c.plans.slice(0, NAMES_IN_TEXT))
    b.bullet(
      message("report-concretization-plan", {
        organisation: plan.organisation,
        documents: plan.documents
          .map((d) =>
            d.date
              ? message("report-plan-with-date", {
                  symbol: d.symbol ?? message("no-symbol"),
                  date: citedDate(d.date) as string,
                })
              : (d.symbol ?? message("no-symbol")),
          )
          .join(", "),
      }),
    );
  if (c.plans.length > NAMES_IN_TEXT)
    b.bullet(message("report-concretization-more", { count: n(c.plans.length - NAMES_IN_TEXT) }));
  if (c.missing.length > 0)
    b.paragraph(
      message("report-concretization-missing", { count: n(c.missing.length), names: names(c.missing) }),
    );
  if (c.tasks.parents > 0)
    b.paragraph(
      message("report-concretization-tasks", {
        covered: n(c.tasks.covered),
        parents: n(c.tasks.parents),
        rate: percent(c.tasks.rate),
      }),
    );
}

const STATUS_COLUMNS = (): [string, number, Column["align"]][] => [
  [message("report-col-group"), 30, "left"],
  [message("report-col-total"), 9, "right"],
  ...STATUSES.map((s): [string, number, Column["align"]] => [statusLabel(s), 10, "right"]),
  [message("report-col-completion"), 11, "right"],
];

function countsRow(label: string, c: StatusCounts): string[] {
  const done = c.done_on_time + c.done_late;
  const due = done + c.overdue;
  return [label, n(c.total), ...STATUSES.map((s) => n(c[s])), percent(due === 0 ? null : done / due)];
}

function results(b: Body, data: ReviewData, heading: string): void {
  const s = data.status;
  b.heading(heading);
  b.subheading(message("report-results-overall"));
  b.paragraph(statusSentence(s.counts));
  b.paragraph(
    message("report-results-shares", {
      completion: percent(s.completion.value),
      done: n(s.completion.numerator),
      due: n(s.completion.denominator),
      onTime: percent(s.onTime.value),
    }),
  );
  if (s.groups.length > 0) {
    b.subheading(message("report-results-groups"));
    for (const g of s.groups)
      b.bullet(
        message("report-results-group", {
          group: sentenceCase(g.heading),
          total: n(g.counts.total),
          counts: STATUSES.filter((x) => g.counts[x] > 0)
            .map((x) => `${statusLabel(x).toLocaleLowerCase("vi")} ${n(g.counts[x])}`)
            .join("; "),
        }),
      );
    b.table(
      STATUS_COLUMNS(),
      s.groups.map((g) => countsRow(g.label ? `${g.label}. ${g.heading}` : g.heading, g.counts)),
      countsRow(message("report-col-sum"), s.counts),
    );
  }
  b.subheading(message("report-results-lagging"));
  if (s.lagging.length === 0) b.paragraph(message("report-results-none-overdue"));
  else
    for (const l of s.lagging.slice(0, NAMES_IN_TEXT))
      b.bullet(
        message("report-results-lagging-body", {
          organisation: l.organisation,
          overdue: n(l.overdue),
          total: n(l.total),
        }),
      );
  if (s.lagging.length > NAMES_IN_TEXT)
    b.bullet(message("report-results-lagging-more", { count: n(s.lagging.length - NAMES_IN_TEXT) }));
}

function indicators(b: Body, data: ReviewData, heading: string): void {
  const ind = data.indicators;
  b.heading(heading);
  if (ind.counts.total === 0) {
    b.paragraph(message("report-indicators-none"));
    return;
  }
  b.paragraph(
    message("report-indicators-summary", {
      indicators: n(ind.byIndicator.length),
      total: n(ind.counts.total),
      grades: ASSESSMENT_STATUSES.filter((g) => ind.counts[g] > 0)
        .map((g) => `${gradeLabel(g).toLocaleLowerCase("vi")} ${n(ind.counts[g])}`)
        .join(", "),
      rate: percent(ind.outcome.value),
    }),
  );
  if (ind.rows.length <= ROWS_IN_TABLE) {
    b.table(
      [
        [message("report-col-no"), 6, "center"],
        [message("report-col-indicator"), 20, "left"],
        [message("report-col-organisation"), 14, "left"],
        [message("report-col-baseline"), 9, "right"],
        [message("report-col-target"), 13, "left"],
        [message("report-col-latest"), 10, "right"],
        [message("report-col-expected"), 9, "right"],
        [message("report-col-grade"), 9, "center"],
        [message("report-col-forecast"), 10, "right"],
      ],
      ind.rows.map((r, i) => [
        String(i + 1),
        r.name,
        r.organisation,
        r.baseline
          ? `${valueText(r.baseline.value, r.unit)}${r.baseline.year ? ` (${r.baseline.year})` : ""}`
          : "–",
        targetText(r),
        r.latest ? `${valueText(r.latest.value, r.unit)} (${r.latest.period})` : "–",
        valueText(r.expected, r.unit),
        gradeLabel(r.status),
        r.forecast ? `${valueText(r.forecast.value, r.unit)} (${r.forecast.year})` : "–",
      ]),
    );
    return;
  }
  b.table(
    [
      [message("report-col-indicator"), 34, "left"],
      [message("report-col-total"), 10, "right"],
      ...ASSESSMENT_STATUSES.map((g): [string, number, Column["align"]] => [gradeLabel(g), 9, "right"]),
    ],
    ind.byIndicator.map((x) => [
      x.name,
      n(x.counts.total),
      ...ASSESSMENT_STATUSES.map((g) => n(x.counts[g])),
    ]),
  );
  b.paragraph(message("report-see-spreadsheet"));
}

function remarks(b: Body, data: ReviewData, heading: string): void {
  b.heading(heading);
  b.subheading(message("report-remarks-reporting"));
  const r = data.reporting;
  b.paragraph(
    r === null || r.expected === 0
      ? message("report-reporting-none")
      : message("report-reporting-summary", {
          expected: n(r.expected),
          reported: n(r.onTime + r.late),
          rate: percent(r.reportingRate),
          onTime: n(r.onTime),
          onTimeRate: percent(r.onTimeRate),
          missing: n(r.missing),
        }),
  );
  const list = (title: string, items: Remark[], none: string) => {
    b.subheading(title);
    if (items.length === 0) b.paragraph(none);
    for (const x of items.slice(0, NAMES_IN_TEXT))
      b.bullet(message("report-remark", { text: x.text.replace(/[.;,\s]+$/, ""), bodies: names(x.bodies) }));
    if (items.length > NAMES_IN_TEXT)
      b.bullet(message("report-remarks-more", { count: n(items.length - NAMES_IN_TEXT) }));
  };
  list(message("report-remarks-difficulties"), data.remarks.difficulties, message("report-remarks-none"));
  list(message("report-remarks-proposals"), data.remarks.proposals, message("report-remarks-none"));
}

function directions(b: Body, data: ReviewData, template: ReportTemplate): void {
  b.heading(template.headings.directions);
  if (data.status.counts.overdue > 0)
    b.bullet(message("report-direction-overdue", { count: n(data.status.counts.overdue) }));
  if (data.dissemination.missing.length > 0)
    b.bullet(message("report-direction-dissemination", { count: n(data.dissemination.missing.length) }));
  if (data.concretization.missing.length > 0)
    b.bullet(message("report-direction-concretization", { count: n(data.concretization.missing.length) }));
  const behind =
    data.indicators.counts.at_risk + data.indicators.counts.off_track + data.indicators.counts.deteriorating;
  if (behind > 0) b.bullet(message("report-direction-indicators", { count: n(behind) }));
  for (const line of template.directions) b.bullet(line);
}

/** A task's result in the appendix: its status (and percent) alone, or its assignments counted by status. */
export function taskResult(t: AppendixTask): string {
  if (t.counts.total === 0) return "–";
  if (t.counts.total === 1) {
    const s = STATUSES.find((x) => t.counts[x] === 1) as Status;
    const open = s === "in_progress" || s === "overdue" || s === "continuous";
    return open && t.percent !== null && t.percent > 0
      ? `${statusLabel(s)} (${n(t.percent)}%)`
      : statusLabel(s);
  }
  return STATUSES.filter((s) => t.counts[s] > 0)
    .map((s) => `${statusLabel(s)}: ${n(t.counts[s])}`)
    .join("; ");
}

function deadlineText(t: AppendixTask): string {
  if (t.deadline) return dayMonthYear(t.deadline);
  if (t.recurrence && t.recurrence !== "once")
    return message(`recurrence-${t.recurrence}` as "recurrence-annual");
  return "–";
}

function recipients(data: ReviewData, template: ReportTemplate): string[] {
  return template.recipients.flatMap((line) => {
    if (line.includes("{superior}")) return data.superior ? [fill(line, { superior: data.superior })] : [];
    return [line];
  });
}

export function buildReviewReport(data: ReviewData, template: ReportTemplate): ReportModel {
  const review = message(REVIEW_WORD[data.review]);
  const period = periodName(data.period);
  const subject = subjectOf(data);
  const heading = (k: HeadingKey) => template.headings[k];
  const body = new Body();
  body.paragraph(
    fill(template.intro, { review, period, document: subject.intro, asOf: dayMonthYear(data.asOf) }),
  );
  dissemination(body, data, heading("dissemination"));
  concretization(body, data, heading("concretization"));
  results(body, data, heading("results"));
  indicators(body, data, heading("indicators"));
  remarks(body, data, heading("remarks"));
  directions(body, data, template);

  const derived = data.signer ?? defaultSigner(data.issuer);
  const lines = template.issuerLines.length > 0 ? template.issuerLines : issuerLines(data.issuer);
  const symbol = draftSymbol(data.system, data.issuerCode);
  return {
    system: data.system,
    issuerLines: lines,
    symbol,
    motto:
      data.system === "party"
        ? [message("report-motto-party")]
        : [message("report-motto-state"), message("report-motto-state-2")],
    placeDate: placeDateLine(template.place || data.place, data.issuedOn),
    typeName: message("report-type-name"),
    title: capitalised(message("report-title", { review, period, subject: subject.title })),
    body: body.blocks,
    recipients: recipients(data, template),
    signer: {
      authority: template.signer.authority || derived.authority,
      role: template.signer.role || derived.role,
      name: template.signer.name || derived.name,
    },
    appendix:
      data.tasks.length === 0
        ? null
        : {
            heading: message("report-appendix"),
            title: heading("appendix").toLocaleUpperCase("vi"),
            note: message("report-appendix-note", { review, period, issuer: issuerName(data.issuer) }),
            table: {
              kind: "table",
              columns: [
                { title: message("report-col-no"), width: 7, align: "center" },
                { title: message("report-col-task"), width: 38, align: "left" },
                { title: message("report-col-lead"), width: 19, align: "left" },
                { title: message("report-col-deadline"), width: 14, align: "center" },
                { title: message("report-col-result"), width: 22, align: "left" },
              ],
              rows: data.tasks.map((t) => [
                t.label,
                t.text,
                t.leads.length <= 3
                  ? t.leads.join("; ")
                  : message("report-leads-many", { count: n(t.leads.length) }),
                deadlineText(t),
                taskResult(t),
              ]),
              total: null,
            },
          },
  };
}
