// The fields the parser extracted, for the officer to correct: only what changed is sent (PATCH).
import { Button, Card, Form, Input, Select } from "antd";
import type { Schemas } from "../../../api/client.ts";
import { useI18n } from "../../../i18n.tsx";
import type { DocumentDetail, ReviewActions } from "../DocumentPage.tsx";
import { DOCUMENT_TYPES, type DocumentType, typeLabel } from "../labels.tsx";

interface Values {
  type: DocumentType;
  symbol: string;
  date: string;
  issuerName: string;
  place: string;
  title: string;
}

const TEXT_FIELDS = ["symbol", "date", "issuerName", "place", "title"] as const;

export function FieldsForm({ document: d, actions }: { document: DocumentDetail; actions: ReviewActions }) {
  const { t, lang } = useI18n();
  const initial: Values = {
    type: d.type as DocumentType,
    symbol: d.symbol ?? "",
    date: d.date ?? "",
    issuerName: d.issuerName ?? "",
    place: d.place ?? "",
    title: d.title ?? "",
  };
  const save = (v: Values) => {
    const body: Schemas["DraftEdit"] = {};
    if (v.type !== initial.type) body.type = v.type;
    for (const k of TEXT_FIELDS) {
      const value = v[k].trim();
      if (value !== initial[k]) body[k] = value === "" ? null : value;
    }
    if (Object.keys(body).length > 0) void actions.editFields(body);
  };
  return (
    <Card size="small" title={t("doc-fields")} style={{ marginBottom: 16 }}>
      <Form<Values>
        // a new version (saved here or elsewhere) shows its values
        key={d.version}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        data-testid="fields-form"
      >
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: 12 }}>
          <Form.Item name="type" label={t("doc-field-type")}>
            <Select options={DOCUMENT_TYPES.map((x) => ({ value: x, label: typeLabel(x, lang) }))} />
          </Form.Item>
          <Form.Item name="symbol" label={t("doc-field-symbol")}>
            <Input />
          </Form.Item>
          <Form.Item
            name="date"
            label={t("doc-field-date")}
            rules={[{ pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, message: t("doc-field-date") }]}
          >
            <Input placeholder="2025-03-15" />
          </Form.Item>
          <Form.Item name="place" label={t("doc-field-place")}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="issuerName" label={t("doc-field-issuer")}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t("doc-field-title")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Button htmlType="submit" loading={actions.busy} data-testid="save-fields">
          {t("doc-save")}
        </Button>
      </Form>
    </Card>
  );
}
