// Errors and confirmations as antd notifications. The App component gives the instances that
// follow the theme and locale; main.tsx hands them here so that query callbacks can use them.
import type { MessageInstance } from "antd/es/message/interface";
import type { NotificationInstance } from "antd/es/notification/interface";
import { ApiError, NetworkError } from "./api/client.ts";
import { type Lang, translate } from "./messages.ts";

let notification: NotificationInstance | null = null;
let message: MessageInstance | null = null;
let lang: () => Lang = () => "vi";

export function bindNotify(n: NotificationInstance, m: MessageInstance, currentLang: () => Lang): void {
  notification = n;
  message = m;
  lang = currentLang;
}

/** The text to show for an error: the API's detail, or what went wrong with the network. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof NetworkError) return translate("network-error", lang());
  return e instanceof Error ? e.message : String(e);
}

export function notifyError(e: unknown): void {
  const title = e instanceof ApiError && e.problem ? e.problem.title : translate("app-error", lang());
  notification?.error({ message: title, description: errorText(e), placement: "topRight" });
}

export function notifySuccess(text: string): void {
  message?.success(text);
}

export function notifyWarning(text: string): void {
  message?.warning(text);
}
