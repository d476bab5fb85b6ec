// Tallies are kept by triggers in the statement that changes what they count: every path that writes
// accounts, users, registrations or agreements keeps them equal to a count of the rows.
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMany, type Db } from "@/db";
import { talliesOf, talliesUnder } from "@/db/lookups";
import { countAll } from "@/db/sql";
import { accounts, agreements, privateOffers, resaleAuthorizations, sellerRegistrations, tallies, users } from "@/db/schema";
import { newId } from "@/lib/ids";
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
async function counted(partnerIds: readonly string[], isvIds: readonly string[] = []): Promise<Record<string, number>> {
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
  for (const id of isvIds) {
    const [sold] = await db.select({ n: countAll() }).from(agreements).where(eq(agreements.isvAccountId, id));
    out[`agreements.isv.${id}`] = sold!.n;
  }
  return out;
}

async function expectTalliesMatch(partnerIds: readonly string[] = [], isvIds: readonly string[] = []) {
  const expected = await counted(partnerIds, isvIds);
  expect(await talliesOf(db, Object.keys(expected))).toEqual(expected);
}

/** Every vendor's channel tallies, counted from the rows as the channel page did before they were kept. */
async function countedChannel(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const put = (isv: string, partner: string, part: string, n: number) => {
    if (n !== 0) out[`channel.${isv}.${partner}.${part}`] = n;
  };
  const invitations = await db
    .select({
      isv: resaleAuthorizations.isvAccountId,
      partner: resaleAuthorizations.partnerAccountId,
      sent: countAll(),
      joined: sql<number>`sum(case when ${resaleAuthorizations.status} in ('accepted', 'revoked') then 1 else 0 end)`.mapWith(Number),
    })
    .from(resaleAuthorizations)
    .groupBy(resaleAuthorizations.isvAccountId, resaleAuthorizations.partnerAccountId);
  for (const r of invitations) {
    put(r.isv, r.partner, "invited", r.sent);
    put(r.isv, r.partner, "joined", r.joined);
  }
  const offers = await db
    .select({
      isv: privateOffers.isvAccountId,
      partner: privateOffers.partnerAccountId,
      extended: countAll(),
      won: sql<number>`sum(case when ${privateOffers.status} = 'accepted' then 1 else 0 end)`.mapWith(Number),
    })
    .from(privateOffers)
    .where(isNotNull(privateOffers.extendedAt))
    .groupBy(privateOffers.isvAccountId, privateOffers.partnerAccountId);
  for (const r of offers) {
    put(r.isv, r.partner, "extended", r.extended);
    put(r.isv, r.partner, "won", r.won);
  }
  return out;
}

async function keptChannel(): Promise<Record<string, number>> {
  return Object.fromEntries((await talliesUnder(db, "channel.")).filter((r) => r.n !== 0).map((r) => [r.key, r.n]));
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

  it("count each vendor's channel: invitations sent and accepted, offers extended and won, through every change of state", async () => {
    const market = await createBulkMarketplace(db, { vendors: 2, partners: 3, customers: 4, agreements: 20, startsAt: () => new Date("2026-02-01T00:00:00Z"), batch: 7 });
    const expectChannel = async () => expect(await keptChannel()).toEqual(await countedChannel());
    await expectChannel();
    await expectTalliesMatch(market.partnerIds, market.vendorIds);
    expect((await talliesOf(db, [`agreements.isv.${market.vendorIds[0]}`]))[`agreements.isv.${market.vendorIds[0]}`]).toBe(10);
    const [isv, other] = market.vendorIds as [string, string];
    const [partner, second] = market.partnerIds as [string, string];
    const prefix = `channel.${isv}.${partner}.`;
    const kept = async () => Object.fromEntries((await talliesUnder(db, prefix)).map((r) => [r.key.slice(prefix.length), r.n]));
    expect(await kept()).toMatchObject({ invited: 1, joined: 1 });
    const before = await kept();

    // An invitation: sent when made, joined when accepted; a revoked one was accepted first.
    const invitation = newId("auth");
    const at = new Date();
    await db.transaction((tx) =>
      tx.insert(resaleAuthorizations).values({ id: invitation, isvAccountId: isv, partnerAccountId: partner, status: "pending", expiresAt: at, use: "one_time", offersExtended: 0, createdAt: at }),
    );
    expect(await kept()).toMatchObject({ invited: before.invited! + 1, joined: before.joined });
    for (const status of ["accepted", "revoked"] as const) {
      await db.transaction((tx) => tx.update(resaleAuthorizations).set({ status }).where(eq(resaleAuthorizations.id, invitation)));
      expect(await kept()).toMatchObject({ invited: before.invited! + 1, joined: before.joined! + 1 });
    }
    await expectChannel();

    // An offer: nothing while a draft, extended when sent, won when accepted, not after it is withdrawn.
    const [template] = await db.select().from(privateOffers).where(and(eq(privateOffers.isvAccountId, isv), eq(privateOffers.partnerAccountId, partner))).limit(1);
    const offer = newId("off");
    await db.transaction((tx) => tx.insert(privateOffers).values({ ...template!, id: offer, status: "draft", extendedAt: null, acceptedAt: null }));
    expect(await kept()).toEqual({ ...before, invited: before.invited! + 1, joined: before.joined! + 1 });
    await db.transaction((tx) => tx.update(privateOffers).set({ status: "extended", extendedAt: at }).where(eq(privateOffers.id, offer)));
    expect(await kept()).toMatchObject({ extended: before.extended! + 1, won: before.won });
    await db.transaction((tx) => tx.update(privateOffers).set({ name: "Renamed" }).where(eq(privateOffers.id, offer)));
    expect(await kept()).toMatchObject({ extended: before.extended! + 1, won: before.won });
    await db.transaction((tx) => tx.update(privateOffers).set({ status: "accepted", acceptedAt: at }).where(eq(privateOffers.id, offer)));
    expect(await kept()).toMatchObject({ extended: before.extended! + 1, won: before.won! + 1 });
    await db.transaction((tx) => tx.update(privateOffers).set({ status: "withdrawn" }).where(eq(privateOffers.id, offer)));
    expect(await kept()).toMatchObject({ extended: before.extended! + 1, won: before.won });
    await expectChannel();

    // One statement moving many offers and both vendors' counts; an offer moved to another vendor; deletes.
    await db.transaction((tx) => tx.update(privateOffers).set({ status: "expired" }).where(eq(privateOffers.partnerAccountId, second)));
    await expectChannel();
    await db.transaction((tx) => tx.update(privateOffers).set({ isvAccountId: other }).where(eq(privateOffers.id, offer)));
    await expectChannel();
    await db.transaction((tx) => tx.delete(privateOffers).where(eq(privateOffers.id, offer)));
    await db.transaction((tx) => tx.delete(resaleAuthorizations).where(eq(resaleAuthorizations.id, invitation)));
    expect(await kept()).toEqual(before);
    await expectChannel();
  });

  it("are counted from the rows already there when the migration runs", async () => {
    const ids = async (type: "partner" | "isv") => (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.type, type))).map((r) => r.id);
    const expected = await counted(await ids("partner"), await ids("isv"));
    const channel = await countedChannel();
    expect(Object.keys(channel).length).toBeGreaterThan(0);
    // The migrations' own backfill statements, run again on emptied tallies.
    const backfill = ["0012_tallies.sql", "0013_channel_tallies.sql"].flatMap((name) =>
      fs
        .readFileSync(path.join(process.cwd(), "db", "migrations", dialect, name), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter((s) => /^(--[^\n]*\n)*INSERT INTO/i.test(s)),
    );
    expect(backfill).toHaveLength(9);
    await execRaw(t.url, [dialect === "pg" ? "DELETE FROM tallies" : "DELETE FROM `tallies`", ...backfill]);
    expect(await talliesOf(db, Object.keys(expected))).toEqual(expected);
    expect(await keptChannel()).toEqual(channel);
    const [rows] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tallies);
    expect(rows!.n).toBeGreaterThan(0);
  });
});
