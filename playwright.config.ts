/**
 * Playwright end-to-end tests against the production build in Debian's Chromium (/usr/bin/chromium).
 * Never downloads a browser. The server gets its own data dir under test-results/.
 */
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = path.resolve(__dirname, "test-results/e2e-data");

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync", "--use-gl=swiftshader", "--enable-unsafe-swiftshader"],
    },
  },
  webServer: {
    command: `rm -rf "${dataDir}" && npx next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { ROOMCODE_DATA_DIR: dataDir, ROOMCODE_ENGINE: "offline", ROOMCODE_WORKERS: "2", PORT: String(port) },
    stdout: "pipe",
  },
});
