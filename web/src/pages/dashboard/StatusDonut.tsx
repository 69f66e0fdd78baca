// The status donut: ECharts, tree-shaken to the pie chart and the canvas renderer, in a chunk of
// its own that loads after the dashboard's figures. A click on a slice opens the tasks behind it.
import { PieChart } from "echarts/charts";
import { TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { STATUS_COLOURS, STATUSES, type Status } from "../../status.tsx";

echarts.use([PieChart, TooltipComponent, CanvasRenderer]);

export interface DonutProps {
  counts: Record<Status, number>;
  onSelect(status: Status): void;
  /** Called once the chart has drawn its first frame. */
  onRendered(): void;
}

export default function StatusDonut({ counts, onSelect, onRendered }: DonutProps) {
  const { t, lang } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelect, onRendered });
  handlers.current = { onSelect, onRendered };

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: "canvas" });
    chart.on("click", (p) => handlers.current.onSelect((p.data as { status: Status }).status));
    chart.on("finished", () => handlers.current.onRendered());
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.getInstanceByDom(el.current);
    chart?.setOption(
      {
        animation: false,
        tooltip: {
          trigger: "item",
          formatter: (p: { name: string; value: number; percent: number }) =>
            `${p.name}: ${formatNumber(p.value, lang)} (${formatNumber(Math.round(p.percent * 10) / 10, lang)}%)`,
        },
        series: [
          {
            type: "pie",
            radius: ["52%", "80%"],
            avoidLabelOverlap: true,
            label: { show: false },
            itemStyle: { borderColor: "#fff", borderWidth: 2 },
            data: STATUSES.filter((s) => counts[s] > 0).map((s) => ({
              status: s,
              name: t(`status-${s}`),
              value: counts[s],
              itemStyle: { color: STATUS_COLOURS[s] },
            })),
          },
        ],
      },
      true,
    );
  }, [counts, t, lang]);

  const summary = STATUSES.map((s) => `${t(`status-${s}`)}: ${formatNumber(counts[s], lang)}`).join("; ");
  return (
    <div
      ref={el}
      role="img"
      aria-label={t("dash-chart-label", { title: `${t("dash-status")} — ${summary}` })}
      style={{ width: "100%", height: 220, cursor: "pointer" }}
      data-testid="status-donut"
    />
  );
}
