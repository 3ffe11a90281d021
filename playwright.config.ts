import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./e2e/free-port";

// Playwright cannot download browsers here: use Debian's chromium when present.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
// E2E_PORT when given; otherwise a free port, chosen once: workers load this file again and
// inherit the environment, so they see the same port as the web server.
process.env.E2E_PORT ||= String(freePortSync());
const port = Number(process.env.E2E_PORT);
// The same for the run's SMTP server (e2e/smtp-sink.ts, global setup): the app sends every e-mail
// to it over real SMTP, and it keeps each message as a file in E2E_MAIL_DIR for the specs to read.
process.env.E2E_SMTP_PORT ||= String(freePortSync());
process.env.E2E_MAIL_DIR ||= path.resolve("data/e2e-mail");

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/smtp-sink.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A test signs in (scrypt) and renders pages on a 2-core machine that may be busy.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "rm -rf data/e2e && npx tsx scripts/start.ts",
    url: `http://localhost:${port}/login`,
    // migrate, seed and a first production build: minutes on a busy 2-core machine
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      CONSOLE_ENV: "test",
      CONSOLE_DATA_DIR: "data/e2e",
      SQLITE_PATH: "data/e2e/console.db",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
    },
  },
});
