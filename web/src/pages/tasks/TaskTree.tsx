// Nhiệm vụ by document: a tree table of document → section → task → assignments. The documents come
// with their assignments counted by status (GET /api/tasks/documents); opening one loads its
// assignments in the document's own order (sort=structure), a page at a time, and nests them under
// the sections their tasks sit in.
import { useQuery } from "@tanstack/react-query";
import { Empty, Flex, Space, Spin, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { STATUS_COLOURS, STATUSES, StatusTag } from "../../status.tsx";
import { printedDate } from "../documents/labels.tsx";
import { DeadlineCell, ProgressCell, RoleText } from "./cells.tsx";

type TaskRow = Schemas["TaskRow"];
type Group = Schemas["TaskDocumentGroup"];

/** The filters of Nhiệm vụ (from its address), which the list and the tree both apply. */
export interface TaskFilterQuery {
  q?: string | undefined;
  status?: string | undefined;
  documentId?: number | undefined;
  organisationId?: number | undefined;
  level?: "central" | "province" | "district" | "commune" | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  isKey?: "true" | undefined;
}

const BRANCH_PAGE = 100;

/** A row of a document's branch: a section, a task or one body's assignment. */
interface Node {
  key: string;
  kind: "section" | "task" | "assignment";
  label: string;
  row?: TaskRow;
  children?: Node[];
}

const comparable = (text: string) =>
  text
    .normalize("NFC")
    .replace(/[\s.;:,]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();

function sameText(heading: string, text: string): boolean {
  const h = comparable(heading);
  return h.length > 0 && comparable(text).startsWith(h);
}

/** "II" → "II. …", "a" → "a) …", as documents number their sections. */
function numbered(label: string, text: string): string {
  if (!label) return text;
  if (/[.)]$/u.test(label)) return `${label} ${text}`;
  return /^\p{Ll}$/u.test(label) ? `${label}) ${text}` : `${label}. ${text}`;
}

/**
 * Nests a document's assignments (in its order) under their tasks and the tasks' sections; tasks
 * outside every section (they come first) stand at the top.
 */
function branchOf(rows: TaskRow[]): Node[] {
  const top: Node[] = [];
  const byKey = new Map<string, Node>();
  const childOf = (parent: Node[], key: string, make: () => Node): Node => {
    let node = byKey.get(key);
    if (!node) {
      node = make();
      byKey.set(key, node);
      parent.push(node);
    }
    return node;
  };
  for (const r of rows) {
    let siblings = top;
    // a numbered paragraph that is itself the task is its section: the task stands in its place
    const last = r.sectionPath.at(-1);
    const isOwnSection = last !== undefined && sameText(last.heading, r.text);
    const path = isOwnSection ? r.sectionPath.slice(0, -1) : r.sectionPath;
    for (const s of path) {
      const node = childOf(siblings, `s${s.id}`, () => ({
        key: `s${s.id}`,
        kind: "section",
        label: numbered(s.label, s.heading),
        children: [],
      }));
      siblings = node.children as Node[];
    }
    const task = childOf(siblings, `t${r.taskId}`, () => ({
      key: `t${r.taskId}`,
      kind: "task",
      label: isOwnSection && last ? numbered(last.label, r.text) : r.text,
      row: r,
      children: [],
    }));
    (task.children as Node[]).push({
      key: `a${r.assignmentId}`,
      kind: "assignment",
      label: r.organisationName ?? r.phrase,
      row: r,
    });
  }
  return top;
}

function DocumentBranch({
  group,
  query,
  today,
  onOpen,
}: {
  group: Group;
  query: TaskFilterQuery;
  today: string | undefined;
  onOpen: (assignmentId: number) => void;
}) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const branchQuery = {
    ...query,
    documentId: group.documentId,
    sort: "structure" as const,
    page,
    pageSize: BRANCH_PAGE,
  };
  const rows = useQuery({
    queryKey: ["tasks", branchQuery],
    queryFn: () => unwrap(api.GET("/api/tasks", { params: { query: branchQuery } })),
  });
  const nodes = useMemo(() => branchOf(rows.data?.items ?? []), [rows.data]);
  if (!rows.data) return <Spin style={{ margin: 16 }} />;
  return (
    <div data-testid={`branch-${group.documentId}`}>
      {rows.data.total > BRANCH_PAGE && (
        <Typography.Paragraph type="secondary">
          {t("tasks-tree-more", {
            count: formatNumber(rows.data.total, lang),
            shown: formatNumber(rows.data.items.length, lang),
          })}
        </Typography.Paragraph>
      )}
      <Table<Node>
        key={page}
        size="small"
        rowKey="key"
        dataSource={nodes}
        loading={rows.isFetching}
        expandable={{ defaultExpandAllRows: true, indentSize: 20 }}
        rowClassName={(n) => `tree-${n.kind}`}
        onRow={(n) => ({ "data-kind": n.kind }) as React.HTMLAttributes<HTMLElement>}
        pagination={
          rows.data.total > BRANCH_PAGE && {
            current: page,
            pageSize: BRANCH_PAGE,
            total: rows.data.total,
            showSizeChanger: false,
            onChange: setPage,
          }
        }
        columns={[
          {
            title: t("tasks-col-task"),
            key: "label",
            render: (_, n) =>
              n.kind === "assignment" && n.row ? (
                <span>
                  <Typography.Link
                    onClick={() => onOpen(n.row?.assignmentId as number)}
                    data-testid={`open-${n.row.assignmentId}`}
                  >
                    {n.label}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {" — "}
                    <RoleText role={n.row.role} />
                  </Typography.Text>
                </span>
              ) : n.kind === "task" ? (
                <span>
                  {n.row?.isKey && <Tag color="#8e244d">{t("tasks-key")}</Tag>}
                  {n.label}
                </span>
              ) : (
                <Typography.Text strong>{n.label}</Typography.Text>
              ),
          },
          {
            title: t("tasks-col-deadline"),
            key: "deadline",
            width: 170,
            render: (_, n) =>
              n.kind === "assignment" && n.row ? <DeadlineCell row={n.row} today={today} /> : null,
          },
          {
            title: t("tasks-col-progress"),
            key: "percent",
            width: 140,
            render: (_, n) => (n.kind === "assignment" && n.row ? <ProgressCell row={n.row} /> : null),
          },
          {
            title: t("tasks-col-status"),
            key: "status",
            width: 190,
            render: (_, n) =>
              n.kind === "assignment" && n.row ? (
                <StatusTag status={n.row.status} />
              ) : n.kind === "task" ? (
                <Typography.Text type="secondary">
                  {t("tasks-tree-bodies", { count: formatNumber(n.children?.length ?? 0, lang) })}
                </Typography.Text>
              ) : null,
          },
        ]}
      />
    </div>
  );
}

export function TaskTree({
  query,
  page,
  pageSize,
  today,
  onPage,
  onOpen,
}: {
  query: TaskFilterQuery;
  page: number;
  pageSize: number;
  today: string | undefined;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (assignmentId: number) => void;
}) {
  const { t, lang } = useI18n();
  const groups = useQuery({
    queryKey: ["tasks", "by-document", query, page, pageSize],
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(api.GET("/api/tasks/documents", { params: { query: { ...query, page, pageSize } } })),
  });
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  // one document alone (a document filter, or a scope with one) opens at once
  const only = groups.data?.total === 1 ? groups.data.items.map((g) => g.documentId) : [];
  return (
    <div data-testid="task-tree">
      {groups.data && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" data-testid="tasks-total">
            {t("tasks-tree-documents", { count: formatNumber(groups.data.total, lang) })} ·{" "}
            {t("tasks-total", { count: formatNumber(groups.data.assignments, lang) })}
          </Typography.Text>
        </Flex>
      )}
      <Table<Group>
        rowKey="documentId"
        loading={groups.isFetching}
        dataSource={groups.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("tasks-empty")} /> }}
        expandable={{
          expandedRowKeys: expanded ?? only,
          onExpandedRowsChange: (keys) => setExpanded(keys),
          expandedRowRender: (g) => <DocumentBranch group={g} query={query} today={today} onOpen={onOpen} />,
        }}
        pagination={{
          current: groups.data?.page ?? page,
          pageSize: groups.data?.pageSize ?? pageSize,
          total: groups.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: onPage,
        }}
        columns={[
          {
            title: t("tasks-document"),
            key: "document",
            render: (_, g) => (
              <div>
                <Link to={`/documents/${g.documentId}`}>{g.symbol ?? `#${g.documentId}`}</Link>
                {g.date && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
                    {printedDate(g.date)}
                  </Typography.Text>
                )}
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {g.title}
                </Typography.Paragraph>
              </div>
            ),
          },
          {
            title: t("tasks-col-status"),
            key: "counts",
            width: 420,
            render: (_, g) => (
              <Space size={[4, 4]} wrap data-testid={`counts-${g.documentId}`}>
                <Typography.Text>{t("tasks-total", { count: formatNumber(g.total, lang) })}</Typography.Text>
                {STATUSES.filter((s) => (g.counts[s] ?? 0) > 0).map((s) => (
                  <Tag key={s} color={STATUS_COLOURS[s]} data-status={s} style={{ marginInlineEnd: 0 }}>
                    {t(`status-${s}`)}: {formatNumber(g.counts[s] ?? 0, lang)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
