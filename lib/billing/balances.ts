// Each seller's money kept as data (seller_balances), moved in the same
// transaction as the change: billing adds to what customers owe, a payment moves
// it to collected-and-waiting, a payout moves that to paid out. Pages read these
// rows instead of summing history; balances.int.test.ts checks them against the
// full sums after generated histories.
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { sellerBalances } from "@/db/schema";

export interface BalanceDelta {
  sellerAccountId: string;
  currency: string;
  owedCents?: number;
  pendingCents?: number;
  pendingCount?: number;
  paidOutCents?: number;
  lastPaidAt?: Date;
}

/** Sums deltas per seller and currency (a PostgreSQL upsert may touch each row once per statement). */
export function mergeDeltas(deltas: readonly BalanceDelta[]): BalanceDelta[] {
  const merged = new Map<string, Required<Omit<BalanceDelta, "lastPaidAt">> & { lastPaidAt?: Date }>();
  for (const d of deltas) {
    const key = `${d.sellerAccountId}|${d.currency}`;
    const into = merged.get(key) ?? { sellerAccountId: d.sellerAccountId, currency: d.currency, owedCents: 0, pendingCents: 0, pendingCount: 0, paidOutCents: 0 };
    into.owedCents += d.owedCents ?? 0;
    into.pendingCents += d.pendingCents ?? 0;
    into.pendingCount += d.pendingCount ?? 0;
    into.paidOutCents += d.paidOutCents ?? 0;
    if (d.lastPaidAt && (!into.lastPaidAt || d.lastPaidAt > into.lastPaidAt)) into.lastPaidAt = d.lastPaidAt;
    merged.set(key, into);
  }
  // Sorted, so concurrent transactions lock the rows in one order.
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/**
 * Applies the deltas in the caller's transaction. Growth is one upsert per
 * batch; a delta that takes money out (a payment moving owed to pending, a
 * payout) is an UPDATE of the existing row, so a balance that does not hold the
 * money fails the table's CHECK instead of going negative. (An upsert cannot
 * carry a negative delta: both databases check the proposed row's CHECKs before
 * they look for the conflict.)
 */
export async function adjustSellerBalances(tx: Tx, deltas: readonly BalanceDelta[]): Promise<void> {
  const rows = mergeDeltas(deltas).filter((d) => d.owedCents || d.pendingCents || d.pendingCount || d.paidOutCents || d.lastPaidAt);
  const growing = rows.filter((d) => (d.owedCents ?? 0) >= 0 && (d.pendingCents ?? 0) >= 0 && (d.pendingCount ?? 0) >= 0 && (d.paidOutCents ?? 0) >= 0);
  for (let i = 0; i < growing.length; i += 200) {
    await tx
      .insert(sellerBalances)
      .values(growing.slice(i, i + 200).map((d) => ({ ...d, lastPaidAt: d.lastPaidAt ?? null })))
      .onConflictDoUpdate({
        target: [sellerBalances.sellerAccountId, sellerBalances.currency],
        set: {
          owedCents: sql`${sellerBalances.owedCents} + excluded.owed_cents`,
          pendingCents: sql`${sellerBalances.pendingCents} + excluded.pending_cents`,
          pendingCount: sql`${sellerBalances.pendingCount} + excluded.pending_count`,
          paidOutCents: sql`${sellerBalances.paidOutCents} + excluded.paid_out_cents`,
          lastPaidAt: sql`coalesce(excluded.last_paid_at, ${sellerBalances.lastPaidAt})`,
        },
      });
  }
  for (const d of rows.filter((row) => !growing.includes(row))) {
    const updated = await tx
      .update(sellerBalances)
      .set({
        owedCents: sql`${sellerBalances.owedCents} + ${d.owedCents ?? 0}`,
        pendingCents: sql`${sellerBalances.pendingCents} + ${d.pendingCents ?? 0}`,
        pendingCount: sql`${sellerBalances.pendingCount} + ${d.pendingCount ?? 0}`,
        paidOutCents: sql`${sellerBalances.paidOutCents} + ${d.paidOutCents ?? 0}`,
        ...(d.lastPaidAt ? { lastPaidAt: d.lastPaidAt } : {}),
      })
      .where(and(eq(sellerBalances.sellerAccountId, d.sellerAccountId), eq(sellerBalances.currency, d.currency)))
      .returning({ seller: sellerBalances.sellerAccountId });
    if (updated.length === 0) throw new Error(`seller_balances has no row for ${d.sellerAccountId} ${d.currency}, yet money leaves it`);
  }
}
