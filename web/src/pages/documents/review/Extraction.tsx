// What the parser extracted: warnings, tasks with their assignments and parent-task suggestions,
// indicators and references. Each item shows its span in the source; on a draft the officer
// accepts or rejects what is proposed and maps the phrases no organisation matched.
import { Button, Card, Empty, Flex, List, Radio, Space, Tag, Typography } from "antd";
import { type CSSProperties, type ReactNode, useState } from "react";
import { formatNumber, formatShare } from "../../../format.ts";
import { useI18n } from "../../../i18n.tsx";
import type { DocumentDetail, ReviewActions } from "../DocumentPage.tsx";
import { COLOURS, printedDate } from "../labels.tsx";
import { OrganisationSelect } from "./OrganisationSelect.tsx";
import type { Mark } from "./SourceText.tsx";

type State = "proposed" | "accepted" | "rejected";
type Span = { start: number; end: number } | null;
type Task = DocumentDetail["tasks"][number];
type Assignment = Task["assignments"][number];

const linkStyle: CSSProperties = {
  background: "none",
  border: "none",
  padding: 0,
  textAlign: "left",
  font: "inherit",
  color: "inherit",
  cursor: "pointer",
  verticalAlign: "top",
};

let clicks = 0;

/** The phrase inside its task's span (where the parser read it), else the task's span. */
function phraseSpan(text: string | null, task: Span, phrase: string): Span {
  if (!task) return null;
  if (text) {
    const at = text
      .slice(task.start, task.end)
      .toLocaleLowerCase("vi")
      .indexOf(phrase.toLocaleLowerCase("vi"));
    if (at >= 0) return { start: task.start + at, end: task.start + at + phrase.length };
  }
  return task;
}

function SpanButton({
  span,
  onShow,
  children,
  testId,
}: {
  span: Span;
  onShow(m: Mark): void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!span) return <>{children}</>;
  return (
    <button
      type="button"
      style={linkStyle}
      data-testid={testId}
      title={t("doc-show-span")}
      onClick={() => onShow({ ...span, key: ++clicks })}
    >
      {children}
    </button>
  );
}

function Decision({
  state,
  item,
  editable,
  busy,
  onChange,
}: {
  state: State;
  item: string;
  editable: boolean;
  busy: boolean;
  onChange(s: State): void;
}) {
  const { t } = useI18n();
  if (!editable)
    return (
      <Tag color={state === "rejected" ? "default" : state === "accepted" ? "green" : "gold"}>
        {t(`doc-state-${state}`)}
      </Tag>
    );
  return (
    <Radio.Group
      style={{ flexShrink: 0, whiteSpace: "nowrap" }}
      size="small"
      optionType="button"
      buttonStyle="solid"
      value={state}
      disabled={busy}
      aria-label={t("doc-decision", { item })}
      options={[
        { value: "accepted", label: t("doc-state-accepted") },
        { value: "rejected", label: t("doc-state-rejected") },
      ]}
      onChange={(e) => onChange(e.target.value as State)}
    />
  );
}

function AssignmentLine({
  a,
  task,
  document: d,
  editable,
  actions,
  onShow,
}: {
  a: Assignment;
  task: Task;
  document: DocumentDetail;
  editable: boolean;
  actions: ReviewActions;
  onShow(m: Mark): void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<number | null>(null);
  const role = a.role === "lead" ? t("doc-role-lead") : t("doc-role-cooperate");
  return (
    <li data-testid="assignment" data-unresolved={a.organisationId === null} style={{ marginBottom: 6 }}>
      <Flex gap={8} wrap align="center">
        <Tag>{role}</Tag>
        <SpanButton
          span={phraseSpan(d.sourceText, task.span, a.phrase)}
          onShow={onShow}
          testId="assignment-phrase"
        >
          <Typography.Text underline>{a.phrase}</Typography.Text>
        </SpanButton>
        {a.organisationId !== null ? (
          <Typography.Text type="secondary">→ {a.organisation}</Typography.Text>
        ) : (
          <Tag color={COLOURS.amber}>{t("doc-unresolved")}</Tag>
        )}
      </Flex>
      {editable && a.organisationId === null && (
        <Space.Compact style={{ marginTop: 4, width: "100%" }}>
          <OrganisationSelect
            label={t("doc-map-org", { phrase: a.phrase })}
            value={chosen}
            onChange={setChosen}
          />
          <Button
            type="primary"
            disabled={chosen === null}
            loading={actions.busy}
            data-testid="map-organisation"
            onClick={() =>
              chosen !== null &&
              void actions.decide(
                { mappings: [{ assignmentId: a.id, organisationId: chosen }] },
                t("doc-mapped"),
              )
            }
          >
            {t("doc-map")}
          </Button>
        </Space.Compact>
      )}
    </li>
  );
}

export function Extraction({
  document: d,
  editable,
  actions,
  onShow,
}: {
  document: DocumentDetail;
  editable: boolean;
  actions: ReviewActions;
  onShow(m: Mark): void;
}) {
  const { t, lang } = useI18n();
  const decided = t("doc-decided");
  const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("doc-warnings", { count: d.warnings.length })} data-testid="warnings">
        {d.warnings.length === 0 ? (
          <Typography.Text type="secondary">{t("doc-none")}</Typography.Text>
        ) : (
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {d.warnings.map((w, i) => (
              // warnings have no id: their order is the parser's
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                <SpanButton span={w.span} onShow={onShow} testId="warning">
                  {w.message}
                </SpanButton>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card size="small" title={t("doc-tasks", { count: d.tasks.length })} data-testid="tasks">
        {d.tasks.length === 0 ? (
          <Empty description={t("doc-none")} />
        ) : (
          <List
            dataSource={d.tasks}
            rowKey="id"
            renderItem={(task) => (
              <List.Item data-testid="task" data-state={task.reviewState} style={{ display: "block" }}>
                <Flex justify="space-between" gap={8} align="start">
                  <SpanButton span={task.span} onShow={onShow} testId="task-text">
                    <Typography.Text strong={task.isKey} delete={task.reviewState === "rejected"}>
                      {task.text}
                    </Typography.Text>
                  </SpanButton>
                  <Decision
                    state={task.reviewState}
                    item={short(task.text)}
                    editable={editable}
                    busy={actions.busy}
                    onChange={(state) => void actions.decide({ tasks: [{ id: task.id, state }] }, decided)}
                  />
                </Flex>
                {(task.deadlineDate || task.deadlineText) && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t("doc-deadline", {
                      deadline: task.deadlineDate
                        ? printedDate(task.deadlineDate)
                        : (task.deadlineText ?? ""),
                    })}
                  </Typography.Text>
                )}
                <ul style={{ listStyle: "none", paddingLeft: 0, margin: "6px 0 0" }}>
                  {task.assignments.map((a) => (
                    <AssignmentLine
                      key={a.id}
                      a={a}
                      task={task}
                      document={d}
                      editable={editable}
                      actions={actions}
                      onShow={onShow}
                    />
                  ))}
                </ul>
                {task.suggestions.map((s) => (
                  <Flex key={s.parentTaskId} justify="space-between" gap={8} style={{ marginTop: 6 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t("doc-suggestion", { score: formatShare(s.score, lang), text: s.parentText })}
                    </Typography.Text>
                    <Decision
                      state={s.state}
                      item={short(s.parentText)}
                      editable={editable}
                      busy={actions.busy}
                      onChange={(state) =>
                        void actions.decide(
                          { suggestions: [{ taskId: task.id, parentTaskId: s.parentTaskId, state }] },
                          decided,
                        )
                      }
                    />
                  </Flex>
                ))}
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t("doc-indicators", { count: d.indicators.length })} data-testid="indicators">
        {d.indicators.length === 0 ? (
          <Typography.Text type="secondary">{t("doc-none")}</Typography.Text>
        ) : (
          <List
            dataSource={d.indicators}
            rowKey="id"
            renderItem={(i) => (
              <List.Item>
                <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
                  <SpanButton span={i.span} onShow={onShow} testId="indicator">
                    <Typography.Text>
                      {i.name}
                      {i.targetValue !== null &&
                        `: ${formatNumber(i.targetValue, lang)}${i.unit ? ` ${i.unit}` : ""}${i.targetYear ? ` (${i.targetYear})` : ""}`}
                    </Typography.Text>
                  </SpanButton>
                  <Decision
                    state={i.reviewState}
                    item={short(i.name)}
                    editable={editable}
                    busy={actions.busy}
                    onChange={(state) => void actions.decide({ indicators: [{ id: i.id, state }] }, decided)}
                  />
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t("doc-links", { count: d.links.length })} data-testid="links">
        {d.links.length === 0 ? (
          <Typography.Text type="secondary">{t("doc-none")}</Typography.Text>
        ) : (
          <List
            dataSource={d.links}
            rowKey="id"
            renderItem={(l) => (
              <List.Item>
                <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
                  <span>
                    <Tag>{l.relation === "implements" ? t("doc-link-implements") : t("doc-link-cites")}</Tag>
                    <SpanButton span={l.span} onShow={onShow} testId="reference">
                      <Typography.Text underline>
                        {l.symbol}
                        {l.date ? ` (${printedDate(l.date)})` : ""}
                      </Typography.Text>
                    </SpanButton>
                    {l.documentId === null && (
                      <Typography.Text type="secondary"> — {t("lineage-not-imported")}</Typography.Text>
                    )}
                  </span>
                  <Decision
                    state={l.reviewState}
                    item={l.symbol}
                    editable={editable}
                    busy={actions.busy}
                    onChange={(state) => void actions.decide({ links: [{ id: l.id, state }] }, decided)}
                  />
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
