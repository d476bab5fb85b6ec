// Tallies are kept by triggers in the statement that changes what they count: every path that writes
// accounts, users, registrations or agreements keeps them equal to a count of the rows.
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMany, type Db } from "@/db";
import { talliesOf } from "@/db/lookups";
import { countAll } from "@/db/sql";
import { accounts, agreements, sellerRegistrations, tallies, users } from "@/db/schema";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { createTestDatabase, dialect, execRaw, type TestDatabase } from "@/db/testing/database";
import { makeUser, registerSeller } from "@/db/testing/fixtures";
import { createAccount, createUser } from "@/lib/accounts/accounts";

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(async () => {
  await t.drop();
});

/** What each tally should say, counted from the rows. */
async function counted(partnerIds: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = { "accounts.isv": 0, "accounts.partner": 0, "accounts.customer": 0, "accounts.marketplace": 0 };
  for (const row of await db.select({ type: accounts.type, n: countAll() }).from(accounts).groupBy(accounts.type)) out[`accounts.${row.type}`] = row.n;
  const [people] = await db.select({ n: countAll() }).from(users);
  out.users = people!.n;
  const [sellers] = await db
    .select({ n: countAll() })
    .from(sellerRegistrations)
    .innerJoin(accounts, eq(accounts.id, sellerRegistrations.accountId))
    .where(
      and(
        inArray(accounts.type, ["isv", "partner"]),
        isNotNull(sellerRegistrations.profileCompletedAt),
        isNotNull(sellerRegistrations.bankingCompletedAt),
        isNotNull(sellerRegistrations.taxCompletedAt),
      ),
    );
  out["sellers.registered"] = sellers!.n;
  for (const id of partnerIds) {
    const [sold] = await db.select({ n: countAll() }).from(agreements).where(eq(agreements.partnerAccountId, id));
    out[`agreements.partner.${id}`] = sold!.n;
  }
  return out;
}

async function expectTalliesMatch(partnerIds: readonly string[] = []) {
  const expected = await counted(partnerIds);
  expect(await talliesOf(db, Object.keys(expected))).toEqual(expected);
}

describe(`tallies on ${dialect}`, () => {
  it("count accounts and users as sign-up creates them, one at a time and in bulk", async () => {
    await expectTalliesMatch();
    await db.transaction(async (tx) => {
      const isv = await createAccount(tx, { type: "isv", name: "Tally ISV" });
      await createUser(tx, { accountId: isv!.id, email: "tally-isv@example.com", name: "T", role: "isv", passwordHash: "x" });
      await createAccount(tx, { type: "customer", name: "Tally customer" });
    });
    const at = new Date();
    // One statement of several rows (the bulk path the seed data and fixtures take).
    await db.transaction((tx) =>
      insertMany(
        tx,
        accounts,
        ["900000000001", "900000000002", "900000000003"].map((id) => ({ id, type: "customer" as const, name: id, createdAt: at })),
      ),
    );
    const before = await talliesOf(db, ["accounts.customer", "accounts.isv", "users"]);
    expect(before["accounts.customer"]).toBeGreaterThanOrEqual(4);
    await expectTalliesMatch();
  });

  it("count a registered seller when its last step is done, not a customer's registration, and undo on the way back", async () => {
    const partner = await makeUser(db, "partner");
    const customer = await makeUser(db, "customer");
    const sellersBefore = (await talliesOf(db, ["sellers.registered"]))["sellers.registered"];
    await registerSeller(db, customer.accountId);
    expect((await talliesOf(db, ["sellers.registered"]))["sellers.registered"]).toBe(sellersBefore);

    // Step by step, as the wizard saves: counted only once the third step is done.
    const at = new Date();
    await db.transaction((tx) => tx.insert(sellerRegistrations).values({ accountId: partner.accountId, legalName: "Steps LLC", country: "US", profileCompletedAt: at, updatedAt: at }));
    await db.transaction((tx) => tx.update(sellerRegistrations).set({ bankingCompletedAt: at }).where(eq(sellerRegistrations.accountId, partner.accountId)));
    expect((await talliesOf(db, ["sellers.registered"]))["sellers.registered"]).toBe(sellersBefore);
    await db.transaction((tx) => tx.update(sellerRegistrations).set({ taxCompletedAt: at }).where(eq(sellerRegistrations.accountId, partner.accountId)));
    expect((await talliesOf(db, ["sellers.registered"]))["sellers.registered"]).toBe(sellersBefore + 1);
    // Saving a step again moves nothing; a step undone, or the registration removed, counts it out.
    await db.transaction((tx) => tx.update(sellerRegistrations).set({ legalName: "Steps Inc" }).where(eq(sellerRegistrations.accountId, partner.accountId)));
    expect((await talliesOf(db, ["sellers.registered"]))["sellers.registered"]).toBe(sellersBefore + 1);
    await db.transaction((tx) => tx.update(sellerRegistrations).set({ taxCompletedAt: null }).where(eq(sellerRegistrations.accountId, partner.accountId)));
    expect((await talliesOf(db, ["sellers.registered"]))["sellers.registered"]).toBe(sellersBefore);
    const vendor = await makeUser(db, "isv");
    await registerSeller(db, vendor.accountId);
    await expectTalliesMatch();
    await db.transaction((tx) => tx.delete(sellerRegistrations).where(eq(sellerRegistrations.accountId, vendor.accountId)));
    await expectTalliesMatch();
  });

  it("count each partner's agreements through the bulk marketplace's batches, and a deleted user", async () => {
    const market = await createBulkMarketplace(db, { vendors: 2, partners: 3, customers: 7, agreements: 50, startsAt: () => new Date("2026-01-01T00:00:00Z"), batch: 16 });
    const partnerIds = market.partnerIds;
    expect(partnerIds).toHaveLength(3);
    await expectTalliesMatch(partnerIds);
    const total = Object.values(await talliesOf(db, partnerIds.map((id) => `agreements.partner.${id}`))).reduce((a, b) => a + b, 0);
    expect(total).toBe(50);
    await db.transaction((tx) => tx.delete(users).where(eq(users.email, "tally-isv@example.com")));
    await expectTalliesMatch(partnerIds);
  });

  it("are counted from the rows already there when the migration runs", async () => {
    const partnerIds = (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.type, "partner"))).map((r) => r.id);
    const expected = await counted(partnerIds);
    // The migration's own backfill statements, run again on emptied tallies.
    const file = fs.readFileSync(path.join(process.cwd(), "db", "migrations", dialect, "0012_tallies.sql"), "utf8");
    const backfill = file
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*INSERT INTO/i.test(s));
    expect(backfill).toHaveLength(4);
    await execRaw(t.url, [dialect === "pg" ? "DELETE FROM tallies" : "DELETE FROM `tallies`", ...backfill]);
    expect(await talliesOf(db, Object.keys(expected))).toEqual(expected);
    const [rows] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tallies);
    expect(rows!.n).toBeGreaterThan(0);
  });
});
