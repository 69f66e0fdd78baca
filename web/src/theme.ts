// antd's theme, darkened where its defaults fall short of WCAG AA contrast (4.5:1) on white:
// the primary blue and the secondary, tertiary and placeholder greys.
import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  // antd's styles come from its prebuilt stylesheet (main.tsx) instead of being generated in the
  // browser at first render: office PCs draw the first screen sooner
  zeroRuntime: true,
  token: {
    colorPrimary: "#0b57d0",
    colorLink: "#0b57d0",
    colorError: "#c5221f",
    colorSuccess: "#1e7e34",
    colorWarning: "#b25e09",
    colorTextSecondary: "rgba(0, 0, 0, 0.68)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.58)",
    colorTextDisabled: "rgba(0, 0, 0, 0.5)",
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Arial, sans-serif",
    borderRadius: 6,
  },
};
