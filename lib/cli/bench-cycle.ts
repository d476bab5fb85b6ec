// `npm run bench -- cycle`: page latency with and without a billing run, on the
// configured dialect. It builds a throw-away marketplace (the demo story plus
// N agreements due this month, written through the bulk path), serves it from
// a production build, signs in over HTTP as real users, and loads role pages
// under load (50 connections, lib/cli/bench-http.ts) — first alone, then while a billing run
// works in its own process as the console's runs do. Figures, not pass/fail.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/dialect/client";
import { bootstrap } from "@/db/bootstrap";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { benchDatabase, freePort, load, root, serve, signIn, startBillingRun, stop, waitHealthy, type Load } from "@/lib/cli/bench-http";
import { periodOfDate } from "@/lib/billing/periods";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { newId } from "@/lib/ids";
import { notifications } from "@/db/schema";
import { builtDialect } from "@/db";

async function throwAwayDatabase(): Promise<string> {
  return (await benchDatabase("bench-cycle")).url;
}

/** How long a one-row write transaction takes from this process while the run works (SQLite: the wait for its write lock). */
async function writeLatency(databaseUrl: string, ended: () => boolean) {
  const handle = openDatabase(databaseUrl);
  const times: number[] = [];
  try {
    for (let i = 0; i < 100 && !ended(); i++) {
      const started = performance.now();
      await handle.db.transaction((tx) => tx.insert(notifications).values({ id: newId("ntf"), accountId: DEMO_ACCOUNTS.customer.id, kind: "bench", title: "bench", body: "bench", createdAt: new Date() }));
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await handle.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { samples: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export async function benchCycle(options: { agreements: number; seconds: number; connections: number }) {
  const databaseUrl = await throwAwayDatabase();
  const handle = openDatabase(databaseUrl);
  const started = performance.now();
  await bootstrap({ demo: true }, handle);
  const now = new Date();
  const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6));
  await createBulkMarketplace(handle.db, { vendors: 20, partners: 40, customers: 5000, agreements: options.agreements, startsAt: () => startsAt });
  await handle.close();
  console.log(`\ncycle bench · ${builtDialect} · ${options.agreements} agreements due this month (made in ${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = serve(port, databaseUrl);
  const pages: { label: string; path: string; email: string }[] = [
    { label: "customer home", path: "/buyer", email: "customer@demo.example" },
    { label: "customer bills", path: "/buyer/bills", email: "customer@demo.example" },
    { label: "partner offers", path: "/partner/offers", email: "partner@demo.example" },
  ];
  const rows: { page: string; without: Load; during: Load | null }[] = [];
  let run: { seconds: number; charges: number } | null = null;
  let writes: { samples: number; p50: number; p99: number; max: number } | null = null;
  try {
    await waitHealthy(base);
    const cookies = new Map<string, string>();
    for (const page of pages) if (!cookies.has(page.email)) cookies.set(page.email, await signIn(base, page.email));
    for (const page of pages) {
      rows.push({ page: `${page.label} (${page.path})`, without: await load(`${base}${page.path}`, cookies.get(page.email)!, options.seconds, options.connections), during: null });
    }
    // The run: its own process, as the console and the scheduler start it.
    const { finished } = startBillingRun(databaseUrl, periodOfDate(now));
    let ended = false;
    void finished.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 3000)); // past its start-up
    writes = await writeLatency(databaseUrl, () => ended);
    for (const [i, page] of pages.entries()) {
      if (ended) break;
      rows[i]!.during = await load(`${base}${page.path}`, cookies.get(page.email)!, options.seconds, options.connections);
      if (ended) rows[i]!.during = null; // the run ended while measuring: not a figure "during a run"
    }
    const { output, seconds } = await finished;
    run = { seconds, charges: Number(/(\d+) charges? created/.exec(output)?.[1] ?? 0) };
  } finally {
    stop(server);
  }
  const fmt = (l: Load | null) => (l ? `${String(l.rps).padStart(5)} req/s  p50 ${String(l.p50).padStart(5)} ms  p99 ${String(l.p99).padStart(6)} ms  ${l.errors} errors` : "(the run had ended)");
  console.log(`\n| page | without a run | during a billing run |\n|---|---|---|`);
  for (const row of rows) console.log(`| ${row.page} | ${fmt(row.without)} | ${fmt(row.during)} |`);
  if (writes) console.log(`\nsmall write transactions from another process during the run (they wait for the run's chunks): ${writes.samples} samples, p50 ${writes.p50.toFixed(1)} ms, p99 ${writes.p99.toFixed(1)} ms, max ${writes.max.toFixed(1)} ms`);
  if (run) console.log(`\nbilling run: ${run.charges} charges in ${run.seconds.toFixed(1)} s (${Math.round(run.charges / run.seconds)} charges/s) while the pages were loaded`);
  const out = path.join(root, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().slice(0, 10)}-${builtDialect}-cycle.json`);
  fs.writeFileSync(file, JSON.stringify({ dialect: builtDialect, node: process.version, options, rows, run, writes }, null, 2));
  console.log(`written to ${path.relative(root, file)}`);
}
