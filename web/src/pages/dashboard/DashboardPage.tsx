// Tổng quan: the figures of the user's scope from GET /api/rollups/* — statuses (donut and counts
// in the official categories), overdue and due-soon lists, bodies ranked by completion, indicator
// grades, reporting completeness (body × period), dissemination and concretization coverage —
// narrowed by document and level. Every count opens the task list behind it. The page root gets
// data-ready="true" once every figure has arrived and the donut has drawn (bench/ui.ts waits on it).

import { SettingOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  List,
  Popover,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { ME_KEY, useMe } from "../../auth.ts";
import { byName, formatDate, formatNumber, formatShare } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import type { MessageKey } from "../../messages.ts";
import { notifySuccess } from "../../notify.ts";
import { publishedDocuments } from "../../queries.ts";
import { GRADE_COLOURS, GRADES, STATUS_COLOURS, STATUSES } from "../../status.tsx";
import { CompletenessHeatmap } from "../reports/CompletenessHeatmap.tsx";
import {
  BODIES_LIMIT,
  cacheView,
  DUE_SOON_DAYS,
  type Filter,
  figureQueries,
  filterOf,
  hiddenOf,
  LEVELS,
  type Level,
  PANELS,
  type Panel,
  type View,
} from "./figures.ts";

// the chart's chunk loads alongside the figures rather than after them
const donutChunk = import("./StatusDonut.tsx");
const StatusDonut = lazy(() => donutChunk);

export const READY_MARK = "trienkhai:dashboard-ready";

const PANEL_TITLES: Record<Panel, MessageKey> = {
  deadlines: "dash-panel-deadlines",
  bodies: "dash-bodies",
  indicators: "dash-indicators",
  completeness: "dash-completeness",
  coverage: "dash-coverage",
};

/** The filter in the address, or the saved view; changes go to the address. */
function useFilter(saved: Filter | undefined): [Filter, (f: Filter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params, saved), [params, saved]);
  const set = useCallback(
    (f: Filter) => {
      const next = new URLSearchParams();
      next.set("documentId", f.documentId ? String(f.documentId) : "");
      next.set("level", f.level ?? "");
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [filter, set];
}

/** The task list behind a figure: its rows one by one, not the tree by document. */
function tasksHref(filter: Filter, extra: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") q.set(k, String(v));
  if (filter.documentId) q.set("documentId", String(filter.documentId));
  if (filter.level) q.set("level", filter.level);
  q.set("view", "list");
  return `/tasks?${q.toString()}`;
}

function CountLink({ to, value, label }: { to: string; value: number; label: string }) {
  const { lang } = useI18n();
  return (
    <Link to={to} className="number-link" aria-label={`${label}: ${formatNumber(value, lang)}`}>
      {formatNumber(value, lang)}
    </Link>
  );
}

function Section({
  title,
  children,
  extra,
}: {
  title: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
}) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
      style={{ height: "100%" }}
    >
      {children}
    </Card>
  );
}

export default function DashboardPage() {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [filter, setFilter] = useFilter(me?.dashboardView);
  const navigate = useNavigate();
  const [bodiesLimit, setBodiesLimit] = useState(BODIES_LIMIT);
  const [donutDrawn, setDonutDrawn] = useState(false);
  const figures = figureQueries(filter, bodiesLimit);
  // the document filter's choices are asked for when it is opened (or names a document), so that
  // the figures do not wait behind them
  const [documentsWanted, setDocumentsWanted] = useState(false);
  const documents = useQuery({
    ...publishedDocuments,
    enabled: documentsWanted || filter.documentId !== undefined,
  });
  // the panels shown: the saved view's until the user changes them here (saved with the filter)
  const [hidden, setHidden] = useState<Panel[] | null>(null);
  const hiddenNow = hidden ?? hiddenOf(me?.dashboardView);
  const shows = (panel: Panel) => !hiddenNow.includes(panel);
  const status = useQuery(figures.status);
  const deadlines = useQuery({ ...figures.deadlines, enabled: shows("deadlines") });
  const indicators = useQuery({ ...figures.indicators, enabled: shows("indicators") });
  const completeness = useQuery({ ...figures.completeness, enabled: shows("completeness") });
  const coverage = useQuery({ ...figures.coverage, enabled: shows("coverage") });

  const total = status.data?.counts.total ?? 0;
  const figuresIn =
    status.isSuccess &&
    (
      [
        ["deadlines", deadlines],
        ["indicators", indicators],
        ["completeness", completeness],
        ["coverage", coverage],
      ] as const
    ).every(([panel, q]) => !shows(panel) || q.isSuccess);
  const ready = figuresIn && (total === 0 || donutDrawn);
  useEffect(() => {
    if (!status.isSuccess) setDonutDrawn(false);
  }, [status.isSuccess]);
  // the first time everything is on screen, for bench/ui.ts (its time counts from navigation start)
  useEffect(() => {
    if (ready && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  }, [ready]);

  const saveView = useMutation({
    mutationFn: (view: View) => unwrap(api.PUT("/api/auth/me/dashboard-view", { body: view })),
    onSuccess: (view) => {
      if (me) {
        queryClient.setQueryData(ME_KEY, { ...me, dashboardView: view });
        cacheView(me.username, view);
      }
      notifySuccess(t("dash-view-saved"));
    },
  });

  const documentOptions = (documents.data?.items ?? []).map((d) => ({
    value: d.id,
    label: `${d.symbol ?? ""} — ${d.title ?? ""}`,
  }));

  return (
    <div data-ready={ready ? "true" : "false"} data-testid="dashboard">
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t("dash-title")}
          </Typography.Title>
          {status.data && (
            <Typography.Text type="secondary">
              {t("dash-today", { date: formatDate(status.data.today) })}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Select
            aria-label={t("dash-filter-document")}
            style={{ width: 340 }}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("dash-filter-document-any")}
            loading={documents.isFetching}
            onOpenChange={(open) => open && setDocumentsWanted(true)}
            value={filter.documentId}
            options={documentOptions}
            onChange={(v?: number) => setFilter({ ...filter, documentId: v })}
            popupMatchSelectWidth={false}
          />
          <Select
            aria-label={t("dash-filter-level")}
            style={{ width: 160 }}
            allowClear
            placeholder={t("level-any")}
            value={filter.level}
            options={LEVELS.map((l) => ({ value: l, label: t(`level-${l}`) }))}
            onChange={(v?: Level) => setFilter({ ...filter, level: v })}
          />
          <Popover
            trigger="click"
            placement="bottomRight"
            title={t("dash-panels")}
            content={
              <Checkbox.Group<Panel>
                style={{ display: "flex", flexDirection: "column", gap: 4 }}
                value={PANELS.filter(shows)}
                options={PANELS.map((p) => ({ value: p, label: t(PANEL_TITLES[p]) }))}
                onChange={(shown) => setHidden(PANELS.filter((p) => !shown.includes(p)))}
                data-testid="panel-choice"
              />
            }
          >
            <Button icon={<SettingOutlined />}>{t("dash-customise")}</Button>
          </Popover>
          <Button
            onClick={() =>
              saveView.mutate({ ...filter, ...(hiddenNow.length > 0 ? { hidden: hiddenNow } : {}) })
            }
            loading={saveView.isPending}
          >
            {t("dash-save-view")}
          </Button>
        </Space>
      </Flex>

      {status.isSuccess && total === 0 && (
        <Card style={{ marginBottom: 16 }}>
          <Empty description={t("dash-empty")} />
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Section
            title={t("dash-status")}
            extra={
              status.data && (
                <Link to={tasksHref(filter, {})} data-testid="status-total">
                  {t("dash-status-total", { count: formatNumber(total, lang) })}
                </Link>
              )
            }
          >
            {!status.data ? (
              <Skeleton active />
            ) : (
              <Row gutter={16} align="middle">
                <Col xs={24} md={11}>
                  {total > 0 && (
                    <Suspense fallback={<div style={{ height: 220 }} />}>
                      <StatusDonut
                        counts={status.data.counts}
                        onSelect={(s) => navigate(tasksHref(filter, { status: s }))}
                        onRendered={() => setDonutDrawn(true)}
                      />
                    </Suspense>
                  )}
                </Col>
                <Col xs={24} md={13}>
                  <ul style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="status-counts">
                    {STATUSES.map((s) => (
                      <li
                        key={s}
                        style={{ display: "flex", justifyContent: "space-between", padding: "4px 0" }}
                      >
                        <span>
                          <span
                            aria-hidden
                            style={{
                              display: "inline-block",
                              width: 10,
                              height: 10,
                              borderRadius: 2,
                              background: STATUS_COLOURS[s],
                              marginInlineEnd: 8,
                            }}
                          />
                          {t(`status-${s}`)}
                        </span>
                        <span data-status={s}>
                          <CountLink
                            to={tasksHref(filter, { status: s })}
                            value={status.data.counts[s]}
                            label={t(`status-${s}`)}
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                </Col>
                <Col span={12}>
                  <Tooltip title={t("dash-completion-help")}>
                    <Statistic
                      title={t("dash-completion")}
                      value={formatShare(status.data.completion.value, lang)}
                      data-testid="completion"
                    />
                  </Tooltip>
                </Col>
                <Col span={12}>
                  <Statistic title={t("dash-on-time")} value={formatShare(status.data.onTime.value, lang)} />
                </Col>
              </Row>
            )}
          </Section>
        </Col>

        {shows("deadlines") && (
          <Col xs={24} xl={14}>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <DeadlineList
                  title={t("dash-overdue")}
                  empty={t("dash-none-overdue")}
                  count={deadlines.data?.counts.overdue}
                  rows={deadlines.data?.overdue}
                  href={tasksHref(filter, { status: "overdue" })}
                  testId="overdue"
                  late
                />
              </Col>
              <Col xs={24} lg={12}>
                <DeadlineList
                  title={t("dash-due-soon", { days: DUE_SOON_DAYS })}
                  empty={t("dash-none-due-soon")}
                  count={deadlines.data?.counts.dueSoon}
                  rows={deadlines.data?.dueSoon}
                  href={tasksHref(filter, {
                    deadlineFrom: deadlines.data?.today,
                    deadlineTo: deadlines.data?.until,
                  })}
                  testId="due-soon"
                  late={false}
                />
              </Col>
            </Row>
          </Col>
        )}

        {shows("bodies") && (
          <Col xs={24} xl={12}>
            <Section title={t("dash-bodies")}>
              {!status.data ? (
                <Skeleton active />
              ) : (
                <BodiesTable
                  figure={status.data}
                  filter={filter}
                  onMore={status.data.organisations > bodiesLimit ? () => setBodiesLimit(500) : undefined}
                />
              )}
            </Section>
          </Col>
        )}

        {shows("indicators") && (
          <Col xs={24} xl={12}>
            <Section title={t("dash-indicators")}>
              {!indicators.data ? <Skeleton active /> : <IndicatorsPanel figure={indicators.data} />}
            </Section>
          </Col>
        )}

        {shows("completeness") && (
          <Col xs={24} xl={14}>
            <Section title={t("dash-completeness")}>
              {!completeness.data ? <Skeleton active /> : <CompletenessPanel figure={completeness.data} />}
            </Section>
          </Col>
        )}

        {shows("coverage") && (
          <Col xs={24} xl={10}>
            <Section title={t("dash-coverage")}>
              {!coverage.data ? <Skeleton active /> : <CoveragePanel figure={coverage.data} />}
            </Section>
          </Col>
        )}
      </Row>
    </div>
  );
}

function Days({ row, late }: { row: Schemas["DeadlineRow"]; late: boolean }) {
  const { t, lang } = useI18n();
  const days = formatNumber(row.days, lang);
  if (late) return <Tag color={STATUS_COLOURS.overdue}>{t("days-late", { days })}</Tag>;
  return row.days === 0 ? (
    <Tag color={GRADE_COLOURS.at_risk}>{t("days-today")}</Tag>
  ) : (
    <Tag color={STATUS_COLOURS.in_progress}>{t("days-left", { days })}</Tag>
  );
}

function DeadlineList(props: {
  title: string;
  empty: string;
  count: number | undefined;
  rows: Schemas["DeadlineRow"][] | undefined;
  href: string;
  testId: string;
  late: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <Section
      title={props.title}
      extra={
        props.count !== undefined && (
          <span data-testid={`${props.testId}-count`}>
            <CountLink to={props.href} value={props.count} label={props.title} />
          </span>
        )
      }
    >
      {!props.rows ? (
        <Skeleton active />
      ) : props.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />
      ) : (
        <List
          size="small"
          dataSource={props.rows}
          data-testid={props.testId}
          renderItem={(r) => (
            <List.Item key={r.assignmentId}>
              <div style={{ width: "100%" }}>
                <Link to={`/tasks?assignment=${r.assignmentId}`}>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, color: "inherit" }}>
                    {r.text}
                  </Typography.Paragraph>
                </Link>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {r.organisationName ?? "—"} · {r.documentSymbol ?? ""} · {formatDate(r.due)}
                  </Typography.Text>
                  <Days row={r} late={props.late} />
                </Flex>
              </div>
            </List.Item>
          )}
        />
      )}
      {props.count !== undefined && props.rows && props.count > props.rows.length && (
        <Link to={props.href}>{t("dash-see-all", { count: formatNumber(props.count, lang) })}</Link>
      )}
    </Section>
  );
}

function BodiesTable({
  figure,
  filter,
  onMore,
}: {
  figure: Schemas["StatusFigure"];
  filter: Filter;
  onMore: (() => void) | undefined;
}) {
  const { t, lang } = useI18n();
  type Body = Schemas["StatusFigure"]["byOrganisation"][number];
  return (
    <>
      <Table<Body>
        size="small"
        pagination={false}
        rowKey={(b) => String(b.organisationId)}
        dataSource={figure.byOrganisation}
        data-testid="bodies"
        columns={[
          {
            title: t("dash-body"),
            key: "name",
            render: (_, b) =>
              b.organisationId === null ? (
                (b.name ?? "—")
              ) : (
                <Link to={tasksHref(filter, { organisationId: b.organisationId })}>{b.name}</Link>
              ),
          },
          {
            title: t("dash-completion"),
            key: "completion",
            width: 170,
            render: (_, b) =>
              b.completion.value === null ? (
                <Typography.Text type="secondary">{t("dash-not-applicable")}</Typography.Text>
              ) : (
                <Progress
                  percent={Math.round(b.completion.value * 100)}
                  size="small"
                  format={() => formatShare(b.completion.value, lang)}
                  strokeColor={
                    b.completion.value >= 0.8 ? STATUS_COLOURS.done_on_time : STATUS_COLOURS.overdue
                  }
                  aria-label={`${t("dash-completion")}: ${formatShare(b.completion.value, lang)}`}
                />
              ),
          },
          {
            title: t("status-overdue"),
            key: "overdue",
            align: "right",
            width: 90,
            render: (_, b) =>
              b.organisationId === null ? (
                formatNumber(b.counts.overdue, lang)
              ) : (
                <CountLink
                  to={tasksHref(filter, { organisationId: b.organisationId, status: "overdue" })}
                  value={b.counts.overdue}
                  label={`${b.name}: ${t("status-overdue")}`}
                />
              ),
          },
          {
            title: t("dash-assignments"),
            key: "total",
            align: "right",
            width: 90,
            render: (_, b) =>
              b.organisationId === null ? (
                formatNumber(b.counts.total, lang)
              ) : (
                <CountLink
                  to={tasksHref(filter, { organisationId: b.organisationId })}
                  value={b.counts.total}
                  label={`${b.name}: ${t("dash-assignments")}`}
                />
              ),
          },
        ]}
      />
      {onMore && (
        <Button type="link" onClick={onMore} style={{ paddingInline: 0 }}>
          {t("dash-bodies-more", { count: formatNumber(figure.organisations, lang) })}
        </Button>
      )}
    </>
  );
}

function IndicatorsPanel({ figure }: { figure: Schemas["IndicatorFigure"] }) {
  const { t, lang } = useI18n();
  if (figure.counts.total === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dash-empty-section")} />;
  const list = [...figure.byIndicator].sort(byName((i) => i.name));
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="grade-counts">
        {GRADES.filter((g) => figure.counts[g] > 0).map((g) => (
          <Tag key={g} color={GRADE_COLOURS[g]} data-grade={g}>
            {t(`grade-${g}`)}: {formatNumber(figure.counts[g], lang)}
          </Tag>
        ))}
      </Flex>
      <Statistic
        title={t("dash-indicators-outcome")}
        value={formatShare(figure.outcome.value, lang)}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        dataSource={list}
        renderItem={(i) => (
          <List.Item key={i.indicatorId}>
            <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
              <span>
                {i.name}
                {i.unit ? ` (${i.unit})` : ""}
              </span>
              <span style={{ whiteSpace: "nowrap" }}>
                {GRADES.filter((g) => i.counts[g] > 0).map((g) => (
                  <Tag key={g} color={GRADE_COLOURS[g]} style={{ marginInlineEnd: 4 }}>
                    {t(`grade-${g}`)}
                    {i.counts.total > 1 ? ` ${formatNumber(i.counts[g], lang)}` : ""}
                  </Tag>
                ))}
              </span>
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}

function CompletenessPanel({ figure }: { figure: Schemas["CompletenessFigure"] }) {
  const { t, lang } = useI18n();
  const [cycleId, setCycleId] = useState<number | undefined>(undefined);
  if (figure.cycles.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dash-empty-section")} />;
  const cycle = figure.cycles.find((c) => c.cycleId === cycleId) ?? figure.cycles[0];
  if (!cycle) return null;
  return (
    <>
      <Flex wrap gap={24} style={{ marginBottom: 12 }}>
        <Statistic title={t("dash-reporting-rate")} value={formatShare(figure.totals.reportingRate, lang)} />
        <Statistic title={t("dash-reporting-on-time")} value={formatShare(figure.totals.onTimeRate, lang)} />
      </Flex>
      {figure.cycles.length > 1 && (
        <Select
          aria-label={t("menu-reports")}
          style={{ width: "100%", marginBottom: 12 }}
          value={cycle.cycleId}
          onChange={setCycleId}
          options={figure.cycles.map((c) => ({ value: c.cycleId, label: c.name }))}
        />
      )}
      <CompletenessHeatmap name={cycle.name} periods={cycle.periods} rows={cycle.rows} testId="heatmap" />
    </>
  );
}

function CoverageBar({
  label,
  covered,
  required,
  rate,
  unit,
}: {
  label: MessageKey;
  covered: number;
  required: number;
  rate: number | null;
  unit: "dash-of" | "dash-of-tasks";
}) {
  const { t, lang } = useI18n();
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between">
        <span>{t(label)}</span>
        <span>
          {formatShare(rate, lang)} ·{" "}
          {t(unit, { covered: formatNumber(covered, lang), required: formatNumber(required, lang) })}
        </span>
      </Flex>
      <Progress
        percent={rate === null ? 0 : Math.round(rate * 100)}
        showInfo={false}
        strokeColor={STATUS_COLOURS.in_progress}
        aria-label={`${t(label)}: ${formatShare(rate, lang)}`}
      />
    </div>
  );
}

function CoveragePanel({ figure }: { figure: Schemas["CoverageFigure"] }) {
  return (
    <div data-testid="coverage">
      <CoverageBar
        label="dash-dissemination"
        covered={figure.dissemination.covered}
        required={figure.dissemination.required}
        rate={figure.dissemination.rate}
        unit="dash-of"
      />
      <CoverageBar
        label="dash-concretization"
        covered={figure.concretization.covered}
        required={figure.concretization.required}
        rate={figure.concretization.rate}
        unit="dash-of"
      />
      <CoverageBar
        label="dash-task-coverage"
        covered={figure.tasks.covered}
        required={figure.tasks.parents}
        rate={figure.tasks.rate}
        unit="dash-of-tasks"
      />
    </div>
  );
}
