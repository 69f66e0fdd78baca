// Names and tags the document screens share: statuses, types, printed dates, review states.
import { Tag } from "antd";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { type Lang, type MessageKey, translate } from "../../messages.ts";

export const DOCUMENT_STATUSES = ["imported", "reviewed", "published", "rejected"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_TYPES = [
  "nghi_quyet",
  "ket_luan",
  "chi_thi",
  "quy_dinh",
  "quyet_dinh",
  "chuong_trinh",
  "ke_hoach",
  "de_an",
  "cong_van",
  "thong_bao",
  "huong_dan",
  "bao_cao",
  "to_trinh",
  "thong_tri",
  "cong_dien",
  "other",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function typeLabel(type: string | null, lang: Lang): string {
  const known = (DOCUMENT_TYPES as readonly string[]).includes(type ?? "") ? type : "other";
  return translate(`doctype-${known}` as MessageKey, lang);
}

// solid colours keeping 4.5:1 contrast with the tag's white text, as the task statuses do
export const COLOURS = {
  green: "#1e7e34",
  amber: "#a14f00",
  blue: "#0b57d0",
  grey: "#5f6368",
  red: "#c5221f",
};

const STATUS_COLOURS: Record<DocumentStatus, string> = {
  imported: COLOURS.amber,
  reviewed: COLOURS.blue,
  published: COLOURS.green,
  rejected: COLOURS.grey,
};

export function DocumentStatusTag({ status }: { status: DocumentStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`document-status-${status}`)}</Tag>;
}

/** A date as printed: the year alone, month/year, or the day. */
export function printedDate(date: string | null): string {
  if (!date) return "—";
  if (/^\d{4}$/.test(date)) return date;
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  return m ? `${m[2]}/${m[1]}` : formatDate(date);
}
