// One build for the four front ends; the gateway serves web/dist (see gateway/web/frontends.py).
import { resolve } from "node:path";
import { defineConfig } from "vite";

export const APPS = ["resident", "staff", "kiosk", "town"];
const src = resolve(import.meta.dirname, "src");

export default defineConfig({
  root: src,
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    rollupOptions: { input: Object.fromEntries(APPS.map((app) => [app, resolve(src, app, "index.html")])) },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
