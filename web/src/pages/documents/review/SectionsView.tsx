// A document's sections as it nests them: label, heading and text.
import { Empty, Typography } from "antd";
import type { Schemas } from "../../../api/client.ts";
import { useI18n } from "../../../i18n.tsx";

type Section = Schemas["DocumentSection"];

function SectionItem({ section, depth }: { section: Section; depth: number }) {
  return (
    <li style={{ marginBottom: 8 }}>
      <Typography.Text strong>
        {section.label} {section.heading}
      </Typography.Text>
      {section.text && (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}>
          {section.text}
        </Typography.Paragraph>
      )}
      {section.children.length > 0 && (
        <ul style={{ listStyle: "none", paddingLeft: 16 + depth * 4 }}>
          {section.children.map((c) => (
            <SectionItem key={c.id} section={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function SectionsView({ sections }: { sections: Section[] }) {
  const { t } = useI18n();
  if (sections.length === 0) return <Empty description={t("doc-none")} />;
  return (
    <ul data-testid="sections" style={{ listStyle: "none", paddingLeft: 0 }}>
      {sections.map((s) => (
        <SectionItem key={s.id} section={s} depth={0} />
      ))}
    </ul>
  );
}
