// The lineage tree (GET /api/documents/:id/lineage): what the document carries out, up to the top,
// then the document and the documents carrying it out down the levels. Each node carrying out its
// parent shows the share of the parent's tasks it concretizes, in the coverage colours.
import { useQuery } from "@tanstack/react-query";
import { Alert, Spin, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { Link } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatShare } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import type { Lang } from "../../messages.ts";
import { errorText } from "../../notify.ts";
import { COLOURS, printedDate, typeLabel } from "./labels.tsx";

type Node = Schemas["LineageNode"];

/** Green at 80 % and more, amber from 50 %, red below: the dashboard's on-track thresholds. */
export function coverageColour(rate: number | null): string {
  if (rate === null) return COLOURS.grey;
  return rate >= 0.8 ? COLOURS.green : rate >= 0.5 ? COLOURS.amber : COLOURS.red;
}

function Title({ node, current, lang }: { node: Node; current: boolean; lang: Lang }) {
  const { t } = useI18n();
  const name = `${typeLabel(node.type, lang)} ${node.symbol ?? ""}`.trim();
  return (
    <span data-testid="lineage-node" data-coverage={node.coverage?.rate ?? ""}>
      {node.id !== null && node.inScope && !current ? (
        <Link to={`/documents/${node.id}`}>{name}</Link>
      ) : (
        <Typography.Text strong={current}>{name}</Typography.Text>
      )}
      {node.issuer && <Typography.Text type="secondary"> — {node.issuer}</Typography.Text>}
      {node.date && <Typography.Text type="secondary">, {printedDate(node.date)}</Typography.Text>}
      {!node.imported && <Tag style={{ marginLeft: 8 }}>{t("lineage-not-imported")}</Tag>}
      {node.coverage && (
        <Tag color={coverageColour(node.coverage.rate)} style={{ marginLeft: 8 }}>
          {t("lineage-coverage", { covered: node.coverage.covered, total: node.coverage.parentTasks })} (
          {formatShare(node.coverage.rate, lang)})
        </Tag>
      )}
    </span>
  );
}

export function LineageTree({ documentId }: { documentId: number }) {
  const { t, lang } = useI18n();
  const lineage = useQuery({
    queryKey: ["document", String(documentId), "lineage"],
    queryFn: () =>
      unwrap(api.GET("/api/documents/{id}/lineage", { params: { path: { id: String(documentId) } } })),
  });
  if (lineage.isPending) return <Spin description={t("app-loading")} />;
  if (lineage.isError) return <Alert type="error" showIcon title={errorText(lineage.error)} />;

  let seq = 0;
  const down = (node: Node, current: boolean): DataNode => ({
    key: `n${seq++}`,
    title: <Title node={node} current={current} lang={lang} />,
    children: node.children.map((c) => down(c, false)),
  });
  // ancestors come parent first: the tree starts at the top one
  let root = down(lineage.data.document, true);
  for (const a of lineage.data.ancestors)
    root = { key: `n${seq++}`, title: <Title node={a} current={false} lang={lang} />, children: [root] };

  return (
    <div data-testid="lineage">
      <Typography.Paragraph type="secondary">{t("lineage-legend")}</Typography.Paragraph>
      <Tree treeData={[root]} defaultExpandAll selectable={false} showLine />
    </div>
  );
}
