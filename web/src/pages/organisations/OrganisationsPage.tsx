// Đơn vị: the organisation tree of the user's scope, one level loaded at a time
// (GET /api/organisations/tree?rootId=…); the chosen body (?organisation=ID) shows its validity,
// parents, other names, predecessors and successors (GET /api/organisations/:id), which open in turn.
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Descriptions, Empty, List, Row, Tag, Tree, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { type MessageKey, messages } from "../../messages.ts";
import { errorText } from "../../notify.ts";

interface Node {
  key: number;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

const LEVELS = ["central", "province", "district", "commune"];

function nodeOf(o: Schemas["TreeNode"] | Schemas["OrganisationRow"], leaf: boolean): Node {
  return { key: o.id, title: o.name, isLeaf: leaf };
}

function withChildren(nodes: Node[], key: number, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

async function level(rootId?: number) {
  return unwrap(
    api.GET("/api/organisations/tree", {
      params: { query: { rootId: rootId === undefined ? undefined : String(rootId) } },
    }),
  );
}

export default function OrganisationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const selected = Number(params.get("organisation")) || null;
  const [extra, setExtra] = useState<Node[] | null>(null);
  const top = useQuery({
    queryKey: ["organisation-tree"],
    queryFn: async () => {
      const r = await level();
      const children = r.children.map((c) => nodeOf(c, !c.hasChildren));
      return r.root ? [{ ...nodeOf(r.root, children.length === 0), children }] : children;
    },
  });
  const nodes = extra ?? top.data ?? [];
  const choose = (id: number) => {
    const next = new URLSearchParams(params);
    next.set("organisation", String(id));
    setParams(next);
  };

  return (
    <div data-testid="organisations">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("org-title")}
      </Typography.Title>
      {top.isError && <Alert type="error" showIcon title={errorText(top.error)} />}
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          <Card title={t("org-tree")} loading={top.isPending} size="small">
            {nodes.length === 0 ? (
              <Empty description={t("org-empty")} />
            ) : (
              <Tree<Node>
                aria-label={t("org-tree")}
                treeData={nodes}
                defaultExpandedKeys={nodes.map((n) => n.key)}
                selectedKeys={selected === null ? [] : [selected]}
                onSelect={(keys) => keys[0] !== undefined && choose(Number(keys[0]))}
                loadData={async (node) => {
                  if (node.children) return;
                  const r = await level(node.key);
                  setExtra((current) =>
                    withChildren(
                      current ?? nodes,
                      node.key,
                      r.children.map((c) => nodeOf(c, !c.hasChildren)),
                    ),
                  );
                }}
                data-testid="organisation-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected === null ? (
            <Alert type="info" showIcon title={t("org-pick")} />
          ) : (
            <OrganisationDetail id={selected} onOpen={choose} />
          )}
        </Col>
      </Row>
    </div>
  );
}

function OrganisationDetail({ id, onOpen }: { id: number; onOpen(id: number): void }) {
  const { t, lang } = useI18n();
  const org = useQuery({
    queryKey: ["organisation", id],
    staleTime: 10 * 60_000,
    queryFn: () => unwrap(api.GET("/api/organisations/{id}", { params: { path: { id: String(id) } } })),
  });
  if (org.isError) return <Alert type="error" showIcon title={errorText(org.error)} />;
  if (!org.data) return <Card loading />;
  const o = org.data;
  const links = (items: Schemas["OrganisationLink"][], testId: string) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">{t("org-none")}</Typography.Text>
    ) : (
      <List
        size="small"
        data-testid={testId}
        dataSource={items}
        renderItem={(l) => (
          <List.Item>
            <Typography.Link onClick={() => onOpen(l.id)}>{l.name}</Typography.Link>
            {l.since && (
              <Typography.Text type="secondary">
                {t("org-since", { date: formatDate(l.since) })}
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
    );
  return (
    <Card data-testid="organisation-detail" data-organisation={o.id}>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {o.name}{" "}
        <Tag color={o.inForce ? "#1e7e34" : "#5f6368"}>{o.inForce ? t("org-in-force") : t("org-ended")}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("org-code")}>{o.code ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("org-level")}>
          {LEVELS.includes(o.level) ? t(`level-${o.level}` as MessageKey) : o.level}
        </Descriptions.Item>
        <Descriptions.Item label={t("org-kind")}>
          <span data-testid="organisation-kind">
            {`org-kind-${o.kind}` in messages ? t(`org-kind-${o.kind}` as MessageKey) : o.kind}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("org-valid")}>
          {t("org-valid-range", { from: formatDate(o.validFrom) || "—", to: formatDate(o.validTo) || "—" })}
        </Descriptions.Item>
        <Descriptions.Item label={t("org-parents")}>
          {o.parents.length === 0 ? "—" : o.parents.map((p) => p.name).join(" › ")}
        </Descriptions.Item>
        <Descriptions.Item label={t("org-aliases")}>{o.aliases.join("; ") || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("org-children")}>{formatNumber(o.childCount, lang)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t("org-predecessors")}
      </Typography.Title>
      {links(o.predecessors, "predecessors")}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t("org-successors")}
      </Typography.Title>
      {links(o.successors, "successors")}
    </Card>
  );
}
