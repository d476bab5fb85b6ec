// The disbursement run at a large backlog (issue 15): over 200,000 shares
// collected and waiting, paid out to completion in bounded chunks and bounded
// memory, the money equal to the sum of the same shares computed here in SQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { charges, consolidatedBills, disbursementLines, disbursements, pendingShares, sellerBalances } from "@/db/schema";
import { runDisbursements } from "@/lib/billing/disburse";
import { runBilling } from "@/lib/billing/run";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { payBills } from "@/db/testing/money";

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});

const AGREEMENTS = 116_000;
const at = new Date("2026-08-20T00:00:00Z");

it(`pays a backlog of more than 200,000 waiting shares on ${dialect} to the cent, in bounded memory`, async () => {
  const t = await createTestDatabase();
  dbs.push(t);
  const db = t.handle.db;
  const started = performance.now();
  const phase: string[] = [];
  const mark = (label: string, since: number) => phase.push(`${label} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  let since = performance.now();
  await createBulkMarketplace(db, { vendors: 2, partners: 2, customers: 1000, agreements: AGREEMENTS, startsAt: () => new Date("2026-08-05T00:00:00Z") });
  mark("marketplace", since);
  since = performance.now();
  const billing = await runBilling(db, "2026-08", { at, yieldRatio: 0, chunkSize: 2000 });
  expect(billing.chargesCreated).toBe(AGREEMENTS);
  mark("billing", since);
  since = performance.now();
  await payBills(db, { at });
  mark("payments", since);
  const [{ waiting, shares }] = (await db
    .select({ waiting: sql`sum(${pendingShares.amountCents})`.mapWith(Number), shares: sql`count(*)`.mapWith(Number) })
    .from(pendingShares)) as [{ waiting: number; shares: number }];
  expect(shares).toBeGreaterThan(200_000);
  // What each seller is owed, summed straight from the charges of the paid bills.
  const owed = new Map<string, number>();
  for (const role of ["isv", "partner"] as const) {
    const seller = role === "isv" ? charges.isvAccountId : charges.partnerAccountId;
    const share = role === "isv" ? charges.isvShareCents : charges.partnerShareCents;
    const rows = await db
      .select({ seller, cents: sql`sum(${share})`.mapWith(Number) })
      .from(charges)
      .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
      .where(eq(consolidatedBills.status, "paid"))
      .groupBy(seller);
    for (const r of rows) owed.set(r.seller, (owed.get(r.seller) ?? 0) + r.cents);
  }
  const setup = (performance.now() - started) / 1000;

  // Heap sampled during the run: the backlog never comes into memory at once.
  const heap = [process.memoryUsage().heapUsed];
  const sampler = setInterval(() => heap.push(process.memoryUsage().heapUsed), 25);
  const runStarted = performance.now();
  // A small pause between chunks lets the sampler's timer run (SQLite calls never yield on their own).
  const summary = await runDisbursements(db, { at, yieldRatio: 0.02 });
  clearInterval(sampler);
  const seconds = (performance.now() - runStarted) / 1000;
  const growthMb = (Math.max(...heap) - heap[0]!) / 1_048_576;
  console.log(
    `backlog on ${dialect}: ${shares} shares, ${summary.sellersPaid} payouts in ${seconds.toFixed(1)} s (${Math.round(shares / seconds)} shares/s); heap growth ${growthMb.toFixed(0)} MB over ${heap.length} samples; set-up ${setup.toFixed(0)} s (${phase.join(", ")})`,
  );

  expect(summary.linesPaid).toBe(shares);
  expect(summary.disbursedCents).toBe(waiting);
  const payouts = await db.select().from(disbursements);
  expect(payouts.every((d) => d.status === "completed")).toBe(true);
  expect(Object.fromEntries(payouts.map((d) => [d.sellerAccountId, d.amountCents]))).toEqual(Object.fromEntries(owed));
  const [lines] = await db.select({ n: sql`count(*)`.mapWith(Number) }).from(disbursementLines);
  expect(lines!.n).toBe(shares);
  expect(await db.select().from(pendingShares).limit(1)).toHaveLength(0);
  const balances = await db.select().from(sellerBalances);
  expect(balances.every((b) => b.pendingCents === 0 && b.pendingCount === 0 && b.paidOutCents === owed.get(b.sellerAccountId))).toBe(true);
  // Bounded: far below what 200,000 rows held at once would take.
  expect(growthMb).toBeLessThan(150);
}, 900_000);
