// Nhật ký: the audit log (GET /api/audit), newest first, filtered by entity, action and period;
// a row opens to show the record before and after the change.
import { useQuery } from "@tanstack/react-query";
import { Alert, DatePicker, Empty, Flex, Input, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText } from "../../notify.ts";

type Entry = Schemas["AuditEntry"];

const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A timestamp as dd/mm/yyyy hh:mm, Vietnam time. */
function formatTime(value: string): string {
  const d = new Date(value.replace(" ", "T").replace(/\+00$/, "Z"));
  return Number.isNaN(d.getTime()) ? value : timeFormat.format(d);
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return (
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        —
      </Typography.Paragraph>
    );
  return (
    <pre
      style={{
        whiteSpace: "pre-wrap",
        wordBreak: "break-word",
        margin: 0,
        fontSize: 12,
        maxHeight: 320,
        overflow: "auto",
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState("");
  const [action, setAction] = useState("");
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = {
    page,
    pageSize: 20,
    entity: entity || undefined,
    action: action || undefined,
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  };
  const log = useQuery({
    queryKey: ["audit", query],
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET("/api/audit", { params: { query } })),
  });

  return (
    <div data-testid="audit">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("audit-title")}
      </Typography.Title>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t("audit-entity")}
          placeholder={t("audit-entity")}
          allowClear
          style={{ width: 200 }}
          onSearch={(v) => {
            setEntity(v.trim());
            setPage(1);
          }}
        />
        <Input.Search
          aria-label={t("audit-action")}
          placeholder={t("audit-action")}
          allowClear
          style={{ width: 200 }}
          onSearch={(v) => {
            setAction(v.trim());
            setPage(1);
          }}
        />
        <DatePicker.RangePicker
          aria-label={t("audit-period")}
          format="DD/MM/YYYY"
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
        />
        {log.data && (
          <Typography.Text type="secondary">
            {t("rec-total", { count: formatNumber(log.data.total, lang) })}
          </Typography.Text>
        )}
      </Flex>
      {log.isError && <Alert type="error" showIcon title={errorText(log.error)} data-testid="audit-error" />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("audit-empty")} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: log.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (e) => (
            <Flex gap={24} wrap>
              <div style={{ flex: 1, minWidth: 280 }}>
                <Typography.Text strong>{t("audit-before")}</Typography.Text>
                <Json value={e.before} />
              </div>
              <div style={{ flex: 1, minWidth: 280 }}>
                <Typography.Text strong>{t("audit-after")}</Typography.Text>
                <Json value={e.after} />
              </div>
            </Flex>
          ),
        }}
        columns={[
          { title: t("audit-at"), dataIndex: "at", width: 150, render: (v: string) => formatTime(v) },
          {
            title: t("audit-actor"),
            dataIndex: "actorName",
            width: 200,
            render: (n: string | null) => n ?? t("audit-system"),
          },
          { title: t("audit-action"), dataIndex: "action" },
          { title: t("audit-entity"), dataIndex: "entity", width: 180 },
          { title: t("audit-entity-id"), dataIndex: "entityId", width: 120 },
          { title: t("audit-origin"), dataIndex: "origin", width: 120 },
        ]}
      />
    </div>
  );
}
