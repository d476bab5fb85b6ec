// kill -9 of the server during a console billing run: after a restart the
// console says the run was interrupted, and the next run finishes it with the
// money of one clean run. This test starts its own server (the same production
// build, its own database and port) so it can kill it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/demo";
import { dialect } from "./helpers";

// Playwright runs from the repository root.
const root = process.cwd();
const AGREEMENTS = 20_000;
const LEASE_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function freshDatabase(): Promise<string> {
  if (dialect === "sqlite") {
    const file = path.join(root, "data", `e2e-crash-${process.pid}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    return `file:./data/${path.basename(file)}`;
  }
  const admin = new URL(process.env.E2E_DATABASE_URL!);
  const name = `cppo_e2e_crash_${process.pid}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

const tsx = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "e2e/support/money-cli.ts", ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: dialect === "pg" ? "tsconfig.pg.json" : "tsconfig.json" },
    encoding: "utf8",
  });

function startServer(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["lib/cli/run.mjs", "start"], {
    cwd: root,
    // Its own process group, so kill -9 reaches the server and the run it started.
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: `.next-e2e-${dialect}`,
      PORTAL_DEMO: "0",
      PORTAL_SCHEDULER: "0",
      JOB_LEASE_MS: String(LEASE_MS),
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      AUTH_TRUST_HOST: "true",
    },
  });
}

async function healthy(base: string) {
  await expect(async () => {
    const response = await fetch(`${base}/api/health`).catch(() => null);
    expect(response?.status).toBe(200);
  }).toPass({ timeout: 240_000, intervals: [250] });
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

test("a billing run whose server is killed -9 reads as interrupted after restart, and the next run finishes it exactly", async ({ browser }) => {
  test.setTimeout(600_000);
  const databaseUrl = await freshDatabase();
  tsx("make", databaseUrl, String(AGREEMENTS));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const period = new Date().toISOString().slice(0, 7);
  let server = startServer(port, databaseUrl);
  try {
    await healthy(base);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("rep@crash.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/marketplace$/);

    await page.goto("/marketplace/billing");
    await page.getByRole("button", { name: "Run billing" }).click();
    await page.getByRole("button", { name: "Run billing" }).last().click();
    // Mid-run: some agreements billed, not all.
    await expect(page.getByTestId("run-progress")).toHaveText(/Running: [1-9]\d* of \d+/, { timeout: 120_000 });
    killGroup(server);
    const killed = JSON.parse(tsx("check", databaseUrl, period));
    expect(killed.runs).toHaveLength(1);
    expect(killed.runs[0].status).toBe("running");
    expect(killed.billed.n).toBeGreaterThan(0);
    expect(killed.billed.n).toBeLessThan(killed.due.n);
    expect(killed.violations).toEqual([]);

    server = startServer(port, databaseUrl);
    await healthy(base);
    // Once the dead run's lease has expired, the console says so: not "running".
    await expect(async () => {
      await page.goto("/marketplace/billing");
      await expect(page.getByTestId("run-interrupted")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("run-state").first()).toHaveText("Interrupted");
    await page.getByRole("button", { name: "Finish the interrupted run" }).click();
    await page.getByRole("button", { name: "Finish the run" }).click();
    await expect(page.getByText("This run takes over the interrupted one")).toBeVisible();
    await expect(page.getByTestId("run-summary")).toContainText("charges created", { timeout: 240_000 });

    const finished = JSON.parse(tsx("check", databaseUrl, period));
    // The money of one clean run: every due agreement charged once, to the cent.
    expect(finished.billed).toEqual(finished.due);
    expect(finished.due.n).toBe(AGREEMENTS);
    expect(finished.runs).toEqual([{ status: "completed", takeovers: 1, done: AGREEMENTS, total: AGREEMENTS }]);
    expect(finished.violations).toEqual([]);
    await context.close();
  } finally {
    killGroup(server);
  }
});
