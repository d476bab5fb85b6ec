#!/usr/bin/env node
// The production server behind `npm start`: Next's request handler inside a
// plain Node HTTP server, so the portal — not the client — decides the client's
// address. `next start` keeps whatever X-Forwarded-For a client sends (it only
// fills the header in when it is missing), which let a client pick the address
// the sign-in throttle and the audit trail see. Here the address is the socket's,
// or, when the operator says how many proxies stand in front
// (TRUSTED_PROXY_HOPS=n), the address the outermost of those proxies saw; the
// request reaches the app with exactly that address in X-Forwarded-For.
// First, before Next.js and React load: keeps completed renders from pinning each other (see the file).
import "./abort-reasons.mjs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { clientAddressOf } from "./client-address.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = Number(process.env.PORT || 3000);
const hops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS || 0) | 0);

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  const address = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  request.headers["x-forwarded-for"] = address;
  delete request.headers["x-real-ip"];
  // Without trusted proxies the client's own claims about host and scheme are dropped too (Auth.js builds URLs from them).
  if (hops === 0) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
  }
  handle(request, response);
});
server.listen(port, () => console.log(`cppo-portal listening on http://localhost:${port}${hops ? ` (trusting ${hops} proxy hop${hops === 1 ? "" : "s"})` : ""}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
