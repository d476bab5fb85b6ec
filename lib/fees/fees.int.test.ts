import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { ensureReferenceData } from "@/db/seed";
import { feeTiersAt } from "@/lib/fees/queries";
import { updateFeeSchedule } from "@/lib/fees/service";
import { feeBpsForContract } from "@/lib/money";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  await ensureReferenceData(db);
});
afterAll(() => test.drop());

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe(`the fee schedule on ${dialect}`, () => {
  it("starts as DOMAIN.md's tiers and takes a rep's new schedule from its first day", async () => {
    const rep = await makeActor(db, "rep");
    expect(await feeTiersAt(db, new Date())).toEqual(expect.arrayContaining([{ minContractCents: 0, feeBps: 350 }, { minContractCents: 100_000_000, feeBps: 250 }, { minContractCents: 1_000_000_000, feeBps: 200 }]));
    const result = await updateFeeSchedule(db, rep, { effectiveOn: day(10), tiers: [{ fromDollars: "0", percent: "3" }, { fromDollars: "500,000", percent: "2.25" }] });
    expect(result.ok).toBe(true);
    // Offers extended before the date keep the old tiers; after it, the new ones apply.
    expect(feeBpsForContract(60_000_000, await feeTiersAt(db, new Date()))).toBe(350);
    expect(feeBpsForContract(60_000_000, await feeTiersAt(db, new Date(`${day(11)}T00:00:00Z`)))).toBe(225);
  });

  it("replaces a schedule saved again for the same day instead of failing", async () => {
    const rep = await makeActor(db, "rep");
    const first = await updateFeeSchedule(db, rep, { effectiveOn: day(20), tiers: [{ fromDollars: "0", percent: "3" }] });
    const again = await updateFeeSchedule(db, rep, { effectiveOn: day(20), tiers: [{ fromDollars: "0", percent: "2.5" }, { fromDollars: "1,000,000", percent: "2" }] });
    expect(first.ok && again.ok).toBe(true);
    const { feeTiers } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const rows = await db.select().from(feeTiers).where(eq(feeTiers.effectiveFrom, new Date(`${day(20)}T00:00:00Z`)));
    expect(rows.map((r) => [r.minContractCents, r.feeBps]).sort()).toEqual([
      [0, 250],
      [100_000_000, 200],
    ]);
  });

  it.each([
    ["a first tier above 0", { tiers: [{ fromDollars: "10", percent: "3" }] }, "tiers.0.fromDollars"],
    ["tiers out of order", { tiers: [{ fromDollars: "0", percent: "3" }, { fromDollars: "0", percent: "2" }] }, "tiers.1.fromDollars"],
    ["a 100% fee", { tiers: [{ fromDollars: "0", percent: "100" }] }, "tiers.0.percent"],
    ["a past start", { effectiveOn: "2020-01-01" }, "effectiveOn"],
    ["a day that does not exist (not rolled over to March 3rd)", { effectiveOn: "2027-02-31" }, "effectiveOn"],
    ["an empty start", { effectiveOn: "" }, "effectiveOn"],
  ])("refuses %s and writes nothing", async (_label, overrides, field) => {
    const rep = await makeActor(db, "rep");
    const before = await tableCounts(db);
    const result = await updateFeeSchedule(db, rep, { effectiveOn: day(3), tiers: [{ fromDollars: "0", percent: "3" }], ...overrides });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
    expect(await tableCounts(db)).toEqual(before);
  });
});
