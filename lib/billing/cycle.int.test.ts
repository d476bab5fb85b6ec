// The money cycle where time, concurrency and failure meet, on a real database:
// a payment between a billing chunk's read and its write (both orders, and the
// held-lock repro on PostgreSQL), late charges on supplementary bills, payouts
// killed mid-way, and generated histories of the whole cycle over 24 months.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { consolidatedBills, disbursements, jobRuns, pendingShares } from "@/db/schema";
import { SYSTEM } from "@/lib/audit";
import { runDisbursements } from "@/lib/billing/disburse";
import { recordPayment } from "@/lib/billing/payments";
import { periodFromIndex, periodIndex, periodOfDate, periodStart } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { SimulatedDeath } from "@/lib/jobs/lease";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { addFixtureAgreement, createBillingFixture, expectedCharges, type BillingFixture } from "@/db/testing/billing-fixture";
import { marketplaceCash, moneyViolations, payBills } from "@/db/testing/money";

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});
async function fresh() {
  const t = await createTestDatabase();
  dbs.push(t);
  return t;
}

const PERIOD = "2026-09";
const AT = new Date("2026-09-20T12:00:00Z");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One customer with two monthly agreements due in PERIOD, billed one per chunk. */
async function twoAgreementsOneCustomer(db: Db) {
  const fixture = await createBillingFixture(db, { customers: 1, period: "2020-01" });
  const customer = fixture.customers[0]!;
  const startsAt = new Date("2026-08-03T00:00:00Z");
  for (const partnerIndex of [0, 1]) {
    await addFixtureAgreement(db, fixture, { customerAccountId: customer, partnerIndex, billing: "monthly", durationMonths: 6, startsAt, quantity: 3 + partnerIndex, unitPriceCents: 12_345, markupBps: 1250 });
  }
  return { fixture, customer };
}

const pay = (db: Db, billId: string, at = AT) =>
  recordPayment(db, SYSTEM, { billId, idempotencyKey: `pay-${billId}`, method: "bank_transfer", reference: "WIRE-1", customerAccountId: null, userId: null }, at);

async function billsOf(db: Db, customer: string) {
  return (await db.select().from(consolidatedBills).where(eq(consolidatedBills.customerAccountId, customer))).filter((b) => b.period === PERIOD).sort((a, b) => a.sequence - b.sequence);
}

describe(`bills close atomically on ${dialect}`, () => {
  it("a payment committed between a chunk's read and its write: the late charge goes on a supplementary bill, the paid bill's total stays its payment", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { fixture, customer } = await twoAgreementsOneCustomer(db);
    let chunk = 0;
    const summary = await runBilling(db, PERIOD, {
      at: AT,
      chunkSize: 1,
      hooks: {
        beforeChunk: async () => {
          // Between the second chunk's read of its agreements and its write, the customer pays the bill the first chunk made.
          if (++chunk === 2) {
            const [bill] = await billsOf(db, customer);
            await pay(db, bill!.id);
          }
        },
      },
    });
    const [first, supplementary] = await billsOf(db, customer);
    const expected = [...expectedCharges(fixture, PERIOD).values()].filter((c) => c.customerAccountId === customer);
    expect(first).toMatchObject({ status: "paid", sequence: 0, lineCount: 1 });
    expect(supplementary).toMatchObject({ status: "issued", sequence: 1, lineCount: 1, number: `B-202609-${customer}-2` });
    expect(first!.totalCents + supplementary!.totalCents).toBe(expected.reduce((s, c) => s + c.customerCents, 0));
    expect(summary).toMatchObject({ chargesCreated: 2, supplementaryBills: 1, chargesOnSupplementary: 1 });
    // Disbursement pays only what was collected: the first bill's shares, not the supplementary's.
    await runDisbursements(db, { at: AT });
    const paidOut = (await db.select().from(disbursements)).reduce((s, d) => s + d.amountCents, 0);
    expect(paidOut).toBe(first!.totalCents - (await feesOf(db, first!.id)));
    expect(await moneyViolations(db)).toEqual([]);
    // Re-running adds nothing, and the customer pays the supplementary bill like any other.
    expect((await runBilling(db, PERIOD, { at: AT })).chargesCreated).toBe(0);
    await pay(db, supplementary!.id);
    await runDisbursements(db, { at: AT });
    expect(await moneyViolations(db)).toEqual([]);
    const cash = await marketplaceCash(db);
    expect(cash.cashCents).toBe(cash.feesOnPaidBillsCents);
  });

  it("a payment that arrives while a chunk holds the bill pays the total with the chunk's charges", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { customer } = await twoAgreementsOneCustomer(db);
    let payment: Promise<unknown> | null = null;
    let chunk = 0;
    await runBilling(db, PERIOD, {
      at: AT,
      chunkSize: 1,
      hooks: {
        afterLock: async (billIds) => {
          // The second chunk holds the customer's bills; the payment must wait for it, then pay both charges.
          if (++chunk === 2) {
            payment = pay(db, billIds[0]!);
            await sleep(100);
          }
        },
      },
    });
    await payment;
    const bills = await billsOf(db, customer);
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ status: "paid", lineCount: 2 });
    expect(await moneyViolations(db)).toEqual([]);
  });

  // PostgreSQL only: the repro holds a row lock from another session, which SQLite's single writer has no equivalent of.
  if (dialect === "pg") it("holds under the issue's repro: a bill row locked in another session, paid, while a chunk waits", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 1, period: "2020-01" });
    const customer = fixture.customers[0]!;
    const spec = { customerAccountId: customer, partnerIndex: 0, billing: "monthly" as const, durationMonths: 6, startsAt: new Date("2026-08-03T00:00:00Z"), quantity: 2, unitPriceCents: 12_345, markupBps: 1250 };
    await addFixtureAgreement(db, fixture, spec);
    await runBilling(db, PERIOD, { at: AT });
    const [bill] = await billsOf(db, customer);
    // A second agreement comes due for the same customer and period after the bill was issued.
    await addFixtureAgreement(db, fixture, { ...spec, partnerIndex: 1, quantity: 5 });
    const held = new Client({ connectionString: t.url });
    await held.connect();
    await held.query("begin");
    await held.query("select * from consolidated_bills where id = $1 for update", [bill!.id]);
    const payment = pay(db, bill!.id);
    await sleep(150);
    const billing = runBilling(db, PERIOD, { at: AT });
    await sleep(150);
    await held.query("commit");
    await held.end();
    await Promise.all([payment, billing]);
    const [first, supplementary] = await billsOf(db, customer);
    // The payment won the lock: it paid the one charge; the late charge went on a supplementary bill.
    expect(first).toMatchObject({ status: "paid", lineCount: 1, totalCents: bill!.totalCents });
    expect(supplementary).toMatchObject({ status: "issued", sequence: 1, lineCount: 1 });
    expect(await moneyViolations(db)).toEqual([]);
  });
});

async function feesOf(db: Db, billId: string) {
  const { charges } = await import("@/db/schema");
  const rows = await db.select().from(charges).where(eq(charges.billId, billId));
  return rows.reduce((s, c) => s + c.feeCents, 0);
}

describe(`payouts in bounded chunks on ${dialect}`, () => {
  it("a payout killed between chunks stays in progress, and the next run finishes it: money equal to a clean run", async () => {
    const t = await fresh();
    const db = t.handle.db;
    await createBillingFixture(db, { customers: 300, period: PERIOD });
    await runBilling(db, PERIOD, { at: AT });
    await payBills(db, { at: AT });
    const waiting = (await db.select().from(pendingShares)).reduce((sum, p) => sum + p.amountCents, 0);
    // The first seller in the run's order has N shares: two chunks of N/3 leave its payout part-written, then the process dies.
    const pending = await db.select().from(pendingShares);
    const first = pending.map((p) => p.sellerAccountId).sort()[0]!;
    const shares = pending.filter((p) => p.sellerAccountId === first).length;
    expect(shares).toBeGreaterThanOrEqual(3);
    const chunkSize = Math.floor(shares / 3);
    await expect(runDisbursements(db, { at: AT, chunkSize, stopAfterChunks: 2, leaseMs: 0 })).rejects.toBeInstanceOf(SimulatedDeath);
    const inProgress = await db.select().from(disbursements).where(eq(disbursements.status, "in_progress"));
    expect(inProgress).toHaveLength(1);
    expect(inProgress[0]!.lineCount).toBeGreaterThan(0);
    expect(await moneyViolations(db)).toEqual([]);
    expect(inProgress[0]).toMatchObject({ sellerAccountId: first, lineCount: 2 * chunkSize });
    const resumed = await runDisbursements(db, { at: AT, chunkSize });
    expect(resumed.takeovers).toBe(1);
    const payouts = await db.select().from(disbursements);
    expect(payouts.every((d) => d.status === "completed")).toBe(true);
    expect(payouts.reduce((s, d) => s + d.amountCents, 0)).toBe(waiting);
    // One payout per seller: the resumed one was finished, not replaced.
    expect(new Set(payouts.map((d) => d.sellerAccountId)).size).toBe(payouts.length);
    expect(await db.select().from(pendingShares)).toHaveLength(0);
    expect(await moneyViolations(db)).toEqual([]);
    expect((await db.select().from(jobRuns).where(eq(jobRuns.kind, "disbursement")))[0]).toMatchObject({ status: "completed", takeovers: 1 });
  });
});

// ── Generated histories of the whole cycle ───────────────────────────────────

type Op =
  | { kind: "advance"; days: number }
  | { kind: "accept"; customer: number; partner: number; billing: "upfront" | "monthly"; months: number; quantity: number; markupBps: number }
  | { kind: "bill"; back: number; chunk: number; killAfter: number | null; payDuring: boolean }
  | { kind: "pay"; pick: number }
  | { kind: "disburse"; chunk: number; killAfter: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 45 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("accept" as const),
      customer: fc.nat(5),
      partner: fc.nat(1),
      billing: fc.constantFrom("upfront" as const, "monthly" as const),
      months: fc.integer({ min: 1, max: 14 }),
      quantity: fc.integer({ min: 1, max: 40 }),
      markupBps: fc.constantFrom(0, 625, 1250, 3000),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("bill" as const), back: fc.nat(2), chunk: fc.integer({ min: 1, max: 4 }), killAfter: fc.option(fc.integer({ min: 1, max: 3 })), payDuring: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("pay" as const), pick: fc.nat(1000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("disburse" as const), chunk: fc.integer({ min: 1, max: 5 }), killAfter: fc.option(fc.integer({ min: 1, max: 4 })) }) },
);

async function replay(db: Db, fixture: BillingFixture, ops: Op[], start: Date) {
  let at = start;
  const openBills = async () => (await db.select().from(consolidatedBills).where(eq(consolidatedBills.status, "issued"))).filter((b) => b.totalCents > 0).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const op of ops) {
    if (op.kind === "advance") at = new Date(at.getTime() + op.days * 86_400_000);
    else if (op.kind === "accept") {
      await addFixtureAgreement(db, fixture, {
        customerAccountId: fixture.customers[op.customer % fixture.customers.length]!,
        partnerIndex: op.partner,
        billing: op.billing,
        durationMonths: op.months,
        startsAt: at,
        quantity: op.quantity,
        unitPriceCents: 2_499,
        markupBps: op.markupBps,
      });
    } else if (op.kind === "bill") {
      const period = periodFromIndex(periodIndex(periodOfDate(at)) - op.back);
      let paidDuring = false;
      await runBilling(db, period, {
        at,
        chunkSize: op.chunk,
        leaseMs: 0,
        stopAfterChunks: op.killAfter ?? undefined,
        hooks: op.payDuring
          ? {
              beforeChunk: async () => {
                const open = await openBills();
                if (!paidDuring && open.length) {
                  paidDuring = true;
                  await recordPayment(db, SYSTEM, { billId: open[0]!.id, idempotencyKey: `p-${open[0]!.id}`, method: "bank_transfer", reference: "PROP", customerAccountId: null, userId: null }, at);
                }
              },
            }
          : undefined,
      }).catch((error: unknown) => {
        if (!(error instanceof SimulatedDeath)) throw error;
      });
    } else if (op.kind === "pay") {
      const open = await openBills();
      if (open.length) {
        const bill = open[op.pick % open.length]!;
        await recordPayment(db, SYSTEM, { billId: bill.id, idempotencyKey: `p-${bill.id}`, method: "bank_transfer", reference: "PROP", customerAccountId: null, userId: null }, at);
      }
    } else {
      await runDisbursements(db, { at, chunkSize: op.chunk, leaseMs: 0, stopAfterChunks: op.killAfter ?? undefined }).catch((error: unknown) => {
        if (!(error instanceof SimulatedDeath)) throw error;
      });
    }
  }
  return at;
}

describe(`the whole cycle under generated histories on ${dialect}`, () => {
  const runs = Number(process.env.CYCLE_PROPERTY_RUNS ?? (dialect === "pg" ? 8 : 12));
  it(`keeps every invariant over ${runs} random 24-month histories with kills, late payments and clock moves`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 25, maxLength: 60 }), async (ops) => {
        const t = await createTestDatabase();
        try {
          const db = t.handle.db;
          const start = new Date("2025-01-05T09:00:00Z");
          const fixture = await createBillingFixture(db, { customers: 6, period: "2025-01" });
          let at = await replay(db, fixture, ops, start);
          // Mid-history: whatever was killed or interleaved, nothing is inconsistent.
          expect(await moneyViolations(db)).toEqual([]);
          // Close the books: bill every period to now, in order (taking over killed runs), pay everything, pay everyone.
          at = new Date(at.getTime() + 31 * 86_400_000);
          const first = periodIndex(periodOfDate(start)) - 30;
          for (let index = first; index <= periodIndex(periodOfDate(at)); index++) {
            if (periodStart(periodFromIndex(index)) <= at) await runBilling(db, periodFromIndex(index), { at, leaseMs: 0 });
          }
          await payBills(db, { at });
          await runDisbursements(db, { at, leaseMs: 0 });
          expect(await moneyViolations(db)).toEqual([]);
          // Every agreement charged exactly once for each period it was due in, to the cent.
          const want = new Map<string, number>();
          for (let index = first; index <= periodIndex(periodOfDate(at)); index++) {
            for (const [agreementId, c] of expectedCharges(fixture, periodFromIndex(index))) want.set(`${agreementId}|${periodFromIndex(index)}`, c.customerCents);
          }
          const { charges } = await import("@/db/schema");
          const got = new Map((await db.select().from(charges)).map((c) => [`${c.agreementId}|${c.period}`, c.customerCents]));
          expect(got).toEqual(want);
          // Everything paid and paid out: the marketplace holds exactly its fees.
          expect(await db.select().from(pendingShares)).toHaveLength(0);
          const cash = await marketplaceCash(db);
          expect(cash.cashCents).toBe(cash.feesOnPaidBillsCents);
        } finally {
          await t.drop();
        }
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);
});
