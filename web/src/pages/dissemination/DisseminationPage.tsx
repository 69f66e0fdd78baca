import { DatePicker, Flex, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { type Role, useMe } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { OrganisationPicker } from "../records/pickers.tsx";
import { RecordDialog, RecordListPage } from "../records/RecordListPage.tsx";

type Session = Schemas["DisseminationSession"];
const FORMS = ["conference", "online", "integrated", "document"] as const;
type SessionForm = (typeof FORMS)[number];
const WRITERS: Role[] = ["admin", "monitor", "unit_officer"];

export default function DisseminationPage() {
  const { t, lang } = useI18n();
  const formName = (f: string) => (FORMS.includes(f as SessionForm) ? t(`dis-form-${f as SessionForm}`) : f);
  return (
    <RecordListPage<Session>
      testId="dissemination"
      title={t("dis-title")}
      newLabel={t("dis-new")}
      empty={t("dis-empty")}
      writers={WRITERS}
      queryKey="disseminations"
      fetch={(query) => unwrap(api.GET("/api/disseminations", { params: { query } }))}
      recordForm={(onClose) => <RecordSession onClose={onClose} />}
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
  return (
    <RecordDialog<Values>
      title={t("dis-new")}
      testId="dissemination-form"
      queryKey="disseminations"
      initialValues={{ form: "conference", organisationId: me.data?.scopeOrganisationId ?? undefined }}
      send={(v: Values) =>
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
        )
      }
      onClose={onClose}
    >
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
    </RecordDialog>
  );
}
