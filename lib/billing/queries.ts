// Reads of bills, payments, payouts, runs and the ledger, each scoped to who asks.
// Money figures come from data kept with each change (bill totals and line
// counts, seller_balances), never from sums over history.
import "server-only";
import { and, asc, desc, eq, getTableName, gt, gte, inArray, isNotNull, isNull, lt, ne, not, or, sql } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { accountNames, idsOf, named, productNames } from "@/db/lookups";
import { countAll, qualified, sumCents } from "@/db/sql";
import {
  accounts,
  agreements,
  charges,
  consolidatedBills,
  disbursementLines,
  disbursements,
  jobRuns,
  ledgerTotals,
  payments,
  pendingShares,
  products,
  sellerBalances,
  sellerRegistrations,
} from "@/db/schema";
import type { JobKind } from "@/db/enums";
import { HOLD_REASON } from "@/lib/billing/disburse";
import { billCounts } from "@/lib/billing/overdue";
import type { BILLS_TABLE, BillRow, BillState, PAYOUTS_TABLE, PayoutRow, WAITING_TABLE, WaitingRow } from "@/lib/billing/table";
import { parseAccountId } from "@/lib/account-id";
import { offsetOf, type TableParams } from "@/lib/tables/params";
import { describeSchedule, nextPayoutDate, type PayoutSchedule } from "@/lib/billing/schedule";
import { now } from "@/lib/clock";
import { runState } from "@/lib/jobs/lease";
import { registrationStatus } from "@/lib/sellers/registration";

const isv = alias(accounts, "isv");
const partner = alias(accounts, "partner");
const customer = alias(accounts, "customer");

export function isOverdue(bill: { status: string; dueAt: Date }, at: Date = now()) {
  return bill.status === "issued" && bill.dueAt.getTime() < at.getTime();
}

/**
 * Bills as a table: the customer's own (all of them for a rep when
 * `customerAccountId` is null), filtered by state as of now (open, overdue,
 * paid), searched by number (and customer for reps), sorted and paged in SQL.
 * By period, a period's supplementary bills sit next to its first (after it oldest first, before it
 * newest first).
 */
export async function listBills(db: Db, customerAccountId: string | null, params: TableParams<(typeof BILLS_TABLE.sortable)[number], "state">) {
  const at = now();
  const states = params.filters.state ?? [];
  const stateFilter = states.length
    ? or(
        states.includes("open") ? and(eq(consolidatedBills.status, "issued"), gte(consolidatedBills.dueAt, at)) : undefined,
        states.includes("overdue") ? and(eq(consolidatedBills.status, "issued"), lt(consolidatedBills.dueAt, at)) : undefined,
        states.includes("paid") ? eq(consolidatedBills.status, "paid") : undefined,
      )
    : undefined;
  const accountId = parseAccountId(params.q);
  const search = params.q
    ? or(
        containsInsensitive(consolidatedBills.number, params.q),
        customerAccountId ? undefined : containsInsensitive(customer.name, params.q),
        !customerAccountId && accountId ? eq(consolidatedBills.customerAccountId, accountId) : undefined,
      )
    : undefined;
  const where = and(customerAccountId ? eq(consolidatedBills.customerAccountId, customerAccountId) : undefined, stateFilter, search);
  const direction = params.sort.desc ? desc : asc;
  // By period, all one direction, so the (period, sequence, id) index serves it read forwards or backwards.
  const order =
    params.sort.id === "due"
      ? [direction(consolidatedBills.dueAt), asc(consolidatedBills.id)]
      : params.sort.id === "total"
        ? [direction(consolidatedBills.totalCents), asc(consolidatedBills.id)]
        : params.sort.id === "customer" && !customerAccountId
          ? [direction(customer.name), desc(consolidatedBills.period), asc(consolidatedBills.id)]
          : [direction(consolidatedBills.period), direction(consolidatedBills.sequence), direction(consolidatedBills.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ bill: consolidatedBills, customerName: customer.name })
      .from(consolidatedBills)
      .innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId))
      .where(where)
      .orderBy(...order)
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    // The marketplace's bills by state are counted as they are kept (period totals, the overdue
    // figure); a search, or one customer's bills, is counted from the rows.
    !customerAccountId && !params.q
      ? billCounts(db, at).then((c) => [{ n: states.length ? states.reduce((n, state) => n + (c[state as BillState] ?? 0), 0) : c.all }])
      : db.select({ n: countAll() }).from(consolidatedBills).innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId)).where(where),
  ]);
  return {
    rows: rows.map(
      ({ bill, customerName }): BillRow => ({
        id: bill.id,
        number: bill.number,
        period: bill.period,
        sequence: bill.sequence,
        customerName,
        state: bill.status === "paid" ? "paid" : isOverdue(bill, at) ? "overdue" : "open",
        issuedAt: bill.issuedAt.toISOString(),
        dueAt: bill.dueAt.toISOString(),
        totalCents: bill.totalCents,
        currency: bill.currency,
      }),
    ),
    total: total?.n ?? 0,
  };
}

/** A bill with its lines (product, manufacturer, seller of record, period, amount), its payments and the period's other bills; null if not the customer's. */
export async function billDetail(db: Db, billId: string, customerAccountId: string | null) {
  const [bill] = await db
    .select({ bill: consolidatedBills, customerName: customer.name })
    .from(consolidatedBills)
    .innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId))
    .where(and(eq(consolidatedBills.id, billId), customerAccountId ? eq(consolidatedBills.customerAccountId, customerAccountId) : undefined));
  if (!bill) return null;
  const [lines, paid, siblings] = await Promise.all([
    db
      .select({ id: charges.id, period: charges.period, amountCents: charges.customerCents, productName: products.name, manufacturer: isv.name, sellerOfRecord: partner.name, agreementId: charges.agreementId, billing: agreements.billing })
      .from(charges)
      .innerJoin(agreements, eq(agreements.id, charges.agreementId))
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(isv, eq(isv.id, charges.isvAccountId))
      .innerJoin(partner, eq(partner.id, charges.partnerAccountId))
      .where(eq(charges.billId, billId))
      .orderBy(asc(products.name))
      .limit(500),
    db.select().from(payments).where(eq(payments.billId, billId)),
    db
      .select({ id: consolidatedBills.id, number: consolidatedBills.number, sequence: consolidatedBills.sequence, status: consolidatedBills.status, totalCents: consolidatedBills.totalCents, currency: consolidatedBills.currency })
      .from(consolidatedBills)
      // Its supplementary bills: numbered in sequence per customer, period and currency (the unique index this reads).
      .where(
        and(
          eq(consolidatedBills.customerAccountId, bill.bill.customerAccountId),
          eq(consolidatedBills.period, bill.bill.period),
          eq(consolidatedBills.currency, bill.bill.currency),
          ne(consolidatedBills.id, billId),
        ),
      )
      .orderBy(asc(consolidatedBills.sequence)),
  ]);
  return { ...bill.bill, customerName: bill.customerName, overdue: isOverdue(bill.bill), lines, payments: paid, siblings };
}

/**
 * The oldest share a balance row's seller has collected and not yet been paid, in the row's currency:
 * the first entry of pending_shares_seller_idx (seller, currency, collected_at) — one seek, however
 * many shares wait. Without the currency the index cannot stop at its first entry, and a seller's
 * whole backlog was read on every request. Every column is written with its table (`qualified`):
 * sellerMoney selects from seller_balances alone.
 */
function oldestPendingOf() {
  const sb = getTableName(sellerBalances);
  return sql`(select min(${qualified("ps", pendingShares.collectedAt)}) from ${pendingShares} ${sql.identifier("ps")} where ${qualified("ps", pendingShares.sellerAccountId)} = ${qualified(sb, sellerBalances.sellerAccountId)} and ${qualified("ps", pendingShares.currency)} = ${qualified(sb, sellerBalances.currency)})`.mapWith(pendingShares.collectedAt);
}

/** The seller's money per currency (kept as data), its schedule, and whether payouts are held. */
export async function sellerMoney(db: Db, sellerAccountId: string) {
  const [withOldest, [seller]] = await Promise.all([
    db.select({ balance: sellerBalances, oldestPendingAt: oldestPendingOf() }).from(sellerBalances).where(eq(sellerBalances.sellerAccountId, sellerAccountId)).orderBy(asc(sellerBalances.currency)),
    db.select({ registration: sellerRegistrations }).from(accounts).leftJoin(sellerRegistrations, eq(sellerRegistrations.accountId, accounts.id)).where(eq(accounts.id, sellerAccountId)),
  ]);
  const balances = withOldest.map((b) => b.balance);
  // The oldest share collected and not yet paid out, whatever its currency.
  const oldestPendingAt = withOldest.reduce<Date | null>((oldest, b) => (b.oldestPendingAt && (!oldest || b.oldestPendingAt < oldest) ? b.oldestPendingAt : oldest), null);
  const registration = seller?.registration ?? undefined;
  const usd = balances.find((b) => b.currency === "USD") ?? balances[0];
  const complete = registrationStatus(registration).status === "complete";
  const schedule: PayoutSchedule = { schedule: registration?.disbursementSchedule ?? null, day: registration?.disbursementDay ?? null };
  const collected = usd?.pendingCents ?? 0;
  return {
    currency: usd?.currency ?? "USD",
    owedCents: usd?.owedCents ?? 0,
    collectedCents: collected,
    paidOutCents: usd?.paidOutCents ?? 0,
    lastPaidAt: usd?.lastPaidAt ?? null,
    /** The oldest share collected and waiting, in any currency (a monthly schedule pays it on its next payday). */
    oldestPendingAt,
    otherCurrencies: balances.filter((b) => b !== usd),
    hold: !complete && collected > 0 ? HOLD_REASON : null,
    schedule: registration?.disbursementSchedule ? schedule : null,
    scheduleText: registration?.disbursementSchedule ? describeSchedule(schedule) : null,
    nextPayout: complete && collected > 0 ? nextPayoutDate(schedule, { lastPaidAt: usd?.lastPaidAt ?? null, oldestPendingAt }, now()) : null,
  };
}

/** The seller's payouts as a table: filtered by status, searched by reference, sorted by date or amount, paged. */
export async function sellerPayouts(db: Db, sellerAccountId: string, params: TableParams<(typeof PAYOUTS_TABLE.sortable)[number], "status">) {
  const statuses = (params.filters.status ?? []).filter((v): v is PayoutRow["status"] => v === "in_progress" || v === "completed");
  const where = and(
    eq(disbursements.sellerAccountId, sellerAccountId),
    statuses.length ? inArray(disbursements.status, statuses) : undefined,
    params.q ? containsInsensitive(disbursements.reference, params.q) : undefined,
  );
  const direction = params.sort.desc ? desc : asc;
  const order = params.sort.id === "amount" ? direction(disbursements.amountCents) : direction(disbursements.createdAt);
  const [rows, [total]] = await Promise.all([
    db.select().from(disbursements).where(where).orderBy(order, desc(disbursements.id)).limit(params.pageSize).offset(offsetOf(params)),
    db.select({ n: countAll() }).from(disbursements).where(where),
  ]);
  return {
    rows: rows.map(
      (d): PayoutRow => ({
        id: d.id,
        reference: d.reference,
        status: d.status === "in_progress" ? "in_progress" : "completed",
        lineCount: d.lineCount,
        amountCents: d.amountCents,
        currency: d.currency,
        date: (d.completedAt ?? d.createdAt).toISOString(),
      }),
    ),
    total: total?.n ?? 0,
  };
}

export type PayoutViewer = { role: "isv" | "partner"; accountId: string } | { role: "rep" };

/**
 * A payout's remittance advice: which charges it paid (bill, period, product,
 * share), one page at a time. A vendor sees the partner as the buyer, never the
 * end customer; a partner sees its customer; a rep sees both. Null when the
 * payout is not the viewer's.
 */
export async function payoutDetail(db: Db, payoutId: string, viewer: PayoutViewer, { limit = 50, offset = 0 } = {}) {
  const [payout] = await db
    .select({ payout: disbursements, sellerName: accounts.name })
    .from(disbursements)
    .innerJoin(accounts, eq(accounts.id, disbursements.sellerAccountId))
    .where(and(eq(disbursements.id, payoutId), viewer.role === "rep" ? undefined : eq(disbursements.sellerAccountId, viewer.accountId)));
  if (!payout) return null;
  const rows = await db
    .select({
      id: disbursementLines.id,
      shareRole: disbursementLines.shareRole,
      amountCents: disbursementLines.amountCents,
      period: charges.period,
      billNumber: consolidatedBills.number,
      productId: agreements.productId,
      partnerAccountId: charges.partnerAccountId,
      customerAccountId: charges.customerAccountId,
    })
    .from(disbursementLines)
    .innerJoin(charges, eq(charges.id, disbursementLines.chargeId))
    .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
    .innerJoin(agreements, eq(agreements.id, charges.agreementId))
    .where(eq(disbursementLines.disbursementId, payoutId))
    .orderBy(asc(disbursementLines.id))
    .limit(limit)
    .offset(offset);
  const showCustomer = viewer.role !== "isv";
  // Names apart from the lines' query (db/lookups.ts): a join of seven tables was planned on every page.
  const [productNameOf, accountNameOf] = await Promise.all([
    productNames(db, idsOf(rows, (r) => r.productId)),
    accountNames(db, idsOf(rows, (r) => r.partnerAccountId, (r) => (showCustomer ? r.customerAccountId : null))),
  ]);
  return {
    ...payout.payout,
    sellerName: payout.sellerName,
    lines: rows.map(({ productId, customerAccountId, ...line }) => ({
      ...line,
      productName: named(productNameOf, productId, "product"),
      partnerName: named(accountNameOf, line.partnerAccountId, "account"),
      // The vendor's view names the partner as the buyer; the customer never reaches it.
      customerName: showCustomer ? named(accountNameOf, customerAccountId, "account") : null,
      customerAccountId: showCustomer ? customerAccountId : null,
    })),
  };
}

/** Each ledger account's balance, and whether debits equal credits. */
export async function trialBalance(db: Db) {
  // Kept with every posting (lib/reports/totals.ts): a handful of rows, however long the ledger.
  const rows = (
    await db
      .select({ account: ledgerTotals.ledgerAccount, currency: ledgerTotals.currency, debits: ledgerTotals.debitCents, credits: ledgerTotals.creditCents, entries: ledgerTotals.entries })
      .from(ledgerTotals)
      .orderBy(ledgerTotals.currency, ledgerTotals.ledgerAccount)
  ).map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits), entries: Number(r.entries) }));
  const debits = rows.reduce((s, r) => s + r.debits, 0);
  const credits = rows.reduce((s, r) => s + r.credits, 0);
  return { rows, debits, credits, balanced: debits === credits };
}

/** A run as people see it: its state (interrupted when its owner died), progress and figures. */
export function describeRun(run: typeof jobRuns.$inferSelect, wallNow = Date.now()) {
  return {
    id: run.id,
    kind: run.kind,
    period: run.period,
    trigger: run.trigger,
    state: runState(run, wallNow),
    done: run.done,
    total: run.total,
    summary: run.summary,
    takeovers: run.takeovers,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    heartbeatAt: run.heartbeatAt,
  };
}

export type RunView = ReturnType<typeof describeRun>;

export async function jobRun(db: Db, id: string) {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  return row ? describeRun(row) : null;
}

export async function recentRuns(db: Db, kind: JobKind, params: TableParams<"started", "status">) {
  const statuses = (params.filters.status ?? []).filter((v): v is "running" | "completed" | "failed" => ["running", "completed", "failed"].includes(v));
  const where = and(eq(jobRuns.kind, kind), statuses.length ? inArray(jobRuns.status, statuses) : undefined, params.q ? containsInsensitive(jobRuns.scope, params.q) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(jobRuns)
      .where(where)
      .orderBy(params.sort.desc ? desc(jobRuns.startedAt) : asc(jobRuns.startedAt), desc(jobRuns.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    db.select({ n: countAll() }).from(jobRuns).where(where),
  ]);
  const wall = Date.now();
  return { rows: rows.map((r) => describeRun(r, wall)), total: total?.n ?? 0 };
}

/** The newest live or interrupted run of a kind, if any (the console follows it, or offers to finish it). */
export async function openRunOf(db: Db, kind: JobKind) {
  const [row] = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.kind, kind), eq(jobRuns.status, "running")))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  if (!row) return null;
  const run = describeRun(row);
  return { id: run.id, period: run.period, state: run.state, done: run.done, total: run.total, summary: run.summary, takeovers: run.takeovers, error: run.error };
}

/**
 * Every seller with money waiting, as a table: largest first by default,
 * filtered to held or scheduled sellers, searched by name or account id; each
 * with amount, schedule and next payout date, or the hold and its reason.
 */
export async function sellersWithMoneyWaiting(db: Db, params: TableParams<(typeof WAITING_TABLE.sortable)[number], "state">) {
  const complete = and(isNotNull(sellerRegistrations.profileCompletedAt), isNotNull(sellerRegistrations.bankingCompletedAt), isNotNull(sellerRegistrations.taxCompletedAt));
  const states = params.filters.state ?? [];
  const stateFilter = states.length === 1 ? (states[0] === "held" ? or(isNull(sellerRegistrations.accountId), not(complete!)) : complete) : undefined;
  const accountId = parseAccountId(params.q);
  const waiting = gt(sellerBalances.pendingCents, 0);
  const chosen = and(stateFilter, params.q ? or(containsInsensitive(accounts.name, params.q), accountId ? eq(accounts.id, accountId) : undefined) : undefined);
  const where = and(waiting, chosen);
  const direction = params.sort.desc ? desc : asc;
  const order = params.sort.id === "seller" ? direction(accounts.name) : direction(sellerBalances.pendingCents);
  const base = () =>
    db
      .select({ balance: sellerBalances, name: accounts.name, type: accounts.type, registration: sellerRegistrations, oldestPendingAt: oldestPendingOf() })
      .from(sellerBalances)
      .innerJoin(accounts, eq(accounts.id, sellerBalances.sellerAccountId))
      .leftJoin(sellerRegistrations, eq(sellerRegistrations.accountId, sellerBalances.sellerAccountId));
  const [rows, [total]] = await Promise.all([
    base().where(where).orderBy(order, asc(sellerBalances.sellerAccountId)).limit(params.pageSize).offset(offsetOf(params)),
    // The table's count and the whole marketplace's money waiting, in one read of the waiting balances.
    db
      .select({ n: chosen ? sql<number>`count(*) filter (where ${chosen})`.mapWith(Number) : countAll(), dueCents: sumCents(sellerBalances.pendingCents), sellers: countAll() })
      .from(sellerBalances)
      .innerJoin(accounts, eq(accounts.id, sellerBalances.sellerAccountId))
      .leftJoin(sellerRegistrations, eq(sellerRegistrations.accountId, sellerBalances.sellerAccountId))
      .where(waiting),
  ]);
  const at = now();
  return {
    total: total?.n ?? 0,
    /** Money collected and waiting for its sellers' next payouts (kept as data), and how many balances wait, whatever the filters. */
    due: { cents: total?.dueCents ?? 0, sellers: total?.sellers ?? 0 },
    rows: rows.map(({ balance, name, type, registration, oldestPendingAt }): WaitingRow => {
      const isComplete = registrationStatus(registration).status === "complete";
      const schedule: PayoutSchedule = { schedule: registration?.disbursementSchedule ?? null, day: registration?.disbursementDay ?? null };
      return {
        id: `${balance.sellerAccountId}-${balance.currency}`,
        sellerAccountId: balance.sellerAccountId,
        name,
        role: type === "isv" ? "Vendor" : "Partner",
        currency: balance.currency,
        amountCents: balance.pendingCents,
        shares: balance.pendingCount,
        schedule: isComplete ? describeSchedule(schedule) : null,
        nextPayout: isComplete ? nextPayoutDate(schedule, { lastPaidAt: balance.lastPaidAt, oldestPendingAt }, at).toISOString() : null,
        hold: isComplete ? null : HOLD_REASON,
      };
    }),
  };
}
