// What the HTTP benchmarks share: a throw-away database the server can open, a
// production server on a free port, sign-in through Auth.js's own endpoint, and
// a steady load of one URL over a fixed set of kept-alive connections.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
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

/**
 * `connections` clients, each sending its next request when its last response has ended (a closed
 * loop, as autocannon runs one), over kept-alive connections opened during a warm-up of
 * `warmupSeconds` and then measured for `seconds` on the same connections.
 *
 * Why not a fresh autocannon run per measurement, as before: it opens all its connections at the
 * first instant, and since libuv 1.45 (Node 20) a server accepts one connection per turn of its
 * event loop (libuv/libuv#3696). On a page whose loop turn is ~100 ms under load, the 50th
 * connection waited ~4 s to be accepted; those first requests were the whole p99 of every page that
 * did real work (measured: /vendor/invitations p99 2.7 s, of which every request started after the
 * first second ≤ 0.64 s). The steady state is what the targets are about; connection set-up is
 * measured by neither side now, the bare page included.
 */
export async function load(url: string, cookie: string | null, seconds: number, connections: number, warmupSeconds = 2): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: "fifo" });
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let measuring = false;
  let stopAt = Infinity;
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const get = () =>
    new Promise<{ ok: boolean; bytes: number }>((resolve) => {
      const request = http.get(url, { agent, headers, timeout: 30_000 }, (response) => {
        let size = 0;
        response.on("data", (chunk: Buffer) => (size += chunk.length));
        response.on("end", () => resolve({ ok: (response.statusCode ?? 0) < 400, bytes: size }));
        response.on("error", () => resolve({ ok: false, bytes: size }));
      });
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => resolve({ ok: false, bytes: 0 }));
    });
  const client = async () => {
    while (performance.now() < stopAt) {
      const started = performance.now();
      const counted = measuring;
      const result = await get();
      // A request counts when it was sent after the warm-up ended and answered before the end.
      if (!counted || !measuring) continue;
      latencies.push(performance.now() - started);
      bytes += result.bytes;
      if (!result.ok) errors += 1;
    }
  };
  const clients = Array.from({ length: connections }, client);
  await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
  measuring = true;
  const started = performance.now();
  stopAt = started + seconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  measuring = false;
  const elapsed = performance.now() - started;
  await Promise.all(clients);
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    rps: Math.round((latencies.length / elapsed) * 1000),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    errors,
    bytes: Math.round(bytes / Math.max(1, latencies.length)),
  };
}
