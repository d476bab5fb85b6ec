// `npm run bench -- security`: the long runs of the authorization and input
// suites on the configured dialect — every operation with 1,000 hostile inputs
// (lib/actions/fuzz.int.test.ts), and the HTTP probe over every object of every
// kind as every tenant (e2e/matrix.spec.ts, PROBE_ALL=1) against a production build.
import { spawnSync } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import { Client } from "pg";
import { builtDialect } from "@/db";
import { adminPgUrl } from "@/db/testing/database";
import { freePort } from "@/lib/cli/bench-http";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export async function benchSecurity({ fuzzRuns }: { fuzzRuns: number }) {
  console.log(`\nsecurity bench · ${builtDialect} · ${fuzzRuns} hostile inputs per operation, every object probed`);
  const started = performance.now();
  const fuzz = spawnSync(bin("vitest"), ["run", "--project", "integration", "lib/actions/fuzz.int.test.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FUZZ_RUNS: String(fuzzRuns), DB_DIALECT: builtDialect },
  });
  const fuzzSeconds = (performance.now() - started) / 1000;
  let databaseUrl = "file:./data/bench-probe.db";
  if (builtDialect === "pg") {
    const admin = new Client({ connectionString: adminPgUrl() });
    await admin.connect();
    await admin.query("drop database if exists cppo_bench_probe with (force)");
    await admin.query("create database cppo_bench_probe");
    await admin.end();
    const url = new URL(adminPgUrl());
    url.pathname = "/cppo_bench_probe";
    databaseUrl = url.toString();
  } else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(root, `data/bench-probe.db${suffix}`), { force: true });
  const probe = spawnSync(bin("playwright"), ["test", "--project", "setup", "--project", "matrix", "--no-deps"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PROBE_ALL: "1", E2E_PORT: String(await freePort()), E2E_DATABASE_URL: databaseUrl },
  });
  console.log(`\nfuzz: ${fuzz.status === 0 ? "passed" : "FAILED"} in ${fuzzSeconds.toFixed(0)} s; probe: ${probe.status === 0 ? "passed" : "FAILED"} (its line above gives requests, leaks and wrong answers)`);
  if (fuzz.status !== 0 || probe.status !== 0) process.exitCode = 1;
}
