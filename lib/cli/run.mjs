#!/usr/bin/env node
// Entry point of the npm scripts. Picks the dialect from DATABASE_URL (a
// postgres:// URL → PostgreSQL, otherwise embedded SQLite), prepares the
// environment, and rebuilds before `start` when the build is missing, stale,
// or was made for the other dialect.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const [command, ...args] = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const dialect = /^(postgres|postgresql):\/\//.test(env.DATABASE_URL ?? "") ? "pg" : "sqlite";
env.DB_DIALECT = dialect;
const distDir = env.NEXT_DIST_DIR || ".next";
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const tsconfig = dialect === "pg" ? "tsconfig.pg.json" : "tsconfig.json";

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** AUTH_SECRET: generated once and kept in ./data for the embedded default; required with PostgreSQL in production. */
function ensureAuthSecret({ production }) {
  if (env.AUTH_SECRET) return;
  if (dialect === "pg" && production) {
    fail(
      "AUTH_SECRET is required when running on PostgreSQL (production).\n" +
        "  Set it to 32+ random characters, the same on every instance, e.g.: export AUTH_SECRET=$(openssl rand -base64 33)",
    );
  }
  const file = path.join(root, "data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
    console.log(`Generated AUTH_SECRET in ${path.relative(root, file)} (kept for next time).`);
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

function run(cmd, cmdArgs, extraEnv = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function exec(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** A fingerprint of everything that goes into a build, so `start` knows when to rebuild. */
function sourceFingerprint() {
  const hash = createHash("sha1");
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) walk(path.join(rel, entry));
    } else if (!rel.endsWith(".test.ts") && !rel.endsWith(".test.tsx")) {
      hash.update(rel).update(fs.readFileSync(abs));
    }
  };
  for (const rel of ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    walk(rel);
  }
  return hash.digest("hex");
}

const markerFile = path.join(root, distDir, "cppo-build.json");

function build() {
  const fingerprint = sourceFingerprint();
  run(bin("next"), ["build"]);
  fs.writeFileSync(markerFile, JSON.stringify({ dialect, fingerprint, builtAt: new Date().toISOString() }, null, 2));
}

function buildIsCurrent() {
  if (!fs.existsSync(markerFile) || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) return "no build yet";
  const marker = JSON.parse(fs.readFileSync(markerFile, "utf8"));
  if (marker.dialect !== dialect) return `the build is for ${marker.dialect}, DATABASE_URL is ${dialect}`;
  if (marker.fingerprint !== sourceFingerprint()) return "the source changed since the last build";
  return null;
}

function cli(...cliArgs) {
  run(bin("tsx"), ["--tsconfig", tsconfig, "lib/cli/tasks.ts", ...cliArgs], { TSX_TSCONFIG_PATH: tsconfig });
}

switch (command) {
  case "dev":
    ensureAuthSecret({ production: false });
    if (!env.AUTH_URL) env.AUTH_TRUST_HOST ??= "true";
    exec(bin("next"), ["dev", ...args]);
    break;
  case "build":
    ensureAuthSecret({ production: false });
    build();
    break;
  case "start": {
    ensureAuthSecret({ production: true });
    if (!env.AUTH_URL) env.AUTH_TRUST_HOST ??= "true";
    const stale = buildIsCurrent();
    if (stale) {
      console.log(`Building the portal for ${dialect === "pg" ? "PostgreSQL" : "SQLite"} (${stale})…`);
      build();
    }
    // Our own server around Next's handler: it decides the client address (see lib/cli/server.mjs).
    env.NODE_ENV = "production";
    exec(process.execPath, [path.join(root, "lib", "cli", "server.mjs"), ...args]);
    break;
  }
  case "db:generate":
    for (const d of ["sqlite", "pg"]) {
      const config = d === "pg" ? "tsconfig.pg.json" : "tsconfig.json";
      run(bin("drizzle-kit"), ["generate", ...args], { DB_DIALECT: d, TSX_TSCONFIG_PATH: config });
    }
    break;
  case "db:migrate":
  case "db:seed":
  case "create-rep":
  case "billing":
  case "disburse":
  case "job":
  case "scheduler":
  case "dispatch":
    ensureAuthSecret({ production: false });
    cli(command, ...args);
    break;
  case "bench":
    cli("bench", ...args);
    break;
  default:
    fail(`unknown command "${command}". Use: dev, build, start, db:generate, db:migrate, db:seed, create-rep, billing, disburse, scheduler, dispatch, bench`);
}
