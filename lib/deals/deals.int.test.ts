// Non-recurring discounts on a real database: the whole deal from registration
// to disbursement, who may see and do what, bad input that writes nothing, and
// the dates and single-use rules, including concurrent acceptances.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { agreements, auditEvents, charges, consolidatedBills, disbursements, discountRequests, notifications, opportunities, privateOffers } from "@/db/schema";
import { SYSTEM } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/authorize";
import { runDisbursements } from "@/lib/billing/disburse";
import { recordPayment } from "@/lib/billing/payments";
import { runBilling } from "@/lib/billing/run";
import { setClock } from "@/lib/clock";
import { dealDetail, dealTasks, listDiscountRequests, listOpportunities } from "@/lib/deals/queries";
import {
  approveOpportunity,
  askForMarkup,
  cancelDiscountRequest,
  extendDealOffer,
  provideMarkup,
  registerOpportunity,
  rejectOpportunity,
  sweepExpiredDeals,
} from "@/lib/deals/service";
import { OPPORTUNITIES_TABLE, REQUESTS_TABLE } from "@/lib/deals/table";
import { acceptInvitation, sendInvitation } from "@/lib/invitations/service";
import { customerOfferDetail } from "@/lib/offers/queries";
import { acceptOffer, cloneOffer, withdrawOffer } from "@/lib/offers/service";
import { ownProduct } from "@/lib/products/queries";
import { createProduct } from "@/lib/products/service";
import { NOT_FOUND } from "@/lib/result";
import { parseTableParams } from "@/lib/tables/parse";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
let isv: CurrentUser;
let otherIsv: CurrentUser;
let partner: CurrentUser;
let otherPartner: CurrentUser;
let customer: CurrentUser;
let otherCustomer: CurrentUser;
let rep: CurrentUser;
let platform: { id: string; dims: string[] };
let support: { id: string; dims: string[] };
let foreignProduct: string;

// Every test runs at a pinned instant, so dates in the deal are fixed.
const DAY0 = new Date("2026-12-03T10:00:00Z");
const at = (day: string, time = "10:00:00") => new Date(`${day}T${time}Z`);

async function product(owner: CurrentUser, name: string, dimensions: [string, string][]) {
  const created = await createProduct(db, owner, { name, description: `${name} description`, eulaText: "The standard end user license agreement.", dimensions: dimensions.map(([unitName, price]) => ({ unitName, price })) });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const own = await ownProduct(db, owner.accountId, created.data.productId);
  return { id: created.data.productId, dims: own!.dimensions.map((d) => d.id) };
}

function ok<T>(result: { ok: true; data: T } | { ok: false }): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const registration = (overrides: Record<string, unknown> = {}) => ({
  isvAccountId: isv.accountId,
  productIds: [platform.id, support.id],
  customerAccountId: customer.accountId,
  name: "Acme — three-year platform deal",
  description: "Competitive displacement; customer wants 3 years, decision by January.",
  expectedValue: "250000",
  expectedCloseOn: "2027-01-31",
  ...overrides,
});

const approval = (opportunityId: string, overrides: Record<string, unknown> = {}) => ({
  opportunityId,
  additionalDiscountPercent: "10",
  productIds: [platform.id, support.id],
  startsOn: "2026-12-05",
  endsOn: "2026-12-20",
  ...overrides,
});

const offerFor = (requestId: string, overrides: Record<string, unknown> = {}) => ({
  requestId,
  name: "Acme platform deal",
  durationMonths: 12,
  billing: "monthly",
  items: [
    { productId: platform.id, quantities: [{ dimensionId: platform.dims[0], quantity: 1 }] },
    { productId: support.id, quantities: [{ dimensionId: support.dims[0], quantity: 3 }] },
  ],
  ...overrides,
});

/** A deal taken to the given step; returns its ids. */
async function dealAt(step: "registered" | "approved" | "asked" | "markup" | "extended", overrides: { approval?: Record<string, unknown> } = {}) {
  // A minute between steps, so the trail has an order.
  let minute = 0;
  const tick = () => setClock(new Date(DAY0.getTime() + minute++ * 60_000));
  tick();
  const { opportunityId } = ok(await registerOpportunity(db, partner, registration()));
  if (step === "registered") return { opportunityId, requestId: "", offerIds: [] as string[] };
  tick();
  const { requestId } = ok(await approveOpportunity(db, isv, approval(opportunityId, overrides.approval)));
  if (step === "approved") return { opportunityId, requestId, offerIds: [] as string[] };
  tick();
  ok(await askForMarkup(db, rep, { requestId }));
  if (step === "asked") return { opportunityId, requestId, offerIds: [] as string[] };
  tick();
  ok(await provideMarkup(db, partner, { requestId, markupPercent: "10" }));
  if (step === "markup") return { opportunityId, requestId, offerIds: [] as string[] };
  tick();
  const { offerIds } = ok(await extendDealOffer(db, rep, offerFor(requestId)));
  return { opportunityId, requestId, offerIds };
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  isv = await makeActor(db, "isv", { registered: true, name: "Contoso" });
  otherIsv = await makeActor(db, "isv", { registered: true, name: "Fabrikam" });
  partner = await makeActor(db, "partner", { registered: true, name: "Blue Harbor" });
  otherPartner = await makeActor(db, "partner", { registered: true, name: "Summit" });
  customer = await makeActor(db, "customer", { name: "Acme" });
  otherCustomer = await makeActor(db, "customer", { name: "Globex" });
  rep = await makeActor(db, "rep", { name: "The Marketplace" });
  platform = await product(isv, "Analytics Platform", [["Platform", "10000"]]);
  support = await product(isv, "Premium Support", [["Seat", "33.33"]]);
  foreignProduct = (await product(otherIsv, "Fabrikam Vault", [["Vault", "500"]])).id;
  // The partner's authorization: 20% on the platform, 15% on support.
  const sent = ok(
    await sendInvitation(db, isv, {
      partnerAccountId: partner.accountId,
      items: [
        { productId: platform.id, discountPercent: "20" },
        { productId: support.id, discountPercent: "15" },
      ],
      expiresOn: "2030-01-01",
      use: "multi_use",
    }),
  );
  ok(await acceptInvitation(db, partner, { invitationId: sent.invitationId }));
  // The other partner is authorized by the same ISV too (it must still not see this partner's deals).
  const sentOther = ok(await sendInvitation(db, isv, { partnerAccountId: otherPartner.accountId, items: [{ productId: platform.id, discountPercent: "20" }], expiresOn: "2030-01-01", use: "multi_use" }));
  ok(await acceptInvitation(db, otherPartner, { invitationId: sentOther.invitationId }));
});
afterAll(() => test.drop());
afterEach(() => setClock(null));

describe(`a non-recurring discount from opportunity to payout on ${dialect}`, () => {
  it("runs every step, notifies each party at its step, and pays each seller its share", async () => {
    const { opportunityId, requestId, offerIds } = await dealAt("extended");
    expect(offerIds).toHaveLength(2);

    // The offers: keyed by the rep for the partner, that customer only, acceptable 12-05 to 12-20.
    const offers = await db.select().from(privateOffers).where(inArray(privateOffers.id, offerIds));
    for (const offer of offers) {
      expect(offer).toMatchObject({ status: "extended", partnerAccountId: partner.accountId, customerAccountId: customer.accountId, keyedByUserId: rep.id, discountRequestId: requestId, additionalDiscountBps: 1000, markupBps: 1000 });
      expect(offer.availableFrom?.toISOString()).toBe("2026-12-05T00:00:00.000Z");
      expect(offer.expiresAt.toISOString()).toBe("2026-12-20T23:59:59.999Z");
    }
    // Platform: $10,000 → $8,000 → $7,200 → $7,920. Support: 3 × $33.33 = 9999 → 8499 → 7649 → 8414 (10% markup).
    const byProduct = new Map(offers.map((o) => [o.productId, o]));
    expect(byProduct.get(platform.id)).toMatchObject({ listCentsPerMonth: 1_000_000, wholesaleCentsPerMonth: 720_000, customerCentsPerMonth: 792_000, feeBps: 350 });
    expect(byProduct.get(support.id)).toMatchObject({ listCentsPerMonth: 9_999, wholesaleCentsPerMonth: 7_649, customerCentsPerMonth: 8_414 });

    // Before the start date the customer cannot accept.
    const early = await acceptOffer(db, customer, { offerId: offerIds[0], acceptTerms: true });
    expect(early).toMatchObject({ ok: false, error: expect.stringMatching(/from 2026-12-05/) });

    setClock(at("2026-12-06"));
    const accepted = ok(await acceptOffer(db, customer, { offerId: offerIds[0], acceptTerms: true }));
    expect(accepted.alreadyAccepted).toBe(false);
    const made = await db.select().from(agreements).where(inArray(agreements.offerId, offerIds));
    expect(made).toHaveLength(2);
    for (const agreement of made) expect(agreement).toMatchObject({ partnerAccountId: partner.accountId, isvAccountId: isv.accountId, customerAccountId: customer.accountId });
    const [request] = await db.select().from(discountRequests).where(eq(discountRequests.id, requestId));
    expect(request!.status).toBe("accepted");

    // The trail, from the audit events, each step with who and when.
    const trail = await db.select().from(auditEvents).where(and(inArray(auditEvents.objectId, [opportunityId, requestId]), eq(auditEvents.outcome, "success"))).orderBy(auditEvents.at);
    expect(trail.map((e) => e.action)).toEqual(["opportunity.register", "opportunity.approve", "deal.ask_markup", "deal.give_markup", "deal.extend_offer", "deal.accept"]);
    expect(trail.map((e) => e.actorRole)).toEqual(["partner", "isv", "rep", "partner", "rep", "customer"]);

    // Each party was told at the step that concerns it.
    const kinds = async (accountId: string) => (await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.accountId, accountId))).map((n) => n.kind);
    expect(await kinds(isv.accountId)).toEqual(expect.arrayContaining(["opportunity.registered", "deal.offer_extended", "offer.accepted"]));
    expect(await kinds(partner.accountId)).toEqual(expect.arrayContaining(["opportunity.approved", "deal.markup_asked", "deal.offer_extended", "offer.accepted"]));
    expect(await kinds(rep.accountId)).toEqual(expect.arrayContaining(["discount.requested", "deal.markup_given", "deal.accepted"]));
    expect(await kinds(customer.accountId)).toEqual(expect.arrayContaining(["offer.extended"]));

    // Billing, payment and disbursement, unchanged.
    await runBilling(db, "2026-12", { at: at("2026-12-31", "23:59:59") });
    const dealCharges = await db.select().from(charges).where(inArray(charges.agreementId, made.map((a) => a.id)));
    expect(dealCharges).toHaveLength(2);
    const platformCharge = dealCharges.find((c) => c.wholesaleCents === 720_000)!;
    expect(platformCharge).toMatchObject({ customerCents: 792_000, feeCents: 25_200, isvShareCents: 694_800, partnerShareCents: 72_000 });
    const [bill] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.id, platformCharge.billId));
    expect(bill!.totalCents).toBe(792_000 + 8_414);
    await recordPayment(db, SYSTEM, { billId: bill!.id, idempotencyKey: `pay-${bill!.id}`, method: "bank_transfer", reference: "WIRE-NRD", customerAccountId: null, userId: null }, at("2027-01-05"));
    await runDisbursements(db, { at: at("2027-01-06") });
    const paid = async (seller: string) => (await db.select().from(disbursements).where(eq(disbursements.sellerAccountId, seller))).reduce((s, d) => s + d.amountCents, 0);
    const supportCharge = dealCharges.find((c) => c !== platformCharge)!;
    expect(await paid(partner.accountId)).toBe(72_000 + supportCharge.partnerShareCents);
    expect(await paid(isv.accountId)).toBe(694_800 + supportCharge.isvShareCents);
    expect(supportCharge.customerCents).toBe(supportCharge.partnerShareCents + supportCharge.isvShareCents + supportCharge.feeCents);
  });

  it("shows each party its own figures: the ISV never the markup or the customer's price", async () => {
    const { opportunityId } = await dealAt("extended");
    const asIsv = await dealDetail(db, opportunityId, { role: "isv", accountId: isv.accountId });
    const asPartner = await dealDetail(db, opportunityId, { role: "partner", accountId: partner.accountId });
    const asRep = await dealDetail(db, opportunityId, { role: "rep" });
    expect(asIsv?.request?.markupBps).toBeNull();
    expect(asIsv?.offers.every((o) => o.customerTotalCents === null && o.partnerMarginCents === null)).toBe(true);
    expect(asIsv?.request?.products.flatMap((p) => p.unitPrices).every((u) => u.customerCents === null)).toBe(true);
    // Whole numbers only: random ids may hold the same digits (prod_…8414…).
    expect(JSON.stringify(asIsv)).not.toMatch(/(?<!\w)(792000|8414)(?!\w)|"markupBps":1000/);
    expect(asPartner?.request?.markupBps).toBe(1000);
    expect(asPartner?.offers.find((o) => o.productName === "Analytics Platform")).toMatchObject({ customerTotalCents: 9_504_000, wholesaleTotalCents: 8_640_000, feeTotalCents: 302_400, partnerMarginCents: 864_000 });
    expect(asRep?.offers.find((o) => o.productName === "Analytics Platform")).toMatchObject({ customerTotalCents: 9_504_000, isvNetCents: 8_640_000 - 302_400 });
    // The description (business data) is in both parties' views.
    expect(asIsv?.description).toMatch(/Competitive displacement/);
    expect(asPartner?.description).toMatch(/Competitive displacement/);
  });

  it("lists deals for each party with their stage, and counts each party's tasks", async () => {
    const { opportunityId } = await dealAt("asked");
    const params = parseTableParams(OPPORTUNITIES_TABLE, { stage: "awaiting_markup", size: "50" });
    const partnerList = await listOpportunities(db, "partner", partner.accountId, params);
    expect(partnerList.rows.map((r) => r.id)).toContain(opportunityId);
    expect(partnerList.rows.find((r) => r.id === opportunityId)).toMatchObject({ stage: "awaiting_markup", needsAction: true, counterpartyName: "Contoso" });
    expect((await listOpportunities(db, "partner", otherPartner.accountId, parseTableParams(OPPORTUNITIES_TABLE, {}))).rows.map((r) => r.id)).not.toContain(opportunityId);
    expect((await listOpportunities(db, "isv", otherIsv.accountId, parseTableParams(OPPORTUNITIES_TABLE, {}))).rows.map((r) => r.id)).not.toContain(opportunityId);
    expect(await dealTasks(db, { role: "partner", accountId: partner.accountId })).toBeGreaterThan(0);
    expect(await dealTasks(db, { role: "partner", accountId: otherPartner.accountId })).toBe(0);
    const queue = await listDiscountRequests(db, parseTableParams(REQUESTS_TABLE, { q: "three-year", size: "50" }));
    expect(queue.rows.some((r) => r.opportunityId === opportunityId && r.stage === "awaiting_markup")).toBe(true);
  });
});

describe(`who may do what in a deal on ${dialect}`, () => {
  it("lets only the ISV it was registered with decide, and nobody else see it", async () => {
    const { opportunityId } = await dealAt("registered");
    for (const outsider of [otherIsv]) {
      expect(await approveOpportunity(db, outsider, approval(opportunityId))).toEqual({ ok: false, error: NOT_FOUND });
      expect(await rejectOpportunity(db, outsider, { opportunityId, reason: "no" })).toEqual({ ok: false, error: NOT_FOUND });
      expect(await dealDetail(db, opportunityId, { role: "isv", accountId: outsider.accountId })).toBeNull();
    }
    for (const wrongRole of [partner, customer, rep]) {
      expect(await approveOpportunity(db, wrongRole, approval(opportunityId))).toEqual({ ok: false, error: NOT_FOUND });
    }
    expect(await dealDetail(db, opportunityId, { role: "partner", accountId: otherPartner.accountId })).toBeNull();
    // A customer has no permission that reads or writes an opportunity.
    for (const operation of [registerOpportunity, approveOpportunity, rejectOpportunity, provideMarkup, askForMarkup, extendDealOffer, cancelDiscountRequest]) {
      expect(await operation(db, customer, {}), operation.permission).toEqual({ ok: false, error: NOT_FOUND });
    }
    const denied = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, opportunityId), eq(auditEvents.outcome, "denied")));
    expect(denied.length).toBeGreaterThanOrEqual(2);
    const [row] = await db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
    expect(row!.status).toBe("pending");
  });

  it("lets only that partner answer the markup, and only reps ask, key offers and cancel", async () => {
    const { requestId } = await dealAt("asked");
    expect(await provideMarkup(db, otherPartner, { requestId, markupPercent: "10" })).toEqual({ ok: false, error: NOT_FOUND });
    for (const notRep of [partner, isv, customer]) {
      expect(await askForMarkup(db, notRep, { requestId })).toEqual({ ok: false, error: NOT_FOUND });
      expect(await extendDealOffer(db, notRep, offerFor(requestId))).toEqual({ ok: false, error: NOT_FOUND });
      expect(await cancelDiscountRequest(db, notRep, { requestId, reason: "no" })).toEqual({ ok: false, error: NOT_FOUND });
    }
    const [row] = await db.select().from(discountRequests).where(eq(discountRequests.id, requestId));
    expect(row!.status).toBe("awaiting_markup");
  });

  it("does not let the partner withdraw or clone the offer the marketplace keyed", async () => {
    const { offerIds } = await dealAt("extended");
    expect(await withdrawOffer(db, partner, { offerId: offerIds[0] })).toMatchObject({ ok: false, error: expect.stringMatching(/marketplace keyed/) });
    expect(await cloneOffer(db, partner, { offerId: offerIds[0] })).toMatchObject({ ok: false, error: expect.stringMatching(/marketplace keyed/) });
    expect(await withdrawOffer(db, otherPartner, { offerId: offerIds[0] })).toEqual({ ok: false, error: NOT_FOUND });
  });
});

describe(`bad input writes nothing on ${dialect}`, () => {
  it("answers each bad registration on its field", async () => {
    setClock(DAY0);
    const before = await tableCounts(db, ["auditEvents"]);
    expect(await registerOpportunity(db, partner, registration({ productIds: [foreignProduct], isvAccountId: isv.accountId }))).toEqual({ ok: false, error: NOT_FOUND });
    const cases: [Record<string, unknown>, string][] = [
      [{ customerAccountId: otherPartner.accountId }, "customerAccountId"],
      [{ isvAccountId: customer.accountId }, "isvAccountId"],
      [{ isvAccountId: otherIsv.accountId, productIds: [foreignProduct] }, "productIds"],
      [{ expectedCloseOn: "2026-12-01" }, "expectedCloseOn"],
      [{ expectedValue: "12.345" }, "expectedValue"],
      [{ description: "" }, "description"],
      [{ name: "A\u202Eevil" }, "name"],
    ];
    for (const [overrides, field] of cases) {
      const result = await registerOpportunity(db, partner, registration(overrides));
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(overrides)).toContain(field);
    }
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
  });

  it("answers bad approvals, markups and offers on their fields", async () => {
    const { opportunityId } = await dealAt("registered");
    const before = await tableCounts(db, ["auditEvents"]);
    const cases: [Record<string, unknown>, string][] = [
      [{ startsOn: "2026-12-01" }, "startsOn"],
      [{ endsOn: "2026-12-04" }, "endsOn"],
      [{ additionalDiscountPercent: "100" }, "additionalDiscountPercent"],
      [{ productIds: [foreignProduct] }, "productIds"],
    ];
    for (const [overrides, field] of cases) {
      const result = await approveOpportunity(db, isv, approval(opportunityId, overrides));
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await rejectOpportunity(db, isv, { opportunityId, reason: "  " })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);

    const { requestId } = await dealAt("asked");
    for (const markup of ["-1", "1000.01", "ten", ""]) {
      expect(await provideMarkup(db, partner, { requestId, markupPercent: markup }), markup).toMatchObject({ ok: false, fieldErrors: { markupPercent: expect.any(Array) } });
    }
    // Keying before the markup is given is refused.
    expect(await extendDealOffer(db, rep, offerFor(requestId))).toMatchObject({ ok: false, error: expect.stringMatching(/not given its markup/) });
    ok(await provideMarkup(db, partner, { requestId, markupPercent: "10" }));
    const given = await tableCounts(db, ["auditEvents"]);
    const badOffers: [Record<string, unknown>, string][] = [
      [{ items: [offerFor(requestId).items[0]] }, "items"],
      [{ items: [offerFor(requestId).items[0], { productId: foreignProduct, quantities: [{ dimensionId: support.dims[0], quantity: 1 }] }] }, "items.1.productId"],
      [{ items: [offerFor(requestId).items[0], { productId: support.id, quantities: [{ dimensionId: platform.dims[0], quantity: 1 }] }] }, "items.1.quantities.0.quantity"],
      [{ durationMonths: 61 }, "durationMonths"],
      [{ items: [{ productId: platform.id, quantities: [{ dimensionId: platform.dims[0], quantity: 1_000_000 }] }, offerFor(requestId).items[1]], durationMonths: 60 }, "items.0.quantities.0.quantity"],
    ];
    for (const [overrides, field] of badOffers) {
      const result = await extendDealOffer(db, rep, offerFor(requestId, overrides));
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), field).toContain(field);
    }
    expect(await tableCounts(db, ["auditEvents"])).toEqual(given);
  });

  it("registers one opportunity from five identical submissions at once", async () => {
    setClock(DAY0);
    const requestKey = `key-${Date.now()}-abcdefghij`;
    const results = await Promise.all(Array.from({ length: 5 }, () => registerOpportunity(db, partner, registration({ requestKey }))));
    const ids = new Set(results.map((r) => ok(r).opportunityId));
    expect(ids.size).toBe(1);
    expect(await db.select().from(opportunities).where(eq(opportunities.requestKey, requestKey))).toHaveLength(1);
  });
});

describe(`dates and single use on ${dialect}`, () => {
  it("makes one set of agreements from 30 concurrent accepts of the deal's two offers", async () => {
    const { offerIds, requestId } = await dealAt("extended");
    setClock(at("2026-12-10"));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => acceptOffer(db, customer, { offerId: offerIds[i % 2], acceptTerms: true })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.alreadyAccepted)).toHaveLength(1);
    const made = await db.select().from(agreements).where(inArray(agreements.offerId, offerIds));
    expect(made).toHaveLength(2);
    // Every answer names the agreement of the offer it asked about.
    results.forEach((r, i) => expect(r.ok && made.find((a) => a.id === r.data.agreementId)?.offerId).toBe(offerIds[i % 2]));
    const accepts = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, requestId), eq(auditEvents.action, "deal.accept")));
    expect(accepts).toHaveLength(1);
  });

  it("refuses another customer, a second acceptance's new agreement, and any acceptance after the end", async () => {
    const { offerIds } = await dealAt("extended");
    setClock(at("2026-12-10"));
    expect(await acceptOffer(db, otherCustomer, { offerId: offerIds[0], acceptTerms: true })).toEqual({ ok: false, error: NOT_FOUND });
    expect(await customerOfferDetail(db, otherCustomer.accountId, offerIds[0]!)).toBeNull();
    const first = ok(await acceptOffer(db, customer, { offerId: offerIds[0], acceptTerms: true }));
    const again = ok(await acceptOffer(db, customer, { offerId: offerIds[1], acceptTerms: true }));
    expect(again.alreadyAccepted).toBe(true);
    expect(await db.select().from(agreements).where(inArray(agreements.offerId, offerIds))).toHaveLength(2);
    expect(first.agreementId).not.toBe(again.agreementId);

    const late = await dealAt("extended");
    setClock(new Date("2026-12-21T00:00:00.000Z"));
    expect(await acceptOffer(db, customer, { offerId: late.offerIds[0], acceptTerms: true })).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    expect(await db.select().from(agreements).where(inArray(agreements.offerId, late.offerIds))).toHaveLength(0);
    // The sweep records the expiry and tells both parties.
    expect(await sweepExpiredDeals(db)).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(discountRequests).where(eq(discountRequests.id, late.requestId));
    expect(row!.status).toBe("expired");
    const told = await db.select().from(notifications).where(and(eq(notifications.kind, "deal.expired"), eq(notifications.href, `/partner/opportunities/${late.opportunityId}`)));
    expect(told).toHaveLength(1);
  });

  it("withdraws the offers when a rep cancels, and the customer can no longer accept", async () => {
    const { requestId, offerIds } = await dealAt("extended");
    expect(await cancelDiscountRequest(db, rep, { requestId, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    ok(await cancelDiscountRequest(db, rep, { requestId, reason: "Customer chose another vendor." }));
    setClock(at("2026-12-10"));
    expect(await acceptOffer(db, customer, { offerId: offerIds[0], acceptTerms: true })).toMatchObject({ ok: false, error: expect.stringMatching(/withdrawn|cancelled/) });
    const rows = await db.select().from(privateOffers).where(inArray(privateOffers.id, offerIds));
    expect(rows.every((o) => o.status === "withdrawn")).toBe(true);
    expect(await cancelDiscountRequest(db, rep, { requestId, reason: "again" })).toMatchObject({ ok: false, error: expect.stringMatching(/cancelled/) });
  });

  it("refuses the approval of a decided opportunity and a second markup ask", async () => {
    const { opportunityId, requestId } = await dealAt("asked");
    expect(await approveOpportunity(db, isv, approval(opportunityId))).toMatchObject({ ok: false, error: expect.stringMatching(/already been approved/) });
    expect(await rejectOpportunity(db, isv, { opportunityId, reason: "late" })).toMatchObject({ ok: false, error: expect.stringMatching(/already been approved/) });
    expect(await askForMarkup(db, rep, { requestId })).toMatchObject({ ok: false, error: expect.stringMatching(/already been asked/) });
    const rejected = await dealAt("registered");
    ok(await rejectOpportunity(db, isv, { opportunityId: rejected.opportunityId, reason: "Customer is a direct account." }));
    const view = await dealDetail(db, rejected.opportunityId, { role: "partner", accountId: partner.accountId });
    expect(view).toMatchObject({ stage: "rejected", decisionReason: "Customer is a direct account." });
  });
});
