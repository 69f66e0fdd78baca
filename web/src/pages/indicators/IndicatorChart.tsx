// One body's figures for an indicator: the path from the baseline to the target (dashed), the
// actual yearly values, the trend's forecast for the target year (dotted) and the target itself.
// ECharts tree-shaken to lines and scatter, in a chunk of its own loaded with the indicator.
import { LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Schemas } from "../../api/client.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Detail = Schemas["IndicatorDetail"];
type Body = Schemas["IndicatorBodySeries"];

export interface ChartProps {
  detail: Detail;
  /** The body shown; null before any body has a value (the baseline's path alone). */
  body: Body | null;
}

export default function IndicatorChart({ detail, body }: ChartProps) {
  const { t, lang } = useI18n();
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: "canvas" });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, []);

  const expected = body?.expected.length ? body.expected : detail.expected;
  const actual = body?.series ?? [];
  const last = actual[actual.length - 1];
  const forecast =
    body?.forecast && last ? [last, { year: body.forecast.year, value: body.forecast.value }] : [];
  const target = detail.target.value ?? detail.target.high ?? detail.target.low;
  const num = (v: number) => formatNumber(v, lang);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.getInstanceByDom(el.current);
    chart?.setOption(
      {
        animation: false,
        grid: { left: 56, right: 24, top: 40, bottom: 32 },
        legend: { top: 0 },
        tooltip: {
          trigger: "item",
          formatter: (p: { seriesName: string; value: [number, number] }) =>
            `${p.seriesName} ${p.value[0]}: ${num(p.value[1])}`,
        },
        xAxis: {
          type: "value",
          minInterval: 1,
          scale: true,
          axisLabel: { formatter: (v: number) => String(v) },
        },
        yAxis: { type: "value", scale: true, axisLabel: { formatter: (v: number) => num(v) } },
        series: [
          {
            name: t("ind-series-expected"),
            type: "line",
            lineStyle: { type: "dashed", color: "#5f6368" },
            itemStyle: { color: "#5f6368" },
            data: expected.map((p) => [p.year, p.value]),
          },
          {
            name: t("ind-series-actual"),
            type: "line",
            lineStyle: { width: 3, color: "#0b57d0" },
            itemStyle: { color: "#0b57d0" },
            symbolSize: 8,
            data: actual.map((p) => [p.year, p.value]),
          },
          {
            name: t("ind-series-forecast"),
            type: "line",
            lineStyle: { type: "dotted", color: "#a14f00" },
            itemStyle: { color: "#a14f00" },
            data: forecast.map((p) => [p.year, p.value]),
          },
          {
            name: t("ind-series-target"),
            type: "scatter",
            symbol: "diamond",
            symbolSize: 14,
            itemStyle: { color: "#1e7e34" },
            data: target !== null && detail.target.year !== null ? [[detail.target.year, target]] : [],
          },
        ],
      },
      true,
    );
  });

  const summary = [
    `${t("ind-series-actual")}: ${actual.map((p) => `${p.year} ${num(p.value)}`).join(", ") || "—"}`,
    target !== null && detail.target.year !== null
      ? `${t("ind-series-target")} ${detail.target.year}: ${num(target)}`
      : "",
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <div
      ref={el}
      role="img"
      aria-label={`${t("ind-chart", { name: detail.name })} — ${summary}`}
      data-testid="indicator-chart"
      data-actual={actual.map((p) => `${p.year}:${p.value}`).join(",")}
      style={{ width: "100%", height: 320 }}
    />
  );
}
