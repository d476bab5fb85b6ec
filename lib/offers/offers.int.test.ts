// Private offers on a real database: who may see and do what, bad input, and
// the two races the issue names — 50 concurrent accepts, 20 concurrent extends.
import { and, eq, type SQL } from "drizzle-orm";
import { countAll } from "@/db/sql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { agreements, auditEvents, notifications, privateOffers, resaleAuthorizations } from "@/db/schema";
import { channelByPartner, channelSales, customerSubscriptions, partnerSales } from "@/lib/agreements/queries";
import type { CurrentUser } from "@/lib/auth/authorize";
import { setClock } from "@/lib/clock";
import { acceptInvitation, revokeAuthorization, sendInvitation } from "@/lib/invitations/service";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import { customerOfferDetail, openOffersForCustomer, partnerOfferDetail } from "@/lib/offers/queries";
import { acceptOffer, cloneOffer, extendOffer, saveOfferDraft, sweepExpiredOffers, withdrawOffer } from "@/lib/offers/service";
import { createProduct } from "@/lib/products/service";
import { ownProduct } from "@/lib/products/queries";
import { NOT_FOUND } from "@/lib/result";
import { parseTableParams } from "@/lib/tables/parse";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
let isv: CurrentUser;
let partner: CurrentUser;
let otherPartner: CurrentUser;
let customerA: CurrentUser;
let customerB: CurrentUser;
let productId: string;
let platformDimension: string;
let usersDimension: string;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function authorize(options: Record<string, unknown> = {}) {
  const sent = await sendInvitation(db, isv, {
    partnerAccountId: partner.accountId,
    items: [{ productId, discountPercent: "20", additionalTerms: "ISV terms" }],
    expiresOn: inDays(5),
    use: "multi_use",
    ...options,
  });
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  const accepted = await acceptInvitation(db, partner, { invitationId: sent.data.invitationId });
  if (!accepted.ok) throw new Error(JSON.stringify(accepted));
  return sent.data.invitationId;
}

const offerInput = (authorizationId: string, overrides: Record<string, unknown> = {}) => ({
  authorizationId,
  productId,
  name: "Analytics for A",
  customerAccountId: customerA.accountId,
  quantities: [
    { dimensionId: platformDimension, quantity: 1 },
    { dimensionId: usersDimension, quantity: 0 },
  ],
  durationMonths: 12,
  billing: "monthly",
  markupPercent: "10",
  partnerTerms: "Partner terms",
  expiresOn: inDays(10),
  ...overrides,
});

async function draft(authorizationId: string, overrides: Record<string, unknown> = {}) {
  const result = await saveOfferDraft(db, partner, offerInput(authorizationId, overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.offerId;
}

async function extended(authorizationId: string, overrides: Record<string, unknown> = {}) {
  const id = await draft(authorizationId, overrides);
  const result = await extendOffer(db, partner, { offerId: id });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return id;
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  isv = await makeActor(db, "isv", { registered: true, name: "Contoso" });
  partner = await makeActor(db, "partner", { registered: true, name: "Blue Harbor" });
  otherPartner = await makeActor(db, "partner", { registered: true, name: "Other Partner" });
  customerA = await makeActor(db, "customer", { name: "Acme" });
  customerB = await makeActor(db, "customer", { name: "Globex" });
  const created = await createProduct(db, isv, {
    name: "Analytics Platform",
    description: "Warehouse and dashboards",
    eulaText: "The Contoso standard EULA, in full.",
    dimensions: [
      { unitName: "Platform", price: "10000" },
      { unitName: "Users", price: "25" },
    ],
  });
  if (!created.ok) throw new Error("product");
  productId = created.data.productId;
  const product = await ownProduct(db, isv.accountId, productId);
  platformDimension = product!.dimensions[0]!.id;
  usersDimension = product!.dimensions[1]!.id;
});
afterAll(() => test.drop());
afterEach(() => setClock(null));

describe(`extending an offer on ${dialect}`, () => {
  it("freezes the worked example's prices and tells the customer", async () => {
    const auth = await authorize();
    const id = await extended(auth);
    const [offer] = await db.select().from(privateOffers).where(eq(privateOffers.id, id));
    expect(offer).toMatchObject({ status: "extended", discountBps: 2000, markupBps: 1000, feeBps: 350, listCentsPerMonth: 1_000_000, wholesaleCentsPerMonth: 800_000, customerCentsPerMonth: 880_000 });
    const detail = await partnerOfferDetail(db, partner.accountId, id);
    expect(detail?.price).toMatchObject({ customerTotalCents: 10_560_000, partnerMarginCents: 960_000, feeTotalCents: 336_000 });
    const told = await db.select().from(notifications).where(and(eq(notifications.accountId, customerA.accountId), eq(notifications.href, `/buyer/offers/${id}`)));
    expect(told).toHaveLength(1);
  });

  it("keeps an extended offer's price when the ISV later changes the public price", async () => {
    const auth = await authorize();
    const id = await extended(auth);
    const product = await ownProduct(db, isv.accountId, productId);
    const { updateProduct } = await import("@/lib/products/service");
    await updateProduct(db, isv, { productId, product: { name: product!.name, description: product!.description, eulaText: product!.eulaText, dimensions: product!.dimensions.map((d) => ({ id: d.id, unitName: d.unitName, price: d.unitName === "Platform" ? "12000" : "25" })) } });
    const view = await customerOfferDetail(db, customerA.accountId, id);
    expect(view?.pricePerPeriodCents).toBe(880_000);
    await updateProduct(db, isv, { productId, product: { name: product!.name, description: product!.description, eulaText: product!.eulaText, dimensions: product!.dimensions.map((d) => ({ id: d.id, unitName: d.unitName, price: d.unitName === "Platform" ? "10000" : "25" })) } });
  });

  it("refuses to extend under a revoked authorization, and leaves already extended offers as they are", async () => {
    const auth = await authorize();
    const live = await extended(auth);
    const pendingDraft = await draft(auth);
    expect((await revokeAuthorization(db, isv, { invitationId: auth })).ok).toBe(true);
    expect(await extendOffer(db, partner, { offerId: pendingDraft })).toMatchObject({ ok: false, error: expect.stringContaining("no longer allows new offers") });
    const [row] = await db.select().from(privateOffers).where(eq(privateOffers.id, live));
    expect(row?.status).toBe("extended");
    expect((await acceptOffer(db, customerA, { offerId: live, acceptTerms: true })).ok).toBe(true);
  });

  it("extends exactly one of 20 drafts raced on a one-time authorization", async () => {
    const auth = await authorize({ use: "one_time" });
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await draft(auth, { name: `Race ${i}` }));
    const results = await Promise.all(drafts.map((offerId) => extendOffer(db, partner, { offerId })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [authorization] = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.id, auth));
    expect(authorization?.offersExtended).toBe(1);
    const extendedRows = await db.select().from(privateOffers).where(and(eq(privateOffers.authorizationId, auth), eq(privateOffers.status, "extended")));
    expect(extendedRows).toHaveLength(1);
  });

  it.each([
    ["a customer that does not exist", { customerAccountId: "999999999999" }, "customerAccountId"],
    ["a partner as customer", { customerAccountId: "PARTNER" }, "customerAccountId"],
    ["markup 1000.01%", { markupPercent: "1000.01" }, "markupPercent"],
    ["markup NaN", { markupPercent: "NaN" }, "markupPercent"],
    ["61 months", { durationMonths: 61 }, "durationMonths"],
    ["a past accept-by date", { expiresOn: "2020-01-01" }, "expiresOn"],
    ["no quantity", { quantities: [{ dimensionId: "PLATFORM", quantity: 0 }] }, "quantities"],
    ["a unit of another product", { quantities: [{ dimensionId: "dim_other", quantity: 1 }] }, "quantities.0.quantity"],
    ["a product not authorized", { productId: "prod_nope" }, "productId"],
    ["2 MB of terms", { partnerTerms: "x".repeat(2_000_000) }, "partnerTerms"],
    ["a contract length of 0x1F", { durationMonths: "0x1F" }, "durationMonths"],
    ["a contract length of 1e1", { durationMonths: "1e1" }, "durationMonths"],
    ["a contract length of true", { durationMonths: true }, "durationMonths"],
    ["a quantity of 1e3", { quantities: [{ dimensionId: "PLATFORM", quantity: "1e3" }] }, "quantities.0.quantity"],
    ["a quantity of 2.5", { quantities: [{ dimensionId: "PLATFORM", quantity: 2.5 }] }, "quantities.0.quantity"],
    ["a unit given twice", { quantities: [{ dimensionId: "PLATFORM", quantity: 1 }, { dimensionId: "PLATFORM", quantity: 3 }] }, "quantities.1.quantity"],
    ["an empty accept-by date", { expiresOn: "" }, "expiresOn"],
    ["a malformed accept-by date", { expiresOn: "next week" }, "expiresOn"],
    ["an impossible accept-by date", { expiresOn: "2027-02-31" }, "expiresOn"],
    ["a line break in the name", { name: "Offer\r\nBcc: x" }, "name"],
    ["a zero-width space in the name", { name: "Wor\u200Bked" }, "name"],
    ["NUL in the terms", { partnerTerms: "Net 30\u0000" }, "partnerTerms"],
    ["a contract listing above $100 billion", { quantities: [{ dimensionId: "PLATFORM", quantity: 999_999 }], durationMonths: 60 }, "quantities.0.quantity"],
  ])("refuses %s on its field and writes nothing", async (_label, overrides, field) => {
    const auth = await authorize();
    const resolved = Object.fromEntries(
      Object.entries(overrides).map(([k, v]) => [
        k,
        v === "PARTNER" ? otherPartner.accountId : Array.isArray(v) ? v.map((q) => ({ ...q, dimensionId: q.dimensionId === "PLATFORM" ? platformDimension : q.dimensionId })) : v,
      ]),
    );
    const before = await tableCounts(db);
    const result = await saveOfferDraft(db, partner, offerInput(auth, resolved));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0], JSON.stringify(result.fieldErrors)).toEqual(expect.any(String));
    expect(await tableCounts(db)).toEqual(before);
  });

  it("answers a draft on another partner's authorization as not found, records the attempt, and writes nothing", async () => {
    const sent = await sendInvitation(db, isv, { partnerAccountId: otherPartner.accountId, items: [{ productId, discountPercent: "20" }], expiresOn: inDays(5), use: "multi_use" });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const theirs = sent.data.invitationId;
    expect((await acceptInvitation(db, otherPartner, { invitationId: theirs })).ok).toBe(true);
    const before = await tableCounts(db, ["auditEvents"]);
    expect(await saveOfferDraft(db, partner, offerInput(theirs))).toEqual({ ok: false, error: NOT_FOUND });
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
    const [denied] = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, theirs), eq(auditEvents.outcome, "denied")));
    expect(denied).toMatchObject({ actorUserId: partner.id, action: "offer.manage", objectType: "resale_authorization" });
  });

  it("holds a named-buyer authorization to that buyer, and the offer expiry to the authorization's end", async () => {
    const auth = await authorize({ buyerAccountId: customerB.accountId, endsOn: inDays(20) });
    expect((await saveOfferDraft(db, partner, offerInput(auth))).ok).toBe(false);
    expect((await saveOfferDraft(db, partner, offerInput(auth, { customerAccountId: customerB.accountId, expiresOn: inDays(25) }))).ok).toBe(false);
    expect((await saveOfferDraft(db, partner, offerInput(auth, { customerAccountId: customerB.accountId, expiresOn: inDays(15) }))).ok).toBe(true);
  });
});

describe(`who sees an offer on ${dialect}`, () => {
  it("shows an offer to its customer alone, never a draft, never wholesale or markup", async () => {
    const auth = await authorize();
    const draftId = await draft(auth);
    expect(await customerOfferDetail(db, customerA.accountId, draftId)).toBeNull();
    expect((await openOffersForCustomer(db, customerA.accountId)).some((o) => o.id === draftId)).toBe(false);
    const id = await extended(auth);
    const view = await customerOfferDetail(db, customerA.accountId, id);
    expect(view).toMatchObject({ manufacturer: "Contoso", sellerOfRecord: "Blue Harbor", pricePerPeriodCents: 880_000, totalCents: 10_560_000, vendorTerms: "ISV terms", partnerTerms: "Partner terms" });
    const shown = JSON.stringify(view);
    for (const secret of ["800000", "wholesale", "discount", "markup", "2000", "1000,"]) expect(shown).not.toContain(secret);
    // The list holds the offer with the quantities its own page shows (the list reads every offer's in one statement).
    const listed = (await openOffersForCustomer(db, customerA.accountId)).filter((o) => o.id === id || o.id === draftId);
    expect(listed).toEqual([view]);
    expect(view!.quantities.length).toBeGreaterThan(0);
    // Customer B: not by list, not by id.
    expect((await openOffersForCustomer(db, customerB.accountId)).some((o) => o.id === id)).toBe(false);
    expect(await customerOfferDetail(db, customerB.accountId, id)).toBeNull();
    // Another partner cannot read or act on it either.
    expect(await partnerOfferDetail(db, otherPartner.accountId, id)).toBeNull();
    for (const op of [withdrawOffer, cloneOffer, extendOffer]) expect(await op(db, otherPartner, { offerId: id })).toEqual({ ok: false, error: NOT_FOUND });
  });

  it("refuses customer B's accept of customer A's offer, writing nothing", async () => {
    const id = await extended(await authorize());
    const before = await tableCounts(db, ["auditEvents"]);
    expect(await acceptOffer(db, customerB, { offerId: id, acceptTerms: true })).toEqual({ ok: false, error: NOT_FOUND });
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
  });
});

describe(`accepting on ${dialect}`, () => {
  it("needs the terms ticked", async () => {
    const id = await extended(await authorize());
    const result = await acceptOffer(db, customerA, { offerId: id, acceptTerms: false });
    expect(result).toMatchObject({ ok: false, fieldErrors: { acceptTerms: [expect.any(String)] } });
  });

  it("makes one agreement from 50 concurrent accepts, all answered with it", async () => {
    const id = await extended(await authorize());
    const results = await Promise.all(Array.from({ length: 50 }, () => acceptOffer(db, customerA, { offerId: id, acceptTerms: true })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.agreementId : null)));
    expect(ids.size).toBe(1);
    const rows = await db.select().from(agreements).where(eq(agreements.offerId, id));
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => r.ok && !r.data.alreadyAccepted)).toHaveLength(1);
  });

  it("makes the agreement with the ISV as manufacturer, the partner as seller, and tells both", async () => {
    const id = await extended(await authorize(), { billing: "upfront", durationMonths: 24 });
    const accepted = await acceptOffer(db, customerA, { offerId: id, acceptTerms: true });
    if (!accepted.ok) throw new Error("accept");
    const [agreement] = await db.select().from(agreements).where(eq(agreements.id, accepted.data.agreementId));
    expect(agreement).toMatchObject({ customerAccountId: customerA.accountId, partnerAccountId: partner.accountId, isvAccountId: isv.accountId, billing: "upfront", durationMonths: 24 });
    const subs = await customerSubscriptions(db, customerA.accountId, parseTableParams(AGREEMENTS_TABLE, { size: "50" }));
    const sub = subs.rows.find((r) => r.id === accepted.data.agreementId);
    expect(sub).toMatchObject({ manufacturer: "Contoso", sellerOfRecord: "Blue Harbor", pricePerPeriodCents: 21_120_000, totalCents: 21_120_000 });
    const sales = await partnerSales(db, partner.accountId, parseTableParams(AGREEMENTS_TABLE, { size: "50" }));
    expect(sales.rows.find((r) => r.id === accepted.data.agreementId)).toMatchObject({ customerTotalCents: 21_120_000, wholesaleTotalCents: 19_200_000, marginCents: 1_920_000 });
    const channel = { sales: (await channelSales(db, isv.accountId, parseTableParams(AGREEMENTS_TABLE, { size: "50" }))).rows, byPartner: await channelByPartner(db, isv.accountId) };
    const sale = channel.sales.find((s) => s.id === accepted.data.agreementId);
    expect(sale).toMatchObject({ buyerName: "Blue Harbor", buyerAccountId: partner.accountId, wholesaleTotalCents: 19_200_000 });
    expect(JSON.stringify(channel)).not.toMatch(/(?<!\w)21120000(?!\w)|customerTotal|markup/);
    // The per-partner contract value, summed in SQL, equals the sum of each sale's figure from the offer's formulas.
    const allSales = (await channelSales(db, isv.accountId, parseTableParams(AGREEMENTS_TABLE, { size: "50" }))).rows;
    const mine = channel.byPartner.find((p) => p.partnerAccountId === partner.accountId)!;
    expect(mine.wholesaleTotalCents).toBe(allSales.filter((s) => s.buyerAccountId === partner.accountId).reduce((sum, s) => sum + s.wholesaleTotalCents, 0));
    expect(mine.agreements).toBe(allSales.filter((s) => s.buyerAccountId === partner.accountId).length);
    // A seller's whole list is counted by its tally, a filtered or searched one from the rows: both equal the rows.
    const counted = async (where: SQL | undefined) => (await db.select({ n: countAll() }).from(agreements).where(where))[0]!.n;
    expect(sales.total).toBe(await counted(eq(agreements.partnerAccountId, partner.accountId)));
    expect((await channelSales(db, isv.accountId, parseTableParams(AGREEMENTS_TABLE, {}))).total).toBe(await counted(eq(agreements.isvAccountId, isv.accountId)));
    for (const status of ["active", "ended"] as const) {
      const filtered = await channelSales(db, isv.accountId, parseTableParams(AGREEMENTS_TABLE, { status }));
      expect(filtered.total).toBe(await counted(and(eq(agreements.isvAccountId, isv.accountId), eq(agreements.status, status))));
      const own = await partnerSales(db, partner.accountId, parseTableParams(AGREEMENTS_TABLE, { status }));
      expect(own.total).toBe(await counted(and(eq(agreements.partnerAccountId, partner.accountId), eq(agreements.status, status))));
    }
    expect((await channelSales(db, isv.accountId, parseTableParams(AGREEMENTS_TABLE, { q: "no such product or partner" }))).total).toBe(0);
    for (const account of [partner.accountId, isv.accountId]) {
      const told = await db.select().from(notifications).where(and(eq(notifications.accountId, account), eq(notifications.kind, "offer.accepted")));
      expect(told.length).toBeGreaterThan(0);
    }
  });

  it("refuses an expired offer at the instant of expiry, and a withdrawn one", async () => {
    const auth = await authorize();
    const id = await extended(auth, { expiresOn: inDays(1) });
    setClock(new Date(`${inDays(1)}T23:59:59.999Z`));
    expect(await acceptOffer(db, customerA, { offerId: id, acceptTerms: true })).toEqual({ ok: false, error: "This offer has expired." });
    setClock(null);
    const withdrawn = await extended(auth);
    expect((await withdrawOffer(db, partner, { offerId: withdrawn })).ok).toBe(true);
    expect(await acceptOffer(db, customerA, { offerId: withdrawn, acceptTerms: true })).toEqual({ ok: false, error: "This offer was withdrawn." });
    expect(await db.select().from(agreements).where(eq(agreements.offerId, withdrawn))).toEqual([]);
  });

  it("sweeps expired offers and tells the partner; clones make fresh drafts", async () => {
    const id = await extended(await authorize(), { expiresOn: inDays(1) });
    expect(await sweepExpiredOffers(db, new Date(Date.now() + 3 * 86_400_000))).toBeGreaterThan(0);
    const [row] = await db.select().from(privateOffers).where(eq(privateOffers.id, id));
    expect(row?.status).toBe("expired");
    const told = await db.select().from(notifications).where(and(eq(notifications.accountId, partner.accountId), eq(notifications.kind, "offer.expired")));
    expect(told.length).toBeGreaterThan(0);
    const clone = await cloneOffer(db, partner, { offerId: id });
    if (!clone.ok) throw new Error("clone");
    const [copy] = await db.select().from(privateOffers).where(eq(privateOffers.id, clone.data.offerId));
    expect(copy).toMatchObject({ status: "draft", customerCentsPerMonth: null, customerAccountId: customerA.accountId });
    expect(copy!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
