// The web UI's entry: the font, the language, the query client and the routes. Screens are loaded
// when first visited (React.lazy), so the first load carries only the frame and the sign-in page.
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "antd/dist/antd.css";
import "./styles.css";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, startDashboard } from "./App.tsx";
import { ApiError } from "./api/client.ts";
import { meQuery } from "./auth.ts";
import { I18nProvider } from "./i18n.tsx";
import { notifyError } from "./notify.ts";

/** Unauthenticated is handled by going back to the sign-in page; other errors are shown. */
const shown = (e: unknown) => !(e instanceof ApiError && e.status === 401);

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (e) => shown(e) && notifyError(e) }),
  mutationCache: new MutationCache({
    onError: (e, _v, _c, mutation) => shown(e) && !mutation.meta?.quiet && notifyError(e),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
    },
  },
});

// who is signed in, and the first screen's data, are asked for at once, while React renders
void queryClient.prefetchQuery(meQuery);
startDashboard(queryClient);

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
