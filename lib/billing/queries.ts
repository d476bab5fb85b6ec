// Reads of bills, payments, disbursements and the ledger, each scoped to who asks.
import "server-only";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { accounts, agreements, charges, consolidatedBills, disbursementLines, disbursements, jobRuns, ledgerEntries, payments, products, sellerRegistrations } from "@/db/schema";
import { now } from "@/lib/clock";
import { pendingShares, HOLD_REASON } from "@/lib/billing/disburse";
import { registrationStatus } from "@/lib/sellers/registration";

const isv = alias(accounts, "isv");
const partner = alias(accounts, "partner");
const customer = alias(accounts, "customer");

export function isOverdue(bill: { status: string; dueAt: Date }, at: Date = now()) {
  return bill.status === "issued" && bill.dueAt.getTime() < at.getTime();
}

/** The customer's bills, newest period first; all of them when `customerAccountId` is null (reps). */
export async function listBills(db: Db, customerAccountId: string | null, { limit = 50, offset = 0 } = {}) {
  const where = customerAccountId ? eq(consolidatedBills.customerAccountId, customerAccountId) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ bill: consolidatedBills, customerName: customer.name })
      .from(consolidatedBills)
      .innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId))
      .where(where)
      .orderBy(desc(consolidatedBills.period), asc(customer.name))
      .limit(limit)
      .offset(offset),
    db.select({ n: countAll() }).from(consolidatedBills).where(where),
  ]);
  const at = now();
  return { rows: rows.map((r) => ({ ...r.bill, customerName: r.customerName, overdue: isOverdue(r.bill, at) })), total: total?.n ?? 0 };
}

/** A bill with its lines (product, manufacturer, seller of record, period, amount); null if not the customer's. */
export async function billDetail(db: Db, billId: string, customerAccountId: string | null) {
  const [bill] = await db
    .select({ bill: consolidatedBills, customerName: customer.name })
    .from(consolidatedBills)
    .innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId))
    .where(and(eq(consolidatedBills.id, billId), customerAccountId ? eq(consolidatedBills.customerAccountId, customerAccountId) : undefined));
  if (!bill) return null;
  const lines = await db
    .select({ id: charges.id, period: charges.period, amountCents: charges.customerCents, productName: products.name, manufacturer: isv.name, sellerOfRecord: partner.name, agreementId: charges.agreementId, billing: agreements.billing })
    .from(charges)
    .innerJoin(agreements, eq(agreements.id, charges.agreementId))
    .innerJoin(products, eq(products.id, agreements.productId))
    .innerJoin(isv, eq(isv.id, charges.isvAccountId))
    .innerJoin(partner, eq(partner.id, charges.partnerAccountId))
    .where(eq(charges.billId, billId))
    .orderBy(asc(products.name));
  const paid = await db.select().from(payments).where(eq(payments.billId, billId));
  return { ...bill.bill, customerName: bill.customerName, overdue: isOverdue(bill.bill), lines, payments: paid };
}

/** A seller's money: owed by customers, collected and not yet paid out, paid out; and its disbursements. */
export async function sellerMoney(db: Db, sellerAccountId: string, role: "isv" | "partner") {
  const sellerColumn = role === "isv" ? charges.isvAccountId : charges.partnerAccountId;
  const shareColumn = role === "isv" ? charges.isvShareCents : charges.partnerShareCents;
  const [[owed], pending, [paidOut], list, [registration]] = await Promise.all([
    db
      .select({ cents: sumCents(shareColumn) })
      .from(charges)
      .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
      .where(and(eq(sellerColumn, sellerAccountId), eq(consolidatedBills.status, "issued"))),
    pendingShares(db, [sellerAccountId]),
    db.select({ cents: sumCents(disbursements.amountCents) }).from(disbursements).where(eq(disbursements.sellerAccountId, sellerAccountId)),
    db.select().from(disbursements).where(eq(disbursements.sellerAccountId, sellerAccountId)).orderBy(desc(disbursements.createdAt)).limit(50),
    db.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, sellerAccountId)),
  ]);
  const collected = pending.filter((s) => s.role === role).reduce((sum, s) => sum + s.amountCents, 0);
  const complete = registrationStatus(registration).status === "complete";
  const lines = list.length
    ? await db
        .select({ disbursementId: disbursementLines.disbursementId, amountCents: disbursementLines.amountCents, period: charges.period, productName: products.name, customerName: customer.name })
        .from(disbursementLines)
        .innerJoin(charges, eq(charges.id, disbursementLines.chargeId))
        .innerJoin(agreements, eq(agreements.id, charges.agreementId))
        .innerJoin(products, eq(products.id, agreements.productId))
        .innerJoin(customer, eq(customer.id, charges.customerAccountId))
        .where(inArray(disbursementLines.disbursementId, list.map((d) => d.id)))
    : [];
  return {
    owedCents: owed?.cents ?? 0,
    collectedCents: collected,
    paidOutCents: paidOut?.cents ?? 0,
    hold: !complete && collected > 0 ? HOLD_REASON : null,
    schedule: registration ? { schedule: registration.disbursementSchedule, day: registration.disbursementDay } : null,
    disbursements: list.map((d) => ({ ...d, lines: lines.filter((l) => l.disbursementId === d.id) })),
  };
}

/** Each ledger account's balance, and whether debits equal credits. */
export async function trialBalance(db: Db) {
  const rows = await db
    .select({ account: ledgerEntries.ledgerAccount, currency: ledgerEntries.currency, debits: sumCents(ledgerEntries.debitCents), credits: sumCents(ledgerEntries.creditCents), entries: countAll() })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.ledgerAccount, ledgerEntries.currency)
    .orderBy(ledgerEntries.currency, ledgerEntries.ledgerAccount);
  const debits = rows.reduce((s, r) => s + r.debits, 0);
  const credits = rows.reduce((s, r) => s + r.credits, 0);
  return { rows, debits, credits, balanced: debits === credits };
}

/** Marketplace figures: gross merchandise value, fee revenue, receivables, disbursements due. */
export async function marketplaceMoney(db: Db) {
  const [[gmv], [receivable], due, [overdue]] = await Promise.all([
    db.select({ gmv: sumCents(charges.customerCents), fees: sumCents(charges.feeCents) }).from(charges),
    db.select({ cents: sumCents(consolidatedBills.totalCents) }).from(consolidatedBills).where(eq(consolidatedBills.status, "issued")),
    pendingShares(db),
    db.select({ n: countAll() }).from(consolidatedBills).where(and(eq(consolidatedBills.status, "issued"), lt(consolidatedBills.dueAt, now()))),
  ]);
  return {
    gmvCents: gmv?.gmv ?? 0,
    feeRevenueCents: gmv?.fees ?? 0,
    receivablesCents: receivable?.cents ?? 0,
    disbursementsDueCents: due.reduce((s, x) => s + x.amountCents, 0),
    overdueBills: overdue?.n ?? 0,
  };
}

export async function jobRun(db: Db, id: string) {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  return row ?? null;
}

export async function recentRuns(db: Db, kind: "billing" | "disbursement") {
  return db.select().from(jobRuns).where(eq(jobRuns.kind, kind)).orderBy(desc(jobRuns.startedAt)).limit(10);
}

/** Sellers with collected money who cannot be paid yet, for the rep. */
export async function heldSellers(db: Db) {
  const pending = await pendingShares(db);
  const ids = [...new Set(pending.map((p) => p.sellerAccountId))];
  if (!ids.length) return [];
  const regs = await db.select().from(sellerRegistrations).where(inArray(sellerRegistrations.accountId, ids));
  const names = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, ids));
  return ids
    .filter((id) => registrationStatus(regs.find((r) => r.accountId === id)).status !== "complete")
    .map((id) => ({ sellerAccountId: id, name: names.find((n) => n.id === id)?.name ?? id, amountCents: pending.filter((p) => p.sellerAccountId === id).reduce((s, p) => s + p.amountCents, 0), reason: HOLD_REASON }));
}

