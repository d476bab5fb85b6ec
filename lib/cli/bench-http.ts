// What the HTTP benchmarks share: a throw-away database the server can open, a
// production server on a free port, sign-in through Auth.js's own endpoint, and
// a load of one URL with autocannon.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { builtDialect } from "@/db";
import { adminPgUrl } from "@/db/testing/database";
import { DEMO_PASSWORD } from "@/lib/demo";

export const root = process.cwd();
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-00";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The URL of a bench database named `name`: a file under ./data, or a database on DATABASE_URL's server. Emptied unless `keep`. */
export async function benchDatabase(name: string, { keep = false } = {}): Promise<{ url: string; existed: boolean }> {
  if (builtDialect === "sqlite") {
    const file = path.join(root, "data", `${name}.db`);
    const existed = fs.existsSync(file);
    if (!keep) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return { url: `file:./data/${name}.db`, existed: keep && existed };
  }
  const database = name.replace(/\W/g, "_");
  const admin = new Client({ connectionString: adminPgUrl() });
  await admin.connect();
  const found = await admin.query("select 1 from pg_database where datname = $1", [database]);
  const existed = keep && (found.rowCount ?? 0) > 0;
  if (!existed) {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
  }
  await admin.end();
  const url = new URL(adminPgUrl());
  url.pathname = `/${database}`;
  return { url: url.toString(), existed };
}

/** The production build serving `databaseUrl` (built first if its build is missing or stale). */
export function serve(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["lib/cli/run.mjs", "start"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: `.next-bench-${builtDialect}`,
      PORTAL_DEMO: "0",
      PORTAL_SCHEDULER: "0",
      AUTH_SECRET: BENCH_SECRET,
      AUTH_TRUST_HOST: "true",
      ...env,
    },
  });
}

/**
 * A billing run of `period` in its own process, as the console and the scheduler start it; `finished`
 * resolves with what it printed and how long it took.
 */
export function startBillingRun(databaseUrl: string, period: string): { finished: Promise<{ output: string; seconds: number }> } {
  const started = performance.now();
  const worker = spawn(process.execPath, ["lib/cli/run.mjs", "billing", "--period", period], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: BENCH_SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  worker.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  return { finished: new Promise((resolve) => worker.once("exit", () => resolve({ output, seconds: (performance.now() - started) / 1000 }))) };
}

export function stop(server: ChildProcess) {
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    // gone
  }
}

export async function waitHealthy(base: string) {
  const deadline = Date.now() + 900_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/health`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy");
}

/** Signs in through Auth.js's own credentials endpoint, as the form does; returns the cookie header. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return [...jar, session].join("; ");
}

export interface Load {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  /** Bytes per response, on average. */
  bytes: number;
}

export async function load(url: string, cookie: string | null, seconds: number, connections: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
  const sent = Math.max(1, result.requests.total);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytes: Math.round(result.throughput.total / sent),
  };
}
