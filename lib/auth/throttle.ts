// Attempt counters for throttling, counted atomically in the database: an
// attempt takes its place in every counter (one upsert each, in one
// transaction) *before* the work it guards, so forty requests at once cannot
// all read "4 so far" and all go through. Fixed windows: a counter starts over
// once its window has passed.
import { eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { throttleCounters } from "@/db/schema";

/** Counts one attempt against each key; returns each key's count including this one. */
export async function hit(db: Db, keys: readonly string[], windowMs: number, at: Date): Promise<Map<string, number>> {
  const cutoff = new Date(at.getTime() - windowMs);
  const expired = lte(throttleCounters.windowStart, cutoff);
  return db.transaction(async (tx) => {
    const counts = new Map<string, number>();
    // Sorted, so two transactions never lock the same rows in opposite orders.
    for (const key of [...new Set(keys)].sort()) {
      const [row] = await tx
        .insert(throttleCounters)
        .values({ key, windowStart: at, count: 1 })
        .onConflictDoUpdate({
          target: throttleCounters.key,
          set: {
            count: sql`case when ${expired} then 1 else ${throttleCounters.count} + 1 end`,
            windowStart: sql`case when ${expired} then ${sql.param(at, throttleCounters.windowStart)} else ${throttleCounters.windowStart} end`,
          },
        })
        .returning({ count: throttleCounters.count });
      counts.set(key, row?.count ?? 1);
    }
    return counts;
  });
}

/** Gives back one attempt (it turned out to be a success that should not count). */
export async function release(db: Db, keys: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const key of [...new Set(keys)].sort()) {
      await tx
        .update(throttleCounters)
        .set({ count: sql`case when ${throttleCounters.count} > 0 then ${throttleCounters.count} - 1 else 0 end` })
        .where(eq(throttleCounters.key, key));
    }
  });
}

/** Forgets a key (e.g. an account and address after a successful sign-in). */
export async function clear(db: Db, keys: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const key of keys) await tx.delete(throttleCounters).where(eq(throttleCounters.key, key));
  });
}
