// Nhiệm vụ: the assignments of the user's scope (GET /api/tasks), filtered by text, status,
// document, body, deadline and key tasks, sorted and paginated on the server. Every filter lives in
// the address, so the dashboard's figures open this list already filtered; ?assignment=ID opens
// the assignment's drawer.
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Input,
  Progress,
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
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { publishedDocuments } from "../../queries.ts";
import { STATUSES, type Status, StatusTag } from "../../status.tsx";
import { AssignmentDrawer } from "./AssignmentDrawer.tsx";
import { Countdown, isRecurring, recurrenceKey, useToday } from "./deadline.tsx";

type TaskRow = Schemas["TaskRow"];
const SORTS = [
  "deadline",
  "-deadline",
  "updated",
  "-updated",
  "organisation",
  "percent",
  "-percent",
] as const;
type Sort = (typeof SORTS)[number];
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

  const filtered = [...params.keys()].some((k) => !["page", "pageSize", "sort", "assignment"].includes(k));

  return (
    <div data-testid="tasks">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("tasks-title")}
        </Typography.Title>
        {tasks.data && (
          <Typography.Text type="secondary" data-testid="tasks-total">
            {t("tasks-total", { count: formatNumber(tasks.data.total, lang) })}
          </Typography.Text>
        )}
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
        <Select<Sort>
          aria-label={t("tasks-sort")}
          style={{ width: 220 }}
          value={query.sort ?? "deadline"}
          options={SORTS.map((s) => ({ value: s, label: t(`sort-${s}`) }))}
          onChange={(v) => update({ sort: v })}
        />
        {query.organisationId !== undefined && (
          <Tag closable onClose={() => update({ organisationId: null })} data-testid="organisation-filter">
            {t("tasks-filtered-organisation", {
              name: organisation.data?.name ?? `#${query.organisationId}`,
            })}
          </Tag>
        )}
        {filtered && (
          <Button onClick={() => setParams(new URLSearchParams())} type="link">
            {t("tasks-clear")}
          </Button>
        )}
      </Space>

      <Table<TaskRow>
        rowKey="assignmentId"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("tasks-empty")} /> }}
        pagination={{
          current: tasks.data?.page ?? query.page,
          pageSize: tasks.data?.pageSize ?? query.pageSize,
          total: tasks.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (page, pageSize) => update({ page, pageSize }, true),
        }}
        columns={[
          {
            title: t("tasks-col-task"),
            key: "text",
            render: (_, r) => (
              <div>
                <Typography.Link
                  onClick={() => update({ assignment: r.assignmentId }, true)}
                  data-testid={`open-${r.assignmentId}`}
                >
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
            render: (_, r) => (
              <div>
                <div>{r.organisationName ?? r.phrase}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {r.role === "lead" || r.role === "cooperating" ? t(`assignment-${r.role}`) : r.role}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t("tasks-col-deadline"),
            key: "deadline",
            width: 170,
            render: (_, r) => (
              <div>
                <div>{r.deadlineDate ? formatDate(r.deadlineDate) : t("no-deadline")}</div>
                {isRecurring(r.recurrence) && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t(recurrenceKey(r.recurrence) ?? "recurrence-periodic")}
                  </Typography.Text>
                )}
                {!isRecurring(r.recurrence) && (
                  <div>
                    <Countdown today={today} due={r.deadlineDate} status={r.status} />
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t("tasks-col-progress"),
            key: "percent",
            width: 140,
            render: (_, r) => (
              <Progress
                percent={r.percent}
                size="small"
                format={(p) => `${formatNumber(p ?? 0, lang)}%`}
                aria-label={`${t("tasks-col-progress")}: ${r.percent}%`}
              />
            ),
          },
          {
            title: t("tasks-col-status"),
            key: "status",
            width: 190,
            render: (_, r) => <StatusTag status={r.status} />,
          },
        ]}
      />
      <AssignmentDrawer id={assignmentId} onClose={() => update({ assignment: null }, true)} />
    </div>
  );
}
