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

type Overdue = { cents: number; bills: number };

/**
 * Past-due bills no sweep has marked yet, and their totals (in one currency, or in all), as of `at`:
 * the overdue figure is these plus the kept overdue figures of period_totals, which the callers
 * read with that table's other figures (one read of it, not two).
 */
export async function overdueUnmarked(db: Db, currency: string | null, at: Date): Promise<Overdue> {
  const [row] = await db
    .select({ cents: sumCents(consolidatedBills.totalCents), bills: countAll() })
    .from(consolidatedBills)
    .where(and(unmarkedPastDue(at), currency ? eq(consolidatedBills.currency, currency) : undefined));
  return { cents: row?.cents ?? 0, bills: row?.bills ?? 0 };
}

/** How many bills are in each state the bills table filters by, over the whole marketplace: all kept as data. */
export async function billCounts(db: Db, at: Date): Promise<{ all: number; open: number; overdue: number; paid: number }> {
  const figure = (column: typeof periodTotals.bills) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const [[issued], unmarked] = await Promise.all([
    db.select({ all: figure(periodTotals.bills), paid: figure(periodTotals.billsPaid), overdue: figure(periodTotals.overdueBills) }).from(periodTotals),
    overdueUnmarked(db, null, at),
  ]);
  const all = issued?.all ?? 0;
  const paid = issued?.paid ?? 0;
  const overdue = (issued?.overdue ?? 0) + unmarked.bills;
  return { all, paid, overdue, open: all - paid - overdue };
}
