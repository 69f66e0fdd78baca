// Every feature's routes, in the order the OpenAPI document lists them.
import { auditRoutes } from "../audit/routes.ts";
import { authRoutes } from "../auth/routes.ts";
import { disseminationRoutes } from "../dissemination/routes.ts";
import { documentRoutes } from "../documents/routes.ts";
import { healthRoutes } from "../health/routes.ts";
import { indicatorRoutes } from "../indicators/routes.ts";
import { inspectionRoutes } from "../inspections/routes.ts";
import { organisationRoutes } from "../organisations/routes.ts";
import { progressRoutes } from "../progress/routes.ts";
import { reminderRoutes } from "../reminders/routes.ts";
import { reportExportRoutes } from "../report-exports/routes.ts";
import { reportRoutes } from "../reports/routes.ts";
import { rollupRoutes } from "../rollups/routes.ts";
import { taskRoutes } from "../tasks/routes.ts";
import { userRoutes } from "../users/routes.ts";
import type { Routes } from "./context.ts";

export const API_ROUTES: Routes[] = [
  healthRoutes,
  authRoutes,
  taskRoutes,
  documentRoutes,
  progressRoutes,
  organisationRoutes,
  userRoutes,
  auditRoutes,
  indicatorRoutes,
  reportRoutes,
  reportExportRoutes,
  disseminationRoutes,
  inspectionRoutes,
  rollupRoutes,
  reminderRoutes,
];
