// The demo story seeds once, and every role's home figures read from it.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, agreements, consolidatedBills, disbursements, feeTiers, ledgerEntries, pricingDimensions, products, sellerRegistrations, users } from "@/db/schema";
import { bootstrap } from "@/db/bootstrap";
import { seedDemo } from "@/db/seed";
import { buyerHome, marketplaceHome, partnerHome, vendorHome } from "@/lib/dashboard/queries";
import { DEMO_ACCOUNTS, DEMO_USERS } from "@/lib/demo";
import { createEmptyDatabase, dialect, type TestDatabase } from "@/db/testing/database";

let test: TestDatabase;

async function trialBalanceOf(db: TestDatabase["handle"]["db"]) {
  const rows = await db.select({ d: ledgerEntries.debitCents, c: ledgerEntries.creditCents }).from(ledgerEntries);
  return { debits: rows.reduce((s, r) => s + r.d, 0), credits: rows.reduce((s, r) => s + r.c, 0) };
}

beforeAll(async () => {
  test = await createEmptyDatabase();
});
afterAll(() => test.drop());

describe(`demo data on ${dialect}`, () => {
  it("holds DOMAIN.md's worked example as an agreement that started months ago", async () => {
    await bootstrap({ demo: true }, test.handle);
    const [worked] = await test.handle.db
      .select()
      .from(agreements)
      .where(eq(agreements.customerAccountId, DEMO_ACCOUNTS.customer.id));
    expect(worked).toMatchObject({
      billing: "monthly",
      durationMonths: 12,
      listCentsPerMonth: 1_000_000,
      wholesaleCentsPerMonth: 800_000,
      customerCentsPerMonth: 880_000,
      feeBps: 350,
      partnerAccountId: DEMO_ACCOUNTS.partner.id,
      isvAccountId: DEMO_ACCOUNTS.isv2.id,
    });
    expect(worked!.startsAt.getUTCDate()).toBe(1);
    expect(worked!.startsAt.getTime()).toBeLessThan(Date.now());
  });

  it("seeds once, even when two instances boot together", async () => {
    const fresh = await createEmptyDatabase();
    const results = await Promise.all([bootstrap({ demo: true }, fresh.handle), bootstrap({ demo: true }, fresh.reopen())]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    await fresh.drop();
    expect(await seedDemo(test.handle.db)).toBe(false);
    const db = test.handle.db;
    const tally = async (table: typeof users | typeof accounts | typeof products | typeof pricingDimensions | typeof sellerRegistrations | typeof feeTiers) =>
      (await db.select({ n: count() }).from(table))[0]?.n;
    expect(await tally(users)).toBe(DEMO_USERS.length);
    expect(await tally(accounts)).toBe(Object.keys(DEMO_ACCOUNTS).length);
    expect(await tally(products)).toBe(4);
    expect(await tally(pricingDimensions)).toBe(9);
    expect(await tally(sellerRegistrations)).toBe(4);
    expect(await tally(feeTiers)).toBe(4);
  });

  it("bills, pays and disburses past months of the worked example, leaving an overdue bill", async () => {
    const db = test.handle.db;
    const bills = await db.select().from(consolidatedBills).orderBy(consolidatedBills.period);
    const acme = bills.filter((b) => b.customerAccountId === DEMO_ACCOUNTS.customer.id);
    expect(acme.map((b) => [b.status, b.totalCents])).toEqual([
      ["paid", 880_000],
      ["paid", 880_000],
      ["issued", 880_000],
    ]);
    const globex = bills.filter((b) => b.customerAccountId === DEMO_ACCOUNTS.customer2.id);
    expect(globex).toHaveLength(1);
    expect(globex[0]!.status).toBe("issued");
    expect(globex[0]!.dueAt.getTime()).toBeLessThan(Date.now()); // overdue
    const paidOut = await db.select().from(disbursements).orderBy(disbursements.createdAt);
    expect(paidOut.filter((d) => d.sellerAccountId === DEMO_ACCOUNTS.isv2.id).map((d) => d.amountCents)).toEqual([772_000, 772_000]);
    expect(paidOut.filter((d) => d.sellerAccountId === DEMO_ACCOUNTS.partner.id).map((d) => d.amountCents)).toEqual([80_000, 80_000]);
    const tb = await trialBalanceOf(db);
    expect(tb.debits).toBe(tb.credits);
  });

  it("gives each role's home its own figures", async () => {
    const db = test.handle.db;
    expect(await vendorHome(db, DEMO_ACCOUNTS.isv.id)).toMatchObject({
      products: 2,
      pricingDimensions: 5,
      registration: { status: "complete" },
    });
    expect(await vendorHome(db, DEMO_ACCOUNTS.isv2.id)).toMatchObject({ products: 2, pricingDimensions: 4 });
    expect(await partnerHome(db, DEMO_ACCOUNTS.partner.id)).toMatchObject({ registration: { status: "complete" }, agreements: 2, openOffers: 1 });
    expect(await partnerHome(db, DEMO_ACCOUNTS.partner3.id)).toMatchObject({ registration: { status: "not_started", completedSteps: 0 } });
    expect(await buyerHome(db, DEMO_ACCOUNTS.customer.id)).toEqual({ openOffers: 0, activeSubscriptions: 1, unpaidBills: 1, amountDueCents: 880_000 });
    expect(await buyerHome(db, DEMO_ACCOUNTS.customer3.id)).toMatchObject({ openOffers: 1, activeSubscriptions: 0 });
    expect(await marketplaceHome(db)).toMatchObject({ isvs: 2, partners: 3, customers: 4, users: 10, registeredSellers: 4 });
  });
});
