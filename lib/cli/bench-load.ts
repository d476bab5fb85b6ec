// `npm run bench -- load [--agreements 42000] [--months 24] [--due 40000] [--seconds 10] [--soak 300] [--connections 50]`:
// writes under load, and a soak, at marketplace size (#13). Works on a copy of the size benches'
// database (made by `bench -- pages` or `bench -- reports`, generated here when missing), with
// --due more agreements starting this month so a billing run has a month to bill.
// 1. Server actions over HTTP, as the browser sends them (the build's action ids): a partner saving
//    an offer draft, a customer accepting an extended offer, customers paying their bills — each for
//    --seconds at --connections; actions/s, p50/p99, and what each wrote (read back from the database).
// 2. The soak: --soak seconds of mixed traffic over the role pages of all four roles, with a billing
//    run of this month started after the first minute in its own process (as the console and the
//    scheduler start it); per 30 s: req/s, p50/p99, errors, the server's resident memory.
// --heap <MB> caps the server's V8 heap: resident memory that grows under Node's default limit but
// holds under a cap, with the same throughput and no errors, is garbage V8 had no reason to collect.
// Writes bench/results/<date>-<dialect>-load.json and bench/results/load-<dialect>.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { Client } from "pg";
import { builtDialect, type Db } from "@/db";
import { openDatabase } from "@/db/dialect/client";
import { countAll } from "@/db/sql";
import { agreements, authorizationItems, consolidatedBills, payments, pricingDimensions, privateOffers, resaleAuthorizations, users } from "@/db/schema";
import { adminPgUrl } from "@/db/testing/database";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { createUser } from "@/lib/accounts/accounts";
import { loadUser } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { periodOfDate } from "@/lib/billing/periods";
import { benchDatabaseName, describeGeneration, generateBenchMarketplace } from "@/lib/cli/bench-data";
import { benchTenants, ensureUsers } from "@/lib/cli/bench-pages";
import { benchDatabase, freePort, root, serve, signIn, startBillingRun, stop, waitHealthy } from "@/lib/cli/bench-http";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo";
import { newId } from "@/lib/ids";
import { extendOffer, saveOfferDraft } from "@/lib/offers/service";

interface Options {
  agreements: number;
  months: number;
  due: number;
  seconds: number;
  soak: number;
  connections: number;
  /** The server's V8 heap limit in MB (--max-old-space-size), or null for Node's default. */
  heap: number | null;
}

const PAYERS = 100;

/** A copy of the size database: the benches that write must not change the one the read benches share. */
async function copyOfSizeDatabase(options: Options): Promise<string> {
  const source = await benchDatabase(benchDatabaseName(options), { keep: true });
  if (!source.existed) {
    const handle = openDatabase(source.url);
    try {
      console.log(describeGeneration(await generateBenchMarketplace(handle, options, source.url)));
    } finally {
      await handle.close();
    }
  }
  if (builtDialect === "sqlite") {
    const from = source.url.replace(/^file:/, "");
    const handle = openDatabase(source.url);
    await handle.close(); // a clean close checkpoints the WAL into the file
    const target = (await benchDatabase("bench-load")).url;
    fs.copyFileSync(path.join(root, from), path.join(root, target.replace(/^file:/, "")));
    return target;
  }
  const sourceName = new URL(source.url).pathname.slice(1);
  const admin = new Client({ connectionString: adminPgUrl() });
  await admin.connect();
  try {
    await admin.query("drop database if exists bench_load with (force)");
    await admin.query(`create database bench_load template ${sourceName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminPgUrl());
  url.pathname = "/bench_load";
  return url.toString();
}

interface Prepared {
  offersToAccept: string[];
  saveInput: Record<string, unknown>;
  bills: { email: string; billId: string }[];
}

/** What the actions need: offers extended to the demo customer, a draft to save, payers with open bills. */
async function prepare(db: Db, options: Options, accepts: number): Promise<Prepared> {
  const now = new Date();
  const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6));
  await ensureUsers(db, await benchTenants(db));
  await createBulkMarketplace(db, { vendors: 20, partners: 40, customers: Math.max(100, Math.round(options.due / 2)), agreements: options.due, startsAt: () => startsAt });

  // The demo partner's usable authorization and its product's units (the demo lives inside the big marketplace).
  const [item] = await db
    .select({ authorizationId: resaleAuthorizations.id, productId: authorizationItems.productId })
    .from(resaleAuthorizations)
    .innerJoin(authorizationItems, eq(authorizationItems.authorizationId, resaleAuthorizations.id))
    .where(and(eq(resaleAuthorizations.partnerAccountId, DEMO_ACCOUNTS.partner.id), eq(resaleAuthorizations.status, "accepted"), eq(resaleAuthorizations.use, "multi_use")))
    .orderBy(desc(resaleAuthorizations.createdAt))
    .limit(1);
  if (!item) throw new Error("the demo partner has no multi-use authorization to sell on");
  const dims = await db.select({ id: pricingDimensions.id }).from(pricingDimensions).where(eq(pricingDimensions.productId, item.productId)).orderBy(asc(pricingDimensions.position));
  const expiresOn = new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
  const saveInput = {
    authorizationId: item.authorizationId,
    productId: item.productId,
    name: "Bench offer",
    customerAccountId: DEMO_ACCOUNTS.customer.id,
    quantities: dims.map((d, i) => ({ dimensionId: d.id, quantity: i === 0 ? 5 : 0 })),
    durationMonths: 12,
    billing: "monthly",
    markupPercent: "10",
    expiresOn,
  };

  // Offers for the customer to accept, made by the same operations the screens call.
  const [partnerUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, "partner@demo.example"));
  const partner = await loadUser(db, partnerUser!.id, "127.0.0.1");
  const offersToAccept: string[] = [];
  for (let i = 0; i < accepts; i++) {
    const saved = await saveOfferDraft(db, partner, { ...saveInput, name: `Bench offer ${i}` });
    if (!saved.ok) throw new Error(`could not save an offer to accept: ${saved.error}`);
    const extended = await extendOffer(db, partner, { offerId: saved.data.offerId });
    if (!extended.ok) throw new Error(`could not extend an offer to accept: ${extended.error}`);
    offersToAccept.push(saved.data.offerId);
  }

  // Payers: the customers with the most open bills, each with a user; their open bills, oldest first.
  const payers = await db
    .select({ id: consolidatedBills.customerAccountId, open: countAll() })
    .from(consolidatedBills)
    .where(eq(consolidatedBills.status, "issued"))
    .groupBy(consolidatedBills.customerAccountId)
    .orderBy(desc(countAll()))
    .limit(PAYERS);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = new Map<string, string>();
  for (const [i, payer] of payers.entries()) {
    const email = `payer${i}@bench.example`;
    emails.set(payer.id, email);
    await db.transaction((tx) => createUser(tx, { accountId: payer.id, email, name: `Payer ${i}`, role: "customer", passwordHash }));
  }
  const open = await db
    .select({ id: consolidatedBills.id, customer: consolidatedBills.customerAccountId })
    .from(consolidatedBills)
    .where(and(eq(consolidatedBills.status, "issued"), inArray(consolidatedBills.customerAccountId, payers.map((p) => p.id))))
    .orderBy(asc(consolidatedBills.period), asc(consolidatedBills.id));
  // Interleaved by customer, so consecutive requests come from different customers.
  const byCustomer = new Map<string, string[]>();
  for (const b of open) byCustomer.set(b.customer, [...(byCustomer.get(b.customer) ?? []), b.id]);
  const bills: { email: string; billId: string }[] = [];
  for (let round = 0; bills.length < open.length; round++) {
    for (const [customer, ids] of byCustomer) if (ids[round]) bills.push({ email: emails.get(customer)!, billId: ids[round]! });
  }
  return { offersToAccept, saveInput, bills };
}

interface ActionLoad {
  action: string;
  sent: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  wrote: number;
}

/** Each server action id by its exported name, and a page that carries it, from the build's manifest. */
function actionIds(distDir: string): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0]!;
    const page = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/\(.*?\)\//, "").replace(/\[id\]/g, "probe");
    out.set(entry.exportedName, { id, page });
  }
  return out;
}

/**
 * Loads one server action for `seconds`, each request with the next input (and its user's cookie).
 * autocannon cannot stop a sequence early, so inputs that run out start again: a repeat writes
 * nothing (an accepted offer stays accepted, a paid bill is refused), which the rows written show.
 */
async function loadAction(
  base: string,
  action: { id: string; page: string },
  seconds: number,
  connections: number,
  next: () => { input: unknown; cookie: string },
): Promise<Omit<ActionLoad, "action" | "wrote">> {
  const result = await autocannon({
    url: `${base}${action.page}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const item = next();
          return {
            ...request,
            body: JSON.stringify([item.input]),
            headers: { ...request.headers, cookie: item.cookie, origin: base, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
          };
        },
      },
    ],
  });
  return { sent: result.requests.total, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/** The resident memory of the server process under `pid` (run.mjs execs server.mjs as its child). */
function serverRss(pid: number): number {
  const child = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  const status = fs.readFileSync(`/proc/${child || pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchLoad(options: Options) {
  const started = performance.now();
  const databaseUrl = await copyOfSizeDatabase(options);
  const handle = openDatabase(databaseUrl);
  // Enough offers for the accept phase at a generous rate, made before the clock starts.
  const accepts = Math.min(6000, Math.max(300, options.seconds * 250));
  let prepared: Prepared;
  try {
    prepared = await prepare(handle.db, options, accepts);
  } finally {
    await handle.close();
  }
  console.log(`\nload bench · ${builtDialect} · copy of the size database + ${options.due.toLocaleString("en-US")} agreements due this month, ${prepared.offersToAccept.length} offers to accept, ${prepared.bills.length} open bills of ${PAYERS} payers (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = serve(port, databaseUrl, { PORTAL_BENCH: "1", ...(options.heap ? { NODE_OPTIONS: `--max-old-space-size=${options.heap}` } : {}) });
  const actions: ActionLoad[] = [];
  const windows: { second: number; rps: number; p50: number; p99: number; errors: number; rssMb: number; billing: boolean }[] = [];
  let run: { seconds: number; output: string } | null = null;
  const rss = { start: 0, end: 0 };
  try {
    await waitHealthy(base);
    const ids = actionIds(`.next-bench-${builtDialect}`);
    const cookie = new Map<string, string>();
    const cookieOf = async (email: string) => {
      if (!cookie.has(email)) cookie.set(email, await signIn(base, email));
      return cookie.get(email)!;
    };
    for (const email of ["partner@demo.example", "customer@demo.example", "rep@demo.example", "isv@bench.example", "partner@bench.example", "customer@bench.example"]) await cookieOf(email);
    for (const b of prepared.bills) await cookieOf(b.email);
    const counts = async () => {
      const h = openDatabase(databaseUrl);
      try {
        const [drafts] = await h.db.select({ n: countAll() }).from(privateOffers).where(and(eq(privateOffers.partnerAccountId, DEMO_ACCOUNTS.partner.id), eq(privateOffers.status, "draft")));
        const [agreed] = await h.db.select({ n: countAll() }).from(agreements).where(eq(agreements.customerAccountId, DEMO_ACCOUNTS.customer.id));
        const [paid] = await h.db.select({ n: countAll() }).from(payments);
        return { drafts: drafts!.n, agreements: agreed!.n, payments: paid!.n };
      } finally {
        await h.close();
      }
    };

    // 1. Actions.
    const phases: { action: string; name: string; wrote: (a: Awaited<ReturnType<typeof counts>>, b: Awaited<ReturnType<typeof counts>>) => number; next: () => { input: unknown; cookie: string } }[] = [
      {
        action: "save offer draft (partner)",
        name: "saveOfferDraftAction",
        wrote: (a, b) => b.drafts - a.drafts,
        next: () => ({ input: prepared.saveInput, cookie: cookie.get("partner@demo.example")! }),
      },
      {
        action: "accept offer (customer)",
        name: "acceptOfferAction",
        wrote: (a, b) => b.agreements - a.agreements,
        next: (() => {
          let i = 0;
          return () => ({ input: { offerId: prepared.offersToAccept[i++ % prepared.offersToAccept.length], acceptTerms: true }, cookie: cookie.get("customer@demo.example")! });
        })(),
      },
      {
        action: `pay bill (${PAYERS} customers)`,
        name: "payBillAction",
        wrote: (a, b) => b.payments - a.payments,
        next: (() => {
          let i = 0;
          return () => {
            const bill = prepared.bills[i++ % prepared.bills.length]!;
            return { input: { billId: bill.billId, idempotencyKey: newId("pay").replace(/^pay_/, "bench_key_") }, cookie: cookie.get(bill.email)! };
          };
        })(),
      },
    ];
    for (const phase of phases) {
      const action = ids.get(phase.name);
      if (!action) throw new Error(`no server action named ${phase.name} in the build`);
      const before = await counts();
      const result = await loadAction(base, action, options.seconds, options.connections, phase.next);
      const wrote = phase.wrote(before, await counts());
      actions.push({ action: phase.action, ...result, wrote });
      console.log(`${phase.action.padEnd(32)} ${String(result.rps).padStart(5)} actions/s  p50 ${String(result.p50).padStart(5)}  p99 ${String(result.p99).padStart(6)} ms  sent ${result.sent}, wrote ${wrote}, ${result.non2xx} non-2xx, ${result.errors} errors`);
    }

    // 2. The soak: mixed pages of every role, a billing run inside.
    const serverPid = server.pid!;
    const pages: { path: string; email: string }[] = [
      ...["/vendor", "/vendor/reports", "/vendor/channel", "/vendor/money", "/vendor/products"].map((p) => ({ path: p, email: "isv@bench.example" })),
      ...["/partner", "/partner/offers", "/partner/sales", "/partner/reports", "/partner/money"].map((p) => ({ path: p, email: "partner@bench.example" })),
      ...["/buyer", "/buyer/bills", "/buyer/subscriptions", "/buyer/spend"].map((p) => ({ path: p, email: "customer@bench.example" })),
      ...["/marketplace", "/marketplace/bills", "/marketplace/reports", "/marketplace/disbursements", "/marketplace/billing"].map((p) => ({ path: p, email: "rep@demo.example" })),
    ];
    rss.start = serverRss(serverPid);
    const latencies: number[][] = [];
    const errorsIn: number[] = [];
    const rssIn: number[] = [];
    const soakStart = performance.now();
    const windowOf = () => Math.floor((performance.now() - soakStart) / 30_000);
    const billingWindows = new Set<number>();
    let page = 0;
    const sampler = setInterval(() => (rssIn[windowOf()] = Math.max(rssIn[windowOf()] ?? 0, serverRss(serverPid))), 5_000);
    const billingAt = setTimeout(() => {
      billingWindows.add(windowOf());
      const marker = setInterval(() => billingWindows.add(windowOf()), 1_000);
      void startBillingRun(databaseUrl, periodOfDate(new Date())).finished.then(({ output, seconds }) => {
        clearInterval(marker);
        run = { seconds, output: output.trim().split("\n").slice(-2).join(" ").replace(/\.+$/, "") };
      });
    }, Math.min(60_000, (options.soak * 1000) / 5));
    const instance = autocannon({
      url: base,
      connections: options.connections,
      duration: options.soak,
      requests: [
        {
          setupRequest: (request) => {
            const next = pages[page++ % pages.length]!;
            return { ...request, method: "GET", path: next.path, headers: { ...request.headers, cookie: cookie.get(next.email)! } };
          },
        },
      ],
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      const w = windowOf();
      (latencies[w] ??= []).push(responseTime);
      if (statusCode < 200 || statusCode >= 300) errorsIn[w] = (errorsIn[w] ?? 0) + 1;
    });
    instance.on("reqError", () => (errorsIn[windowOf()] = (errorsIn[windowOf()] ?? 0) + 1));
    await instance;
    clearInterval(sampler);
    clearTimeout(billingAt);
    rss.end = serverRss(serverPid);
    // Wait for the billing run to finish (it may outlast the soak).
    const deadline = Date.now() + 600_000;
    while (!run && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    for (let w = 0; w < latencies.length; w++) {
      const sorted = [...(latencies[w] ?? [])].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      const span = Math.min(30, options.soak - w * 30);
      if (span <= 0) continue; // the last responses, in after the soak's end
      windows.push({ second: w * 30, rps: Math.round(sorted.length / Math.max(1, span)), p50: Math.round(at(0.5)), p99: Math.round(at(0.99)), errors: errorsIn[w] ?? 0, rssMb: Math.round(rssIn[w] ?? 0), billing: billingWindows.has(w) });
    }
  } finally {
    stop(server);
  }
  report(options, actions, windows, rss, run);
}

function report(
  options: Options,
  actions: ActionLoad[],
  windows: { second: number; rps: number; p50: number; p99: number; errors: number; rssMb: number; billing: boolean }[],
  rss: { start: number; end: number },
  run: { seconds: number; output: string } | null,
) {
  const md: string[] = [];
  md.push(`# Writes under load and a soak · ${builtDialect} · node ${process.version} · ${new Date().toISOString()}\n`);
  md.push(`On a copy of the 1,000,000-line marketplace (${options.agreements} agreements × ${options.months} months) with ${options.due.toLocaleString("en-US")} more agreements starting this month. Production build on loopback, ${options.connections} connections${options.heap ? `, the server's heap limited to ${options.heap} MB (--max-old-space-size)` : ", Node's default heap limit"}.\n`);
  md.push(`## Server actions, ${options.seconds} s each, over HTTP as the browser sends them\n`);
  md.push(`| action | actions/s | p50 ms | p99 ms | requests | rows written | non-2xx | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const a of actions) md.push(`| ${a.action} | ${a.rps} | ${a.p50} | ${a.p99} | ${a.sent} | ${a.wrote} | ${a.non2xx} | ${a.errors} |`);
  md.push(`\n## Soak: ${options.soak} s of mixed pages (all four roles), a billing run of this month inside\n`);
  md.push(`| from s | req/s | p50 ms | p99 ms | errors | server RSS MB | billing running |\n|---:|---:|---:|---:|---:|---:|---|`);
  for (const w of windows) md.push(`| ${w.second} | ${w.rps} | ${w.p50} | ${w.p99} | ${w.errors} | ${w.rssMb} | ${w.billing ? "yes" : ""} |`);
  md.push(`\nServer memory: ${rss.start.toFixed(0)} MB resident at the start of the soak, ${rss.end.toFixed(0)} MB at the end. Billing run: ${run ? `${run.seconds.toFixed(1)} s — ${run.output}` : "did not finish"}.`);
  const text = md.join("\n");
  console.log(`\n${text}`);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `load-${builtDialect}.md`), `${text}\n`);
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${builtDialect}-load.json`);
  fs.writeFileSync(file, JSON.stringify({ dialect: builtDialect, node: process.version, options, actions, windows, rss, run }, null, 2));
  console.log(`written to ${path.relative(root, file)}`);
}
