// Văn bản: the documents of the user's scope (GET /api/documents), searched with or without
// diacritics, filtered by status and type, paginated on the server; every filter lives in the
// address. Officers who may import drop a file on the box above the list (ImportBox).
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Flex, Input, Select, Space, Table, Typography } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import type { paths } from "../../api/schema";
import { useMe } from "../../auth.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText } from "../../notify.ts";
import { ImportBox } from "./ImportBox.tsx";
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  DocumentStatusTag,
  printedDate,
  typeLabel,
} from "./labels.tsx";

type DocumentRow = Schemas["DocumentRow"];
type Query = NonNullable<paths["/api/documents"]["get"]["parameters"]["query"]>;

function queryOf(params: URLSearchParams): Query {
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const status = (params.get("status") ?? "")
    .split(",")
    .filter((s) => (DOCUMENT_STATUSES as readonly string[]).includes(s));
  const type = (params.get("type") ?? "")
    .split(",")
    .filter((s) => (DOCUMENT_TYPES as readonly string[]).includes(s));
  return {
    q: params.get("q")?.trim() || undefined,
    status: status.length ? status.join(",") : undefined,
    type: type.length ? type.join(",") : undefined,
    page: num("page") ?? 1,
    pageSize: num("pageSize") ?? 20,
  };
}

export default function DocumentsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const canImport = me.data?.role === "admin" || me.data?.role === "monitor";

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const documents = useQuery({
    queryKey: ["documents", "list", query],
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET("/api/documents", { params: { query } })),
  });

  return (
    <div data-testid="documents">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("documents-title")}
        </Typography.Title>
        {documents.data && (
          <Typography.Text type="secondary" data-testid="documents-total">
            {t("documents-total", { count: formatNumber(documents.data.total, lang) })}
          </Typography.Text>
        )}
      </Flex>

      {canImport && <ImportBox />}
      {documents.isError && (
        <Alert type="error" showIcon title={errorText(documents.error)} style={{ marginTop: 16 }} />
      )}

      <Space wrap style={{ margin: "16px 0" }} align="center">
        <Input.Search
          aria-label={t("documents-search")}
          placeholder={t("documents-search")}
          allowClear
          defaultValue={query.q}
          key={query.q ?? ""}
          onSearch={(v) => update({ q: v.trim() })}
          style={{ width: 320 }}
        />
        <Select<DocumentStatus[]>
          mode="multiple"
          aria-label={t("documents-status")}
          placeholder={t("documents-status")}
          allowClear
          style={{ minWidth: 220 }}
          value={(query.status?.split(",") ?? []) as DocumentStatus[]}
          options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`document-status-${s}`) }))}
          onChange={(v) => update({ status: v.join(",") })}
          maxTagCount="responsive"
        />
        <Select<string[]>
          mode="multiple"
          aria-label={t("documents-type")}
          placeholder={t("documents-type")}
          allowClear
          style={{ minWidth: 220 }}
          value={query.type?.split(",") ?? []}
          options={DOCUMENT_TYPES.map((s) => ({ value: s, label: typeLabel(s, lang) }))}
          onChange={(v) => update({ type: v.join(",") })}
          maxTagCount="responsive"
        />
      </Space>

      <Table<DocumentRow>
        rowKey="id"
        size="middle"
        loading={documents.isFetching}
        dataSource={documents.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("documents-empty")} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: documents.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
        columns={[
          {
            key: "symbol",
            title: t("documents-col-symbol"),
            width: 180,
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Link to={`/documents/${d.id}`}>{d.symbol ?? typeLabel(d.type, lang)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {typeLabel(d.type, lang)}
                </Typography.Text>
              </Space>
            ),
          },
          { key: "title", title: t("documents-col-title"), render: (_, d) => d.title ?? "—" },
          {
            key: "issuer",
            title: t("documents-col-issuer"),
            width: 240,
            render: (_, d) => d.issuerName ?? "—",
          },
          { key: "date", title: t("documents-col-date"), width: 120, render: (_, d) => printedDate(d.date) },
          {
            key: "tasks",
            title: t("documents-col-tasks"),
            width: 100,
            align: "right",
            render: (_, d) => formatNumber(d.tasks, lang),
          },
          {
            key: "status",
            title: t("documents-status"),
            width: 170,
            render: (_, d) => <DocumentStatusTag status={d.status} />,
          },
        ]}
      />
    </div>
  );
}
