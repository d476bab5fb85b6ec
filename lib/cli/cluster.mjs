#!/usr/bin/env node
// `node lib/cli/cluster.mjs`: the portal as many stateless instances on one database — two production
// instances behind a round-robin proxy on PORT. The browser suite runs through it on PostgreSQL, so
// sessions, notifications, runs and every action must work whichever instance answers (and each
// request goes to the other instance than the one before). The proxy adds `x-portal-instance` to each
// response, forwards the client's address as one trusted hop, and keeps Host, so Auth.js's URLs point
// at the proxy. One build first; then the instances start one after the other (the first migrates and
// seeds, the second finds it done).
import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = Number(process.env.PORT || 3000);
const children = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

async function healthy(url, child) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`an instance exited (${child.exitCode}) before it was healthy`);
    const response = await fetch(url).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

// The instances stay in this process's group, so whoever stops the cluster by its group (Playwright
// does, with SIGKILL) stops them too; a plain SIGTERM or Ctrl-C is passed on here.
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
}
process.on("exit", stopAll);

const built = spawnSync(process.execPath, [path.join(root, "lib", "cli", "run.mjs"), "build"], { cwd: root, stdio: "inherit", env: process.env });
if (built.status !== 0) process.exit(built.status ?? 1);

const instances = [];
for (const name of ["a", "b"]) {
  const instancePort = await freePort();
  const child = spawn(process.execPath, [path.join(root, "lib", "cli", "run.mjs"), "start"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    // One trusted hop: the proxy below, which sets X-Forwarded-For to the client's socket address.
    env: { ...process.env, PORT: String(instancePort), TRUSTED_PROXY_HOPS: "1" },
  });
  children.push(child);
  await healthy(`http://127.0.0.1:${instancePort}/api/health`, child);
  instances.push({ name, port: instancePort });
}

let next = 0;
const proxy = http.createServer((request, response) => {
  const target = instances[next++ % instances.length];
  const headers = { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "", "x-forwarded-host": request.headers.host ?? "", "x-forwarded-proto": "http" };
  const upstream = http.request({ host: "127.0.0.1", port: target.port, method: request.method, path: request.url, headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-portal-instance": target.name });
    answer.pipe(response);
  });
  upstream.on("error", (error) => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end(`instance ${target.name}: ${error.message}`);
  });
  request.pipe(upstream);
});
proxy.listen(port, "127.0.0.1", () => console.log(`cluster: instances ${instances.map((i) => `${i.name} :${i.port}`).join(", ")} behind :${port}`));
