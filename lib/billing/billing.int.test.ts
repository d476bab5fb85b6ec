// Billing, payments and disbursements on a real database: exact figures,
// idempotency, two runs at once, kill -9 and takeover, append-only ledger.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { charges, consolidatedBills, disbursementLines, disbursements, jobRuns, ledgerEntries, payments, pendingShares } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/authorize";
import { runDisbursements } from "@/lib/billing/disburse";
import { KEY_REUSED, payBill, recordBankTransfer } from "@/lib/billing/payments";
import { jobRun, sellerMoney, sellersWithMoneyWaiting } from "@/lib/billing/queries";
import { WAITING_TABLE } from "@/lib/billing/table";
import { parseTableParams } from "@/lib/tables/parse";
import { PeriodNotBegun, runBilling } from "@/lib/billing/run";
import { startBillingRun } from "@/lib/billing/service";
import { RunBusy, SimulatedDeath } from "@/lib/jobs/lease";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { createBillingFixture, expectedCharges } from "@/db/testing/billing-fixture";
import { makeActor, tableCounts } from "@/db/testing/fixtures";
import { moneyViolations, payBills } from "@/db/testing/money";

const PERIOD = "2026-09";
const root = path.resolve(import.meta.dirname, "..", "..");
/** Short leases for the process tests, so a killed run is taken over within a second. */
const LEASE_MS = 600;
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
  expect(await moneyViolations(db)).toEqual([]);
}

const cliEnv = (url: string) => ({ ...process.env, DATABASE_URL: url, AUTH_SECRET: "x".repeat(32), PROGRESS_EVERY_STEP: "1", JOB_LEASE_MS: String(LEASE_MS) });

const cli = (url: string, ...args: string[]) =>
  spawn("node", ["lib/cli/run.mjs", ...args], {
    cwd: root,
    env: cliEnv(url),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: npm script → tsx → node; kill -9 must reach the process doing the work.
    detached: true,
  });

const runCli = (url: string, ...args: string[]) => promisify(execFile)("node", ["lib/cli/run.mjs", ...args], { cwd: root, env: cliEnv(url) });

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const late = new Date("2027-09-15T00:00:00Z");
    for (let i = 0; i < 3; i++) await runBilling(db, "2026-08", { at: late });
    const rows = await chargesOf(db, "2026-08");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ listCents: 1_000_000, wholesaleCents: 800_000, customerCents: 880_000, feeCents: 28_000, isvShareCents: 772_000, partnerShareCents: 80_000 });
    const [bill] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.customerAccountId, example.customer.accountId));
    expect(bill).toMatchObject({ period: "2026-08", totalCents: 880_000, lineCount: 1, status: "issued", sequence: 0, number: `B-202608-${example.customer.accountId}-1` });
    expect(bill!.dueAt.getTime() - bill!.issuedAt.getTime()).toBe(30 * 86_400_000);
    // Twelve months: the contract's totals, and nothing in month 13.
    for (let m = 9; m <= 12; m++) await runBilling(db, `2026-${String(m).padStart(2, "0")}`, { at: late });
    for (let m = 1; m <= 8; m++) await runBilling(db, `2027-0${m}`, { at: late });
    const all = await db.select().from(charges).where(eq(charges.agreementId, example.agreementId));
    expect(all).toHaveLength(12);
    expect(all.reduce((s, c) => s + c.customerCents, 0)).toBe(10_560_000);
    expect(all.reduce((s, c) => s + c.isvShareCents, 0)).toBe(9_264_000);
    expect(all.reduce((s, c) => s + c.partnerShareCents, 0)).toBe(960_000);
    expect(all.reduce((s, c) => s + c.feeCents, 0)).toBe(336_000);
    expect(await moneyViolations(db)).toEqual([]);
  });

  it("refuses a period that has not begun, in the run, the console operation and the CLI", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const before = await tableCounts(db);
    await expect(runBilling(db, "2027-06", { at: new Date("2027-05-31T23:59:59Z") })).rejects.toBeInstanceOf(PeriodNotBegun);
    const answer = await startBillingRun(db, rep, { period: "2999-01", wait: true });
    expect(answer).toMatchObject({ ok: false, fieldErrors: { period: [expect.stringContaining("has not begun")] } });
    const out = await runCli(t.url, "billing", "--period", "2999-01").catch((error: { stderr: string; code: number }) => error);
    expect(out).toMatchObject({ code: 1, stderr: expect.stringContaining("2999-01 has not begun: a period can be billed from its first day, 2999-01-01") });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("gives exactly one clean run's charges when run twice, and the second run reports what exists", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 120, period: PERIOD });
    const first = await runBilling(t.handle.db, PERIOD, { chunkSize: 25 });
    const second = await runBilling(t.handle.db, PERIOD, { chunkSize: 25 });
    const expected = expectedCharges(fixture, PERIOD);
    expect(first.chargesCreated).toBe(expected.size);
    expect(second.chargesCreated).toBe(0);
    // It read the charged agreements and left them alone: none is due again, none was "charged meanwhile".
    expect(second).toMatchObject({ agreementsDue: 0, chargesAlreadyThere: 0 });
    const billed = [...expected.values()].reduce((s, c) => s + c.customerCents, 0);
    // The re-run says honestly what the period holds, not "0 already there".
    expect(second).toMatchObject({ periodCharges: expected.size, periodBilledCents: billed, periodBills: new Set([...expected.values()].map((c) => c.customerAccountId)).size });
    const out = await runCli(t.url, "billing", "--period", PERIOD);
    expect(out.stdout).toContain(`0 charges created`);
    expect(out.stdout).toContain(`The period now holds ${expected.size} charges`);
    await expectCleanRun(t.handle.db, fixture);
  });

  it("walks customer by customer, and takes over a run whose cursor is in the older form (an agreement id) from the top: each agreement charged once", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 120, period: PERIOD });
    await expect(runBilling(db, PERIOD, { chunkSize: 10, leaseMs: 0, stopAfterChunks: 2 })).rejects.toBeInstanceOf(SimulatedDeath);
    const [killed] = await db.select().from(jobRuns).where(eq(jobRuns.kind, "billing"));
    // customer / start (ms) / agreement: the two chunks charged exactly the due customers up to the cursor's.
    expect(killed!.cursor).toMatch(/^\d{12}\/\d+\/agr_[0-9a-z]{20}$/);
    const upTo = killed!.cursor!.split("/")[0]!;
    const charged = (await chargesOf(db)).map((c) => c.customerAccountId).sort();
    const due = [...expectedCharges(fixture, PERIOD).values()].map((c) => c.customerAccountId).sort();
    expect(charged.length).toBeGreaterThan(0);
    expect(charged).toEqual(due.filter((c) => c <= upTo));
    await db.transaction((tx) => tx.update(jobRuns).set({ cursor: "agr_zzzzzzzzzzzzzzzzzzzz" }).where(eq(jobRuns.id, killed!.id)));
    const summary = await runBilling(db, PERIOD, { chunkSize: 10, leaseMs: 0 });
    expect(summary.takeovers).toBe(1);
    await expectCleanRun(db, fixture);
  });

  it("gives one clean run's charges when two processes run the same period at once: one runs, the other says so", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 400, period: PERIOD });
    const outputs = await Promise.all([runCli(t.url, "billing", "--period", PERIOD, "--chunk", "20"), runCli(t.url, "billing", "--period", PERIOD, "--chunk", "20")]);
    const created = outputs.map((o) => Number(/(\d+) charges? created/.exec(o.stdout)?.[1] ?? 0));
    const busy = outputs.filter((o) => o.stdout.includes("is already running"));
    // Either the second found the first's live run, or it started after the first had finished.
    expect(created[0]! + created[1]!).toBe(expectedCharges(fixture, PERIOD).size);
    expect(busy.length).toBeLessThanOrEqual(1);
    await expectCleanRun(t.handle.db, fixture);
  }, 120_000);

  it("is taken over after kill -9 at random points (20 kills): the killed run reads as interrupted, and the result equals one clean run", async () => {
    const t = await fresh();
    const fixture = await createBillingFixture(t.handle.db, { customers: 6000, period: PERIOD });
    const expected = expectedCharges(fixture, PERIOD).size;
    const observed: number[] = [];
    for (let kill = 0; kill < 20; kill++) {
      const child = cli(t.url, "billing", "--period", PERIOD, "--chunk", "4");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // After a random number of committed chunks, and a random few milliseconds into the next one.
      await afterSteps(child, 1 + Math.floor(Math.random() * 8), exited);
      await sleep(Math.random() * 5);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone: the run finished before the kill
      }
      await exited;
      observed.push((await chargesOf(t.handle.db)).length);
      const [run] = await t.handle.db.select().from(jobRuns).where(and(eq(jobRuns.kind, "billing"), eq(jobRuns.status, "running")));
      // Dead, not running: once its lease has expired the console shows it as interrupted.
      await sleep(LEASE_MS + 50);
      expect((await jobRun(t.handle.db, run!.id))?.state).toBe("interrupted");
    }
    const final = await runCli(t.url, "billing", "--period", PERIOD);
    expect(final.stdout).toContain("finished an interrupted run");
    console.log(`kill -9 × 20 on ${dialect}: charges after each kill ${observed.join(", ")} of ${expected}`);
    // Every kill landed mid-run: after some chunk had committed, before the last.
    expect(observed.filter((n) => n > 0 && n < expected)).toHaveLength(20);
    // One run row, taken over 20 times, completed with the figures of the whole run.
    const runs = await t.handle.db.select().from(jobRuns).where(eq(jobRuns.kind, "billing"));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", takeovers: 20 });
    expect(runs[0]!.summary).toMatchObject({ chargesCreated: expected, periodCharges: expected });
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

  it("follows a live run instead of starting a second one", async () => {
    const t = await fresh();
    const db = t.handle.db;
    await createBillingFixture(db, { customers: 60, period: PERIOD });
    const first = runBilling(db, PERIOD, { chunkSize: 5, hooks: { beforeChunk: async () => void (await sleep(5)) } });
    await sleep(30);
    const second = await startBillingRun(db, rep, { period: PERIOD, wait: true });
    expect(second).toMatchObject({ ok: true, data: { alreadyRunning: true } });
    await expect(runBilling(db, PERIOD)).rejects.toBeInstanceOf(RunBusy);
    await first;
    expect(await db.select().from(jobRuns)).toHaveLength(1);
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
    // Ownership before idempotency: another customer replaying the key gets "not found", and the attempt is recorded.
    expect(await payBill(db, stranger, { billId: bill!.id, idempotencyKey: key })).toEqual({ ok: false, error: NOT_FOUND });
    // A second month's bill with the same key is refused.
    await runBilling(db, "2026-09");
    const [september] = await db.select().from(consolidatedBills).where(and(eq(consolidatedBills.customerAccountId, example.customer.accountId), eq(consolidatedBills.period, "2026-09")));
    expect(await payBill(db, example.customer, { billId: september!.id, idempotencyKey: key })).toEqual({ ok: false, error: KEY_REUSED });

    const first = await runDisbursements(db);
    expect(first.disbursedCents).toBe(772_000 + 80_000);
    const bySeller = await db.select().from(disbursements);
    expect(Object.fromEntries(bySeller.map((d) => [d.sellerAccountId, [d.amountCents, d.status, d.lineCount]]))).toEqual({
      [example.isv.accountId]: [772_000, "completed", 1],
      [example.partner.accountId]: [80_000, "completed", 1],
    });
    expect(bySeller.every((d) => /^TRC\d{16}$/.test(d.reference))).toBe(true);
    expect((await runDisbursements(db)).disbursedCents).toBe(0);
    expect(await db.select().from(disbursementLines)).toHaveLength(2);

    // A rep records September's bank transfer; the next run pays September's shares.
    expect(await recordBankTransfer(db, example.customer, { billId: september!.id, idempotencyKey: "bank_key_0123456789", reference: "WIRE-7781" })).toEqual({ ok: false, error: NOT_FOUND });
    expect((await recordBankTransfer(db, rep, { billId: september!.id, idempotencyKey: "bank_key_0123456789", reference: "WIRE-7781" })).ok).toBe(true);
    expect((await runDisbursements(db)).disbursedCents).toBe(852_000);
    expect(await moneyViolations(db)).toEqual([]);
  });

  it("holds sellers without registration, and pays the registered ones", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const fixture = await createBillingFixture(db, { customers: 30, period: PERIOD, registerPartners: false });
    await runBilling(db, PERIOD);
    // The second partner's customers pay two days before the first's, so the sellers' oldest shares differ.
    const secondPartners = new Set(fixture.agreements.filter((a) => a.partnerAccountId === fixture.partners[1]).map((a) => a.customerAccountId));
    await payBills(db, { at: new Date(Date.now() - 2 * 86_400_000), which: (bill) => secondPartners.has(bill.customerAccountId) });
    await payBills(db);
    // Before the run: the ISV (registered, daily) sees its next payout; an unregistered partner its hold.
    const [isvBefore, partnerBefore] = await Promise.all([sellerMoney(db, fixture.isv), sellerMoney(db, fixture.partners[0]!)]);
    expect(isvBefore).toMatchObject({ hold: null, scheduleText: expect.any(String), nextPayout: expect.any(Date) });
    expect(isvBefore.collectedCents).toBeGreaterThan(0);
    // Each seller's oldest share waiting, read by one seek of its index, is the oldest of its own shares.
    const oldestOf = async (seller: string) =>
      (await db.select({ at: sql`min(${pendingShares.collectedAt})`.mapWith(pendingShares.collectedAt) }).from(pendingShares).where(eq(pendingShares.sellerAccountId, seller)))[0]?.at;
    const oldest = { isv: await oldestOf(fixture.isv), first: await oldestOf(fixture.partners[0]!), second: await oldestOf(fixture.partners[1]!) };
    expect(oldest.first).not.toEqual(oldest.second);
    expect(isvBefore.oldestPendingAt).toEqual(oldest.isv);
    expect(partnerBefore.oldestPendingAt).toEqual(oldest.first);
    expect((await sellerMoney(db, fixture.partners[1]!)).oldestPendingAt).toEqual(oldest.second);
    expect(partnerBefore).toMatchObject({ hold: expect.any(String), scheduleText: null, nextPayout: null });
    // The waiting table: its count follows the filter; the money waiting is the whole marketplace's, whatever the filter.
    const waiting = await sellersWithMoneyWaiting(db, parseTableParams(WAITING_TABLE, {}));
    const held = await sellersWithMoneyWaiting(db, parseTableParams(WAITING_TABLE, { state: "held" }));
    const paying = await sellersWithMoneyWaiting(db, parseTableParams(WAITING_TABLE, { state: "scheduled" }));
    const partnerCents = (await Promise.all(fixture.partners.map((p) => sellerMoney(db, p)))).reduce((n, m) => n + m.collectedCents, 0);
    expect(waiting.due).toEqual({ cents: isvBefore.collectedCents + partnerCents, sellers: 1 + fixture.partners.length });
    expect([waiting.total, held.total, paying.total]).toEqual([1 + fixture.partners.length, fixture.partners.length, 1]);
    expect(held.due).toEqual(waiting.due);
    expect(held.rows.every((r) => r.hold !== null)).toBe(true);
    expect(paying.rows.map((r) => r.sellerAccountId)).toEqual([fixture.isv]);
    expect(paying.rows[0]!.nextPayout).toBe(isvBefore.nextPayout!.toISOString());
    const summary = await runDisbursements(db);
    expect(summary.heldSellers.map((h) => h.sellerAccountId).sort()).toEqual([...fixture.partners].sort());
    expect(summary.sellersPaid).toBe(1); // the ISV, registered with a daily schedule
    // After it: nothing waits for the ISV, so no next payout; what was collected is paid out.
    expect(await sellerMoney(db, fixture.isv)).toMatchObject({ collectedCents: 0, paidOutCents: isvBefore.collectedCents, nextPayout: null, lastPaidAt: expect.any(Date) });
    expect(await moneyViolations(db)).toEqual([]);
  });

  it("pays each share exactly once when two disbursement runs race from two processes", async () => {
    const t = await fresh();
    const db = t.handle.db;
    await createBillingFixture(db, { customers: 200, period: PERIOD });
    await runBilling(db, PERIOD);
    await payBills(db);
    const shares = await db.select().from(charges);
    const expectedLines = shares.reduce((n, c) => n + (c.isvShareCents > 0 ? 1 : 0) + (c.partnerShareCents > 0 ? 1 : 0), 0);
    const expectedCents = shares.reduce((n, c) => n + c.isvShareCents + c.partnerShareCents, 0);
    await Promise.all([runCli(t.url, "disburse"), runCli(t.url, "disburse")]);
    const lines = await db.select().from(disbursementLines);
    expect(lines).toHaveLength(expectedLines);
    expect(lines.reduce((n, l) => n + l.amountCents, 0)).toBe(expectedCents);
    const paid = await db.select().from(disbursements);
    expect(paid.reduce((n, d) => n + d.amountCents, 0)).toBe(expectedCents);
    expect((await runDisbursements(db)).disbursedCents).toBe(0);
    expect(await moneyViolations(db)).toEqual([]);
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
});

describe(`the ledger and closed bills on ${dialect}`, () => {
  it("refuses every rewrite of a posted entry, whatever the SQL", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { createWorkedExample } = await import("@/db/testing/worked-example");
    await createWorkedExample(db, "2026-08-01");
    await runBilling(db, "2026-08");
    const [entry] = await db.select().from(ledgerEntries).limit(1);
    const before = await tableCounts(db);
    const exec = async (statement: string) => {
      if (dialect === "sqlite") {
        const Database = (await import("better-sqlite3")).default;
        const conn = new Database(t.url.replace(/^file:/, ""));
        try {
          conn.exec(statement);
        } finally {
          conn.close();
        }
      } else {
        const { Client } = await import("pg");
        const client = new Client({ connectionString: t.url });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      }
    };
    const id = entry!.id;
    const cols = `id, journal_id, ledger_account, party_account_id, currency, debit_cents, credit_cents, created_at`;
    const vals = `'${id}', 'jnl_x', 'cash', null, 'USD', 1, 0, ${dialect === "sqlite" ? 0 : "now()"}`;
    const attempts = [
      `update ledger_entries set debit_cents = debit_cents + 1 where id = '${id}'`,
      `delete from ledger_entries where id = '${id}'`,
      `insert into ledger_entries (${cols}) values (${vals}) on conflict (id) do update set debit_cents = 1`,
      ...(dialect === "sqlite"
        ? [`insert or replace into ledger_entries (${cols}) values (${vals})`, `replace into ledger_entries (${cols}) values (${vals})`, `update or replace ledger_entries set id = '${id}' where id <> '${id}'`]
        : [`truncate ledger_entries cascade`]),
    ];
    for (const statement of attempts) await expect(exec(statement), statement).rejects.toThrow();
    expect(await tableCounts(db)).toEqual(before);
    const [same] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id));
    expect(same).toEqual(entry);
  });

  it("refuses to change a paid bill's total or to put a charge on it, even from raw SQL", async () => {
    const t = await fresh();
    const db = t.handle.db;
    const { createWorkedExample } = await import("@/db/testing/worked-example");
    await createWorkedExample(db, "2026-08-01");
    await runBilling(db, "2026-08");
    await payBills(db);
    const [bill] = await db.select().from(consolidatedBills);
    await expect(db.transaction((tx) => tx.update(consolidatedBills).set({ totalCents: bill!.totalCents + 1 }).where(eq(consolidatedBills.id, bill!.id)))).rejects.toThrow();
    await expect(db.transaction((tx) => tx.update(consolidatedBills).set({ status: "issued" }).where(eq(consolidatedBills.id, bill!.id)))).rejects.toThrow();
    const [charge] = await db.select().from(charges);
    await expect(db.transaction((tx) => tx.insert(charges).values({ ...charge!, id: "chg_smuggled", period: "2026-07" }))).rejects.toThrow();
  });
});
