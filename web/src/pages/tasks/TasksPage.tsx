// Nhiệm vụ: the assignments of the user's scope, filtered by text, status, document, body, level,
// deadline and key tasks, shown as a tree by document (document → section → task → assignments,
// TaskTree.tsx) or as one list sorted and paginated on the server (?view=list). Every filter lives in
// the address, so the dashboard's figures open the list already filtered; ?assignment=ID opens the
// assignment's drawer.
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { publishedDocuments } from "../../queries.ts";
import { STATUSES, type Status, StatusTag } from "../../status.tsx";
import { LEVELS } from "../dashboard/figures.ts";
import { AssignmentDrawer } from "./AssignmentDrawer.tsx";
import { BodyCell, DeadlineCell, ProgressCell } from "./cells.tsx";
import { useToday } from "./deadline.tsx";
import { TaskTree } from "./TaskTree.tsx";

type TaskRow = Schemas["TaskRow"];
const SORTS = [
  "deadline",
  "-deadline",
  "updated",
  "-updated",
  "organisation",
  "percent",
  "-percent",
  "structure",
] as const;
type Sort = (typeof SORTS)[number];
type View = "tree" | "list";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list's query from the address; unknown or malformed values are left out. */
function queryOf(params: URLSearchParams) {
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const statuses = (params.get("status") ?? "")
    .split(",")
    .filter((s): s is Status => STATUSES.includes(s as Status));
  const sort = params.get("sort") as Sort | null;
  return {
    q: params.get("q")?.trim() || undefined,
    status: statuses.length ? statuses.join(",") : undefined,
    documentId: num("documentId"),
    organisationId: num("organisationId"),
    deadlineFrom: day("deadlineFrom"),
    deadlineTo: day("deadlineTo"),
    level: LEVELS.find((l) => l === params.get("level")),
    isKey: params.get("isKey") === "true" ? ("true" as const) : undefined,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    page: num("page") ?? 1,
    pageSize: num("pageSize") ?? 20,
  };
}

export default function TasksPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const today = useToday();
  const assignmentId = Number(params.get("assignment")) || null;
  const view: View = params.get("view") === "list" ? "list" : "tree";
  const { sort: _sort, page: _page, pageSize: _pageSize, ...filterQuery } = query;

  const update = (changes: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === null || v === "") next.delete(k);
      else next.set(k, String(v));
    if (!keepPage && !("page" in changes)) next.delete("page");
    setParams(next);
  };

  const tasks = useQuery({
    queryKey: ["tasks", query],
    enabled: view === "list",
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET("/api/tasks", { params: { query } })),
  });
  const documents = useQuery(publishedDocuments);
  const organisation = useQuery({
    queryKey: ["organisation", query.organisationId ?? null],
    enabled: query.organisationId !== undefined,
    staleTime: 10 * 60_000,
    queryFn: () =>
      unwrap(api.GET("/api/organisations/{id}", { params: { path: { id: String(query.organisationId) } } })),
  });

  const filtered = [...params.keys()].some(
    (k) => !["page", "pageSize", "sort", "assignment", "view"].includes(k),
  );
  const open = (id: number) => update({ assignment: id }, true);

  return (
    <div data-testid="tasks">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("tasks-title")}
        </Typography.Title>
        <Segmented<View>
          aria-label={t("tasks-view")}
          value={view}
          options={[
            { value: "tree", label: t("tasks-view-tree") },
            { value: "list", label: t("tasks-view-list") },
          ]}
          onChange={(v) => update({ view: v === "list" ? "list" : null, sort: null })}
        />
      </Flex>

      <Space wrap style={{ marginBottom: 16 }} align="center">
        <Input.Search
          aria-label={t("tasks-search")}
          placeholder={t("tasks-search")}
          allowClear
          defaultValue={query.q}
          key={query.q ?? ""}
          onSearch={(v) => update({ q: v.trim() })}
          style={{ width: 280 }}
        />
        <Select<Status[]>
          mode="multiple"
          aria-label={t("tasks-status")}
          placeholder={t("tasks-status")}
          allowClear
          style={{ minWidth: 240 }}
          value={(query.status?.split(",") ?? []) as Status[]}
          options={STATUSES.map((s) => ({ value: s, label: t(`status-${s}`) }))}
          onChange={(v) => update({ status: v.join(",") })}
          maxTagCount="responsive"
        />
        <Select<number>
          aria-label={t("tasks-document")}
          placeholder={t("tasks-document")}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 240 }}
          value={query.documentId}
          options={(documents.data?.items ?? []).map((d) => ({
            value: d.id,
            label: `${d.symbol ?? ""} — ${d.title ?? ""}`,
          }))}
          onChange={(v) => update({ documentId: v })}
          popupMatchSelectWidth={false}
        />
        <DatePicker.RangePicker
          aria-label={t("tasks-col-deadline")}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[
            query.deadlineFrom ? dayjs(query.deadlineFrom) : null,
            query.deadlineTo ? dayjs(query.deadlineTo) : null,
          ]}
          onChange={(v) =>
            update({ deadlineFrom: v?.[0]?.format("YYYY-MM-DD"), deadlineTo: v?.[1]?.format("YYYY-MM-DD") })
          }
        />
        <Checkbox
          checked={query.isKey === "true"}
          onChange={(e) => update({ isKey: e.target.checked ? "true" : null })}
        >
          {t("tasks-key-only")}
        </Checkbox>
        {view === "list" && (
          <Select<Sort>
            aria-label={t("tasks-sort")}
            style={{ width: 220 }}
            value={query.sort ?? "deadline"}
            options={SORTS.map((s) => ({ value: s, label: t(`sort-${s}`) }))}
            onChange={(v) => update({ sort: v })}
          />
        )}
        {query.organisationId !== undefined && (
          <Tag closable onClose={() => update({ organisationId: null })} data-testid="organisation-filter">
            {t("tasks-filtered-organisation", {
              name: organisation.data?.name ?? `#${query.organisationId}`,
            })}
          </Tag>
        )}
        {query.level !== undefined && (
          <Tag closable onClose={() => update({ level: null })} data-testid="level-filter">
            {t("tasks-filtered-level", { level: t(`level-${query.level}`) })}
          </Tag>
        )}
        {filtered && (
          <Button onClick={() => setParams(view === "list" ? { view } : {})} type="link">
            {t("tasks-clear")}
          </Button>
        )}
      </Space>

      {view === "tree" ? (
        <TaskTree
          query={filterQuery}
          page={query.page}
          pageSize={query.pageSize}
          today={today}
          onPage={(page, pageSize) => update({ page, pageSize }, true)}
          onOpen={open}
        />
      ) : (
        <>
          {tasks.data && (
            <Flex justify="flex-end" style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary" data-testid="tasks-total">
                {t("tasks-total", { count: formatNumber(tasks.data.total, lang) })}
              </Typography.Text>
            </Flex>
          )}
          <TaskList
            rows={tasks.data}
            loading={tasks.isFetching}
            query={query}
            today={today}
            onPage={(page, pageSize) => update({ page, pageSize }, true)}
            onOpen={open}
          />
        </>
      )}
      <AssignmentDrawer id={assignmentId} onClose={() => update({ assignment: null }, true)} />
    </div>
  );
}

/** The list view: one row per assignment, in the order and page asked for. */
function TaskList({
  rows,
  loading,
  query,
  today,
  onPage,
  onOpen,
}: {
  rows: { items: TaskRow[]; total: number; page: number; pageSize: number } | undefined;
  loading: boolean;
  query: { page: number; pageSize: number };
  today: string | undefined;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (assignmentId: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<TaskRow>
      rowKey="assignmentId"
      loading={loading}
      dataSource={rows?.items ?? []}
      locale={{ emptyText: <Empty description={t("tasks-empty")} /> }}
      pagination={{
        current: rows?.page ?? query.page,
        pageSize: rows?.pageSize ?? query.pageSize,
        total: rows?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        onChange: onPage,
      }}
      columns={[
        {
          title: t("tasks-col-task"),
          key: "text",
          render: (_, r) => (
            <div>
              <Typography.Link onClick={() => onOpen(r.assignmentId)} data-testid={`open-${r.assignmentId}`}>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 2, color: "inherit" }}>
                  {r.text}
                </Typography.Paragraph>
              </Typography.Link>
              <Space size={4}>
                {r.isKey && <Tag color="#8e244d">{t("tasks-key")}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {r.documentSymbol}
                </Typography.Text>
              </Space>
            </div>
          ),
        },
        {
          title: t("tasks-col-body"),
          key: "body",
          width: 240,
          render: (_, r) => <BodyCell row={r} />,
        },
        {
          title: t("tasks-col-deadline"),
          key: "deadline",
          width: 170,
          render: (_, r) => <DeadlineCell row={r} today={today} />,
        },
        {
          title: t("tasks-col-progress"),
          key: "percent",
          width: 140,
          render: (_, r) => <ProgressCell row={r} />,
        },
        {
          title: t("tasks-col-status"),
          key: "status",
          width: 190,
          render: (_, r) => <StatusTag status={r.status} />,
        },
      ]}
    />
  );
}
