// What the portal forgets, in the sweep: records that only mattered for a while and would otherwise
// grow with every request for as long as the portal runs.
// - An API Idempotency-Key is answered again for 24 hours (as Stripe does); after that the same key is
//   a new request. A claim whose request died is taken over after a minute anyway (lib/api/http.ts).
// - A throttle counter matters only within its window (15 minutes for sign-in, seconds for the API);
//   one whose window began a week ago counts nothing. Every address and e-mail typed into the sign-in
//   form leaves one, so a password sprayer's would stay forever.
// Deleted in bounded batches, each its own short transaction, so the portal's writes never wait long.
import { and, inArray, lt, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { idempotencyKeys, throttleCounters } from "@/db/schema";

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;
/** Longer than any throttle window the portal uses or an operator would set. */
export const THROTTLE_COUNTER_TTL_MS = 7 * 24 * 3_600_000;
const BATCH = 1_000;

export async function forgetExpired(db: Db, at: Date, batch = BATCH): Promise<{ idempotencyKeys: number; throttleCounters: number }> {
  const keysBefore = new Date(at.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const countersBefore = new Date(at.getTime() - THROTTLE_COUNTER_TTL_MS);
  let keys = 0;
  for (;;) {
    const gone = await db.transaction(async (tx) => {
      // By the createdAt index: the batch's last creation time bounds this delete.
      const [edge] = await tx.select({ at: idempotencyKeys.createdAt }).from(idempotencyKeys).where(lt(idempotencyKeys.createdAt, keysBefore)).orderBy(idempotencyKeys.createdAt).limit(1).offset(batch - 1);
      const deleted = await tx
        .delete(idempotencyKeys)
        .where(edge ? lte(idempotencyKeys.createdAt, edge.at) : lt(idempotencyKeys.createdAt, keysBefore))
        .returning({ key: idempotencyKeys.key });
      return { count: deleted.length, more: Boolean(edge) };
    });
    keys += gone.count;
    if (!gone.more) break;
  }
  let counters = 0;
  for (;;) {
    const gone = await db.transaction(async (tx) => {
      const old = await tx.select({ key: throttleCounters.key }).from(throttleCounters).where(lte(throttleCounters.windowStart, countersBefore)).limit(batch);
      if (old.length === 0) return 0;
      // Re-checked in the delete: a counter hit again since the read has a new window and stays.
      await tx.delete(throttleCounters).where(and(inArray(throttleCounters.key, old.map((c) => c.key)), lte(throttleCounters.windowStart, countersBefore)));
      return old.length;
    });
    counters += gone;
    if (gone < batch) break;
  }
  return { idempotencyKeys: keys, throttleCounters: counters };
}
