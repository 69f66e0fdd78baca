// The frame of the screens that list records of the user's bodies by document — Quán triệt and
// Kiểm tra, giám sát: a title, a button for those who may record one, a document filter, the count,
// the paginated table and the dialog that records a new one.
import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Empty, Flex, Form, Modal, Table, type TableColumnsType, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { type Role, useMe } from "../../auth.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { errorText, notifySuccess } from "../../notify.ts";
import { DocumentPicker } from "./pickers.tsx";

const PAGE_SIZE = 20;

export interface RecordPage<T> {
  items: T[];
  total: number;
}

export function RecordListPage<T extends { id: number }>({
  testId,
  title,
  newLabel,
  empty,
  writers,
  queryKey,
  fetch,
  columns,
  recordForm,
}: {
  testId: string;
  title: string;
  newLabel: string;
  empty: string;
  /** The roles that may record one. */
  writers: readonly Role[];
  queryKey: string;
  fetch(query: { page: number; pageSize: number; documentId: number | undefined }): Promise<RecordPage<T>>;
  columns: TableColumnsType<T>;
  /** The dialog that records one; it calls onClose when done or cancelled. */
  recordForm(onClose: () => void): ReactNode;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: [queryKey, page, documentId ?? null],
    placeholderData: (previous) => previous,
    queryFn: () => fetch({ page, pageSize: PAGE_SIZE, documentId }),
  });
  const role = me.data?.role;

  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {title}
        </Typography.Title>
        {role && writers.includes(role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {newLabel}
          </Button>
        )}
      </Flex>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <DocumentPicker
          aria-label={t("rec-document")}
          placeholder={t("rec-document")}
          allowClear
          style={{ width: 320 }}
          value={documentId}
          onChange={(v) => {
            setDocumentId(v);
            setPage(1);
          }}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t("rec-total", { count: formatNumber(list.data.total, lang) })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<T>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={columns}
      />
      {open && recordForm(() => setOpen(false))}
    </div>
  );
}

/**
 * The dialog that records one: the document it is about, the form's other fields, the API's message
 * when it refuses, and on success a confirmation and the list asked for again.
 */
export function RecordDialog<V extends { documentId: number }>({
  title,
  testId,
  queryKey,
  width,
  initialValues,
  send,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  /** The list to ask for again once recorded. */
  queryKey: string;
  width?: number;
  initialValues?: Partial<V>;
  send(values: V): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      notifySuccess(t("rec-saved"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: [queryKey] });
    },
  });
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={t("rec-save")}
      cancelText={t("rec-cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(save.error)}
          style={{ marginBottom: 12 }}
          data-testid="record-error"
        />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
        data-testid={testId}
      >
        <Form.Item
          name="documentId"
          label={t("rec-document")}
          rules={[{ required: true, message: t("rec-document-required") }]}
        >
          <DocumentPicker />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
