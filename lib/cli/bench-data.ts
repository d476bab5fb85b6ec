// The marketplace the size benchmarks measure: vendors, partners and customers
// through the bulk path, skewed like real channels (a few big vendors and
// partners), every month billed through the real billing run (so the ledger and
// every figure kept as data are exactly as in production), the first month paid
// and paid out, and the sweep run as the scheduler runs it.
import type { DatabaseHandle, Db } from "@/db";
import { bootstrap } from "@/db/bootstrap";
import { runDisbursements } from "@/lib/billing/disburse";
import { periodEnd, periodFromIndex, periodIndex } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { now, setClock } from "@/lib/clock";
import { markOverdueBills } from "@/lib/jobs/sweep";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { payBills } from "@/db/testing/money";

/** A deterministic skew: index i maps to 0..n-1 with the low numbers far more often (≈ r²). */
export function skewed(i: number, n: number, salt: number) {
  const r = (((i + salt) * 2654435761) >>> 0) / 2 ** 32;
  return Math.min(n - 1, Math.floor(n * r * r));
}

export interface MarketplaceSize {
  agreements: number;
  months: number;
  vendors?: number;
  partners?: number;
}

/** The first billed month: `months` months back from the month before `at`. */
export function firstPeriod(months: number, at: Date = now()): string {
  const current = periodIndex(`${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`);
  return periodFromIndex(current - months);
}

export async function generateMarketplace(db: Db, size: MarketplaceSize, at: Date = now()) {
  const vendors = size.vendors ?? 20;
  const partners = size.partners ?? 40;
  const first = firstPeriod(size.months, at);
  const last = periodFromIndex(periodIndex(first) + size.months - 1);
  let started = performance.now();
  await createBulkMarketplace(db, {
    vendors,
    partners,
    customers: Math.max(100, Math.round(size.agreements / 2)),
    agreements: size.agreements,
    startsAt: () => new Date(`${first}-01T00:00:00Z`),
    durationMonths: () => size.months,
    vendorOf: (i) => skewed(i, vendors, 7),
    partnerOf: (i) => skewed(i, partners, 13),
  });
  const made = (performance.now() - started) / 1000;
  started = performance.now();
  let lines = 0;
  for (let m = 0; m < size.months; m++) {
    const period = periodFromIndex(periodIndex(first) + m);
    const summary = await runBilling(db, period, { at: new Date(periodEnd(period).getTime() - 1), yieldRatio: 0, chunkSize: 2000 });
    lines += summary.chargesCreated;
    process.stdout.write(`\rbilled ${period}: ${lines.toLocaleString("en-US")} charge lines`);
  }
  process.stdout.write("\n");
  const billed = (performance.now() - started) / 1000;
  started = performance.now();
  // The first month paid and paid out: every payout status is present.
  const paidAt = periodEnd(periodFromIndex(periodIndex(first) + 2));
  await payBills(db, { at: paidAt, which: (b) => b.period === first });
  await runDisbursements(db, { at: paidAt, yieldRatio: 0 });
  const paid = (performance.now() - started) / 1000;
  // The sweep, as the scheduler runs it, marks every bill past due: overdue figures are then kept.
  started = performance.now();
  const overdueMarked = await markOverdueBills(db, at);
  const swept = (performance.now() - started) / 1000;
  return { first, last, lines, vendors, partners, seconds: { made, billed, paid, swept }, overdueMarked };
}

export function describeGeneration(g: Awaited<ReturnType<typeof generateMarketplace>>) {
  const s = g.seconds;
  return `Generation: marketplace ${s.made.toFixed(1)} s, billing ${s.billed.toFixed(1)} s (${Math.round(g.lines / s.billed)} lines/s), payments and payouts of the first month ${s.paid.toFixed(1)} s, the sweep marking ${g.overdueMarked.toLocaleString("en-US")} bills overdue ${s.swept.toFixed(1)} s.`;
}

/** The database both size benches use (`--reuse` keeps it between runs): named by its size. */
export function benchDatabaseName(size: MarketplaceSize): string {
  return `bench-size-${size.agreements}x${size.months}`;
}

/**
 * The demo marketplace (its users, the rep) and the generated one beside it, as of the start of this
 * month: every month before it is billed.
 */
export async function generateBenchMarketplace(handle: DatabaseHandle, size: MarketplaceSize, url?: string) {
  await bootstrap({ demo: true }, handle);
  const at = new Date();
  setClock(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1, 1)));
  try {
    const generated = await generateMarketplace(handle.db, size);
    // PostgreSQL plans by its statistics: gather them (and the visibility map index-only scans need),
    // as autovacuum would on a database that has been live for a while, so the figures are its steady state.
    if (url && handle.dialect === ("pg" as string)) await vacuumAnalyze(url);
    return generated;
  } finally {
    setClock(null);
  }
}

async function vacuumAnalyze(url: string) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("vacuum analyze");
  } finally {
    await client.end();
  }
}
