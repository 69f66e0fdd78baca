// Xuất báo cáo: the interim or final review report of a published document, or its tables, for a
// year, a half or a quarter. The server writes a small one at once (201) and queues a large one
// (202): its progress is polled until the file can be downloaded or its problem is shown.
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Form, InputNumber, Modal, Progress, Radio, Select } from "antd";
import { useState } from "react";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { useI18n } from "../../i18n.tsx";
import type { MessageKey } from "../../messages.ts";
import { errorText } from "../../notify.ts";

type Export = Schemas["ReportExport"];
type Review = Export["review"];
type Format = Export["format"];

interface Choice {
  year: number;
  part: string;
  review: Review;
  format: Format;
}

const PARTS = ["", "H1", "H2", "Q1", "Q2", "Q3", "Q4"] as const;
const FORMATS: Format[] = ["docx", "xlsx", "csv"];

export function ExportReport({ documentId }: { documentId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="export-open" onClick={() => setOpen(true)}>
        {t("export-open")}
      </Button>
      {open && <ExportModal documentId={documentId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportModal({ documentId, onClose }: { documentId: number; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Choice>();
  const [sending, setSending] = useState(false);
  const [started, setStarted] = useState<Export | null>(null);
  const [error, setError] = useState<string | null>(null);

  const settled = (e: Export | undefined) => e?.state === "done" || e?.state === "failed";
  const polled = useQuery({
    queryKey: ["report-export", started?.id],
    enabled: started !== null && !settled(started),
    queryFn: () =>
      unwrap(api.GET("/api/reports/exports/{id}", { params: { path: { id: String(started?.id) } } })),
    refetchInterval: (q) => (settled(q.state.data) ? false : 1000),
  });
  const job = polled.data ?? started;
  const failure = error ?? (polled.isError ? errorText(polled.error) : null) ?? job?.problem?.detail ?? null;

  const submit = async (c: Choice) => {
    setSending(true);
    setError(null);
    setStarted(null);
    try {
      const period = c.part ? `${c.year}-${c.part}` : String(c.year);
      setStarted(
        await unwrap(
          api.POST("/api/reports/exports", {
            body: { documentId, period, review: c.review, format: c.format, background: false },
          }),
        ),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  const partLabel = (p: (typeof PARTS)[number]) =>
    p === ""
      ? t("export-period-year")
      : t(p.startsWith("H") ? "export-period-half" : "export-period-quarter", { n: p.slice(1) });
  const stage = job ? job.stage : "queued";
  const done = job?.state === "done" && job.fileUrl !== null;

  return (
    <Modal open title={t("export-title")} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<Choice>
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), part: "", review: "interim", format: "docx" }}
        onFinish={submit}
        disabled={sending}
      >
        <Flex gap={12}>
          <Form.Item name="year" label={t("export-year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="part" label={t("export-period")} style={{ flex: 1 }}>
            <Select options={PARTS.map((p) => ({ value: p, label: partLabel(p) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="review" label={t("export-review")}>
          <Radio.Group
            options={(["interim", "final"] as const).map((r) => ({
              value: r,
              label: t(`export-review-${r}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.Item name="format" label={t("export-format")}>
          <Radio.Group
            options={FORMATS.map((f) => ({ value: f, label: t(`export-format-${f}` as MessageKey) }))}
          />
        </Form.Item>
        <Button
          type={job || failure ? "default" : "primary"}
          htmlType="submit"
          loading={sending}
          data-testid="export-start"
        >
          {job || failure ? t("export-again") : t("export-start")}
        </Button>
      </Form>
      {(sending || job) && !failure && (
        <div data-testid="export-progress" data-state={job?.state ?? "sending"} style={{ marginTop: 16 }}>
          <Progress
            percent={job?.percent ?? 0}
            status={done ? "success" : "active"}
            aria-label={t("export-progress")}
          />
          <div aria-live="polite">
            {done
              ? t("export-stage-done", { name: job.fileName })
              : t(`export-stage-${stage}` as MessageKey, { name: "" })}
          </div>
          {done && (
            <Button
              type="primary"
              href={job.fileUrl ?? undefined}
              download={job.fileName}
              data-testid="export-download"
              style={{ marginTop: 8 }}
            >
              {t("export-download")}
            </Button>
          )}
        </div>
      )}
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="export-error" />
      )}
    </Modal>
  );
}
