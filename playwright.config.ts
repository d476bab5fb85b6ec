// Browser tests in Debian's Chromium against the production build.
// lib/cli/test.mjs runs this once per dialect (E2E_DATABASE_URL decides); run
// alone, it uses a fresh SQLite file. One project per role, each with the
// storage state its setup step saved after signing in through the form.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${port}.db`;
const dialect = databaseUrl.startsWith("postgres") ? "pg" : "sqlite";
if (!/^file:\.\/data\/|^postgres(ql)?:\/\/[^/]*(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  // Never run the suite (which signs up users and writes data) against a database that isn't local.
  throw new Error(`Refusing to run end-to-end tests against a non-local database: ${databaseUrl}`);
}

export const ROLE_PROJECTS = ["vendor", "partner", "buyer", "marketplace"] as const;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Sized for a busy 2-core machine (a CI run shares it with the database and the build):
  // a generous ceiling costs nothing when tests pass.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "anonymous", testMatch: /anonymous\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    ...ROLE_PROJECTS.map((role) => ({
      name: role,
      testMatch: new RegExp(`${role}\\.spec\\.ts`),
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: `e2e/.auth/${role}-${dialect}.json` },
    })),
    {
      // Each role's reports over the seeded history (read-only): before the stories change the data.
      name: "reports",
      testMatch: /reports\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      // Stories that change the demo data (a partner registers, accepts…): after the role projects,
      // whose figures assume the data as seeded.
      name: "flows",
      testMatch: /flows\.spec\.ts/,
      dependencies: [...ROLE_PROJECTS, "anonymous", "mobile", "reports"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      // A non-recurring discount from registration to payout, four browser contexts: after the stories
      // (it bills the month again and pays out), before the probe (which then sees its objects too).
      name: "deals",
      testMatch: /deals\.spec\.ts/,
      dependencies: ["flows"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      // Every route and server action as every tenant (read-only, and refused writes): after the stories.
      name: "matrix",
      testMatch: /matrix\.spec\.ts/,
      dependencies: ["flows", "deals"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      // Starts, kills and restarts its own server: after the others, so it never competes with them.
      name: "crash",
      testMatch: /crash\.spec\.ts/,
      dependencies: ["flows"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "mobile",
      testMatch: /mobile\.spec\.ts/,
      // After the role projects: it reuses all four saved sessions.
      dependencies: ["setup", "vendor", "partner", "buyer", "marketplace"],
      use: { ...devices["Pixel 7"], storageState: `e2e/.auth/partner-${dialect}.json` },
    },
  ],
  webServer: {
    // On PostgreSQL, two instances behind a round-robin proxy (lib/cli/cluster.mjs): every test passes
    // whichever instance answers each request. SQLite is the one-machine default: one instance.
    command: dialect === "pg" ? `node lib/cli/cluster.mjs` : `node lib/cli/run.mjs start`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: `.next-e2e-${dialect}`,
      PORTAL_DEMO: "1",
      // The scheduler would change the demo data under the tests at its own times.
      PORTAL_SCHEDULER: "0",
      // The outbox dispatcher runs (kept mail is read in the tests), every half second.
      PORTAL_DISPATCHER: "1",
      OUTBOX_POLL_MS: "500",
      // A story's webhook receiver listens on this machine.
      WEBHOOKS_ALLOW_LOCAL: "1",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      AUTH_TRUST_HOST: "true",
    },
  },
});
