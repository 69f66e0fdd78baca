// The screens of the side menu, in the order of the issue: path, title and icon.
import {
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  HistoryOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { MessageKey } from "../messages.ts";

export interface Screen {
  key: string;
  path: string;
  title: MessageKey;
  icon: ReactNode;
}

export const SCREENS: Screen[] = [
  { key: "dashboard", path: "/", title: "menu-dashboard", icon: <DashboardOutlined /> },
  { key: "documents", path: "/documents", title: "menu-documents", icon: <FileTextOutlined /> },
  { key: "tasks", path: "/tasks", title: "menu-tasks", icon: <ScheduleOutlined /> },
  { key: "indicators", path: "/indicators", title: "menu-indicators", icon: <BarChartOutlined /> },
  { key: "reports", path: "/reports", title: "menu-reports", icon: <CalendarOutlined /> },
  { key: "dissemination", path: "/dissemination", title: "menu-dissemination", icon: <FlagOutlined /> },
  { key: "inspections", path: "/inspections", title: "menu-inspections", icon: <AlertOutlined /> },
  { key: "organisations", path: "/organisations", title: "menu-organisations", icon: <TeamOutlined /> },
  { key: "users", path: "/users", title: "menu-users", icon: <UserOutlined /> },
  { key: "audit", path: "/audit", title: "menu-audit", icon: <HistoryOutlined /> },
];
