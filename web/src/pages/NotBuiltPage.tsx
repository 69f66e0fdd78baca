// The empty state of a screen that is not built yet.
import { Button, Empty, Typography } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n.tsx";
import type { Screen } from "../layout/screens.tsx";

export function NotBuiltPage({ screen }: { screen: Screen }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = t(screen.title);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {name}
      </Typography.Title>
      <Empty
        style={{ marginTop: 48 }}
        description={
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t("not-built-title", { screen: name })}
            </Typography.Title>
            <Typography.Paragraph>{t("not-built-text")}</Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" onClick={() => navigate("/")}>
          {t("not-built-back")}
        </Button>
      </Empty>
    </>
  );
}
