// Kiểm tra, giám sát: inspections of or by the user's bodies (GET /api/inspections), latest first,
// by document; monitoring officers record one with its findings and follow-up tasks
// (POST /api/inspections).
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, DatePicker, Empty, Flex, Form, Input, Modal, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { useMe } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifySuccess } from "../../notify.ts";
import { DocumentPicker, OrganisationPicker } from "../dissemination/pickers.tsx";

type Inspection = Schemas["Inspection"];
const WRITERS = new Set(["admin", "monitor"]);

export default function InspectionsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ["inspections", page, documentId ?? null],
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(api.GET("/api/inspections", { params: { query: { page, pageSize: 20, documentId } } })),
  });

  return (
    <div data-testid="inspections">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("insp-title")}
        </Typography.Title>
        {WRITERS.has(me.data?.role ?? "") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t("insp-new")}
          </Button>
        )}
      </Flex>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <DocumentPicker
          aria-label={t("rec-document")}
          placeholder={t("rec-document")}
          allowClear
          style={{ width: 320 }}
          value={documentId}
          onChange={(v) => {
            setDocumentId(v);
            setPage(1);
          }}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t("rec-total", { count: formatNumber(list.data.total, lang) })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Inspection>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("insp-empty")} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t("rec-date"), dataIndex: "heldOn", width: 110, render: (d: string) => formatDate(d) },
          { title: t("insp-inspected"), dataIndex: "inspectedName", width: 220 },
          {
            title: t("insp-inspecting"),
            dataIndex: "inspectingName",
            width: 220,
            render: (n: string | null) => n ?? "—",
          },
          { title: t("rec-document"), dataIndex: "documentSymbol", width: 140 },
          { title: t("insp-findings"), dataIndex: "findings" },
          {
            title: t("insp-follow-ups"),
            dataIndex: "followUps",
            width: 120,
            align: "right",
            render: (n: number) => formatNumber(n, lang),
          },
        ]}
      />
      {open && <RecordInspection onClose={() => setOpen(false)} />}
    </div>
  );
}

interface Values {
  documentId: number;
  inspectedOrganisationId: number;
  inspectingOrganisationId?: number;
  heldOn: Dayjs;
  findings: string;
  followUps?: { text: string; deadline?: Dayjs }[];
}

function RecordInspection({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/inspections", {
          body: {
            documentId: v.documentId,
            inspectedOrganisationId: v.inspectedOrganisationId,
            inspectingOrganisationId: v.inspectingOrganisationId ?? undefined,
            heldOn: v.heldOn.format("YYYY-MM-DD"),
            findings: v.findings.trim(),
            followUps: (v.followUps ?? [])
              .filter((f) => f.text?.trim())
              .map((f) => ({ text: f.text.trim(), deadline: f.deadline?.format("YYYY-MM-DD") })),
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess(t("rec-saved"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ["inspections"] });
    },
  });
  return (
    <Modal
      open
      width={640}
      title={t("insp-new")}
      okText={t("rec-save")}
      cancelText={t("rec-cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(save.error)}
          style={{ marginBottom: 12 }}
          data-testid="record-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="inspection-form"
      >
        <Form.Item
          name="documentId"
          label={t("rec-document")}
          rules={[{ required: true, message: t("rec-document-required") }]}
        >
          <DocumentPicker />
        </Form.Item>
        <Form.Item
          name="inspectedOrganisationId"
          label={t("insp-inspected")}
          rules={[{ required: true, message: t("rec-body-required") }]}
        >
          <OrganisationPicker />
        </Form.Item>
        <Form.Item name="inspectingOrganisationId" label={t("insp-inspecting")}>
          <OrganisationPicker allowClear />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t("rec-date")}
          rules={[{ required: true, message: t("rec-date-required") }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t("insp-findings")}
          rules={[{ required: true, whitespace: true, message: t("insp-findings-required") }]}
        >
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Typography.Text strong>{t("insp-follow-ups")}</Typography.Text>
        <Form.List name="followUps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, "text"]} style={{ flex: 1 }}>
                    <Input aria-label={t("insp-follow-up")} placeholder={t("insp-follow-up")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "deadline"]}>
                    <DatePicker
                      format="DD/MM/YYYY"
                      aria-label={t("insp-follow-up-deadline")}
                      placeholder={t("insp-follow-up-deadline")}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label={t("insp-remove-follow-up")}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>
                {t("insp-add-follow-up")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
