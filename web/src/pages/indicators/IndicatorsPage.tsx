// Chỉ tiêu: the indicators of the user's scope (GET /api/indicators) with their bodies' grades; the
// chosen one (?indicator=ID) shows per body its path to the target against the actual values and
// the forecast, the values entered, a form to enter one (body and period) and a CSV/XLSX import
// whose row errors, as the API states them, stay on screen.
import { InboxOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { api, type Schemas, unwrap, upload } from "../../api/client.ts";
import { useMe } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifySuccess } from "../../notify.ts";
import { GRADE_COLOURS, GRADES } from "../../status.tsx";

const IndicatorChart = lazy(() => import("./IndicatorChart.tsx"));

type IndicatorRow = Schemas["IndicatorRow"];
type Detail = Schemas["IndicatorDetail"];
const WRITERS = new Set(["admin", "monitor", "unit_officer"]);
const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/;

export default function IndicatorsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page")) || 1;
  const selected = Number(params.get("indicator")) || null;
  const me = useMe();
  const canWrite = WRITERS.has(me.data?.role ?? "");

  const list = useQuery({
    queryKey: ["indicators", page],
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET("/api/indicators", { params: { query: { page, pageSize: 10 } } })),
  });
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null) next.delete(k);
      else next.set(k, v);
    setParams(next);
  };
  const num = (v: number | null) => (v === null ? "—" : formatNumber(v, lang));
  const targetText = (r: {
    targetValue: number | null;
    targetLow: number | null;
    targetHigh: number | null;
  }) =>
    r.targetValue !== null
      ? num(r.targetValue)
      : r.targetLow !== null || r.targetHigh !== null
        ? `${num(r.targetLow)} – ${num(r.targetHigh)}`
        : "—";

  return (
    <div data-testid="indicators">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("ind-title")}
        </Typography.Title>
        {list.data && (
          <Typography.Text type="secondary">
            {t("ind-total", { count: formatNumber(list.data.total, lang) })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<IndicatorRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("ind-empty")} /> }}
        rowClassName={(r) => (r.id === selected ? "ant-table-row-selected" : "")}
        onRow={(r) => ({ onClick: () => go({ indicator: String(r.id) }), style: { cursor: "pointer" } })}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => go({ page: String(p) }),
        }}
        columns={[
          {
            title: t("ind-col-name"),
            dataIndex: "name",
            render: (name: string, r) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  go({ indicator: String(r.id) });
                }}
                data-testid={`indicator-${r.id}`}
              >
                {name}
              </Typography.Link>
            ),
          },
          { title: t("ind-col-document"), dataIndex: "documentSymbol", width: 160 },
          {
            title: t("ind-col-baseline"),
            width: 120,
            render: (_, r) =>
              r.baselineValue === null ? "—" : `${num(r.baselineValue)} (${r.baselineYear ?? "—"})`,
          },
          {
            title: t("ind-col-target"),
            width: 140,
            render: (_, r) => `${targetText(r)} ${r.unit ?? ""} (${r.targetYear ?? "—"})`,
          },
          {
            title: t("ind-col-grades"),
            width: 260,
            render: (_, r) => (
              <Space size={4} wrap>
                {GRADES.filter((g) => r.counts[g] > 0).map((g) => (
                  <Tag key={g} color={GRADE_COLOURS[g]} style={{ marginInlineEnd: 0 }}>
                    {t(`grade-${g}`)}: {formatNumber(r.counts[g], lang)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {selected === null ? (
        <Alert type="info" showIcon title={t("ind-pick")} style={{ marginTop: 16 }} />
      ) : (
        <IndicatorPanel key={selected} id={selected} canWrite={canWrite} />
      )}
    </div>
  );
}

function IndicatorPanel({ id, canWrite }: { id: number; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const detail = useQuery({
    queryKey: ["indicator", id],
    queryFn: () => unwrap(api.GET("/api/indicators/{id}", { params: { path: { id: String(id) } } })),
  });
  const [bodyId, setBodyId] = useState<number | null>(null);
  if (detail.isError)
    return <Alert type="error" showIcon title={errorText(detail.error)} style={{ marginTop: 16 }} />;
  if (!detail.data) return <Card loading style={{ marginTop: 16 }} />;
  const d = detail.data;
  const body = d.bodies.find((b) => b.organisationId === bodyId) ?? d.bodies[0] ?? null;
  const num = (v: number | null) => (v === null ? "—" : formatNumber(v, lang));
  const target = d.target.value ?? d.target.high ?? d.target.low;
  const verdict =
    body?.forecast?.meetsTarget === true
      ? t("ind-forecast-meets")
      : body?.forecast?.meetsTarget === false
        ? t("ind-forecast-misses")
        : t("ind-forecast-unknown");

  return (
    <Card style={{ marginTop: 16 }} data-testid="indicator-detail" data-indicator={d.id}>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {d.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{d.text}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t("ind-col-document")}>{d.documentSymbol ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("ind-col-baseline")}>
          {d.baseline.value === null ? "—" : `${num(d.baseline.value)} (${d.baseline.year ?? "—"})`}
        </Descriptions.Item>
        <Descriptions.Item label={t("ind-col-target")}>
          {`${num(target)} ${d.unit ?? ""} (${d.target.year ?? "—"})`}
        </Descriptions.Item>
      </Descriptions>
      {d.bodies.length === 0 ? (
        <Alert type="info" showIcon title={t("ind-no-values")} style={{ marginBottom: 16 }} />
      ) : (
        <Space wrap style={{ marginBottom: 8 }} align="center">
          <Select
            aria-label={t("ind-body")}
            style={{ minWidth: 280 }}
            value={body?.organisationId}
            onChange={setBodyId}
            options={d.bodies.map((b) => ({ value: b.organisationId, label: b.organisationName }))}
            data-testid="indicator-body"
          />
          {body && (
            <Tag color={GRADE_COLOURS[body.assessment.status]}>{t(`grade-${body.assessment.status}`)}</Tag>
          )}
          {body?.forecast && (
            <Typography.Text data-testid="indicator-forecast">
              {t("ind-forecast", { year: body.forecast.year, value: num(body.forecast.value), verdict })}
            </Typography.Text>
          )}
        </Space>
      )}
      <Suspense fallback={<div style={{ height: 320 }} />}>
        <IndicatorChart detail={d} body={body} />
      </Suspense>
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t("ind-values")}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            data-testid="indicator-values"
            dataSource={body?.values ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t("ind-no-values")} /> }}
            columns={[
              { title: t("ind-period"), dataIndex: "period" },
              { title: t("ind-value"), dataIndex: "value", align: "right", render: (v: number) => num(v) },
              { title: t("ind-source"), dataIndex: "source", render: (s: string | null) => s ?? "—" },
              { title: t("ind-recorded"), dataIndex: "recordedAt", render: (s: string) => formatDate(s) },
            ]}
          />
        </Col>
        {canWrite && (
          <Col xs={24} lg={12}>
            <ValueForm detail={d} bodyId={body?.organisationId ?? null} onSaved={setBodyId} />
            <ValueImport />
          </Col>
        )}
      </Row>
    </Card>
  );
}

interface FormValues {
  organisationId: number;
  period: string;
  value: number;
  source?: string;
}

function ValueForm({
  detail,
  bodyId,
  onSaved,
}: {
  detail: Detail;
  bodyId: number | null;
  onSaved(organisationId: number): void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState("");
  const orgs = useQuery({
    queryKey: ["organisations", "pick", search],
    staleTime: 60_000,
    queryFn: () =>
      unwrap(api.GET("/api/organisations", { params: { query: { q: search || undefined, pageSize: 30 } } })),
  });
  const options = useMemo(() => {
    const seen = new Map<number, string>();
    for (const b of detail.bodies) seen.set(b.organisationId, b.organisationName);
    for (const o of orgs.data?.items ?? []) if (o.inScope) seen.set(o.id, o.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [detail.bodies, orgs.data]);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const kept = detail.bodies
        .find((b) => b.organisationId === v.organisationId)
        ?.values.find((x) => x.period === v.period);
      return unwrap(
        api.POST("/api/indicators/values", {
          body: [
            {
              indicatorId: detail.id,
              organisationId: v.organisationId,
              period: v.period,
              value: v.value,
              source: v.source?.trim() || undefined,
              expectedVersion: kept?.version,
            },
          ],
        }),
      );
    },
    onSuccess: async (r, v) => {
      notifySuccess(t("ind-saved", { count: r.stored }));
      form.resetFields(["period", "value", "source"]);
      onSaved(v.organisationId);
      await queryClient.invalidateQueries({ queryKey: ["indicator", detail.id] });
      await queryClient.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
  const initialBody = bodyId ?? me.data?.scopeOrganisationId ?? undefined;

  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t("ind-entry")}
      </Typography.Title>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(save.error)}
          style={{ marginBottom: 12 }}
          data-testid="value-error"
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ organisationId: initialBody }}
        onFinish={(v) => save.mutate(v)}
        data-testid="value-form"
      >
        <Form.Item
          name="organisationId"
          label={t("ind-body")}
          rules={[{ required: true, message: t("ind-body-required") }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={options}
            loading={orgs.isFetching}
          />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="period"
            label={t("ind-period")}
            extra={t("ind-period-hint")}
            rules={[{ required: true, pattern: PERIOD, message: t("ind-period-required") }]}
          >
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="value"
            label={t("ind-value")}
            rules={[{ required: true, message: t("ind-value-required") }]}
          >
            <InputNumber style={{ width: 160 }} decimalSeparator="," />
          </Form.Item>
        </Space>
        <Form.Item name="source" label={t("ind-source")}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("ind-save")}
        </Button>
      </Form>
    </>
  );
}

function ValueImport() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (file: File) => upload<{ stored: number }>("/api/indicators/values/import", file),
    onSuccess: async (r) => {
      notifySuccess(t("ind-saved", { count: r.stored }));
      await queryClient.invalidateQueries({ queryKey: ["indicator"] });
      await queryClient.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
  return (
    <div style={{ marginTop: 24 }} data-testid="value-import">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t("ind-import")}
      </Typography.Title>
      <Upload.Dragger
        accept=".csv,.xlsx"
        showUploadList={false}
        disabled={run.isPending}
        customRequest={({ file }) => run.mutate(file as File)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t("ind-import-hint")}</p>
      </Upload.Dragger>
      {run.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t("ind-import-failed")}
          description={errorText(run.error)}
          data-testid="import-error"
        />
      )}
    </div>
  );
}
