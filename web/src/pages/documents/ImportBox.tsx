// Import by drag-and-drop: the file goes to POST /api/documents/imports, then the import is polled
// (GET /api/documents/imports/:id) for its stage and percent until the draft is made — the review
// screen opens — or the API's problem, in the UI's language, is shown.
import { InboxOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Progress, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { api, type Schemas, unwrap, upload } from "../../api/client.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText } from "../../notify.ts";

const ACCEPT = ".txt,.md,.docx,.pdf,.png,.jpg,.jpeg";
type Accepted = Schemas["ImportAccepted"];

export function ImportBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<{ id: number; name: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const progress = useQuery({
    queryKey: ["document-import", current?.id ?? null],
    enabled: current !== null,
    queryFn: () =>
      unwrap(api.GET("/api/documents/imports/{id}", { params: { path: { id: String(current?.id) } } })),
    refetchInterval: (q) =>
      q.state.data?.state === "done" || q.state.data?.state === "failed" ? false : 400,
  });
  const state = progress.data;

  useEffect(() => {
    if (!state || !current) return;
    if (state.state === "done" && state.documentId !== null) {
      void queryClient.invalidateQueries({ queryKey: ["documents"] });
      navigate(`/documents/${state.documentId}`);
    } else if (state.state === "failed") {
      setFailure(state.problem?.detail ?? t("import-failed", { name: current.name }));
      setCurrent(null);
    }
  }, [state, current, navigate, queryClient, t]);

  const busy = current !== null;
  return (
    <div data-testid="import">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File;
          setFailure(null);
          upload<Accepted>("/api/documents/imports", f).then(
            (r) => {
              setCurrent({ id: r.importId, name: f.name });
              onSuccess?.(r);
            },
            (e: unknown) => {
              setFailure(errorText(e));
              onError?.(e as Error);
            },
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t("import-drop")}</p>
        <p className="ant-upload-hint">{t("import-hint")}</p>
      </Upload.Dragger>
      {busy && (
        <div data-testid="import-progress" aria-live="polite" style={{ marginTop: 12 }}>
          <Typography.Text>
            {t("import-file", { name: current.name })} —{" "}
            <span data-testid="import-stage">{t(`import-stage-${state?.stage ?? "queued"}`)}</span>
          </Typography.Text>
          <Progress
            percent={state?.percent ?? 0}
            status="active"
            aria-label={t("import-file", { name: current.name })}
          />
        </div>
      )}
      {progress.isError && busy && <Alert type="error" showIcon title={errorText(progress.error)} />}
      {failure && (
        <Alert
          data-testid="import-error"
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={failure}
          closable
          onClose={() => setFailure(null)}
        />
      )}
    </div>
  );
}
