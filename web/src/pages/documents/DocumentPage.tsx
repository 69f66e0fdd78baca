// One document (GET /api/documents/:id). A draft opens on its review: the source text beside the
// extraction; clicking a task, an assignment, an indicator, a reference or a warning marks its span
// in the source and scrolls to it. The officer corrects the fields (PATCH, If-Match), maps the
// phrases no organisation matched, accepts or rejects what the parser proposed (POST review,
// If-Match) and publishes (If-Match); a stale version says so and loads the latest. Every document
// also shows its sections and its lineage tree.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Flex, Popconfirm, Spin, Tabs, Typography } from "antd";
import { useCallback, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, api, type Schemas, unwrap } from "../../api/client.ts";
import type { paths } from "../../api/schema";
import { useMe } from "../../auth.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifyError, notifySuccess, notifyWarning } from "../../notify.ts";
import { ExportReport } from "./ExportReport.tsx";
import { LineageTree } from "./LineageTree.tsx";
import { DocumentStatusTag, typeLabel } from "./labels.tsx";
import { Extraction } from "./review/Extraction.tsx";
import { FieldsForm } from "./review/FieldsForm.tsx";
import { SectionsView } from "./review/SectionsView.tsx";
import { type Mark, SourceText } from "./review/SourceText.tsx";

export type DocumentDetail = Schemas["Document"];
export type Decisions =
  paths["/api/documents/{id}/review"]["post"]["requestBody"]["content"]["application/json"];

/** The write calls of the review, each with the version the officer saw. */
export interface ReviewActions {
  busy: boolean;
  editFields(body: Schemas["DraftEdit"]): Promise<boolean>;
  decide(body: Decisions, done: string): Promise<boolean>;
}

export default function DocumentPage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [mark, setMark] = useState<Mark | null>(null);
  const [busy, setBusy] = useState(false);

  const key = ["document", id];
  const doc = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET("/api/documents/{id}", { params: { path: { id } } })),
  });

  const run = useCallback(
    async (call: (version: number) => Promise<unknown>, done: string): Promise<boolean> => {
      const version = doc.data?.version;
      if (version === undefined) return false;
      setBusy(true);
      try {
        await call(version);
        notifySuccess(done);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 412) notifyWarning(t("doc-stale"));
        else notifyError(e);
        return false;
      } finally {
        await queryClient.invalidateQueries({ queryKey: ["document", id] });
        void queryClient.invalidateQueries({ queryKey: ["documents"] });
        setBusy(false);
      }
    },
    [doc.data?.version, queryClient, id, t],
  );
  const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

  const actions: ReviewActions = {
    busy,
    editFields: (body) =>
      run(
        (v) =>
          unwrap(api.PATCH("/api/documents/{id}", { params: { path: { id } }, body, headers: ifMatch(v) })),
        t("doc-saved"),
      ),
    decide: (body, done) =>
      run(
        (v) =>
          unwrap(
            api.POST("/api/documents/{id}/review", { params: { path: { id } }, body, headers: ifMatch(v) }),
          ),
        done,
      ),
  };
  const publish = async () => {
    const ok = await run(
      (v) =>
        unwrap(api.POST("/api/documents/{id}/publish", { params: { path: { id } }, headers: ifMatch(v) })),
      t("doc-published"),
    );
    if (ok) {
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      navigate(`/tasks?documentId=${id}`);
    }
  };

  if (doc.isPending)
    return (
      <div style={{ padding: 48, textAlign: "center" }}>
        <Spin description={t("app-loading")} />
      </div>
    );
  if (doc.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(doc.error)}
        action={<Link to="/documents">{t("doc-back")}</Link>}
        style={{ margin: 24 }}
      />
    );

  const d = doc.data;
  const draft = d.status === "imported" || d.status === "reviewed";
  const mayReview = draft && (me.data?.role === "admin" || me.data?.role === "monitor");

  const review = (
    <div
      data-testid="review"
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: 24 }}
    >
      <div>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t("doc-source")}
        </Typography.Title>
        {d.sourceText === null ? (
          <>
            <Alert type="info" showIcon title={t("doc-source-sections")} style={{ marginBottom: 12 }} />
            <SectionsView sections={d.sections} />
          </>
        ) : (
          <SourceText text={d.sourceText} mark={mark} />
        )}
      </div>
      <section aria-label={t("doc-fields")} style={{ maxHeight: "75vh", overflow: "auto", paddingRight: 4 }}>
        {mayReview && <FieldsForm document={d} actions={actions} />}
        <Extraction document={d} editable={mayReview} actions={actions} onShow={setMark} />
      </section>
    </div>
  );

  return (
    <div data-testid="document" data-status={d.status} data-version={d.version}>
      <Link to="/documents">← {t("doc-back")}</Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: "8px 0 12px" }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
            {typeLabel(d.type, lang)} {d.symbol ?? ""}
          </Typography.Title>
          <Typography.Text type="secondary">{d.title}</Typography.Text>{" "}
          <DocumentStatusTag status={d.status} />
        </div>
        <Flex gap={8}>
          <Button href={`/api/documents/${d.id}/source`}>{t("doc-download")}</Button>
          {mayReview && (
            <Popconfirm
              title={t("doc-publish-confirm")}
              onConfirm={publish}
              okButtonProps={{ loading: busy }}
            >
              <Button type="primary" data-testid="publish" loading={busy}>
                {t("doc-publish")}
              </Button>
            </Popconfirm>
          )}
          {d.status === "published" && <ExportReport documentId={d.id} />}
          {d.status === "published" && (
            <Button type="primary" onClick={() => navigate(`/tasks?documentId=${d.id}`)}>
              {t("doc-open-tasks")}
            </Button>
          )}
        </Flex>
      </Flex>
      {!draft && d.status === "published" && (
        <Alert type="info" showIcon title={t("doc-read-only")} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        defaultActiveKey={draft ? "review" : "sections"}
        items={[
          { key: "review", label: t("doc-tab-review"), children: review },
          { key: "sections", label: t("doc-tab-sections"), children: <SectionsView sections={d.sections} /> },
          { key: "lineage", label: t("doc-tab-lineage"), children: <LineageTree documentId={d.id} /> },
        ]}
      />
    </div>
  );
}
