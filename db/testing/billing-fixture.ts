// Many agreements at once, for billing tests and benchmarks: one ISV, two
// partners, N customers, an offer and an agreement per customer, inserted in
// batches. `expectedCharges` is what one clean run must produce, computed from
// the same pure functions, independently of the database.
import type { Db } from "@/db";
import { accounts, agreements, authorizationItems, pricingDimensions, privateOffers, products, resaleAuthorizations } from "@/db/schema";
import { chargeSplit } from "@/lib/billing/charges";
import { contractMonthDue, periodStart } from "@/lib/billing/periods";
import { addMonthsUtc } from "@/lib/dates";
import { newId } from "@/lib/ids";
import { offerPrice } from "@/lib/offers/pricing";
import { registerSeller } from "@/db/testing/fixtures";

export interface FixtureAgreement {
  id: string;
  customerAccountId: string;
  partnerAccountId: string;
  isvAccountId: string;
  billing: "upfront" | "monthly";
  durationMonths: number;
  startsAt: Date;
  listCentsPerMonth: number;
  wholesaleCentsPerMonth: number;
  customerCentsPerMonth: number;
  feeBps: number;
  discountBps: number;
  additionalDiscountBps: number;
  markupBps: number;
}

// Random 12-digit ids, never the same twice in one process (100,000 draws from 4·10¹¹ collide about once in 80 runs).
const issued = new Set<string>();
const accountId = (): string => {
  const id = String(500_000_000_000 + Math.floor(Math.random() * 400_000_000_000));
  if (issued.has(id)) return accountId();
  issued.add(id);
  return id;
};

export async function createBillingFixture(db: Db, { customers, period, registerPartners = true }: { customers: number; period: string; registerPartners?: boolean }) {
  const at = new Date();
  const isv = accountId();
  const partners = [accountId(), accountId()];
  const customerIds = Array.from({ length: customers }, accountId);
  const productId = newId("prod");
  const authIds = partners.map(() => newId("auth"));
  const start = periodStart(period);
  const made: FixtureAgreement[] = [];
  const batch = async <T>(rows: T[], insert: (b: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
  };
  await db.transaction(async (tx) => {
    await batch(
      [
        { id: isv, type: "isv" as const, name: "Fixture ISV", createdAt: at },
        ...partners.map((id, i) => ({ id, type: "partner" as const, name: `Fixture Partner ${i}`, createdAt: at })),
        ...customerIds.map((id, i) => ({ id, type: "customer" as const, name: `Fixture Customer ${i}`, createdAt: at })),
      ],
      (b) => tx.insert(accounts).values(b),
    );
    await tx.insert(products).values({ id: productId, isvAccountId: isv, name: "Fixture product", description: "d", eulaText: "e", currency: "USD", createdAt: at, updatedAt: at });
    const dimensionId = newId("dim");
    await tx.insert(pricingDimensions).values({ id: dimensionId, productId, unitName: "Units", unitPriceCents: 1_000, position: 0 });
    for (const [i, partner] of partners.entries()) {
      await tx.insert(resaleAuthorizations).values({ id: authIds[i]!, isvAccountId: isv, partnerAccountId: partner, status: "accepted", expiresAt: at, use: "multi_use", createdAt: at });
      await tx.insert(authorizationItems).values({ id: newId("ait"), authorizationId: authIds[i]!, productId, discountBps: 2000 });
    }
    const offers = [];
    const rows = [];
    for (const [i, customer] of customerIds.entries()) {
      const billing = i % 5 === 0 ? ("upfront" as const) : ("monthly" as const);
      // Starts spread over the 30 months before the period's end, so some are due, some finished, some not started.
      const { offer, agreement, row } = agreementRows(
        { isv, partners, productId, authIds },
        { customerAccountId: customer, partnerIndex: i % 2, billing, durationMonths: 1 + (i % 24), startsAt: addMonthsUtc(start, -(i % 30) + 2), quantity: 1 + (i % 7) * 13, unitPriceCents: 1_000 + (i % 11) * 137, markupBps: (i % 4) * 625 },
      );
      offers.push(offer);
      rows.push(row);
      made.push(agreement);
    }
    await batch(offers, (b) => tx.insert(privateOffers).values(b));
    await batch(rows, (b) => tx.insert(agreements).values(b));
  });
  await registerSeller(db, isv);
  if (registerPartners) for (const partner of partners) await registerSeller(db, partner);
  return { isv, partners, customers: customerIds, agreements: made, productId, authIds };
}

export type BillingFixture = Awaited<ReturnType<typeof createBillingFixture>>;

export interface AgreementSpec {
  customerAccountId: string;
  partnerIndex: number;
  billing: "upfront" | "monthly";
  durationMonths: number;
  startsAt: Date;
  quantity: number;
  unitPriceCents: number;
  /** 0 makes a zero partner share. */
  markupBps: number;
}

/** The accepted offer and the agreement rows for one spec, priced by the same pure functions the portal uses. */
function agreementRows(fixture: Pick<BillingFixture, "isv" | "partners" | "productId" | "authIds">, spec: AgreementSpec) {
  const { billing, durationMonths, startsAt, markupBps } = spec;
  const price = offerPrice({ dimensions: [{ quantity: spec.quantity, unitPriceCents: spec.unitPriceCents }], durationMonths, billing, discountBps: 2000, markupBps });
  const offerId = newId("off");
  const partner = fixture.partners[spec.partnerIndex]!;
  const offer = {
    id: offerId,
    authorizationId: fixture.authIds[spec.partnerIndex]!,
    productId: fixture.productId,
    partnerAccountId: partner,
    isvAccountId: fixture.isv,
    customerAccountId: spec.customerAccountId,
    name: `Fixture offer ${offerId}`,
    status: "accepted" as const,
    currency: "USD",
    durationMonths,
    billing,
    discountBps: 2000,
    markupBps,
    feeBps: price.feeBps,
    listCentsPerMonth: price.listPerMonthCents,
    wholesaleCentsPerMonth: price.wholesalePerMonthCents,
    customerCentsPerMonth: price.customerPerMonthCents,
    expiresAt: startsAt,
    extendedAt: startsAt,
    acceptedAt: startsAt,
    createdAt: startsAt,
    updatedAt: startsAt,
  };
  const agreement: FixtureAgreement = {
    id: newId("agr"),
    customerAccountId: spec.customerAccountId,
    partnerAccountId: partner,
    isvAccountId: fixture.isv,
    billing,
    durationMonths,
    startsAt,
    listCentsPerMonth: price.listPerMonthCents,
    wholesaleCentsPerMonth: price.wholesalePerMonthCents,
    customerCentsPerMonth: price.customerPerMonthCents,
    feeBps: price.feeBps,
    discountBps: 2000,
    additionalDiscountBps: 0,
    markupBps,
  };
  const row = {
    id: agreement.id,
    offerId,
    customerAccountId: spec.customerAccountId,
    partnerAccountId: partner,
    isvAccountId: fixture.isv,
    productId: fixture.productId,
    status: "active" as const,
    billing,
    durationMonths,
    currency: "USD",
    feeBps: price.feeBps,
    listCentsPerMonth: price.listPerMonthCents,
    wholesaleCentsPerMonth: price.wholesalePerMonthCents,
    customerCentsPerMonth: price.customerPerMonthCents,
    startsAt,
    endsAt: addMonthsUtc(startsAt, durationMonths),
    createdAt: startsAt,
  };
  return { offer, agreement, row };
}

/** An offer accepted at `spec.startsAt`: adds the offer and agreement to the fixture (and the database). */
export async function addFixtureAgreement(db: Db, fixture: BillingFixture, spec: AgreementSpec): Promise<FixtureAgreement> {
  const { offer, agreement, row } = agreementRows(fixture, spec);
  await db.transaction(async (tx) => {
    await tx.insert(privateOffers).values(offer);
    await tx.insert(agreements).values(row);
  });
  fixture.agreements.push(agreement);
  return agreement;
}

/** The charges one clean run of `period` must create, keyed by agreement id. */
export function expectedCharges(fixture: { agreements: FixtureAgreement[] }, period: string) {
  const out = new Map<string, ReturnType<typeof chargeSplit> & { customerAccountId: string }>();
  for (const a of fixture.agreements) {
    if (contractMonthDue(a, period) === null) continue;
    out.set(a.id, { ...chargeSplit(a), customerAccountId: a.customerAccountId });
  }
  return out;
}
