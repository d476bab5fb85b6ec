// `npm run bench -- reports [--agreements 42000] [--months 24] [--runs 40]`:
// the reports at marketplace size. Builds a skewed marketplace through the bulk
// path (a few big vendors and partners), bills every month through the real
// billing run (so the rollups and ledger totals are kept exactly as in
// production), pays the first month, pays out, then times each report's reads as
// its page makes them, p50/p95 over --runs, beside a hand-written aggregate
// over the same rows on a covering index made for it, measured in the same
// run. Also streams the busiest vendor's CSV and reports rows/s and heap.
// Figures, not pass/fail.
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { builtDialect } from "@/db";
import { chargeRollups, charges, consolidatedBills, ledgerTotals } from "@/db/schema";
import { runDisbursements } from "@/lib/billing/disburse";
import { unmarkedPastDue } from "@/lib/billing/overdue";
import { periodEnd, periodFromIndex, periodIndex } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { setClock } from "@/lib/clock";
import { markOverdueBills } from "@/lib/jobs/sweep";
import { csvResponse } from "@/lib/reports/csv";
import { lineColumns, lineCsvChunks } from "@/lib/reports/export";
import { EMPTY_FILTER, type ReportFilter } from "@/lib/reports/filters";
import { channelEffectiveness, customerSpend, filterChoices, marketplaceOverview, reportByMonth, reportByProduct, reportLines, reportLinesQuery, type ReportViewer } from "@/lib/reports/queries";
import { LINES_TABLE, lineCursor } from "@/lib/reports/table";
import { parseTableParams } from "@/lib/tables/parse";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { createTestDatabase, execRaw, explain } from "@/db/testing/database";
import { payBills } from "@/db/testing/money";

const FIRST = "2024-11";

/** A deterministic skew: index i maps to 0..n-1 with the low numbers far more often (≈ r²). */
function skewed(i: number, n: number, salt: number) {
  const r = (((i + salt) * 2654435761) >>> 0) / 2 ** 32;
  return Math.min(n - 1, Math.floor(n * r * r));
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>) {
  await work(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export async function benchReports(options: { agreements: number; months: number; runs: number }) {
  if (process.env.DATABASE_URL?.startsWith("postgres")) process.env.TEST_PG_URL ??= process.env.DATABASE_URL;
  const test = await createTestDatabase();
  const db = test.handle.db;
  const out: string[] = [];
  const say = (line: string) => {
    console.log(line);
    out.push(line);
  };
  say(`# Reports at size · ${builtDialect} · node ${process.version} · ${new Date().toISOString()}\n`);
  try {
    const last = periodFromIndex(periodIndex(FIRST) + options.months - 1);
    // The bench's "now" is the end of its last month: nothing is billed in the future.
    setClock(new Date(periodEnd(last).getTime() + 3_600_000));
    let started = performance.now();
    await createBulkMarketplace(db, {
      vendors: 20,
      partners: 40,
      customers: Math.max(100, Math.round(options.agreements / 2)),
      agreements: options.agreements,
      startsAt: () => new Date(`${FIRST}-01T00:00:00Z`),
      durationMonths: () => options.months,
      vendorOf: (i) => skewed(i, 20, 7),
      partnerOf: (i) => skewed(i, 40, 13),
    });
    const made = (performance.now() - started) / 1000;
    started = performance.now();
    let lines = 0;
    for (let m = 0; m < options.months; m++) {
      const period = periodFromIndex(periodIndex(FIRST) + m);
      const summary = await runBilling(db, period, { at: new Date(periodEnd(period).getTime() - 1), yieldRatio: 0, chunkSize: 2000 });
      lines += summary.chargesCreated;
      process.stdout.write(`\rbilled ${period}: ${lines.toLocaleString("en-US")} charge lines`);
    }
    process.stdout.write("\n");
    const billed = (performance.now() - started) / 1000;
    started = performance.now();
    // The first month paid and paid out: every payout status is present.
    await payBills(db, { at: periodEnd(periodFromIndex(periodIndex(FIRST) + 2)), which: (b) => b.period === FIRST });
    await runDisbursements(db, { at: periodEnd(periodFromIndex(periodIndex(FIRST) + 2)), yieldRatio: 0 });
    const paid = (performance.now() - started) / 1000;
    // The sweep, as the scheduler runs it, marks every bill past due (all but the first month's):
    // the overview's overdue figure is then kept, not read from the bills.
    started = performance.now();
    const overdueMarked = await markOverdueBills(db);
    const swept = (performance.now() - started) / 1000;
    say(`Data: ${lines.toLocaleString("en-US")} charge lines, ${options.agreements.toLocaleString("en-US")} agreements, 20 vendors, 40 partners, ${options.months} months.`);
    say(`Generation: marketplace ${made.toFixed(1)} s, billing ${billed.toFixed(1)} s (${Math.round(lines / billed)} lines/s), payments and payouts of the first month ${paid.toFixed(1)} s, the sweep marking ${overdueMarked.toLocaleString("en-US")} bills overdue ${swept.toFixed(1)} s.\n`);

    // The busiest tenants.
    const [bigIsv] = await db.select({ id: charges.isvAccountId, n: sql<number>`count(*)`.mapWith(Number) }).from(charges).groupBy(charges.isvAccountId).orderBy(sql`count(*) desc`).limit(1);
    const [bigPartner] = await db.select({ id: charges.partnerAccountId, n: sql<number>`count(*)`.mapWith(Number) }).from(charges).groupBy(charges.partnerAccountId).orderBy(sql`count(*) desc`).limit(1);
    // The vendor's own busiest partner, for the partner filter.
    const [itsPartner] = await db
      .select({ id: charges.partnerAccountId })
      .from(charges)
      .where(eq(charges.isvAccountId, bigIsv!.id))
      .groupBy(charges.partnerAccountId)
      .orderBy(sql`count(*) desc`)
      .limit(1);
    const [aCustomer] = await db.select({ id: consolidatedBills.customerAccountId }).from(consolidatedBills).limit(1);
    say(`Busiest vendor: ${bigIsv!.n.toLocaleString("en-US")} lines; busiest partner: ${bigPartner!.n.toLocaleString("en-US")} lines.\n`);
    const isv: ReportViewer = { role: "isv", accountId: bigIsv!.id };
    const partner: ReportViewer = { role: "partner", accountId: bigPartner!.id };
    const rep: ReportViewer = { role: "rep" };
    const sixMonths: ReportFilter = { ...EMPTY_FILTER, from: periodFromIndex(periodIndex(last) - 5), to: last };
    const page1 = parseTableParams(LINES_TABLE, {});
    const deep = parseTableParams(LINES_TABLE, { page: "40", size: "100" });
    const oldest = parseTableParams(LINES_TABLE, { dir: "asc" });
    // Page 40 as the table's Next reaches it: from the last line of page 39.
    const page39 = await reportLines(db, isv, EMPTY_FILTER, parseTableParams(LINES_TABLE, { page: "39", size: "100" }));
    const deepByNext = parseTableParams(LINES_TABLE, { page: "40", size: "100", after: lineCursor(page39.rows[page39.rows.length - 1]!) });
    const reportPage = (viewer: ReportViewer, filter: ReportFilter, params = page1) =>
      Promise.all([reportLines(db, viewer, filter, params), reportByMonth(db, viewer, filter), reportByProduct(db, viewer, filter), filterChoices(db, viewer)]);

    // The anchor: a hand-written aggregate over the busiest vendor's rows, on a covering index made for it.
    await execRaw(test.url, ["create index bench_isv_cover on charges (isv_account_id, period, wholesale_cents, fee_cents, isv_share_cents)", "analyze"]);
    const anchor = await time(options.runs, () =>
      db
        .select({ period: charges.period, w: sql`sum(${charges.wholesaleCents})`, f: sql`sum(${charges.feeCents})`, n: sql`sum(${charges.isvShareCents})` })
        .from(charges)
        .where(eq(charges.isvAccountId, bigIsv!.id))
        .groupBy(charges.period),
    );
    const cases: [string, () => Promise<unknown>][] = [
      ["vendor report, page 1 (lines, totals, charts, filter choices)", () => reportPage(isv, EMPTY_FILTER)],
      ["vendor report, last 6 months", () => reportPage(isv, sixMonths)],
      ["vendor report, its busiest partner", () => reportPage(isv, { ...EMPTY_FILTER, partnerId: itsPartner!.id })],
      ["vendor report, the marketplace's busiest partner", () => reportPage(isv, { ...EMPTY_FILTER, partnerId: bigPartner!.id })],
      ["vendor report, page 40 of 100 rows, by Next (keyset)", () => reportPage(isv, EMPTY_FILTER, deepByNext)],
      ["vendor report, page 40 of 100 rows, typed into the URL (OFFSET)", () => reportPage(isv, EMPTY_FILTER, deep)],
      ["vendor report, oldest first", () => reportPage(isv, EMPTY_FILTER, oldest)],
      ["vendor channel effectiveness + chart", () => Promise.all([channelEffectiveness(db, bigIsv!.id, EMPTY_FILTER), reportByMonth(db, isv, EMPTY_FILTER)])],
      ["partner report, page 1", () => reportPage(partner, EMPTY_FILTER)],
      ["partner report, last 6 months", () => reportPage(partner, sixMonths)],
      ["rep charge lines, page 1", () => reportPage(rep, EMPTY_FILTER)],
      ["rep charge lines, one month", () => reportPage(rep, { ...EMPTY_FILTER, from: last, to: last })],
      ["marketplace overview", () => marketplaceOverview(db, EMPTY_FILTER)],
      ["customer spend", () => customerSpend(db, aCustomer!.id, EMPTY_FILTER)],
      // The trial balance page reads these rows (lib/billing/queries.ts is server-only, so not imported here).
      ["trial balance", () => db.select().from(ledgerTotals).orderBy(ledgerTotals.currency, ledgerTotals.ledgerAccount)],
    ];
    say(`| reads | p50 ms | p95 ms | p95 ÷ anchor |`);
    say(`|---|---:|---:|---:|`);
    say(`| anchor: hand-written aggregate, busiest vendor's rows by month, covering index | ${anchor.p50.toFixed(1)} | ${anchor.p95.toFixed(1)} | 1.0 |`);
    for (const [label, work] of cases) {
      const t = await time(options.runs, work);
      say(`| ${label} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${(t.p95 / anchor.p95).toFixed(2)} |`);
    }

    // How the databases read a page of lines, at this size.
    for (const [label, viewer, filter, params] of [
      ["vendor, page 1", isv, EMPTY_FILTER, page1],
      ["vendor, its busiest partner", isv, { ...EMPTY_FILTER, partnerId: itsPartner!.id }, page1],
      ["partner, last 6 months", partner, sixMonths, page1],
      ["rep, page 1", rep, EMPTY_FILTER, page1],
      ["vendor, page 40 by Next", isv, EMPTY_FILTER, deepByNext],
    ] as const) {
      const plan = await explain(test.url, reportLinesQuery(db, viewer, filter, params).toSQL());
      say(`\nPlan of the ${label} lines query:\n\n\`\`\`\n${plan}\n\`\`\``);
    }
    const unmarked = db.select({ n: sql`count(*)` }).from(consolidatedBills).where(and(unmarkedPastDue(new Date()), eq(consolidatedBills.currency, "USD")));
    say(`\nPlan of the overview's overdue bills no sweep has marked yet:\n\n\`\`\`\n${await explain(test.url, unmarked.toSQL())}\n\`\`\``);

    // The busiest vendor's whole CSV, streamed.
    const heap0 = process.memoryUsage().heapUsed;
    let peak = heap0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    started = performance.now();
    const response = csvResponse("bench.csv", lineColumns("isv").map((c) => c.header), lineCsvChunks(db, isv, EMPTY_FILTER));
    const reader = response.body!.getReader();
    let bytes = 0;
    let rows = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) rows++;
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    say(`\nCSV of the busiest vendor: ${(rows - 1).toLocaleString("en-US")} lines, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round((rows - 1) / seconds)} lines/s); heap peak +${((peak - heap0) / 1e6).toFixed(0)} MB.`);
    const [rollupRows] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(chargeRollups).where(and(eq(chargeRollups.isvAccountId, bigIsv!.id)));
    say(`Rollup rows of the busiest vendor: ${rollupRows!.n.toLocaleString("en-US")} (for ${bigIsv!.n.toLocaleString("en-US")} lines).`);
    const dir = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `reports-${builtDialect}.md`), `${out.join("\n")}\n`);
    console.log(`\nwritten to bench/results/reports-${builtDialect}.md`);
  } finally {
    setClock(null);
    await test.drop();
  }
}
