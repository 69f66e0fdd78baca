// The signed-in frame: the side menu of every screen, the header with the user menu (role, scope,
// language, sign out), and the screen itself.
import { DownOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Dropdown, Layout, Menu, type MenuProps, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { api, setCsrfToken, unwrap } from "../api/client.ts";
import { ME_KEY, useMe, useScopeName } from "../auth.ts";
import { useI18n } from "../i18n.tsx";
import { SCREENS } from "./screens.tsx";

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string): string {
  const s = SCREENS.find((x) => x.path !== "/" && (pathname === x.path || pathname.startsWith(`${x.path}/`)));
  return s?.key ?? "dashboard";
}

function UserMenu() {
  const { t, lang, setLang } = useI18n();
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  const scope = useScopeName(me, open);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST("/api/auth/logout")),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate("/login", { replace: true });
    },
  });
  if (!me) return null;
  const scopeName = me.scopeOrganisationId === null ? t("user-scope-all") : (scope.data ?? "…");
  const items: MenuProps["items"] = [
    {
      key: "who",
      type: "group",
      label: (
        <div style={{ maxWidth: 320, whiteSpace: "normal" }}>
          <div>{t("user-role", { role: t(`role-${me.role}`) })}</div>
          <div>{t("user-scope", { scope: scopeName })}</div>
        </div>
      ),
    },
    { type: "divider" },
    {
      key: "lang",
      icon: <GlobalOutlined />,
      label: <span lang={lang === "vi" ? "en" : "vi"}>{t("user-language")}</span>,
      onClick: () => setLang(lang === "vi" ? "en" : "vi"),
    },
    { key: "logout", icon: <LogoutOutlined />, label: t("user-logout"), onClick: () => logout.mutate() },
  ];
  return (
    <Dropdown menu={{ items }} trigger={["click"]} placement="bottomRight" onOpenChange={setOpen}>
      <Button type="text" data-testid="user-menu">
        <Space>
          <UserOutlined />
          <span>{me.displayName}</span>
          <Typography.Text type="secondary" className="role-label">
            {t(`role-${me.role}`)}
          </Typography.Text>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main">
        {t("app-skip")}
      </a>
      <Sider breakpoint="lg" collapsedWidth={0} width={232} theme="dark">
        <div style={{ color: "#fff", padding: "18px 20px", fontWeight: 600, fontSize: 18 }}>
          {t("app-name")}
        </div>
        <nav aria-label={t("menu-main")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKey(location.pathname)]}
            items={SCREENS.map((s) => ({
              key: s.key,
              icon: s.icon,
              label: <Link to={s.path}>{t(s.title)}</Link>,
            }))}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: "#fff",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            padding: "0 24px",
            borderBottom: "1px solid #e5e7eb",
          }}
        >
          <Typography.Text strong>{t("app-tagline")}</Typography.Text>
          <UserMenu />
        </Header>
        <Content id="main" tabIndex={-1} style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
