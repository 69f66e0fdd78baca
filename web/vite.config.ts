// The web UI's build: web/ → web/dist, served by the API server at / (src/server/http/app.ts).
// `vite` in web/ serves it for development with /api proxied to a running server (PORT, 3000).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // the budget is 500 KB gzip for the first screen; chunks over this raw size are worth a look
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
