// Money helpers for integration tests: pay bills through the real payment path,
// and check every invariant of the money cycle against full sums computed here,
// independently of the figures the code keeps as data.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, chargeRollups, charges, consolidatedBills, disbursementLines, disbursements, ledgerEntries, ledgerTotals, payments, pendingShares, periodTotals, sellerBalances } from "@/db/schema";
import { SYSTEM } from "@/lib/audit";
import { recordPayment } from "@/lib/billing/payments";

/** Pays every issued bill (or those `which` picks) by bank transfer, as the marketplace would record it. */
export async function payBills(db: Db, options: { at?: Date; which?: (bill: typeof consolidatedBills.$inferSelect) => boolean } = {}) {
  const open = await db.select().from(consolidatedBills).where(eq(consolidatedBills.status, "issued"));
  let paid = 0;
  for (const bill of open.filter(options.which ?? (() => true))) {
    if (bill.totalCents <= 0) continue;
    await recordPayment(
      db,
      SYSTEM,
      { billId: bill.id, idempotencyKey: `test-pay-${bill.id}`, method: "bank_transfer", reference: `T-${bill.number}`, customerAccountId: null, userId: null },
      options.at,
    );
    paid++;
  }
  return paid;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * Every invariant the money cycle promises, checked from the rows themselves.
 * Returns the violations (empty when all hold), so property tests can print them.
 */
export async function moneyViolations(db: Db): Promise<string[]> {
  const out: string[] = [];
  const bills = await db.select().from(consolidatedBills);
  const chargeRows = await db.select().from(charges);
  const paymentRows = await db.select().from(payments);
  const lines = await db.select().from(disbursementLines);
  const payouts = await db.select().from(disbursements);
  const pending = await db.select().from(pendingShares);
  const balances = await db.select().from(sellerBalances);

  // Every charge once per agreement and period.
  const seen = new Set<string>();
  for (const c of chargeRows) {
    const key = `${c.agreementId}|${c.period}`;
    if (seen.has(key)) out.push(`agreement ${c.agreementId} charged twice for ${c.period}`);
    seen.add(key);
  }
  // Bill totals and line counts equal their charges; a paid bill's total equals its one payment.
  const perBill = new Map<string, { cents: number; lines: number }>();
  for (const c of chargeRows) {
    const into = perBill.get(c.billId) ?? { cents: 0, lines: 0 };
    into.cents += c.customerCents;
    into.lines += 1;
    perBill.set(c.billId, into);
  }
  for (const bill of bills) {
    const sums = perBill.get(bill.id) ?? { cents: 0, lines: 0 };
    if (bill.totalCents !== sums.cents) out.push(`bill ${bill.number}: total ${bill.totalCents} ≠ Σ charges ${sums.cents}`);
    if (bill.lineCount !== sums.lines) out.push(`bill ${bill.number}: line count ${bill.lineCount} ≠ ${sums.lines}`);
    const paid = paymentRows.filter((p) => p.billId === bill.id);
    if (bill.status === "paid") {
      if (paid.length !== 1) out.push(`bill ${bill.number}: paid with ${paid.length} payments`);
      else if (paid[0]!.amountCents !== bill.totalCents) out.push(`bill ${bill.number}: paid ${paid[0]!.amountCents} but totals ${bill.totalCents}`);
    } else if (paid.length) out.push(`bill ${bill.number}: open with a payment`);
  }
  // Disbursed ≤ collected, per bill and seller; every share of a paid bill is either pending or disbursed, once.
  const chargeById = new Map(chargeRows.map((c) => [c.id, c]));
  const billById = new Map(bills.map((b) => [b.id, b]));
  const disbursedShare = new Set<string>();
  for (const line of lines) {
    const key = `${line.chargeId}|${line.shareRole}`;
    if (disbursedShare.has(key)) out.push(`share ${key} disbursed twice`);
    disbursedShare.add(key);
    const charge = chargeById.get(line.chargeId);
    const bill = charge ? billById.get(charge.billId) : undefined;
    if (!charge || !bill || bill.status !== "paid") out.push(`share ${key} disbursed before its bill was paid`);
    else if (line.amountCents !== (line.shareRole === "isv" ? charge.isvShareCents : charge.partnerShareCents)) out.push(`share ${key} disbursed ${line.amountCents}, owed another amount`);
  }
  const pendingKey = new Set(pending.map((p) => `${p.chargeId}|${p.shareRole}`));
  for (const c of chargeRows) {
    const bill = billById.get(c.billId)!;
    for (const [role, cents] of [
      ["isv", c.isvShareCents],
      ["partner", c.partnerShareCents],
    ] as const) {
      const key = `${c.id}|${role}`;
      const isPending = pendingKey.has(key);
      const isPaid = disbursedShare.has(key);
      if (bill.status !== "paid" || cents === 0) {
        if (isPending) out.push(`share ${key} pending though its bill is ${bill.status} or it is zero`);
      } else if (isPending === isPaid) out.push(`share ${key} of a paid bill is ${isPending ? "both pending and disbursed" : "neither pending nor disbursed"}`);
    }
  }
  // Payouts: amount and line count equal their lines; completed ones are posted.
  for (const payout of payouts) {
    const own = lines.filter((l) => l.disbursementId === payout.id);
    const cents = own.reduce((s, l) => s + l.amountCents, 0);
    if (payout.amountCents !== cents || payout.lineCount !== own.length) out.push(`payout ${payout.reference}: ${payout.amountCents}/${payout.lineCount} ≠ lines ${cents}/${own.length}`);
  }
  // Seller balances equal the full sums.
  const expected = new Map<string, { owed: number; pending: number; count: number; paidOut: number }>();
  const bump = (seller: string, currency: string, field: "owed" | "pending" | "count" | "paidOut", by: number) => {
    const key = `${seller}|${currency}`;
    const into = expected.get(key) ?? { owed: 0, pending: 0, count: 0, paidOut: 0 };
    into[field] += by;
    expected.set(key, into);
  };
  for (const c of chargeRows) {
    const bill = billById.get(c.billId)!;
    if (bill.status === "issued") {
      bump(c.isvAccountId, bill.currency, "owed", c.isvShareCents);
      bump(c.partnerAccountId, bill.currency, "owed", c.partnerShareCents);
    }
  }
  for (const p of pending) {
    bump(p.sellerAccountId, p.currency, "pending", p.amountCents);
    bump(p.sellerAccountId, p.currency, "count", 1);
  }
  for (const d of payouts.filter((d) => d.status === "completed")) bump(d.sellerAccountId, d.currency, "paidOut", d.amountCents);
  for (const b of balances) {
    const want = expected.get(`${b.sellerAccountId}|${b.currency}`) ?? { owed: 0, pending: 0, count: 0, paidOut: 0 };
    const got = { owed: b.owedCents, pending: b.pendingCents, count: b.pendingCount, paidOut: b.paidOutCents };
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`seller ${b.sellerAccountId} ${b.currency}: kept ${JSON.stringify(got)} ≠ summed ${JSON.stringify(want)}`);
    expected.delete(`${b.sellerAccountId}|${b.currency}`);
  }
  for (const [key, want] of expected) if (want.owed || want.pending || want.paidOut) out.push(`seller ${key}: no balance row, summed ${JSON.stringify(want)}`);
  // Every journal balances.
  const journals = await db
    .select({ journal: ledgerEntries.journalId, debits: sql`sum(${ledgerEntries.debitCents})`, credits: sql`sum(${ledgerEntries.creditCents})` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.journalId);
  for (const j of journals) if (num(j.debits) !== num(j.credits)) out.push(`journal ${j.journal} does not balance`);
  out.push(...(await keptTotalsViolations(db, chargeRows, bills, payouts)));
  return out;
}

/** The totals kept as data (lib/reports/totals.ts) equal the full sums of what they count. */
async function keptTotalsViolations(
  db: Db,
  chargeRows: (typeof charges.$inferSelect)[],
  bills: (typeof consolidatedBills.$inferSelect)[],
  payouts: (typeof disbursements.$inferSelect)[],
): Promise<string[]> {
  const out: string[] = [];
  const compare = (what: string, kept: Map<string, unknown>, summed: Map<string, unknown>) => {
    for (const key of new Set([...kept.keys(), ...summed.keys()])) {
      const a = JSON.stringify(kept.get(key) ?? null);
      const b = JSON.stringify(summed.get(key) ?? null);
      if (a !== b) out.push(`${what} ${key}: kept ${a} ≠ summed ${b}`);
    }
  };
  const ledger = await db
    .select({ account: ledgerEntries.ledgerAccount, currency: ledgerEntries.currency, debits: sql`sum(${ledgerEntries.debitCents})`, credits: sql`sum(${ledgerEntries.creditCents})`, n: sql`count(*)` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.ledgerAccount, ledgerEntries.currency);
  compare(
    "ledger total",
    new Map((await db.select().from(ledgerTotals)).map((t) => [`${t.ledgerAccount}|${t.currency}`, [t.debitCents, t.creditCents, t.entries]])),
    new Map(ledger.map((l) => [`${l.account}|${l.currency}`, [num(l.debits), num(l.credits), num(l.n)]])),
  );
  const agreementRows = await db.select({ id: agreements.id, productId: agreements.productId, currency: agreements.currency }).from(agreements);
  const agreementOf = new Map(agreementRows.map((a) => [a.id, a]));
  const rollups = new Map<string, number[]>();
  const periods = new Map<string, number[]>();
  for (const c of chargeRows) {
    const a = agreementOf.get(c.agreementId)!;
    const key = `${c.isvAccountId}|${c.period}|${c.partnerAccountId}|${a.productId}|${a.currency}`;
    const r = rollups.get(key) ?? [0, 0, 0, 0, 0, 0, 0];
    [1, c.listCents, c.wholesaleCents, c.customerCents, c.feeCents, c.isvShareCents, c.partnerShareCents].forEach((v, i) => (r[i]! += v));
    rollups.set(key, r);
    const p = periods.get(`${c.period}|${a.currency}`) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    p[0]! += 1;
    p[1]! += c.customerCents;
    p[2]! += c.feeCents;
    periods.set(`${c.period}|${a.currency}`, p);
  }
  for (const b of bills) {
    const p = periods.get(`${b.period}|${b.currency}`) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    p[5]! += 1;
    if (b.status === "issued" && b.overdueAt) {
      p[6]! += 1;
      p[7]! += b.totalCents;
    }
    if (b.status === "paid") {
      p[3]! += b.totalCents;
      p[4]! += 1;
    }
    periods.set(`${b.period}|${b.currency}`, p);
  }
  // Paid out by the month (UTC) a payout completed.
  for (const d of payouts.filter((d) => d.status === "completed")) {
    const key = `${d.completedAt!.toISOString().slice(0, 7)}|${d.currency}`;
    const p = periods.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    p[8]! += d.amountCents;
    p[9]! += 1;
    periods.set(key, p);
  }
  compare(
    "charge rollup",
    new Map(
      (await db.select().from(chargeRollups)).map((r) => [
        `${r.isvAccountId}|${r.period}|${r.partnerAccountId}|${r.productId}|${r.currency}`,
        [r.lineCount, r.listCents, r.wholesaleCents, r.customerCents, r.feeCents, r.isvShareCents, r.partnerShareCents],
      ]),
    ),
    rollups,
  );
  compare(
    "period total",
    new Map((await db.select().from(periodTotals)).map((p) => [`${p.period}|${p.currency}`, [p.lineCount, p.billedCents, p.feeCents, p.collectedCents, p.billsPaid, p.bills, p.overdueBills, p.overdueCents, p.paidOutCents, p.payouts]])),
    periods,
  );
  return out;
}

/** Cash the marketplace holds (payments in, payouts out), and the fees it earned on paid bills. */
export async function marketplaceCash(db: Db) {
  const [cash] = await db
    .select({ debits: sql`coalesce(sum(${ledgerEntries.debitCents}), 0)`, credits: sql`coalesce(sum(${ledgerEntries.creditCents}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.ledgerAccount, "cash"));
  const [fees] = await db
    .select({ cents: sql`coalesce(sum(${charges.feeCents}), 0)` })
    .from(charges)
    .innerJoin(consolidatedBills, and(eq(consolidatedBills.id, charges.billId), eq(consolidatedBills.status, "paid")));
  return { cashCents: num(cash?.debits) - num(cash?.credits), feesOnPaidBillsCents: num(fees?.cents) };
}
