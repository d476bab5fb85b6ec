// Which bills are overdue, and the marketplace's overdue figure without reading every overdue bill.
// The sweep marks an open bill past due once (overdue_at) and adds it to its period's kept overdue
// figure (period_totals); charges billed onto it and its payment move that figure in their own
// transactions. What no sweep has marked yet is read beside it by the index on open,
// unmarked bills (consolidated_bills_status_marked_due_idx), so the figure is exact at any moment.
import { and, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { consolidatedBills, periodTotals } from "@/db/schema";

/** Open bills no sweep has marked: one range of consolidated_bills_status_marked_due_idx. */
export const unmarkedOpenBill: SQL = and(eq(consolidatedBills.status, "issued"), isNull(consolidatedBills.overdueAt))!;

/** Open bills past due that no sweep has marked yet: what the sweep marks next. */
export function unmarkedPastDue(at: Date): SQL {
  return and(unmarkedOpenBill, lt(consolidatedBills.dueAt, at))!;
}

/** Unpaid bills past their due date and their totals (in one currency, or the count in all), as of `at`. */
export async function overdueNow(db: Db, currency: string | null, at: Date): Promise<{ cents: number; bills: number }> {
  const [[kept], [unmarked]] = await Promise.all([
    db
      .select({ cents: sumCents(periodTotals.overdueCents), bills: sql<number>`coalesce(sum(${periodTotals.overdueBills}), 0)`.mapWith(Number) })
      .from(periodTotals)
      .where(currency ? eq(periodTotals.currency, currency) : undefined),
    db
      .select({ cents: sumCents(consolidatedBills.totalCents), bills: countAll() })
      .from(consolidatedBills)
      .where(and(unmarkedPastDue(at), currency ? eq(consolidatedBills.currency, currency) : undefined)),
  ]);
  return { cents: (kept?.cents ?? 0) + (unmarked?.cents ?? 0), bills: (kept?.bills ?? 0) + (unmarked?.bills ?? 0) };
}

/** How many bills are in each state the bills table filters by, over the whole marketplace: all kept as data. */
export async function billCounts(db: Db, at: Date): Promise<{ all: number; open: number; overdue: number; paid: number }> {
  const [[issued], overdue] = await Promise.all([
    db
      .select({ all: sql<number>`coalesce(sum(${periodTotals.bills}), 0)`.mapWith(Number), paid: sql<number>`coalesce(sum(${periodTotals.billsPaid}), 0)`.mapWith(Number) })
      .from(periodTotals),
    overdueNow(db, null, at),
  ]);
  const all = issued?.all ?? 0;
  const paid = issued?.paid ?? 0;
  return { all, paid, overdue: overdue.bills, open: all - paid - overdue.bills };
}
