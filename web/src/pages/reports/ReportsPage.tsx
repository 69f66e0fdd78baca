// Báo cáo định kỳ: the reporting cycles of the user's scope (GET /api/reporting-cycles); the chosen
// one (?cycle=ID) shows the completeness matrix, body × period, coloured by state
// (GET /api/reporting-cycles/:id/completeness). Those who submit reports click a cell not yet
// submitted to send that body's report for the period (POST /api/reports).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Card, Empty, Flex, Form, Input, Modal, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { useMe } from "../../auth.ts";
import { formatDate, formatNumber, formatShare } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import type { MessageKey } from "../../messages.ts";
import { errorText, notifySuccess } from "../../notify.ts";
import type { ReportState } from "../../status.tsx";
import { CompletenessHeatmap } from "./CompletenessHeatmap.tsx";

type Cycle = Schemas["ReportingCycle"];
type Completeness = Schemas["CycleCompleteness"];
const SUBMITTERS = new Set(["admin", "monitor", "unit_officer"]);
const FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual"];
const OPEN: ReportState[] = ["missing", "not_yet_due"];
const CELL_BUTTON = {
  display: "block",
  width: "100%",
  padding: "4px 8px",
  border: 0,
  background: "transparent",
  font: "inherit",
  textDecoration: "underline",
  cursor: "pointer",
} as const;

export default function ReportsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page")) || 1;
  const selected = Number(params.get("cycle")) || null;
  const cycles = useQuery({
    queryKey: ["reporting-cycles", page],
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET("/api/reporting-cycles", { params: { query: { page, pageSize: 10 } } })),
  });
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next);
  };

  return (
    <div data-testid="reports">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("rep-title")}
      </Typography.Title>
      {cycles.isError && <Alert type="error" showIcon title={errorText(cycles.error)} />}
      <Table<Cycle>
        rowKey="id"
        size="small"
        loading={cycles.isFetching}
        dataSource={cycles.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("rep-empty")} /> }}
        rowClassName={(r) => (r.id === selected ? "ant-table-row-selected" : "")}
        onRow={(r) => ({ onClick: () => go({ cycle: String(r.id) }), style: { cursor: "pointer" } })}
        pagination={{
          current: page,
          pageSize: 10,
          total: cycles.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => go({ page: String(p) }),
        }}
        columns={[
          {
            title: t("rep-col-name"),
            dataIndex: "name",
            render: (name: string, r) => (
              <Typography.Link data-testid={`cycle-${r.id}`} onClick={() => go({ cycle: String(r.id) })}>
                {name}
              </Typography.Link>
            ),
          },
          { title: t("ind-col-document"), dataIndex: "documentSymbol", width: 160 },
          {
            title: t("rep-col-frequency"),
            dataIndex: "frequency",
            width: 120,
            render: (f: string) => (FREQUENCIES.includes(f) ? t(`freq-${f}` as MessageKey) : f),
          },
          {
            title: t("rep-col-start"),
            dataIndex: "startDate",
            width: 110,
            render: (d: string) => formatDate(d),
          },
          {
            title: t("rep-col-bodies"),
            dataIndex: "bodiesInScope",
            width: 150,
            align: "right",
            render: (n: number) => formatNumber(n, lang),
          },
        ]}
      />
      {selected === null ? (
        <Alert type="info" showIcon title={t("rep-pick")} style={{ marginTop: 16 }} />
      ) : (
        <Matrix key={selected} id={selected} />
      )}
    </div>
  );
}

interface Target {
  organisationId: number;
  organisationName: string;
  period: string;
}

function Matrix({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const canSubmit = SUBMITTERS.has(me.data?.role ?? "");
  const [target, setTarget] = useState<Target | null>(null);
  const matrix = useQuery({
    queryKey: ["completeness", id],
    queryFn: () =>
      unwrap(api.GET("/api/reporting-cycles/{id}/completeness", { params: { path: { id: String(id) } } })),
  });
  if (matrix.isError)
    return <Alert type="error" showIcon title={errorText(matrix.error)} style={{ marginTop: 16 }} />;
  if (!matrix.data) return <Card loading style={{ marginTop: 16 }} />;
  const m: Completeness = matrix.data;

  return (
    <Card style={{ marginTop: 16 }} data-testid="completeness" data-cycle={id}>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t("rep-matrix", { name: m.name })}
      </Typography.Title>
      <Flex wrap gap={24} style={{ marginBottom: 12 }}>
        <Statistic title={t("rep-reporting-rate")} value={formatShare(m.totals.reportingRate, lang)} />
        <Statistic title={t("rep-on-time-rate")} value={formatShare(m.totals.onTimeRate, lang)} />
      </Flex>
      {canSubmit && m.rows.length > 0 && (
        <Typography.Paragraph type="secondary">{t("rep-submit-hint")}</Typography.Paragraph>
      )}
      {m.rows.length === 0 ? (
        <Empty description={t("rep-no-bodies")} />
      ) : (
        <CompletenessHeatmap
          name={m.name}
          periods={m.periods}
          rows={m.rows}
          testId="completeness-matrix"
          action={(r, c, text, colour) =>
            canSubmit && OPEN.includes(c.state) ? (
              <button
                type="button"
                style={{ ...CELL_BUTTON, color: colour }}
                onClick={() =>
                  setTarget({
                    organisationId: r.organisationId,
                    organisationName: r.organisationName,
                    period: c.period,
                  })
                }
              >
                {text}
              </button>
            ) : null
          }
        />
      )}
      {target && <SubmitReport cycleId={id} target={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}

interface ReportForm {
  content: string;
  difficulties?: string;
  proposals?: string;
}

function SubmitReport({ cycleId, target, onClose }: { cycleId: number; target: Target; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportForm>();
  const submit = useMutation({
    mutationFn: (v: ReportForm) =>
      unwrap(
        api.POST("/api/reports", {
          body: {
            cycleId,
            organisationId: target.organisationId,
            period: target.period,
            content: v.content,
            difficulties: v.difficulties?.trim() || undefined,
            proposals: v.proposals?.trim() || undefined,
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess(t("rep-submitted"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ["completeness", cycleId] });
    },
  });
  return (
    <Modal
      open
      title={t("rep-submit-title", { period: target.period, body: target.organisationName })}
      okText={t("rep-submit")}
      cancelText={t("rep-cancel")}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {submit.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(submit.error)}
          style={{ marginBottom: 12 }}
          data-testid="report-error"
        />
      )}
      <Form<ReportForm>
        form={form}
        layout="vertical"
        onFinish={(v) => submit.mutate(v)}
        data-testid="report-form"
      >
        <Form.Item
          name="content"
          label={t("rep-content")}
          rules={[{ required: true, whitespace: true, message: t("rep-content-required") }]}
        >
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="difficulties" label={t("rep-difficulties")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="proposals" label={t("rep-proposals")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
