// The demo story seeds once, and every role's home figures read from it.
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, agreements, auditEvents, charges, consolidatedBills, disbursements, feeTiers, ledgerEntries, opportunities, outboxEvents, pricingDimensions, products, sellerRegistrations, users, webhookEndpoints } from "@/db/schema";
import { handleApi } from "@/lib/api/handler";
import { signatureHeader } from "@/lib/outbox/webhook-signature";
import { signedForEndpoint } from "@/lib/outbox/webhooks";
import { COMPLETED_DEAL, DEMO_DEALS } from "@/db/seed-deals";
import { dealDetail } from "@/lib/deals/queries";
import { bootstrap } from "@/db/bootstrap";
import { seedDemo } from "@/db/seed";
import { buyerHome, marketplaceHome, partnerHome, vendorHome } from "@/lib/dashboard/queries";
import { DEMO_ACCOUNTS, DEMO_API_KEYS, DEMO_USERS } from "@/lib/demo";
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

  it("gives the demo a working API key per seller and a partner webhook endpoint that receives the seeded events, signed", async () => {
    const db = test.handle.db;
    for (const key of DEMO_API_KEYS) {
      const listed = await handleApi(new Request("http://portal.test/api/v1/agreements", { headers: { Authorization: `Bearer ${key.secret}` } }), ["agreements"], db);
      expect(listed.status, key.email).toBe(200);
      expect(((await listed.json()) as { data: unknown[] }).data.length, key.email).toBeGreaterThan(0);
    }
    const [endpoint] = await db.select().from(webhookEndpoints);
    expect(endpoint).toMatchObject({ accountId: DEMO_ACCOUNTS.partner.id });
    expect(endpoint!.url).toContain(`/api/demo/webhooks?endpoint=${endpoint!.id}`);
    // The seeded events are waiting for the dispatcher, and the partner's reach that endpoint.
    const events = await db.select().from(outboxEvents).where(eq(outboxEvents.accountId, DEMO_ACCOUNTS.partner.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => endpoint!.kinds.includes(e.kind))).toBe(true);
    // What the demo receiver checks: a body signed with the endpoint's secret passes, a forged one does not.
    const body = JSON.stringify({ id: "evt_demo" });
    const t = Math.floor(Date.now() / 1000);
    expect(await signedForEndpoint(db, endpoint!.id, body, signatureHeader([endpoint!.secret], t, body))).toBe(true);
    expect(await signedForEndpoint(db, endpoint!.id, body, signatureHeader(["whsec_forged"], t, body))).toBe(false);
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
    // The worked example's months, and the completed deal's on their own days: $10,000 → $8,000 → $7,200 (10% extra) → $7,776 (8% markup).
    const contoso = paidOut.filter((d) => d.sellerAccountId === DEMO_ACCOUNTS.isv2.id).map((d) => d.amountCents);
    expect(contoso.filter((c) => c === 772_000)).toHaveLength(2);
    expect(contoso.filter((c) => c !== 772_000).length).toBeGreaterThanOrEqual(1);
    expect(contoso.filter((c) => c !== 772_000).every((c) => c === 694_800)).toBe(true);
    const blueHarbor = paidOut.filter((d) => d.sellerAccountId === DEMO_ACCOUNTS.partner.id).map((d) => d.amountCents);
    expect(blueHarbor.filter((c) => c === 80_000)).toHaveLength(2);
    expect(blueHarbor.filter((c) => c !== 80_000).every((c) => c === 57_600)).toBe(true);
    const tb = await trialBalanceOf(db);
    expect(tb.debits).toBe(tb.credits);
  });

  it("holds a non-recurring discount deal at each stage, and one billed, paid and paid out", async () => {
    const db = test.handle.db;
    const stages = new Map<string, string>();
    for (const deal of DEMO_DEALS) {
      const [row] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.name, deal.name));
      const detail = await dealDetail(db, row!.id, { role: "rep" });
      stages.set(deal.name, detail!.stage);
    }
    expect([...stages.values()].sort()).toEqual(["accepted", "awaiting_markup", "cancelled", "expired", "markup_provided", "offer_extended", "registered", "rejected", "submitted"]);
    const [completed] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.name, COMPLETED_DEAL));
    const detail = await dealDetail(db, completed!.id, { role: "rep" });
    const agreementId = detail!.offers[0]!.agreementId!;
    const dealCharges = await db.select().from(charges).where(eq(charges.agreementId, agreementId));
    expect(dealCharges.length).toBeGreaterThanOrEqual(2);
    expect(dealCharges.every((c) => c.wholesaleCents === 720_000 && c.customerCents === 777_600 && c.feeCents === 25_200)).toBe(true);
    const dealBills = await db.select().from(consolidatedBills).where(eq(consolidatedBills.customerAccountId, DEMO_ACCOUNTS.customer3.id));
    expect(dealBills.some((b) => b.status === "paid")).toBe(true);
    // The trail of the completed deal has every step.
    const trail = await db.select({ action: auditEvents.action }).from(auditEvents).where(inArray(auditEvents.objectId, [completed!.id, detail!.request!.id]));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(["opportunity.register", "opportunity.approve", "deal.ask_markup", "deal.give_markup", "deal.extend_offer", "deal.accept"]));
  });

  it("gives each role's home its own figures", async () => {
    const db = test.handle.db;
    expect(await vendorHome(db, DEMO_ACCOUNTS.isv.id)).toMatchObject({
      products: 2,
      pricingDimensions: 5,
      registration: { status: "complete" },
    });
    expect(await vendorHome(db, DEMO_ACCOUNTS.isv2.id)).toMatchObject({ products: 2, pricingDimensions: 4 });
    // Two agreements of its own offers and one from the completed deal; its open offer and the bundle deal's two.
    expect(await partnerHome(db, DEMO_ACCOUNTS.partner.id)).toMatchObject({ registration: { status: "complete" }, agreements: 3, openOffers: 3 });
    expect(await partnerHome(db, DEMO_ACCOUNTS.partner3.id)).toMatchObject({ registration: { status: "not_started", completedSteps: 0 } });
    expect(await buyerHome(db, DEMO_ACCOUNTS.customer.id)).toEqual({ openOffers: 0, activeSubscriptions: 1, unpaidBills: 1, amountDueCents: 880_000 });
    expect(await buyerHome(db, DEMO_ACCOUNTS.customer3.id)).toMatchObject({ openOffers: 1, activeSubscriptions: 1 });
    expect(await marketplaceHome(db)).toMatchObject({ isvs: 2, partners: 3, customers: 4, users: 10, registeredSellers: 4 });
  });
});
