// What the sweep forgets, on a real database: API idempotency keys after 24 hours (the same key is then
// a new request), throttle counters a week after their window began; nothing younger, in batches.
import { afterAll, describe, expect, it } from "vitest";
import { idempotencyKeys, throttleCounters } from "@/db/schema";
import { claimIdempotencyKey, storeIdempotent } from "@/lib/api/http";
import { hit } from "@/lib/auth/throttle";
import { runSweep } from "@/lib/jobs/sweep";
import { forgetExpired, IDEMPOTENCY_KEY_TTL_MS, THROTTLE_COUNTER_TTL_MS } from "@/lib/jobs/retention";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});

const HOUR = 3_600_000;

describe(`retention on ${dialect}`, () => {
  it("forgets idempotency keys after 24 hours and throttle counters a week after their window, younger ones kept, in batches", async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const db = t.handle.db;
    const user = await makeActor(db, "partner");
    const at = new Date("2026-06-10T12:00:00Z");
    const ages = [0, 1, 23, 25, 26, 48, 24 * 30].map((h) => h * HOUR);
    await db.transaction((tx) =>
      tx.insert(idempotencyKeys).values(
        ages.flatMap((age, i) =>
          [0, 1, 2].map((j) => ({ accountId: user.accountId, key: `key-${i}-${j}-padding`, fingerprint: "POST /x h", status: 200, response: { ok: true }, createdAt: new Date(at.getTime() - age - j) })),
        ),
      ),
    );
    const counterAges = [0, 1, 24, 24 * 6, 24 * 7 + 1, 24 * 30].map((h) => h * HOUR);
    await db.transaction((tx) => tx.insert(throttleCounters).values(counterAges.map((age, i) => ({ key: `signin:ip:10.0.0.${i}`, windowStart: new Date(at.getTime() - age), count: 3 }))));

    // Batches of 2 rows: the 12 old keys and 2 old counters take several.
    expect(await forgetExpired(db, at, 2)).toEqual({ idempotencyKeys: 4 * 3, throttleCounters: 2 });
    const keys = await db.select().from(idempotencyKeys);
    expect(keys).toHaveLength(3 * 3);
    expect(keys.every((k) => at.getTime() - k.createdAt.getTime() < IDEMPOTENCY_KEY_TTL_MS)).toBe(true);
    const counters = await db.select().from(throttleCounters);
    expect(counters.map((c) => c.key).sort()).toEqual(["signin:ip:10.0.0.0", "signin:ip:10.0.0.1", "signin:ip:10.0.0.2", "signin:ip:10.0.0.3"]);
    expect(counters.every((c) => at.getTime() - c.windowStart.getTime() < THROTTLE_COUNTER_TTL_MS)).toBe(true);
    // Nothing more to forget at the same moment.
    expect(await forgetExpired(db, at, 2)).toEqual({ idempotencyKeys: 0, throttleCounters: 0 });
  });

  it("answers a key again within the day, and runs it as a new request once the sweep has forgotten it", async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const db = t.handle.db;
    const user = await makeActor(db, "isv");
    const print = "POST /api/v1/products abc";
    expect(await claimIdempotencyKey(db, user.accountId, "order-2026-0001", print)).toBeNull();
    await storeIdempotent(db, user.accountId, "order-2026-0001", { status: 201, body: { id: "prod_x" } });
    const created = (await db.select().from(idempotencyKeys))[0]!.createdAt;
    await hit(db, ["signin:ip:192.0.2.7"], 15 * 60_000, created);
    // An hour later the sweep keeps both; the same key replays the stored answer.
    const hourLater = await runSweep(db, { at: new Date(created.getTime() + HOUR) });
    expect(hourLater).toMatchObject({ idempotencyKeys: 0, throttleCounters: 0 });
    expect(await claimIdempotencyKey(db, user.accountId, "order-2026-0001", print)).toEqual({ status: 201, body: { id: "prod_x" } });
    // Eight days later the sweep forgets both, and the key is a new request.
    const later = await runSweep(db, { at: new Date(created.getTime() + 8 * 24 * HOUR) });
    expect(later).toMatchObject({ idempotencyKeys: 1, throttleCounters: 1 });
    expect(await claimIdempotencyKey(db, user.accountId, "order-2026-0001", print)).toBeNull();
  });
});
