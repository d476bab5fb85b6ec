// Billing, payments and disbursements on a real database: exact figures,
// idempotency, two runs at once, kill -9 and resume, append-only ledger.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { charges, consolidatedBills, disbursementLines, disbursements, ledgerEntries, payments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/authorize";
import { runDisbursements } from "@/lib/billing/disburse";
import { KEY_REUSED, payBill, recordBankTransfer } from "@/lib/billing/payments";
import { runBilling } from "@/lib/billing/run";
import { startBillingRun } from "@/lib/billing/service";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { createBillingFixture, expectedCharges } from "@/db/testing/billing-fixture";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

const PERIOD = "2026-09";
const root = path.resolve(import.meta.dirname, "..", "..");
let rep: CurrentUser;
const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});

async function fresh() {
  const t = await createTestDatabase();
  dbs.push(t);
  return t;
}

async function chargesOf(db: Db, period = PERIOD) {
  return db.select().from(charges).where(eq(charges.period, period));
}

/** Charges, bills and ledger equal what one clean run must produce. */
async function expectCleanRun(db: Db, fixture: Parameters<typeof expectedCharges>[0], period = PERIOD) {
  const expected = expectedCharges(fixture, period);
  const rows = await chargesOf(db, period);
  expect(rows.length).toBe(expected.size);
  for (const row of rows) {
    const want = expected.get(row.agreementId)!;
    expect({ c: row.customerCents, w: row.wholesaleCents, f: row.feeCents, i: row.isvShareCents, p: row.partnerShareCents }).toEqual({
      c: want.customerCents,
      w: want.wholesaleCents,
      f: want.feeCents,
      i: want.isvShareCents,
      p: want.partnerShareCents,
    });
  }
  const bills = await db.select().from(consolidatedBills).where(eq(consolidatedBills.period, period));
  const perCustomer = new Map<string, number>();
  for (const c of expected.values()) perCustomer.set(c.customerAccountId, (perCustomer.get(c.customerAccountId) ?? 0) + c.customerCents);
  expect(bills.length).toBe(perCustomer.size);
  for (const bill of bills) expect(bill.totalCents).toBe(perCustomer.get(bill.customerAccountId));
  const [ledger] = await db
    .select({ debits: sql<number>`coalesce(sum(${ledgerEntries.debitCents}), 0)`.mapWith(Number), credits: sql<number>`coalesce(sum(${ledgerEntries.creditCents}), 0)`.mapWith(Number), n: sql<number>`count(*)`.mapWith(Number) })
    .from(ledgerEntries)
    .innerJoin(charges, eq(charges.id, ledgerEntries.chargeId))
    .where(eq(charges.period, period));
  const billed = [...expected.values()].reduce((s, c) => s + c.customerCents, 0);
  expect(ledger).toEqual({ debits: billed, credits: billed, n: [...expected.values()].reduce((s, c) => s + 1 + (c.partnerShareCents > 0 ? 1 : 0) + (c.isvShareCents > 0 ? 1 : 0) + (c.feeCents > 0 ? 1 : 0), 0) });
}

const cli = (url: string, ...args: string[]) =>
  spawn("node", ["lib/cli/run.mjs", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "x".repeat(32), PROGRESS_EVERY_STEP: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: npm script → tsx → node; kill -9 must reach the process doing the work.
    detached: true,
  });

/** Resolves after the child has printed `n` progress lines (n committed chunks), or when it exits. */
function afterSteps(child: ReturnType<typeof cli>, n: number, exited: Promise<unknown>) {
  return Promise.race([
    new Promise<void>((resolve) => {
      let seen = 0;
      child.stderr.on("data", (data: Buffer) => {
        seen += data.toString().split("\n").filter((line) => /\d+\/\d+/.test(line)).length;
        if (seen >= n) resolve();
      });
    }),
    exited,
  ]);
}

beforeAll(async () => {
  const t = await fresh();
  rep = await makeActor(t.handle.db, "rep");
});

describe(`billing on ${dialect}`, () => {
  it("bills DOMAIN.md's worked example to the cent, once, however often it runs", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { createWorkedExample } = await import("@/db/testing/worked-example");
    const example = await createWorkedExample(db, "2026-08-01");
    for (let i = 0; i < 3; i++) await runBilling(db, "2026-08");
    const rows = await chargesOf(db, "2026-08");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ listCents: 1_000_000, wholesaleCents: 800_000, customerCents: 880_000, feeCents: 28_000, isvShareCents: 772_000, partnerShareCents: 80_000 });
    const [bill] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.customerAccountId, example.customer.accountId));
    expect(bill).toMatchObject({ period: "2026-08", totalCents: 880_000, status: "issued" });
    expect(bill!.dueAt.getTime() - bill!.issuedAt.getTime()).toBe(30 * 86_400_000);
    // Twelve months: the contract's totals, and nothing in month 13.
    for (let m = 9; m <= 12; m++) await runBilling(db, `2026-${String(m).padStart(2, "0")}`);
    for (let m = 1; m <= 8; m++) await runBilling(db, `2027-0${m}`);
    const all = await db.select().from(charges).where(eq(charges.agreementId, example.agreementId));
    expect(all).toHaveLength(12);
    expect(all.reduce((s, c) => s + c.customerCents, 0)).toBe(10_560_000);
    expect(all.reduce((s, c) => s + c.isvShareCents, 0)).toBe(9_264_000);
    expect(all.reduce((s, c) => s + c.partnerShareCents, 0)).toBe(960_000);
    expect(all.reduce((s, c) => s + c.feeCents, 0)).toBe(336_000);
  });

  it("gives exactly one clean run's charges when run twice", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 120, period: PERIOD });
    const first = await runBilling(t.handle.db, PERIOD, { chunkSize: 25 });
    const second = await runBilling(t.handle.db, PERIOD, { chunkSize: 25 });
    expect(first.chargesCreated).toBe(expectedCharges(fixture, PERIOD).size);
    expect(second.chargesCreated).toBe(0);
    await expectCleanRun(t.handle.db, fixture);
  });

  it("gives one clean run's charges when two processes run the same period at once", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 400, period: PERIOD });
    const run = () => promisify(execFile)("node", ["lib/cli/run.mjs", "billing", "--period", PERIOD, "--chunk", "20"], { cwd: root, env: { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: "x".repeat(32) } });
    const outputs = await Promise.all([run(), run()]);
    const created = outputs.map((o) => Number(/(\d+) charges created/.exec(o.stdout)?.[1]));
    expect(created[0]! + created[1]!).toBe(expectedCharges(fixture, PERIOD).size);
    await expectCleanRun(t.handle.db, fixture);
  }, 120_000);

  it("resumes after kill -9 at random points (20 kills) to exactly one clean run's result", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 6000, period: PERIOD });
    const expected = expectedCharges(fixture, PERIOD).size;
    const observed: number[] = [];
    for (let kill = 0; kill < 20; kill++) {
      const child = cli(t.url, "billing", "--period", PERIOD, "--chunk", "4");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // After a random number of committed chunks, and a random few milliseconds into the next one.
      await afterSteps(child, 1 + Math.floor(Math.random() * 8), exited);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone: the run finished before the kill
      }
      await exited;
      observed.push((await chargesOf(t.handle.db)).length);
    }
    const final = await promisify(execFile)("node", ["lib/cli/run.mjs", "billing", "--period", PERIOD], { cwd: root, env: { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: "x".repeat(32) } });
    expect(final.stdout).toContain("charges created");
    console.log(`kill -9 × 20 on ${dialect}: charges after each kill ${observed.join(", ")} of ${expected}`);
    // Every kill landed mid-run: after some chunk had committed, before the last.
    expect(observed.filter((n) => n > 0 && n < expected)).toHaveLength(20);
    await expectCleanRun(t.handle.db, fixture);
    if (dialect === "sqlite") {
      const Database = (await import("better-sqlite3")).default;
      const raw = new Database(t.url.replace(/^file:/, ""), { readonly: true });
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      raw.close();
    }
  }, 300_000);

  it("is a rep's operation, refused to everyone else (and validates the period)", async () => {
    const t = dbs[0]!;
    expect(await startBillingRun(t.handle.db, rep, { period: "2026-13", wait: true })).toMatchObject({ ok: false, fieldErrors: { period: [expect.any(String)] } });
    expect(await startBillingRun(t.handle.db, rep, { period: "2026-9", wait: true })).toMatchObject({ ok: false });
    expect((await startBillingRun(t.handle.db, rep, { period: PERIOD, wait: true })).ok).toBe(true);
  });
});

describe(`payments and disbursements on ${dialect}`, () => {
  it("pays once per key, never another's bill, then disburses each share exactly once, never before payment", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { createWorkedExample } = await import("@/db/testing/worked-example");
    const example = await createWorkedExample(db, "2026-08-01");
    await runBilling(db, "2026-08");
    // Nothing is disbursed before the customer pays.
    expect((await runDisbursements(db)).disbursedCents).toBe(0);
    const [bill] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.customerAccountId, example.customer.accountId));
    const stranger = await makeActor(db, "customer");
    const rep = await makeActor(db, "rep");
    expect(await payBill(db, stranger, { billId: bill!.id, idempotencyKey: "k".repeat(20) })).toEqual({ ok: false, error: NOT_FOUND });
    const key = "pay_key_0123456789abcdef";
    const attempts = await Promise.all(Array.from({ length: 10 }, () => payBill(db, example.customer, { billId: bill!.id, idempotencyKey: key })));
    expect(attempts.every((a) => a.ok)).toBe(true);
    expect(await db.select().from(payments).where(eq(payments.billId, bill!.id))).toHaveLength(1);
    // A second month's bill with the same key is refused.
    await runBilling(db, "2026-09");
    const [september] = await db.select().from(consolidatedBills).where(and(eq(consolidatedBills.customerAccountId, example.customer.accountId), eq(consolidatedBills.period, "2026-09")));
    expect(await payBill(db, example.customer, { billId: september!.id, idempotencyKey: key })).toEqual({ ok: false, error: KEY_REUSED });

    const first = await runDisbursements(db);
    expect(first.disbursedCents).toBe(772_000 + 80_000);
    const byseller = await db.select().from(disbursements).where(inArray(disbursements.sellerAccountId, [example.isv.accountId, example.partner.accountId]));
    expect(Object.fromEntries(byseller.map((d) => [d.sellerAccountId, d.amountCents]))).toEqual({ [example.isv.accountId]: 772_000, [example.partner.accountId]: 80_000 });
    expect(byseller.every((d) => /^TRC\d{16}$/.test(d.reference))).toBe(true);
    expect((await runDisbursements(db)).disbursedCents).toBe(0);
    expect(await db.select().from(disbursementLines)).toHaveLength(2);

    // A rep records September's bank transfer; the next run pays September's shares.
    expect(await recordBankTransfer(db, example.customer, { billId: september!.id, idempotencyKey: "bank_key_0123456789", reference: "WIRE-7781" })).toEqual({ ok: false, error: NOT_FOUND });
    expect((await recordBankTransfer(db, rep, { billId: september!.id, idempotencyKey: "bank_key_0123456789", reference: "WIRE-7781" })).ok).toBe(true);
    expect((await runDisbursements(db)).disbursedCents).toBe(852_000);
  });

  it("holds sellers without banking, and pays monthly sellers on their day only", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 30, period: PERIOD, registerPartners: false });
    await runBilling(db, PERIOD);
    const bills = await db.select().from(consolidatedBills);
    for (const [i, bill] of bills.entries()) {
      await db.transaction(async (tx) => {
        await tx.insert(payments).values({ id: `pay_fixture_${i}`, billId: bill.id, amountCents: bill.totalCents, method: "bank_transfer", idempotencyKey: `fixture-${i}-${bill.id}`, createdAt: new Date() });
        await tx.update(consolidatedBills).set({ status: "paid", paidAt: new Date() }).where(eq(consolidatedBills.id, bill.id));
      });
    }
    const summary = await runDisbursements(db);
    expect(summary.held.map((h) => h.sellerAccountId).sort()).toEqual([...fixture.partners].sort());
    expect(summary.sellersPaid).toBe(1); // the ISV, registered with a daily schedule
  });

  it("pays each share exactly once when two disbursement runs race from two processes", async () => {
    const t = await fresh();
    const db = t.handle.db;
    await createBillingFixture(db, { customers: 200, period: PERIOD });
    await runBilling(db, PERIOD);
    const bills = await db.select().from(consolidatedBills);
    await db.transaction(async (tx) => {
      for (const [i, bill] of bills.entries()) {
        await tx.insert(payments).values({ id: `pay_race_${i}`, billId: bill.id, amountCents: bill.totalCents, method: "bank_transfer", idempotencyKey: `race-${i}-${bill.id}`, createdAt: new Date() });
        await tx.update(consolidatedBills).set({ status: "paid", paidAt: new Date() }).where(eq(consolidatedBills.id, bill.id));
      }
    });
    const shares = await db.select().from(charges);
    const expectedLines = shares.reduce((n, c) => n + (c.isvShareCents > 0 ? 1 : 0) + (c.partnerShareCents > 0 ? 1 : 0), 0);
    const expectedCents = shares.reduce((n, c) => n + c.isvShareCents + c.partnerShareCents, 0);
    const run = () => promisify(execFile)("node", ["lib/cli/run.mjs", "disburse"], { cwd: root, env: { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: "x".repeat(32) } });
    await Promise.all([run(), run()]);
    const lines = await db.select().from(disbursementLines);
    expect(lines).toHaveLength(expectedLines);
    expect(lines.reduce((n, l) => n + l.amountCents, 0)).toBe(expectedCents);
    const paid = await db.select().from(disbursements);
    expect(paid.reduce((n, d) => n + d.amountCents, 0)).toBe(expectedCents);
    expect((await runDisbursements(db)).disbursedCents).toBe(0);
  }, 120_000);

  it("refuses bad payment input on its field", async () => {
    const t = dbs[0]!;
    const customer = await makeActor(t.handle.db, "customer");
    const rep = await makeActor(t.handle.db, "rep");
    expect(await payBill(t.handle.db, customer, { billId: "bill_x", idempotencyKey: "short" })).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: [expect.any(String)] } });
    expect(await payBill(t.handle.db, customer, { billId: "bill_x", idempotencyKey: "x".repeat(20) + "'; drop table payments;--" })).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: [expect.any(String)] } });
    expect(await recordBankTransfer(t.handle.db, rep, { billId: "bill_x", idempotencyKey: "k".repeat(20), reference: "ab" })).toMatchObject({ ok: false, fieldErrors: { reference: [expect.any(String)] } });
    expect(await payBill(t.handle.db, customer, { billId: "bill_missing", idempotencyKey: "k".repeat(20) })).toEqual({ ok: false, error: NOT_FOUND });
  });

  it("keeps the ledger append-only in the database itself", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { createWorkedExample } = await import("@/db/testing/worked-example");
    await createWorkedExample(db, "2026-08-01");
    await runBilling(db, "2026-08");
    const before = await tableCounts(db);
    await expect(db.transaction((tx) => tx.update(ledgerEntries).set({ debitCents: 1 }))).rejects.toThrow();
    await expect(db.transaction((tx) => tx.delete(ledgerEntries))).rejects.toThrow();
    expect(await tableCounts(db)).toEqual(before);
  });
});
