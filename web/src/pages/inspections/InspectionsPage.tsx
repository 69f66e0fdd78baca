// Kiểm tra, giám sát: inspections of or by the user's bodies (GET /api/inspections), latest first,
// by document; monitoring officers record one with its findings and follow-up tasks
// (POST /api/inspections).
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Form, Input, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import type { Role } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { OrganisationPicker } from "../records/pickers.tsx";
import { RecordDialog, RecordListPage } from "../records/RecordListPage.tsx";

type Inspection = Schemas["Inspection"];
const WRITERS: Role[] = ["admin", "monitor"];

export default function InspectionsPage() {
  const { t, lang } = useI18n();
  return (
    <RecordListPage<Inspection>
      testId="inspections"
      title={t("insp-title")}
      newLabel={t("insp-new")}
      empty={t("insp-empty")}
      writers={WRITERS}
      queryKey="inspections"
      fetch={(query) => unwrap(api.GET("/api/inspections", { params: { query } }))}
      recordForm={(onClose) => <RecordInspection onClose={onClose} />}
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

  return (
    <RecordDialog<Values>
      title={t("insp-new")}
      testId="inspection-form"
      queryKey="inspections"
      width={640}
      send={(v: Values) =>
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
        )
      }
      onClose={onClose}
    >
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
    </RecordDialog>
  );
}
