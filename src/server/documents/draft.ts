// From a parsed document to the draft the officer reviews: sections, proposed tasks (one per
// extracted assignment, each lead body getting its own assignment), indicators from targets,
// reporting cycles from periodic reporting duties, and links from references. Pure.
import type { ParsedDocument, Section, Target } from "../../parser/schema.ts";

export interface DraftSection {
  key: string;
  parentKey: string | null;
  label: string;
  heading: string;
  text: string;
  ordinal: number;
  span: [number, number] | null;
}

export interface DraftAssignment {
  phrase: string;
  role: "lead" | "cooperating";
}

export interface DraftTask {
  key: string;
  sectionKey: string | null;
  text: string;
  expectedOutput: string | null;
  deadlineDate: string | null;
  recurrence: string | null;
  deadlineText: string | null;
  isKey: boolean;
  span: [number, number];
  assignments: DraftAssignment[];
}

export interface DraftIndicator {
  sectionKey: string | null;
  name: string;
  text: string;
  kind: string;
  unit: string | null;
  per: number | null;
  targetValue: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineUnit: string | null;
  baselineYear: number | null;
  span: [number, number];
}

export interface DraftCycle {
  taskKey: string;
  name: string;
  frequency: "monthly" | "quarterly" | "semiannual" | "annual";
  dueDay: number;
  dueMonthOfPeriod: "first" | "last";
  /** Phrases of the bodies that owe the report. */
  bodies: string[];
}

export interface DraftLink {
  symbol: string;
  date: string | null;
  type: string | null;
  issuer: string | null;
  relation: "implements" | "cites";
  parentSymbol: string | null;
  rank: number;
}

export interface Draft {
  sections: DraftSection[];
  tasks: DraftTask[];
  indicators: DraftIndicator[];
  cycles: DraftCycle[];
  links: DraftLink[];
}

function flattenSections(sections: Section[], parentKey: string | null, out: DraftSection[]): void {
  for (const s of sections) {
    out.push({
      key: s.id,
      parentKey,
      label: s.label,
      heading: s.heading,
      text: s.text,
      ordinal: out.length,
      span: s.span ?? null,
    });
    flattenSections(s.children, s.id, out);
  }
}

const KEY_TASK = /trọng tâm|trọng điểm|ưu tiên hàng đầu|then chốt/i;
const REPORTING = /báo cáo|sơ kết|tổng kết/i;

function indicatorOf(t: Target): DraftIndicator {
  return {
    sectionKey: t.sectionId,
    name: t.indicator || t.text.slice(0, 200),
    text: t.text,
    kind: t.kind,
    unit: t.unit,
    per: t.per ?? null,
    targetValue: t.value ?? null,
    targetLow: t.low ?? null,
    targetHigh: t.high ?? null,
    targetYear: t.year,
    baselineValue: t.baseline?.value ?? null,
    baselineUnit: t.baseline?.unit ?? null,
    baselineYear: t.baseline?.year ?? null,
    span: t.span,
  };
}

export function buildDraft(doc: ParsedDocument): Draft {
  const sections: DraftSection[] = [];
  flattenSections(doc.sections, null, sections);
  for (const a of doc.appendices) if (a.sections) flattenSections(a.sections, null, sections);
  const tasks: DraftTask[] = doc.assignments.map((a) => ({
    key: a.id,
    sectionKey: a.sectionId,
    text: a.task,
    expectedOutput: a.output ?? null,
    deadlineDate: a.deadline?.date ?? null,
    recurrence: a.deadline?.recurrence ?? null,
    deadlineText: a.deadline?.text ?? null,
    isKey: KEY_TASK.test(a.task),
    span: a.span,
    assignments: [
      ...a.lead.map((phrase) => ({ phrase, role: "lead" as const })),
      ...a.cooperating.map((phrase) => ({ phrase, role: "cooperating" as const })),
    ],
  }));
  const cycles: DraftCycle[] = [];
  for (const t of tasks) {
    const r = t.recurrence;
    if (!r || r === "once" || r === "continuous" || !REPORTING.test(t.text)) continue;
    // "định kỳ" with no period named: half-yearly, the commonest cycle of Party and State reporting
    const frequency: DraftCycle["frequency"] =
      r === "monthly" || r === "quarterly" || r === "semiannual" || r === "annual" ? r : "semiannual";
    cycles.push({
      taskKey: t.key,
      name: t.text.slice(0, 160),
      frequency,
      dueDay: 15,
      dueMonthOfPeriod: "last",
      bodies: t.assignments.filter((a) => a.role === "lead").map((a) => a.phrase),
    });
  }
  return {
    sections,
    tasks,
    indicators: doc.targets.map(indicatorOf),
    cycles,
    links: doc.references.map((r, rank) => ({
      symbol: r.symbol,
      date: r.date,
      type: r.type,
      issuer: r.issuer ?? null,
      relation: r.relation,
      parentSymbol: r.carriesOut ?? null,
      rank,
    })),
  };
}
