// Hostile input against every operation the portal offers (TESTING.md item 16):
// for each, a real request from a role allowed to make it, with one field (or a
// nested one) replaced by a generated hostile value and smuggled extra fields.
// Whatever arrives: no exception (a 500), and a refusal writes nothing — at most
// the record of a denied attempt — and says why, on the field where it can.
// FUZZ_RUNS sets the inputs per operation (CI: 25; `npm run bench -- fuzz`: 1,000).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { consolidatedBills } from "@/db/schema";
import { OPERATIONS } from "@/lib/actions/registry";
import type { CurrentUser } from "@/lib/auth/authorize";
import { runBilling } from "@/lib/billing/run";
import { approveOpportunity, askForMarkup, provideMarkup, registerOpportunity } from "@/lib/deals/service";
import { acceptInvitation, sendInvitation } from "@/lib/invitations/service";
import { extendOffer, saveOfferDraft } from "@/lib/offers/service";
import { createProduct } from "@/lib/products/service";
import { createApiKey } from "@/lib/api/keys";
import { createWebhookEndpoint } from "@/lib/outbox/webhooks";
import { ownProduct } from "@/lib/products/queries";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, TEST_PASSWORD, tableCounts } from "@/db/testing/fixtures";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
let test: TestDatabase;
let db: Db;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const must = <T>(r: { ok: true; data: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(`fuzz setup failed: ${JSON.stringify(r)}`);
  return r.data;
};

type Spec = { actor: () => CurrentUser; input: () => Record<string, unknown>; fields: string[] };
const specs: Record<string, Spec> = {};

const HOSTILE_TEXT = [
  "",
  " ",
  "0x1F",
  "1e3",
  "-1",
  "NaN",
  "Infinity",
  "100.01",
  "50%",
  "2027-02-31",
  "12345678901",
  "<script>alert(1)</script>",
  "'); drop table users; --",
  "\u0000",
  "a\u202Eb",
  "\u200B",
  "Acme\r\nBcc: x",
  "x".repeat(100_000),
  "🙂".repeat(300),
  "__proto__",
  "constructor",
];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, NaN, Infinity, 1e308, 2 ** 53, [], {}, [1, 2], { $gt: "" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);
const SMUGGLED = fc.dictionary(fc.constantFrom("status", "accountId", "isvAccountId", "partnerAccountId", "feeBps", "role", "userId", "totalCents", "__proto__"), hostile, { maxKeys: 3 });

/** Sets `path` ("items.0.discountPercent") in a deep copy of `input`. */
function withField(input: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy;
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  const isv = await makeActor(db, "isv", { registered: true });
  const partner = await makeActor(db, "partner", { registered: true });
  const customer = await makeActor(db, "customer");
  const rep = await makeActor(db, "rep");
  const seller = await makeActor(db, "partner");
  const product = { name: "Fuzz product", description: "A product to fuzz.", eulaText: "The standard EULA, long enough.", dimensions: [{ unitName: "Users", price: "10" }] };
  const { productId } = must(await createProduct(db, isv, product));
  const dimensionId = (await ownProduct(db, isv.accountId, productId))!.dimensions[0]!.id;
  const invitation = () => ({ partnerAccountId: partner.accountId, items: [{ productId, discountPercent: "20", additionalTerms: "Terms." }], expiresOn: inDays(7), endsOn: "", use: "multi_use", buyerAccountId: "" });
  const { invitationId } = must(await sendInvitation(db, isv, invitation()));
  must(await acceptInvitation(db, partner, { invitationId }));
  const { invitationId: pendingId } = must(await sendInvitation(db, isv, invitation()));
  const offer = () => ({
    authorizationId: invitationId,
    productId,
    name: "Fuzz offer",
    customerAccountId: customer.accountId,
    quantities: [{ dimensionId, quantity: 3 }],
    durationMonths: 12,
    billing: "monthly",
    markupPercent: "10",
    partnerTerms: "Partner terms.",
    expiresOn: inDays(10),
  });
  const { offerId } = must(await saveOfferDraft(db, partner, offer()));
  const { offerId: openOfferId } = must(await saveOfferDraft(db, partner, offer()));
  must(await extendOffer(db, partner, { offerId: openOfferId }));
  await runBilling(db, new Date().toISOString().slice(0, 7));
  const [bill] = await db.select().from(consolidatedBills).limit(1);
  const billId = bill?.id ?? "bill_none";
  const { keyId } = must(await createApiKey(db, isv, { name: "Fuzz key", scopes: ["products:read"] }));
  const { endpointId } = must(await createWebhookEndpoint(db, partner, { url: "https://hooks.example.com/fuzz", kinds: ["offer.accepted"] }));

  // Deals at each step, for the operations that move them on.
  const registration = () => ({ isvAccountId: isv.accountId, productIds: [productId], customerAccountId: customer.accountId, name: "Fuzz deal", description: "Business data.", expectedValue: "1000", expectedCloseOn: inDays(30) });
  const approval = (opportunityId: string) => ({ opportunityId, additionalDiscountPercent: "5", productIds: [productId], startsOn: inDays(0), endsOn: inDays(20) });
  const { opportunityId: pendingOpportunity } = must(await registerOpportunity(db, partner, registration()));
  const approved = async () => must(await approveOpportunity(db, isv, approval(must(await registerOpportunity(db, partner, registration())).opportunityId))).requestId;
  const submittedRequest = await approved();
  const awaitingRequest = await approved();
  must(await askForMarkup(db, rep, { requestId: awaitingRequest }));
  const markupRequest = await approved();
  must(await askForMarkup(db, rep, { requestId: markupRequest }));
  must(await provideMarkup(db, partner, { requestId: markupRequest, markupPercent: "10" }));
  const dealOffer = { requestId: markupRequest, name: "Fuzz deal offer", durationMonths: 12, billing: "monthly", terms: "Terms.", items: [{ productId, quantities: [{ dimensionId, quantity: 2 }] }] };

  const profile = { legalName: "Fuzz LLC", addressLine1: "1 Pier", city: "Boston", region: "MA", postalCode: "02110", country: "US", contactName: "Ann", contactEmail: "ann@example.com", contactPhone: "+1 617 555 0100" };
  const bank = { bankType: "us_ach", accountHolder: "Fuzz LLC", routingNumber: "021000021", accountNumber: "000987654321", disbursementCurrency: "USD", disbursementSchedule: "monthly", disbursementDay: 15 };
  Object.assign(specs, {
    saveProfile: { actor: () => seller, input: () => profile, fields: Object.keys(profile) },
    saveBanking: { actor: () => seller, input: () => bank, fields: Object.keys(bank) },
    saveTax: { actor: () => seller, input: () => ({ taxForm: "W-9", taxId: "98-7654321", taxCountry: "US" }), fields: ["taxForm", "taxId", "taxCountry"] },
    createProduct: { actor: () => isv, input: () => product, fields: ["name", "description", "eulaText", "dimensions", "dimensions.0.unitName", "dimensions.0.price"] },
    updateProduct: { actor: () => isv, input: () => ({ productId, product }), fields: ["productId", "product", "product.name", "product.dimensions.0.price"] },
    sendInvitation: {
      actor: () => isv,
      input: invitation,
      fields: ["partnerAccountId", "items", "items.0.productId", "items.0.discountPercent", "items.0.additionalTerms", "expiresOn", "endsOn", "use", "buyerAccountId", "requestKey"],
    },
    lookupPartner: { actor: () => isv, input: () => ({ partnerAccountId: partner.accountId }), fields: ["partnerAccountId"] },
    acceptInvitation: { actor: () => partner, input: () => ({ invitationId: pendingId }), fields: ["invitationId"] },
    declineInvitation: { actor: () => partner, input: () => ({ invitationId: pendingId, reason: "No thanks." }), fields: ["invitationId", "reason"] },
    revokeAuthorization: { actor: () => isv, input: () => ({ invitationId }), fields: ["invitationId"] },
    saveOfferDraft: {
      actor: () => partner,
      input: offer,
      fields: ["authorizationId", "productId", "name", "customerAccountId", "quantities", "quantities.0.dimensionId", "quantities.0.quantity", "durationMonths", "billing", "markupPercent", "partnerTerms", "expiresOn", "offerId"],
    },
    extendOffer: { actor: () => partner, input: () => ({ offerId }), fields: ["offerId"] },
    withdrawOffer: { actor: () => partner, input: () => ({ offerId }), fields: ["offerId"] },
    cloneOffer: { actor: () => partner, input: () => ({ offerId }), fields: ["offerId"] },
    acceptOffer: { actor: () => customer, input: () => ({ offerId: openOfferId, acceptTerms: true }), fields: ["offerId", "acceptTerms"] },
    registerOpportunity: {
      actor: () => partner,
      input: registration,
      fields: ["isvAccountId", "productIds", "productIds.0", "customerAccountId", "name", "description", "expectedValue", "expectedCloseOn", "requestKey"],
    },
    approveOpportunity: { actor: () => isv, input: () => approval(pendingOpportunity), fields: ["opportunityId", "additionalDiscountPercent", "productIds", "productIds.0", "startsOn", "endsOn"] },
    rejectOpportunity: { actor: () => isv, input: () => ({ opportunityId: pendingOpportunity, reason: "Not this one." }), fields: ["opportunityId", "reason"] },
    askForMarkup: { actor: () => rep, input: () => ({ requestId: submittedRequest }), fields: ["requestId"] },
    provideMarkup: { actor: () => partner, input: () => ({ requestId: awaitingRequest, markupPercent: "10" }), fields: ["requestId", "markupPercent"] },
    extendDealOffer: {
      actor: () => rep,
      input: () => dealOffer,
      fields: ["requestId", "name", "durationMonths", "billing", "terms", "items", "items.0.productId", "items.0.quantities", "items.0.quantities.0.dimensionId", "items.0.quantities.0.quantity"],
    },
    cancelDiscountRequest: { actor: () => rep, input: () => ({ requestId: submittedRequest, reason: "Fuzz." }), fields: ["requestId", "reason"] },
    payBill: { actor: () => customer, input: () => ({ billId, idempotencyKey: "fuzz_key_0123456789abcdef" }), fields: ["billId", "idempotencyKey"] },
    recordBankTransfer: { actor: () => rep, input: () => ({ billId, idempotencyKey: "fuzz_key_bank_0123456789", reference: "WIRE-1" }), fields: ["billId", "idempotencyKey", "reference"] },
    startBillingRun: { actor: () => rep, input: () => ({ period: new Date().toISOString().slice(0, 7), wait: true }), fields: ["period", "wait"] },
    startDisbursementRun: { actor: () => rep, input: () => ({ wait: true }), fields: ["wait"] },
    updateFeeSchedule: { actor: () => rep, input: () => ({ effectiveOn: inDays(3), tiers: [{ fromDollars: "0", percent: "3" }] }), fields: ["effectiveOn", "tiers", "tiers.0.fromDollars", "tiers.0.percent"] },
    pauseScheduledJob: { actor: () => rep, input: () => ({ name: "sweep" }), fields: ["name"] },
    resumeScheduledJob: { actor: () => rep, input: () => ({ name: "sweep" }), fields: ["name"] },
    changePassword: { actor: () => rep, input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "another-password-1", confirmPassword: "another-password-1" }), fields: ["currentPassword", "newPassword", "confirmPassword"] },
    createApiKey: { actor: () => isv, input: () => ({ name: "Fuzz key", scopes: ["products:read", "offers:read"] }), fields: ["name", "scopes", "scopes.0"] },
    revokeApiKey: { actor: () => isv, input: () => ({ keyId }), fields: ["keyId"] },
    createWebhookEndpoint: { actor: () => partner, input: () => ({ url: "https://hooks.example.com/x", description: "Fuzz", kinds: ["offer.accepted"] }), fields: ["url", "description", "kinds", "kinds.0"] },
    rotateWebhookSecret: { actor: () => partner, input: () => ({ endpointId }), fields: ["endpointId"] },
    deleteWebhookEndpoint: { actor: () => partner, input: () => ({ endpointId: "we_nowhere00000000000000" }), fields: ["endpointId"] },
    resendDelivery: { actor: () => partner, input: () => ({ deliveryId: "dlv_nowhere0000000000000" }), fields: ["deliveryId"] },
    setEmailPreferences: { actor: () => partner, input: () => ({ enabled: ["invitation.sent", "offer.accepted"] }), fields: ["enabled", "enabled.0", "enabled.1"] },
  });
}, 120_000);
afterAll(() => test.drop());

describe(`hostile input to every operation on ${dialect}`, () => {
  it("covers every registered operation", () => {
    expect(Object.keys(specs).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const name of Object.keys(OPERATIONS)) {
    it(`${name}: never a 500; a refusal writes nothing and says why (${RUNS} inputs)`, async () => {
      const spec = specs[name]!;
      const operation = OPERATIONS[name]!;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...spec.fields), hostile, SMUGGLED, async (field, value, smuggled) => {
          const input = { ...withField(spec.input(), field, value), ...smuggled };
          const before = await tableCounts(db, ["auditEvents", "throttleCounters"]);
          const result = await operation(db, spec.actor(), input);
          if (result.ok) return;
          expect(typeof result.error, JSON.stringify(result)).toBe("string");
          expect(await tableCounts(db, ["auditEvents", "throttleCounters"])).toEqual(before);
          if (result.fieldErrors) expect(Object.values(result.fieldErrors).flat().every((m) => typeof m === "string" && m.length > 0)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }, 300_000);
  }
});
