// Routes: the sign-in page, then the signed-in frame with one route per screen of the side menu.
// Screens not built yet show an empty state that says so.
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Empty, Spin } from "antd";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { onUnauthenticated } from "./api/client.ts";
import { ME_KEY, useMe, whenSignedIn } from "./auth.ts";
import { useI18n } from "./i18n.tsx";
import { AppLayout } from "./layout/AppLayout.tsx";
import { SCREENS } from "./layout/screens.tsx";
import { bindNotify, errorText, notifyWarning } from "./notify.ts";
import {
  cachedView,
  cacheView,
  filterOf,
  hiddenOf,
  lastUser,
  prefetchFigures,
  rememberUser,
} from "./pages/dashboard/figures.ts";

const loadDashboard = () => import("./pages/dashboard/DashboardPage.tsx");
const DashboardPage = lazy(loadDashboard);
// the sign-in form (antd's Form and its validator) stays out of the signed-in user's first load
const LoginPage = lazy(() => import("./pages/LoginPage.tsx"));
const TasksPage = lazy(() => import("./pages/tasks/TasksPage.tsx"));
const DocumentsPage = lazy(() => import("./pages/documents/DocumentsPage.tsx"));
const DocumentPage = lazy(() => import("./pages/documents/DocumentPage.tsx"));
const ReportsPage = lazy(() => import("./pages/reports/ReportsPage.tsx"));
const IndicatorsPage = lazy(() => import("./pages/indicators/IndicatorsPage.tsx"));
const DisseminationPage = lazy(() => import("./pages/dissemination/DisseminationPage.tsx"));
const InspectionsPage = lazy(() => import("./pages/inspections/InspectionsPage.tsx"));
const OrganisationsPage = lazy(() => import("./pages/organisations/OrganisationsPage.tsx"));
const UsersPage = lazy(() => import("./pages/users/UsersPage.tsx"));
const AuditPage = lazy(() => import("./pages/audit/AuditPage.tsx"));

/** Each screen of the menu (layout/screens.tsx) by its key. */
const PAGES: Record<string, ReactNode> = {
  dashboard: <DashboardPage />,
  tasks: <TasksPage />,
  documents: <DocumentsPage />,
  reports: <ReportsPage />,
  indicators: <IndicatorsPage />,
  dissemination: <DisseminationPage />,
  inspections: <InspectionsPage />,
  organisations: <OrganisationsPage />,
  users: <UsersPage />,
  audit: <AuditPage />,
};

export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin description={t("app-loading")} />
    </div>
  );
}

/** Hands antd's themed notification instances to notify.ts. */
function NotifyBinder() {
  const { notification, message } = AntApp.useApp();
  const { lang } = useI18n();
  useEffect(() => bindNotify(notification, message, () => lang), [notification, message, lang]);
  return null;
}

// The dashboard is the first screen: its code starts loading with the app, and its figures at once,
// with the saved view of whoever signed in last in this browser (the session's user is asked for
// meanwhile; should their view differ, their figures follow as soon as they are known). Without a
// session these requests are simply refused.
export function startDashboard(client: QueryClient): void {
  if (window.location.pathname !== "/") return;
  void loadDashboard();
  void import("./pages/dashboard/StatusDonut.tsx");
  const user = lastUser();
  const view = user ? cachedView(user) : {};
  prefetchFigures(client, filterOf(new URLSearchParams(window.location.search), view), hiddenOf(view));
}
whenSignedIn((client, me) => {
  rememberUser(me.username);
  cacheView(me.username, me.dashboardView);
  if (window.location.pathname === "/")
    prefetchFigures(
      client,
      filterOf(new URLSearchParams(window.location.search), me.dashboardView),
      hiddenOf(me.dashboardView),
    );
});

/** Signed-in screens: without a session, the sign-in page (coming back here afterwards). */
function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (queryClient.getQueryData(ME_KEY)) notifyWarning(t("session-ended"));
        queryClient.setQueryData(ME_KEY, null);
      }),
    [queryClient, t],
  );
  useEffect(() => {
    if (me.data === null)
      navigate("/login", { replace: true, state: { from: location.pathname + location.search } });
  }, [me.data, navigate, location]);
  if (me.isPending) return <Loading />;
  if (me.isError) return <Alert type="error" showIcon title={errorText(me.error)} style={{ margin: 24 }} />;
  if (!me.data) return <Loading />;
  return <>{children}</>;
}

export function App() {
  const { t } = useI18n();
  return (
    <AntApp>
      <NotifyBinder />
      <BrowserRouter>
        <Routes>
          <Route
            path="/login"
            element={
              <Suspense fallback={<Loading />}>
                <LoginPage />
              </Suspense>
            }
          />
          <Route
            path="/"
            element={
              <RequireSignIn>
                <AppLayout />
              </RequireSignIn>
            }
          >
            {SCREENS.map((s) => (
              <Route
                key={s.key}
                index={s.path === "/"}
                path={s.path === "/" ? undefined : s.path.slice(1)}
                element={<Suspense fallback={<Loading />}>{PAGES[s.key]}</Suspense>}
              />
            ))}
            <Route
              path="documents/:id"
              element={
                <Suspense fallback={<Loading />}>
                  <DocumentPage />
                </Suspense>
              }
            />
            <Route path="*" element={<Empty style={{ marginTop: 48 }} description={t("page-not-found")} />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </BrowserRouter>
    </AntApp>
  );
}
