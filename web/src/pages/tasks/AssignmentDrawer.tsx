// One assignment (GET /api/assignments/:id): the task, its body and deadline, its status and
// progress, the latest updates with their evidence; reviewers approve or return submitted updates
// (POST /api/progress/:id/approve|return), and those who report progress use the form below.
import { CheckOutlined, PaperClipOutlined, RollbackOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Progress,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { can } from "../../../../src/domain/access.ts";
import { api, type Schemas, unwrap, unwrapVersioned } from "../../api/client.ts";
import { useMe } from "../../auth.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { notifySuccess } from "../../notify.ts";
import { StatusTag } from "../../status.tsx";
import { Countdown, recurrenceKey, useToday } from "./deadline.tsx";
import { ProgressForm } from "./ProgressForm.tsx";

type Update = Schemas["ProgressUpdateWithReview"];

const STATE_COLOURS: Record<Update["state"], string> = {
  submitted: "#0b57d0",
  approved: "#1e7e34",
  returned: "#c5221f",
};

export function assignmentKey(id: number) {
  return ["assignment", id] as const;
}

/** After a write, everything that counts assignments is out of date. */
export function invalidateProgress(queryClient: ReturnType<typeof useQueryClient>, id: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: assignmentKey(id) }),
    queryClient.invalidateQueries({ queryKey: ["tasks"] }),
    queryClient.invalidateQueries({ queryKey: ["rollup"] }),
  ]);
}

function ReviewButtons({ update, assignmentId }: { update: Update; assignmentId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const review = useMutation({
    mutationFn: ({ decision, note }: { decision: "approve" | "return"; note?: string }) => {
      const init = { params: { path: { id: String(update.id) } }, body: note ? { note } : {} };
      return unwrap(
        decision === "approve"
          ? api.POST("/api/progress/{id}/approve", init)
          : api.POST("/api/progress/{id}/return", init),
      );
    },
    onSuccess: (r) => {
      notifySuccess(t(r.state === "approved" ? "update-approved" : "update-returned"));
      setReturning(false);
      return invalidateProgress(queryClient, assignmentId);
    },
  });
  return (
    <Space>
      <Popconfirm title={t("update-approve")} onConfirm={() => review.mutate({ decision: "approve" })}>
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={review.isPending}
          data-testid={`approve-${update.id}`}
        >
          {t("update-approve")}
        </Button>
      </Popconfirm>
      <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
        {t("update-return")}
      </Button>
      <Modal
        open={returning}
        title={t("update-return")}
        okText={t("update-return")}
        okButtonProps={{ danger: true, loading: review.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => review.mutate({ decision: "return", note: v.note })}
        >
          <Form.Item
            name="note"
            label={t("update-return-reason")}
            rules={[{ required: true, whitespace: true, message: t("update-return-reason-required") }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function Updates({ detail }: { detail: Schemas["AssignmentDetail"] }) {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const reviewer = me ? can(me.role, "progress.review") : false;
  if (detail.updates.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("assignment-no-updates")} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={detail.updates}
      data-testid="updates"
      renderItem={(u) => (
        <List.Item
          key={u.id}
          data-update-state={u.state}
          extra={
            reviewer && u.state === "submitted" && u.authorId !== me?.id ? (
              <ReviewButtons update={u} assignmentId={detail.id} />
            ) : null
          }
        >
          <Flex gap={8} align="center" wrap>
            <Tag color={STATE_COLOURS[u.state]}>{t(`update-state-${u.state}`)}</Tag>
            <strong>{formatNumber(u.percent, lang)}%</strong>
            <Typography.Text type="secondary">
              {t("update-by", { author: u.authorName ?? "—", date: formatDate(u.createdAt) })}
            </Typography.Text>
          </Flex>
          {u.narrative && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 4, whiteSpace: "pre-wrap" }}>
              {u.narrative}
            </Typography.Paragraph>
          )}
          {u.evidence.length > 0 && (
            <Space wrap>
              {u.evidence.map((e) =>
                e.fileId || e.url ? (
                  <a
                    key={`${e.fileId ?? e.url}`}
                    href={e.fileId ? `/api/evidence/${e.fileId}` : e.url}
                    target={e.url ? "_blank" : undefined}
                    rel="noreferrer"
                  >
                    <PaperClipOutlined /> {e.name}
                  </a>
                ) : (
                  <span key={e.name}>
                    <PaperClipOutlined /> {e.name}
                  </span>
                ),
              )}
            </Space>
          )}
          {u.reviewNote && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
              {t("update-review-note", { note: u.reviewNote })}
            </Typography.Paragraph>
          )}
        </List.Item>
      )}
    />
  );
}

export function AssignmentDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const today = useToday();
  const detail = useQuery({
    queryKey: assignmentKey(id ?? 0),
    enabled: id !== null,
    queryFn: () =>
      unwrapVersioned(api.GET("/api/assignments/{id}", { params: { path: { id: String(id) } } })),
  });
  const a = detail.data?.data;
  const writer = me ? can(me.role, "progress.write") : false;
  const recurrence = a ? recurrenceKey(a.recurrence) : null;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={t("assignment-title")}
      destroyOnHidden
      data-testid="assignment-drawer"
    >
      {!a ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: 17 }}>
            {a.taskText}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 160 } }}
            items={[
              {
                key: "doc",
                label: t("assignment-document"),
                children: `${a.documentSymbol ?? ""} — ${a.documentTitle ?? ""}`,
              },
              {
                key: "body",
                label: t("assignment-body"),
                children: `${a.organisationName ?? a.phrase} (${
                  a.role === "lead" || a.role === "cooperating" ? t(`assignment-${a.role}`) : a.role
                })`,
              },
              {
                key: "deadline",
                label: t("assignment-deadline"),
                children: (
                  <Space wrap>
                    <span>
                      {a.deadlineDate ? formatDate(a.deadlineDate) : t("no-deadline")}
                      {recurrence && a.recurrence !== "once" ? ` · ${t(recurrence)}` : ""}
                    </span>
                    <Countdown today={today} due={a.statusDue} status={a.status} />
                  </Space>
                ),
              },
              { key: "status", label: t("assignment-status"), children: <StatusTag status={a.status} /> },
              {
                key: "progress",
                label: t("assignment-progress"),
                children: (
                  <Progress
                    percent={a.percent}
                    format={(p) => `${formatNumber(p ?? 0, lang)}%`}
                    aria-label={`${t("assignment-progress")}: ${a.percent}%`}
                    data-testid="assignment-percent"
                  />
                ),
              },
              ...(a.completedAt
                ? [
                    {
                      key: "completed",
                      label: t("assignment-completed"),
                      children: formatDate(a.completedAt),
                    },
                  ]
                : []),
              ...(a.expectedOutput
                ? [{ key: "expected", label: t("assignment-expected"), children: a.expectedOutput }]
                : []),
            ]}
          />
          <Divider titlePlacement="start">
            <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
              {t("assignment-updates", { count: formatNumber(a.updateCount, lang) })}
            </Typography.Title>
          </Divider>
          <Updates detail={a} />
          {a.transferredToId !== null ? (
            <Alert type="info" showIcon title={t("assignment-transferred")} style={{ marginTop: 16 }} />
          ) : (
            writer &&
            detail.data?.version != null && (
              <>
                <Divider titlePlacement="start">
                  <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                    {t("progress-title")}
                  </Typography.Title>
                </Divider>
                <ProgressForm
                  assignment={a}
                  version={detail.data.version}
                  today={today}
                  onStale={() => detail.refetch()}
                />
              </>
            )
          )}
        </>
      )}
    </Drawer>
  );
}
