// Reminders: which occasion calls for one, and who receives it. A scan may run any number of times
// on any number of instances: every reminder has a key (kind, subject, due day, user) and is kept
// once, so the rules here only say what is owed on a day, never whether it was already sent.
//
// Rules, on `today` with a lead time of N days (TRIENKHAI_REMINDER_DAYS):
//   assignment  open (not done, not handed to a successor) with a due day — its deadline, or for a
//               recurring duty the due day of the current period (src/domain/status.ts):
//               due day within N days (the due day itself included) → "due-soon";
//               due day passed and not done                         → "overdue".
//   report      per body owing a reporting cycle (src/domain/completeness.ts), the latest period
//               whose due day is at most N days away, if the body owes it and has not reported:
//               due day today or later → "report-due"; passed → "report-overdue". An older period
//               left unreported was reminded while it was the latest.
//   recipients  unit officers whose scope holds the body (the body's own officers, or those of the
//               unit it belongs to: a commune's officer for its People's Committee); for overdue
//               kinds also the monitors whose scope holds it.
import { addDays, format, parseISO } from "date-fns";
import { pathInScope, type Role } from "./access.ts";
import { type DueRule, expectedPeriods } from "./completeness.ts";
import { daysBetween, parsePeriod } from "./period.ts";
import { DONE_STATUSES, type StatusInput, statusDetail } from "./status.ts";

export const REMINDER_KINDS = ["due-soon", "overdue", "report-due", "report-overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderEntity = "assignment" | "report";

export interface Recipient {
  userId: number;
  role: Role;
  /** The scope organisation's path; null is everything. */
  scopePath: string | null;
}

export interface OpenAssignment extends StatusInput {
  id: number;
  organisationPath: string;
  /** Handed to a successor body, which carries the work on. */
  transferred: boolean;
}

export interface ReportDuty {
  cycleId: number;
  rule: DueRule;
  startDate: string;
  endDate: string | null;
  organisationId: number;
  organisationPath: string;
  /** The body's validity: it owes only periods due while it exists. */
  activeFrom: string | null;
  activeUntil: string | null;
  /** Period keys it has reported on ("2026-Q3"). */
  reported: readonly string[];
}

/** Something to remind of, before its recipients are known. */
export interface Occasion {
  kind: ReminderKind;
  entity: ReminderEntity;
  /** The assignment id, or "cycle/organisation/period" for a report. */
  entityId: string;
  due: string;
  /** The period a report is owed for. */
  period: string | null;
  organisationPath: string;
}

export interface Reminder extends Occasion {
  userId: number;
  dedupeKey: string;
}

export function isOverdueKind(kind: ReminderKind): boolean {
  return kind === "overdue" || kind === "report-overdue";
}

/** The reminder an assignment calls for on `today`, if any. */
export function assignmentOccasion(a: OpenAssignment, today: string, daysBefore: number): Occasion | null {
  if (a.transferred) return null;
  const d = statusDetail(a, today);
  if (d.due === null || DONE_STATUSES.includes(d.status)) return null;
  const kind: ReminderKind | null =
    today > d.due ? "overdue" : daysBetween(today, d.due) <= daysBefore ? "due-soon" : null;
  if (kind === null) return null;
  return {
    kind,
    entity: "assignment",
    entityId: String(a.id),
    due: d.due,
    period: null,
    organisationPath: a.organisationPath,
  };
}

/** The reminder a body's reporting duty calls for on `today`, if any. */
export function reportOccasion(d: ReportDuty, today: string, daysBefore: number): Occasion | null {
  const horizon = format(addDays(parseISO(today), daysBefore), "yyyy-MM-dd");
  const owed = expectedPeriods(d.rule, d.startDate, horizon, d.endDate).filter(
    (p) =>
      p.due <= horizon &&
      (d.activeFrom === null || d.activeFrom <= p.due) &&
      (d.activeUntil === null || p.due <= d.activeUntil),
  );
  const latest = owed.reduce<(typeof owed)[number] | null>(
    (a, p) => (a === null || p.due > a.due ? p : a),
    null,
  );
  if (latest === null) return null;
  if (d.reported.some((r) => parsePeriod(r)?.key === latest.key)) return null;
  return {
    kind: today > latest.due ? "report-overdue" : "report-due",
    entity: "report",
    entityId: `${d.cycleId}/${d.organisationId}/${latest.key}`,
    due: latest.due,
    period: latest.key,
    organisationPath: d.organisationPath,
  };
}

/** The users an occasion is for. */
export function recipientsOf(o: Occasion, users: readonly Recipient[]): number[] {
  const monitorsToo = isOverdueKind(o.kind);
  return users
    .filter(
      (u) =>
        (u.role === "unit_officer" || (monitorsToo && u.role === "monitor")) &&
        pathInScope(u.scopePath, o.organisationPath),
    )
    .map((u) => u.userId);
}

/** One reminder per kind, subject, due day and user, however often the scan runs. */
export function dedupeKey(o: Occasion, userId: number): string {
  return `${o.kind}|${o.entity}|${o.entityId}|${o.due}|${userId}`;
}

/** Every reminder owed on `today`. */
export function remindersDue(input: {
  today: string;
  daysBefore: number;
  assignments: readonly OpenAssignment[];
  duties: readonly ReportDuty[];
  users: readonly Recipient[];
}): Reminder[] {
  const occasions = [
    ...input.assignments.map((a) => assignmentOccasion(a, input.today, input.daysBefore)),
    ...input.duties.map((d) => reportOccasion(d, input.today, input.daysBefore)),
  ].filter((o): o is Occasion => o !== null);
  return occasions.flatMap((o) =>
    recipientsOf(o, input.users).map((userId) => ({ ...o, userId, dedupeKey: dedupeKey(o, userId) })),
  );
}

/** Where the web UI shows the subject of a reminder. */
export function reminderLink(entity: string, entityId: string): string {
  if (entity === "report") {
    const [cycleId, organisationId, period] = entityId.split("/");
    return `/reports/${cycleId}?organisationId=${organisationId}&period=${period}`;
  }
  return `/assignments/${entityId}`;
}
