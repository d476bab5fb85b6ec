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
  const windows = await hitWindows(db, keys, windowMs, at);
  return new Map([...windows].map(([key, w]) => [key, w.count]));
}

/** As `hit`, with each key's window start too (when its count starts over: a Retry-After). */
export async function hitWindows(db: Db, keys: readonly string[], windowMs: number, at: Date): Promise<Map<string, { count: number; windowStart: Date }>> {
  const cutoff = new Date(at.getTime() - windowMs);
  const expired = lte(throttleCounters.windowStart, cutoff);
  return db.transaction(async (tx) => {
    const windows = new Map<string, { count: number; windowStart: Date }>();
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
        .returning({ count: throttleCounters.count, windowStart: throttleCounters.windowStart });
      windows.set(key, { count: row?.count ?? 1, windowStart: row?.windowStart ?? at });
    }
    return windows;
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
