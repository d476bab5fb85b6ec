#!/usr/bin/env node
// `npm test`: every check and test suite, in order, with a summary.
//   lint · typecheck (both dialects) · unit · integration on SQLite and on
//   PostgreSQL · browser tests (Chromium) on SQLite and on PostgreSQL.
// `npm test -- integration` or `-- e2e` runs one group. PostgreSQL is the
// server at TEST_PG_URL (default: the local one). Where it cannot be reached
// the PostgreSQL runs are reported as SKIPPED, loudly, and in CI that fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..", "..");
const only = process.argv[2];
const resultsDir = path.join(root, "test-results", "summary");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const adminUrl = process.env.TEST_PG_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/postgres`;
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };

async function postgresReachable() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    console.error(`PostgreSQL at ${adminUrl} is not reachable: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function freshPgDatabase(name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function vitestStep(name, project, dialect) {
  const file = path.join(resultsDir, `${name.replace(/\W+/g, "-")}.json`);
  return {
    name,
    group: project,
    needsPg: dialect === "pg",
    run: () => ({
      status: spawnSync(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], {
        cwd: root,
        stdio: "inherit",
        env: { ...baseEnv, DB_DIALECT: dialect ?? "sqlite" },
      }).status,
      counts: () => {
        const report = JSON.parse(fs.readFileSync(file, "utf8"));
        return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
      },
    }),
  };
}

/** A port nothing listens on right now (the suite must not depend on fixed ports being free). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function e2eStep(dialect) {
  const name = `e2e · ${dialect === "pg" ? "PostgreSQL" : "SQLite"}`;
  const file = path.join(resultsDir, `e2e-${dialect}.json`);
  return {
    name,
    group: "e2e",
    needsPg: dialect === "pg",
    run: async () => {
      const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
      let databaseUrl = `file:./data/e2e-${dialect}.db`;
      if (dialect === "pg") databaseUrl = await freshPgDatabase(`cppo_e2e_${dialect}`);
      else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(root, `data/e2e-${dialect}.db${suffix}`), { force: true });
      const status = spawnSync(bin("playwright"), ["test"], {
        cwd: root,
        stdio: "inherit",
        env: { ...baseEnv, E2E_PORT: String(port), E2E_DATABASE_URL: databaseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      }).status;
      return {
        status,
        counts: () => {
          const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
          return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
        },
      };
    },
  };
}

function checkStep(name, cmd, args, env = {}) {
  return {
    name,
    group: "static",
    run: () => {
      const status = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...baseEnv, ...env } }).status;
      return { status, counts: () => ({ passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 }) };
    },
  };
}

const steps = [
  checkStep("lint", bin("eslint"), ["--max-warnings=0", "."]),
  checkStep("typecheck · SQLite build", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]),
  checkStep("typecheck · PostgreSQL build", bin("tsc"), ["--noEmit", "-p", "tsconfig.pg.json"]),
  vitestStep("unit", "unit"),
  vitestStep("integration · SQLite", "integration", "sqlite"),
  vitestStep("integration · PostgreSQL", "integration", "pg"),
  e2eStep("sqlite"),
  e2eStep("pg"),
].filter((step) => !only || step.group === only || (only === "unit" && step.group === "unit"));

if (steps.length === 0) {
  console.error(`Unknown group "${only}". Use: static, unit, integration, e2e (or nothing for all).`);
  process.exit(2);
}

const pgUp = steps.some((s) => s.needsPg) ? await postgresReachable() : true;
const rows = [];
for (const step of steps) {
  console.log(`\n━━━ ${step.name} ━━━`);
  if (step.needsPg && !pgUp) {
    console.error(`\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`);
    console.error(`!!  SKIPPED: ${step.name} — no PostgreSQL server at ${adminUrl}.`);
    console.error(`!!  Start one (or set TEST_PG_URL) to run the PostgreSQL half of the suite.`);
    console.error(`!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`);
    rows.push({ name: step.name, result: "SKIPPED (no PostgreSQL)", passed: 0, failed: process.env.CI ? 1 : 0, skipped: 1, seconds: 0 });
    continue;
  }
  const started = Date.now();
  const { status, counts } = await step.run();
  let tally;
  try {
    tally = counts();
  } catch {
    tally = { passed: 0, failed: 1, skipped: 0 }; // the runner died before writing its report
  }
  if (status !== 0 && tally.failed === 0) tally.failed = 1;
  rows.push({ name: step.name, result: status === 0 ? "ok" : "FAILED", ...tally, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n━━━ summary ━━━");
for (const row of rows) {
  console.log(
    `${row.name.padEnd(30)} ${row.result.padEnd(24)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.skipped).padStart(3)} skipped ${String(row.seconds).padStart(5)} s`,
  );
}
const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
