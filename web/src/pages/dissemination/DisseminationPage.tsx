// Quán triệt: the dissemination sessions of the user's bodies (GET /api/disseminations), latest
// first, by document; those who may record one do so in a dialog (POST /api/disseminations).
import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { useMe } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifySuccess } from "../../notify.ts";
import { DocumentPicker, OrganisationPicker } from "./pickers.tsx";

type Session = Schemas["DisseminationSession"];
const FORMS = ["conference", "online", "integrated", "document"] as const;
type SessionForm = (typeof FORMS)[number];
const WRITERS = new Set(["admin", "monitor", "unit_officer"]);

export default function DisseminationPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ["disseminations", page, documentId ?? null],
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(api.GET("/api/disseminations", { params: { query: { page, pageSize: 20, documentId } } })),
  });
  const formName = (f: string) => (FORMS.includes(f as SessionForm) ? t(`dis-form-${f as SessionForm}`) : f);

  return (
    <div data-testid="dissemination">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("dis-title")}
        </Typography.Title>
        {WRITERS.has(me.data?.role ?? "") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t("dis-new")}
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
      <Table<Session>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("dis-empty")} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t("rec-date"), dataIndex: "heldOn", width: 110, render: (d: string) => formatDate(d) },
          { title: t("rec-body"), dataIndex: "organisationName" },
          { title: t("rec-document"), dataIndex: "documentSymbol", width: 150 },
          { title: t("dis-form"), dataIndex: "form", width: 160, render: formName },
          {
            title: t("dis-attendance"),
            dataIndex: "attendance",
            width: 110,
            align: "right",
            render: (n: number | null) => (n === null ? "—" : formatNumber(n, lang)),
          },
          { title: t("dis-notes"), dataIndex: "notes", render: (n: string | null) => n ?? "" },
        ]}
      />
      {open && <RecordSession onClose={() => setOpen(false)} />}
    </div>
  );
}

interface Values {
  documentId: number;
  organisationId: number;
  heldOn: Dayjs;
  form: SessionForm;
  attendance?: number;
  notes?: string;
}

function RecordSession({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/disseminations", {
          body: {
            documentId: v.documentId,
            organisationId: v.organisationId,
            heldOn: v.heldOn.format("YYYY-MM-DD"),
            form: v.form,
            attendance: v.attendance ?? undefined,
            notes: v.notes?.trim() || undefined,
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess(t("rec-saved"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ["disseminations"] });
    },
  });
  return (
    <Modal
      open
      title={t("dis-new")}
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
        initialValues={{ form: "conference", organisationId: me.data?.scopeOrganisationId ?? undefined }}
        onFinish={(v) => save.mutate(v)}
        data-testid="dissemination-form"
      >
        <Form.Item
          name="documentId"
          label={t("rec-document")}
          rules={[{ required: true, message: t("rec-document-required") }]}
        >
          <DocumentPicker />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t("rec-body")}
          rules={[{ required: true, message: t("rec-body-required") }]}
        >
          <OrganisationPicker />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="heldOn"
            label={t("rec-date")}
            rules={[{ required: true, message: t("rec-date-required") }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="form" label={t("dis-form")}>
            <Select
              style={{ width: 180 }}
              options={FORMS.map((f) => ({ value: f, label: t(`dis-form-${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="attendance" label={t("dis-attendance")}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item name="notes" label={t("dis-notes")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
