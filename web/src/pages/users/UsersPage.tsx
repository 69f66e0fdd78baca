// Người dùng: the accounts inside the administrator's scope (GET /api/users) with their roles and
// scopes; adding one (POST /api/users) and changing a name, role, scope or disabling it
// (PATCH /api/users/:id with If-Match: the version shown). Others see the API's refusal.
import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api, type Schemas, unwrap } from "../../api/client.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifySuccess } from "../../notify.ts";
import { OrganisationPicker } from "../records/pickers.tsx";

type User = Schemas["User"];
type Role = User["role"];
const ROLES: Role[] = ["admin", "leader", "monitor", "unit_officer", "viewer"];

export default function UsersPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const users = useQuery({
    queryKey: ["users", page, q],
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(
        api.GET("/api/users", {
          params: { query: { page, pageSize: 20, q: q || undefined, sort: "username" } },
        }),
      ),
  });

  return (
    <div data-testid="users">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("users-title")}
        </Typography.Title>
        {!users.isError && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("users-new")}
          </Button>
        )}
      </Flex>
      {users.isError ? (
        <Alert type="error" showIcon title={errorText(users.error)} data-testid="users-error" />
      ) : (
        <>
          <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
            <Input.Search
              aria-label={t("users-search")}
              placeholder={t("users-search")}
              allowClear
              style={{ width: 320 }}
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
            />
            {users.data && (
              <Typography.Text type="secondary">
                {t("rec-total", { count: formatNumber(users.data.total, lang) })}
              </Typography.Text>
            )}
          </Flex>
          <Table<User>
            rowKey="id"
            size="small"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            locale={{ emptyText: <Empty description={t("users-empty")} /> }}
            pagination={{
              current: page,
              pageSize: 20,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              { title: t("users-username"), dataIndex: "username", width: 150 },
              { title: t("users-name"), dataIndex: "displayName" },
              { title: t("users-role"), dataIndex: "role", width: 190, render: (r: Role) => t(`role-${r}`) },
              {
                title: t("users-scope"),
                dataIndex: "scopeOrganisationName",
                render: (n: string | null) => n ?? t("users-scope-all"),
              },
              {
                title: t("users-state"),
                width: 200,
                render: (_, u) =>
                  u.disabled ? (
                    <Tag color="#c5221f">{t("users-disabled")}</Tag>
                  ) : u.locked ? (
                    <Tag color="#a14f00">{t("users-locked")}</Tag>
                  ) : (
                    <Tag color="#1e7e34">{t("users-active")}</Tag>
                  ),
              },
              {
                title: t("ind-recorded"),
                dataIndex: "createdAt",
                width: 110,
                render: (d: string) => formatDate(d),
              },
              {
                title: t("users-edit"),
                width: 80,
                render: (_, u) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(u)}
                    aria-label={`${t("users-edit")} ${u.username}`}
                  >
                    {t("users-edit")}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {editing && <UserForm user={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  role: Role;
  scopeOrganisationId?: number;
  disabled: boolean;
}

function UserForm({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, whitespace: true, message: t("users-required") }];
  const save = useMutation({
    mutationFn: (v: Values) =>
      user
        ? unwrap(
            api.PATCH("/api/users/{id}", {
              params: { path: { id: String(user.id) } },
              headers: { "if-match": `"${user.version}"` },
              body: {
                displayName: v.displayName.trim(),
                email: v.email?.trim() || null,
                role: v.role,
                scopeOrganisationId: v.scopeOrganisationId ?? null,
                disabled: v.disabled,
              },
            }),
          )
        : unwrap(
            api.POST("/api/users", {
              body: {
                username: v.username.trim(),
                displayName: v.displayName.trim(),
                email: v.email?.trim() || undefined,
                password: v.password,
                role: v.role,
                scopeOrganisationId: v.scopeOrganisationId ?? null,
              },
            }),
          ),
    onSuccess: async () => {
      notifySuccess(t("users-saved"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  return (
    <Modal
      open
      title={user ? t("users-edit-title", { username: user.username }) : t("users-new")}
      okText={t("rec-save")}
      cancelText={t("rec-cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                displayName: user.displayName,
                email: user.email ?? undefined,
                role: user.role,
                scopeOrganisationId: user.scopeOrganisationId ?? undefined,
                disabled: user.disabled,
              }
            : { role: "viewer", disabled: false }
        }
        onFinish={(v) => save.mutate(v)}
        data-testid="user-form"
      >
        {!user && (
          <Form.Item name="username" label={t("users-username")} rules={required}>
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("users-name")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t("users-email")}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t("users-password")} rules={required}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t("users-role")}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role-${r}`) }))} />
        </Form.Item>
        <Form.Item name="scopeOrganisationId" label={t("users-scope")}>
          <OrganisationPicker allowClear placeholder={t("users-scope-all")} />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" valuePropName="checked">
            <Checkbox>{t("users-disable")}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
