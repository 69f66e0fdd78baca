// Reporting progress on an assignment: percent, what was done, the completion day at 100 %, and
// evidence files uploaded first (POST /api/assignments/:id/evidence), then cited by the update
// (POST /api/assignments/:id/progress with If-Match: the version the officer saw). A stale version
// (412: someone else reported meanwhile) reloads the assignment and keeps what was typed.
import { UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, DatePicker, Form, Input, InputNumber, Slider, Space, Upload, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError, api, type Schemas, unwrap, upload } from "../../api/client.ts";
import { useI18n } from "../../i18n.tsx";
import { notifyError, notifySuccess } from "../../notify.ts";
import { invalidateProgress } from "./AssignmentDrawer.tsx";

type Stored = Schemas["StoredEvidence"];

interface Values {
  percent: number;
  narrative: string;
  completedAt?: Dayjs;
}

export function ProgressForm({
  assignment,
  version,
  today,
  onStale,
}: {
  assignment: Schemas["AssignmentDetail"];
  version: number;
  today: string | undefined;
  onStale(): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const percent = Form.useWatch("percent", form) ?? assignment.percent;
  const [files, setFiles] = useState<UploadFile<Stored>[]>([]);

  const save = useMutation({
    meta: { quiet: true },
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/assignments/{id}/progress", {
          params: { path: { id: String(assignment.id) } },
          headers: { "if-match": `"${version}"` },
          body: {
            percent: v.percent,
            narrative: v.narrative.trim(),
            evidence: files
              .filter((f) => f.status === "done" && f.response)
              .map((f) => ({ name: f.response?.name ?? f.name, fileId: f.response?.fileId })),
            ...(v.percent >= 100 && v.completedAt ? { completedAt: v.completedAt.format("YYYY-MM-DD") } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess(t("progress-saved"));
      form.resetFields(["narrative"]);
      setFiles([]);
      await invalidateProgress(queryClient, assignment.id);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 412) {
        notifyError(new Error(t("progress-stale")));
        onStale();
      } else notifyError(e);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        percent: assignment.percent,
        narrative: "",
        completedAt: today ? dayjs(today) : undefined,
      }}
      onFinish={(v) => save.mutate(v)}
      data-testid="progress-form"
    >
      <Form.Item label={t("progress-percent")} required>
        <Space.Compact style={{ width: "100%" }} block>
          <Form.Item name="percent" noStyle>
            <Slider
              min={0}
              max={100}
              style={{ flex: 1, marginInlineEnd: 16 }}
              ariaLabelForHandle={t("progress-percent")}
            />
          </Form.Item>
          <Form.Item name="percent" noStyle rules={[{ required: true }]}>
            <InputNumber
              min={0}
              max={100}
              suffix="%"
              aria-label={t("progress-percent")}
              data-testid="percent-input"
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      {percent >= 100 && (
        <Form.Item name="completedAt" label={t("progress-completed-at")}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      )}
      <Form.Item
        name="narrative"
        label={t("progress-narrative")}
        rules={[{ required: true, whitespace: true, message: t("progress-narrative-required") }]}
      >
        <Input.TextArea rows={4} maxLength={20_000} data-testid="narrative" />
      </Form.Item>
      <Form.Item label={t("progress-evidence")} extra={t("progress-evidence-hint")}>
        <Upload<Stored>
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.txt"
          customRequest={({ file, onSuccess, onError }) => {
            upload<Stored>(`/api/assignments/${assignment.id}/evidence`, file as File)
              .then((stored) => {
                notifySuccess(t("progress-uploaded", { name: stored.name }));
                onSuccess?.(stored);
              })
              .catch((e: Error) => {
                notifyError(e);
                onError?.(e);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>{t("progress-upload")}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="progress-submit">
        {t("progress-submit")}
      </Button>
    </Form>
  );
}
