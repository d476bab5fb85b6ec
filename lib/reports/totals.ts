// Figures that grow with history, kept as data in the transaction that makes
// them: each ledger account's debits and credits (the trial balance), the
// charge lines summed per manufacturer, seller, product and period (report
// totals and monthly series), and the marketplace's money per billing period.
// Callers add to them at the very end of their transaction, each table in one
// sorted statement, so two transactions always lock these rows in the same
// order and after every other row they touch: no deadlock can run through them.
// reports.int.test.ts and the cycle tests compare every row with the full sums.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { chargeRollups, ledgerEntries, ledgerTotals, periodTotals } from "@/db/schema";

type LedgerRow = typeof ledgerEntries.$inferInsert;

const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
const BATCH = 200;

/** Adds the posted entries to their accounts' totals. */
export async function addLedgerTotals(tx: Tx, rows: readonly LedgerRow[]): Promise<void> {
  const sums = new Map<string, typeof ledgerTotals.$inferInsert & { debitCents: number; creditCents: number; entries: number }>();
  for (const r of rows) {
    const key = `${r.ledgerAccount}|${r.currency}`;
    const into = sums.get(key) ?? { ledgerAccount: r.ledgerAccount, currency: r.currency, debitCents: 0, creditCents: 0, entries: 0 };
    into.debitCents += r.debitCents;
    into.creditCents += r.creditCents;
    into.entries += 1;
    sums.set(key, into);
  }
  if (sums.size === 0) return;
  await tx
    .insert(ledgerTotals)
    .values(byKey(sums))
    .onConflictDoUpdate({
      target: [ledgerTotals.ledgerAccount, ledgerTotals.currency],
      set: {
        debitCents: sql`${ledgerTotals.debitCents} + excluded.debit_cents`,
        creditCents: sql`${ledgerTotals.creditCents} + excluded.credit_cents`,
        entries: sql`${ledgerTotals.entries} + excluded.entries`,
      },
    });
}

export interface ChargeForRollup {
  isvAccountId: string;
  partnerAccountId: string;
  productId: string;
  period: string;
  currency: string;
  listCents: number;
  wholesaleCents: number;
  customerCents: number;
  feeCents: number;
  isvShareCents: number;
  partnerShareCents: number;
}

type PeriodFigures = Omit<typeof periodTotals.$inferInsert, "period" | "currency">;
const PERIOD_FIGURES = ["lineCount", "billedCents", "feeCents", "collectedCents", "bills", "billsPaid", "overdueBills", "overdueCents", "paidOutCents", "payouts"] as const satisfies readonly (keyof PeriodFigures)[];
type PeriodDelta = { period: string; currency: string } & Partial<Record<(typeof PERIOD_FIGURES)[number], number>>;

/** Adds each delta to its period's marketplace figures: summed per period and currency, one sorted upsert. */
export async function addPeriodTotals(tx: Tx, deltas: readonly PeriodDelta[]): Promise<void> {
  const sums = new Map<string, { period: string; currency: string } & Record<(typeof PERIOD_FIGURES)[number], number>>();
  for (const d of deltas) {
    const key = `${d.period}|${d.currency}`;
    const into = sums.get(key) ?? { period: d.period, currency: d.currency, lineCount: 0, billedCents: 0, feeCents: 0, collectedCents: 0, bills: 0, billsPaid: 0, overdueBills: 0, overdueCents: 0, paidOutCents: 0, payouts: 0 };
    for (const figure of PERIOD_FIGURES) into[figure] += d[figure] ?? 0;
    sums.set(key, into);
  }
  if (sums.size === 0) return;
  await tx
    .insert(periodTotals)
    .values(byKey(sums))
    .onConflictDoUpdate({
      target: [periodTotals.period, periodTotals.currency],
      set: Object.fromEntries(PERIOD_FIGURES.map((f) => [f, sql`${periodTotals[f]} + excluded.${sql.identifier(periodTotals[f].name)}`])),
    });
}

/**
 * Adds new charge lines to their rollups and their period's marketplace totals: with the new bills
 * that hold them, and the cents billed onto bills already marked overdue (their period's overdue figure).
 */
export async function addChargeTotals(
  tx: Tx,
  lines: readonly ChargeForRollup[],
  newBills: readonly { period: string; currency: string }[],
  ontoOverdue: readonly { period: string; currency: string; cents: number }[] = [],
): Promise<void> {
  if (lines.length === 0) return;
  const rollups = new Map<string, typeof chargeRollups.$inferInsert & Record<"lineCount" | "listCents" | "wholesaleCents" | "customerCents" | "feeCents" | "isvShareCents" | "partnerShareCents", number>>();
  for (const c of lines) {
    const key = `${c.isvAccountId}|${c.period}|${c.partnerAccountId}|${c.productId}|${c.currency}`;
    const into = rollups.get(key) ?? {
      isvAccountId: c.isvAccountId,
      partnerAccountId: c.partnerAccountId,
      productId: c.productId,
      period: c.period,
      currency: c.currency,
      lineCount: 0,
      listCents: 0,
      wholesaleCents: 0,
      customerCents: 0,
      feeCents: 0,
      isvShareCents: 0,
      partnerShareCents: 0,
    };
    into.lineCount += 1;
    into.listCents += c.listCents;
    into.wholesaleCents += c.wholesaleCents;
    into.customerCents += c.customerCents;
    into.feeCents += c.feeCents;
    into.isvShareCents += c.isvShareCents;
    into.partnerShareCents += c.partnerShareCents;
    rollups.set(key, into);
  }
  const sorted = byKey(rollups);
  for (let i = 0; i < sorted.length; i += BATCH) {
    await tx
      .insert(chargeRollups)
      .values(sorted.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: [chargeRollups.isvAccountId, chargeRollups.period, chargeRollups.partnerAccountId, chargeRollups.productId, chargeRollups.currency],
        set: {
          lineCount: sql`${chargeRollups.lineCount} + excluded.line_count`,
          listCents: sql`${chargeRollups.listCents} + excluded.list_cents`,
          wholesaleCents: sql`${chargeRollups.wholesaleCents} + excluded.wholesale_cents`,
          customerCents: sql`${chargeRollups.customerCents} + excluded.customer_cents`,
          feeCents: sql`${chargeRollups.feeCents} + excluded.fee_cents`,
          isvShareCents: sql`${chargeRollups.isvShareCents} + excluded.isv_share_cents`,
          partnerShareCents: sql`${chargeRollups.partnerShareCents} + excluded.partner_share_cents`,
        },
      });
  }
  // addPeriodTotals sums the deltas per period and currency; a new bill counts where its lines do.
  const withLines = new Set(lines.map((c) => `${c.period}|${c.currency}`));
  await addPeriodTotals(tx, [
    ...lines.map((c) => ({ period: c.period, currency: c.currency, lineCount: 1, billedCents: c.customerCents, feeCents: c.feeCents })),
    ...newBills.filter((b) => withLines.has(`${b.period}|${b.currency}`)).map((b) => ({ period: b.period, currency: b.currency, bills: 1 })),
    ...ontoOverdue.map((o) => ({ period: o.period, currency: o.currency, overdueCents: o.cents })),
  ]);
}

/** A paid bill's total moves to its period's collected figure, and out of its overdue figure if the sweep had marked it. */
export async function addCollected(tx: Tx, bill: { period: string; currency: string; totalCents: number; overdueAt: Date | null }): Promise<void> {
  const overdue = bill.overdueAt ? { overdueBills: -1, overdueCents: -bill.totalCents } : {};
  await addPeriodTotals(tx, [{ period: bill.period, currency: bill.currency, collectedCents: bill.totalCents, billsPaid: 1, ...overdue }]);
}

/** Bills the sweep has just marked overdue join their period's overdue figure. */
export async function addOverdue(tx: Tx, bills: readonly { period: string; currency: string; totalCents: number }[]): Promise<void> {
  await addPeriodTotals(tx, bills.map((b) => ({ period: b.period, currency: b.currency, overdueBills: 1, overdueCents: b.totalCents })));
}

/** A completed payout joins the figures of the month (UTC) it completed in. */
export async function addPaidOut(tx: Tx, payout: { completedAt: Date; currency: string; amountCents: number }): Promise<void> {
  await addPeriodTotals(tx, [{ period: payout.completedAt.toISOString().slice(0, 7), currency: payout.currency, paidOutCents: payout.amountCents, payouts: 1 }]);
}
