// Sign-in: the API's refusal (wrong password, locked account, too many tries) is shown as it
// words it, in the UI's language.
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useLocation, useNavigate } from "react-router";
import { api, unwrap } from "../api/client.ts";
import { signedInAs } from "../auth.ts";
import { useI18n } from "../i18n.tsx";
import { errorText } from "../notify.ts";

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const login = useMutation({
    meta: { quiet: true },
    mutationFn: (body: Credentials) => unwrap(api.POST("/api/auth/login", { body })),
    onSuccess: (me) => {
      signedInAs(queryClient, me);
      navigate(from.startsWith("/login") ? "/" : from, { replace: true });
    },
  });
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 4 }}>
          {t("app-name")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("app-tagline")}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t("login-title")}
        </Typography.Title>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={errorText(login.error)}
            data-testid="login-error"
          />
        )}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)}>
          <Form.Item
            label={t("login-username")}
            name="username"
            rules={[{ required: true, message: t("login-username-required") }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("login-password")}
            name="password"
            rules={[{ required: true, message: t("login-password-required") }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login-submit")}
          </Button>
        </Form>
        <Button
          type="link"
          style={{ padding: 0, marginTop: 12 }}
          onClick={() => setLang(lang === "vi" ? "en" : "vi")}
        >
          <span lang={lang === "vi" ? "en" : "vi"}>{t("user-language")}</span>
        </Button>
      </Card>
    </main>
  );
}
