// One task with its assignments, and one assignment with its latest updates and evidence: what a
// task's page shows. Statuses come from src/domain/status.ts; a returned update no longer counts
// towards them (src/server/progress/service.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { isRecurring, STATUSES, type StatusDetail, statusDetail } from "../../domain/status.ts";
import type { Recurrence } from "../../parser/schema.ts";
import type { Principal } from "../auth/service.ts";
import { DomainError, notFound } from "../errors.ts";
import { documentInScope, orgInScope } from "../http/scope.ts";
import { vnDay } from "../rollups/status-sql.ts";

/** How many updates an assignment's detail carries, newest first; the full list has its own route. */
export const LATEST_UPDATES = 20;

const statusFields = {
  status: z.enum(STATUSES),
  /** What the status was judged against: a date, a recurring period, or nothing (continuous). */
  statusBasis: z.enum(["one_off", "recurring", "continuous"]),
  /** The deadline that applied: the date, the current period's due day, or null. */
  statusDue: z.string().nullable(),
};

export const taskAssignmentSchema = z
  .object({
    id: z.number().int(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    phrase: z.string(),
    role: z.string(),
    ...statusFields,
    percent: z.number(),
    completedAt: z.string().nullable(),
    lastUpdateAt: z.string().nullable(),
    transferredToId: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "TaskAssignment" });

export const taskDetailSchema = z
  .object({
    id: z.number().int(),
    text: z.string(),
    expectedOutput: z.string().nullable(),
    isKey: z.boolean(),
    deadlineDate: z.string().nullable(),
    recurrence: z.string().nullable(),
    deadlineText: z.string().nullable(),
    reviewState: z.string(),
    parentTaskId: z.number().int().nullable(),
    document: z.object({
      id: z.number().int(),
      symbol: z.string().nullable(),
      title: z.string().nullable(),
      status: z.string(),
    }),
    section: z.object({ id: z.number().int(), label: z.string(), heading: z.string() }).nullable(),
    /** The task's assignments in the caller's scope. */
    assignments: z.array(taskAssignmentSchema),
    version: z.number().int(),
  })
  .meta({ id: "TaskDetail" });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const reviewedUpdateSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    percent: z.number(),
    narrative: z.string(),
    evidence: z.array(
      z.object({ name: z.string(), url: z.string().optional(), fileId: z.number().int().optional() }),
    ),
    completedAt: z.string().nullable(),
    authorId: z.number().int().nullable(),
    authorName: z.string().nullable(),
    state: z.enum(["submitted", "approved", "returned"]),
    reviewedBy: z.number().int().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ProgressUpdateWithReview" });

export const evidenceFileSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "EvidenceFile" });

export const assignmentDetailSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    taskText: z.string(),
    expectedOutput: z.string().nullable(),
    documentId: z.number().int(),
    documentSymbol: z.string().nullable(),
    documentTitle: z.string().nullable(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    phrase: z.string(),
    role: z.string(),
    ...statusFields,
    percent: z.number(),
    completedAt: z.string().nullable(),
    lastUpdateAt: z.string().nullable(),
    deadlineDate: z.string().nullable(),
    deadlineText: z.string().nullable(),
    recurrence: z.string().nullable(),
    isKey: z.boolean(),
    transferredToId: z.number().int().nullable(),
    transferredAt: z.string().nullable(),
    version: z.number().int(),
    updateCount: z.number().int(),
    /** The latest updates, newest first. */
    updates: z.array(reviewedUpdateSchema),
    evidenceFiles: z.array(evidenceFileSchema),
  })
  .meta({ id: "AssignmentDetail" });
export type AssignmentDetail = z.infer<typeof assignmentDetailSchema>;

interface StatusColumns {
  id: number;
  deadlineDate: string | null;
  recurrence: string | null;
  completedAt: string | null;
  percent: number;
  lastUpdateAt: string | null;
}

/** Statuses of assignments; recurring ones are judged from their updates that still count. */
async function statusesOf(db: Db, list: StatusColumns[], today: string): Promise<StatusDetail[]> {
  const recurring = list.filter((a) => isRecurring(a.recurrence as Recurrence | null)).map((a) => a.id);
  const updates =
    recurring.length === 0
      ? []
      : await rows<{ assignmentId: number; at: string; percent: number }>(
          db,
          sql`select assignment_id as "assignmentId", ${vnDay(sql`created_at`)}::text as at, percent
            from progress_updates
            where assignment_id in (${sql.join(
              recurring.map((id) => sql`${id}`),
              sql`, `,
            )}) and state <> 'returned'`,
        );
  return list.map((a) =>
    statusDetail(
      {
        deadline: { date: a.deadlineDate, recurrence: a.recurrence as Recurrence | null },
        completedAt: a.completedAt,
        percent: a.percent,
        lastUpdateAt: a.lastUpdateAt,
        updates: updates.filter((u) => u.assignmentId === a.id),
      },
      today,
    ),
  );
}

const statusOut = (d: StatusDetail) => ({ status: d.status, statusBasis: d.basis, statusDue: d.due });

/** The task, with only its assignments in the caller's scope; refused when neither they nor its document concern the caller. */
export async function taskDetail(db: Db, p: Principal, id: number, today: string): Promise<TaskDetail> {
  const [t] = await rows<{
    id: number;
    text: string;
    expectedOutput: string | null;
    isKey: boolean;
    deadlineDate: string | null;
    recurrence: string | null;
    deadlineText: string | null;
    reviewState: string;
    parentTaskId: number | null;
    version: number;
    documentId: number;
    symbol: string | null;
    title: string | null;
    documentStatus: string;
    documentInScope: boolean;
    sectionId: number | null;
    sectionLabel: string | null;
    sectionHeading: string | null;
  }>(
    db,
    sql`select t.id, t.text, t.expected_output as "expectedOutput", t.is_key as "isKey",
        t.deadline_date::text as "deadlineDate", t.recurrence, t.deadline_text as "deadlineText",
        t.review_state as "reviewState", t.parent_task_id as "parentTaskId", t.version,
        d.id as "documentId", d.symbol, d.title, d.status as "documentStatus",
        ${documentInScope(p, sql`d.id`)} as "documentInScope",
        s.id as "sectionId", s.label as "sectionLabel", s.heading as "sectionHeading"
      from tasks t join documents d on d.id = t.document_id left join sections s on s.id = t.section_id
      where t.id = ${id}`,
  );
  if (!t) throw notFound("task", id);
  const list = await rows<StatusColumns & Omit<TaskDetail["assignments"][number], keyof typeof statusFields>>(
    db,
    sql`select a.id, a.organisation_id as "organisationId", o.name as "organisationName", a.phrase, a.role,
        a.percent, a.completed_at::text as "completedAt", a.last_update_at::text as "lastUpdateAt",
        a.deadline_date::text as "deadlineDate", a.recurrence, a.transferred_to_id as "transferredToId",
        a.version
      from assignments a left join organisations o on o.id = a.organisation_id
      where a.task_id = ${id} and ${orgInScope(p, sql`a.organisation_id`)}
      order by a.id`,
  );
  if (list.length === 0 && !t.documentInScope)
    throw new DomainError("api-out-of-scope", 403, { entity: "task", id: String(id) });
  const statuses = await statusesOf(db, list, today);
  return {
    id: t.id,
    text: t.text,
    expectedOutput: t.expectedOutput,
    isKey: t.isKey,
    deadlineDate: t.deadlineDate,
    recurrence: t.recurrence,
    deadlineText: t.deadlineText,
    reviewState: t.reviewState,
    parentTaskId: t.parentTaskId,
    document: { id: t.documentId, symbol: t.symbol, title: t.title, status: t.documentStatus },
    section:
      t.sectionId === null
        ? null
        : { id: t.sectionId, label: t.sectionLabel ?? "", heading: t.sectionHeading ?? "" },
    assignments: list.map(({ deadlineDate: _d, recurrence: _r, ...a }, i) => ({
      ...a,
      ...statusOut(statuses[i] as StatusDetail),
    })),
    version: t.version,
  };
}

/** One assignment (whose scope the caller has checked) with its latest updates and its evidence files. */
export async function assignmentDetail(db: Db, id: number, today: string): Promise<AssignmentDetail> {
  const [a] = await rows<
    StatusColumns &
      Omit<AssignmentDetail, keyof typeof statusFields | "updates" | "evidenceFiles" | "updateCount">
  >(
    db,
    sql`select a.id, a.task_id as "taskId", t.text as "taskText", t.expected_output as "expectedOutput",
        a.document_id as "documentId", d.symbol as "documentSymbol", d.title as "documentTitle",
        a.organisation_id as "organisationId", o.name as "organisationName", a.phrase, a.role,
        a.percent, a.completed_at::text as "completedAt", a.last_update_at::text as "lastUpdateAt",
        a.deadline_date::text as "deadlineDate", t.deadline_text as "deadlineText", a.recurrence,
        a.is_key as "isKey", a.transferred_to_id as "transferredToId",
        a.transferred_at::text as "transferredAt", a.version
      from assignments a join tasks t on t.id = a.task_id join documents d on d.id = a.document_id
        left join organisations o on o.id = a.organisation_id
      where a.id = ${id}`,
  );
  if (!a) throw notFound("assignment", id);
  const updates = await progressUpdatesOf(db, id, { newestFirst: true, limit: LATEST_UPDATES });
  const files = await rows<AssignmentDetail["evidenceFiles"][number]>(
    db,
    sql`select id, name, content_type as "contentType", size, sha256, uploaded_by as "uploadedBy",
        created_at::text as "createdAt"
      from evidence_files where assignment_id = ${id} order by id`,
  );
  const [status] = await statusesOf(db, [a], today);
  return {
    ...a,
    ...statusOut(status as StatusDetail),
    updateCount: updates.total,
    updates: updates.items,
    evidenceFiles: files,
  };
}

export type ReviewedUpdate = z.infer<typeof reviewedUpdateSchema>;

/** An assignment's progress updates with their authors and reviews, and how many there are. */
export async function progressUpdatesOf(
  db: Db,
  assignmentId: number,
  options: { newestFirst: boolean; limit?: number },
): Promise<{ items: ReviewedUpdate[]; total: number }> {
  const order = options.newestFirst ? sql`u.version desc, u.id desc` : sql`u.version, u.id`;
  const list = await rows<ReviewedUpdate & { total: number }>(
    db,
    sql`select u.id, u.version, u.percent, u.narrative, u.evidence, u.completed_at::text as "completedAt",
        u.author_id as "authorId", au.display_name as "authorName", u.state,
        u.reviewed_by as "reviewedBy", ru.display_name as "reviewerName",
        u.reviewed_at::text as "reviewedAt", u.review_note as "reviewNote", u.created_at::text as "createdAt",
        count(*) over ()::int as total
      from progress_updates u left join users au on au.id = u.author_id left join users ru on ru.id = u.reviewed_by
      where u.assignment_id = ${assignmentId}
      order by ${order}
      ${options.limit === undefined ? sql`` : sql`limit ${options.limit}`}`,
  );
  return { items: list.map(({ total: _t, ...u }) => u), total: list[0]?.total ?? 0 };
}
