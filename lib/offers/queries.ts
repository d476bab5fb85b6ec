// Reads of offers, each scoped to the asking account and trimmed to what that
// role may see: the customer never gets wholesale, discount or markup.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { countAll } from "@/db/sql";
import { accounts, authorizationItems, discountRequests, offerDimensions, opportunities, pricingDimensions, privateOffers, products, resaleAuthorizations } from "@/db/schema";
import { OFFER_STATUSES, type OfferStatus } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { now } from "@/lib/clock";
import { usableBy } from "@/lib/invitations/queries";
import { offerPrice } from "@/lib/offers/pricing";
import { effectiveOfferStatus } from "@/lib/offers/state";
import type { PartnerOfferRow } from "@/lib/offers/table";
import { offsetOf, type TableParams } from "@/lib/tables/params";

const customer = alias(accounts, "customer");
const isv = alias(accounts, "isv");
const partner = alias(accounts, "partner");

function frozenPerPeriod(o: { billing: "upfront" | "monthly"; durationMonths: number; listCentsPerMonth: number | null; discountBps: number; additionalDiscountBps: number; markupBps: number; customerCentsPerMonth: number | null }) {
  if (o.listCentsPerMonth === null || o.customerCentsPerMonth === null) return null;
  if (o.billing === "monthly") return o.customerCentsPerMonth;
  return offerPrice({
    dimensions: [{ quantity: 1, unitPriceCents: o.listCentsPerMonth }],
    durationMonths: o.durationMonths,
    billing: "upfront",
    discountBps: o.discountBps,
    additionalDiscountBps: o.additionalDiscountBps,
    markupBps: o.markupBps,
  }).customerPerPeriodCents;
}

/** Filters on the status as of now: an extended offer past its accept-by is expired before the sweep records it. */
function offerStatusFilter(statuses: OfferStatus[], at: Date): SQL | undefined {
  if (!statuses.length) return undefined;
  const stored = statuses.filter((s) => s !== "extended" && s !== "expired");
  return or(
    stored.length ? inArray(privateOffers.status, stored) : undefined,
    statuses.includes("extended") ? and(eq(privateOffers.status, "extended"), gt(privateOffers.expiresAt, at)) : undefined,
    statuses.includes("expired") ? or(eq(privateOffers.status, "expired"), and(eq(privateOffers.status, "extended"), lte(privateOffers.expiresAt, at))) : undefined,
  );
}

export async function listPartnerOffers(db: Db, partnerAccountId: string, params: TableParams<string, "status">) {
  const statuses = (params.filters.status ?? []).filter((s): s is OfferStatus => (OFFER_STATUSES as readonly string[]).includes(s));
  const id = parseAccountId(params.q);
  const where = and(
    eq(privateOffers.partnerAccountId, partnerAccountId),
    offerStatusFilter(statuses, now()),
    params.q ? or(containsInsensitive(privateOffers.name, params.q), containsInsensitive(customer.name, params.q), id ? eq(customer.id, id) : undefined) : undefined,
  );
  const direction = params.sort.desc ? desc : asc;
  const order: Record<string, SQL> = {
    name: direction(privateOffers.name),
    customer: direction(customer.name),
    expires: direction(privateOffers.expiresAt),
    status: direction(privateOffers.status),
    updated: direction(privateOffers.updatedAt),
  };
  const [page, [total]] = await Promise.all([
    db
      .select({ offer: privateOffers, customerName: customer.name, productName: products.name })
      .from(privateOffers)
      .innerJoin(customer, eq(customer.id, privateOffers.customerAccountId))
      .innerJoin(products, eq(products.id, privateOffers.productId))
      .where(where)
      .orderBy(order[params.sort.id] ?? order.updated!, direction(privateOffers.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    params.q
      ? db.select({ n: countAll() }).from(privateOffers).innerJoin(customer, eq(customer.id, privateOffers.customerAccountId)).where(where)
      : db.select({ n: countAll() }).from(privateOffers).where(where),
  ]);
  const at = now();
  const rows: PartnerOfferRow[] = page.map(({ offer, customerName, productName }) => ({
    id: offer.id,
    name: offer.name,
    customerName,
    customerAccountId: offer.customerAccountId,
    productName,
    status: effectiveOfferStatus(offer, at),
    billing: offer.billing,
    durationMonths: offer.durationMonths,
    currency: offer.currency,
    customerPerPeriodCents: frozenPerPeriod(offer),
    expiresAt: offer.expiresAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  }));
  return { rows, total: total?.n ?? 0 };
}

async function offerLines(db: Db, offerId: string) {
  return db.select().from(offerDimensions).where(eq(offerDimensions.offerId, offerId));
}

/** The partner's own offer with every figure of the price panel, or null. */
export async function partnerOfferDetail(db: Db, partnerAccountId: string, offerId: string) {
  const [row] = await db
    .select({ offer: privateOffers, customerName: customer.name, isvName: isv.name, product: products })
    .from(privateOffers)
    .innerJoin(customer, eq(customer.id, privateOffers.customerAccountId))
    .innerJoin(isv, eq(isv.id, privateOffers.isvAccountId))
    .innerJoin(products, eq(products.id, privateOffers.productId))
    .where(and(eq(privateOffers.id, offerId), eq(privateOffers.partnerAccountId, partnerAccountId)));
  if (!row) return null;
  const lines = await offerLines(db, offerId);
  const live = await db.select().from(pricingDimensions).where(eq(pricingDimensions.productId, row.offer.productId)).orderBy(pricingDimensions.position);
  // Drafts price at today's public prices; extended offers at their frozen ones.
  const frozen = row.offer.status !== "draft";
  const dims = live.map((d) => {
    const line = lines.find((l) => l.dimensionId === d.id);
    return { dimensionId: d.id, unitName: line?.unitName ?? d.unitName, quantity: line?.quantity ?? 0, unitPriceCents: frozen && line ? line.unitPriceCents : d.unitPriceCents };
  });
  const price = offerPrice({
    dimensions: dims,
    durationMonths: row.offer.durationMonths,
    billing: row.offer.billing,
    discountBps: row.offer.discountBps,
    additionalDiscountBps: row.offer.additionalDiscountBps,
    markupBps: row.offer.markupBps,
    feeTiers: row.offer.feeBps !== null ? [{ minContractCents: 0, feeBps: row.offer.feeBps }] : undefined,
  });
  const [opportunity] = row.offer.discountRequestId
    ? await db
        .select({ id: opportunities.id, name: opportunities.name })
        .from(discountRequests)
        .innerJoin(opportunities, eq(opportunities.id, discountRequests.opportunityId))
        .where(eq(discountRequests.id, row.offer.discountRequestId))
    : [];
  return { ...row.offer, status: effectiveOfferStatus(row.offer, now()), customerName: row.customerName, isvName: row.isvName, product: row.product, dimensions: dims, price, opportunity: opportunity ?? null };
}

/** What a customer may see of an offer extended to it; never wholesale, discount or markup. */
function customerView(row: {
  offer: typeof privateOffers.$inferSelect;
  productName: string;
  description: string;
  eulaText: string;
  isvName: string;
  partnerName: string;
  additionalTerms: string | null;
}, lines: { unitName: string; quantity: number }[]) {
  const o = row.offer;
  return {
    id: o.id,
    name: o.name,
    status: effectiveOfferStatus(o, now()),
    productName: row.productName,
    description: row.description,
    manufacturer: row.isvName,
    sellerOfRecord: row.partnerName,
    eulaText: row.eulaText,
    vendorTerms: row.additionalTerms,
    partnerTerms: o.partnerTerms,
    billing: o.billing,
    durationMonths: o.durationMonths,
    currency: o.currency,
    pricePerPeriodCents: frozenPerPeriod(o),
    totalCents:
      o.billing === "monthly" ? (o.customerCentsPerMonth ?? 0) * o.durationMonths : (frozenPerPeriod(o) ?? 0),
    quantities: lines.filter((l) => l.quantity > 0).map((l) => ({ unitName: l.unitName, quantity: l.quantity })),
    expiresAt: o.expiresAt,
    /** A non-recurring discount is acceptable only from its start date. */
    availableFrom: o.availableFrom,
    /** Set when the offer is one of a deal's offers, accepted together. */
    dealId: o.discountRequestId,
    extendedAt: o.extendedAt,
    acceptedAt: o.acceptedAt,
  };
}

export type CustomerOffer = ReturnType<typeof customerView>;

function customerOfferQuery(db: Db) {
  return db
    .select({
      offer: privateOffers,
      productName: products.name,
      description: products.description,
      eulaText: products.eulaText,
      isvName: isv.name,
      partnerName: partner.name,
      additionalTerms: authorizationItems.additionalTerms,
    })
    .from(privateOffers)
    .innerJoin(products, eq(products.id, privateOffers.productId))
    .innerJoin(isv, eq(isv.id, privateOffers.isvAccountId))
    .innerJoin(partner, eq(partner.id, privateOffers.partnerAccountId))
    .innerJoin(
      authorizationItems,
      and(eq(authorizationItems.authorizationId, privateOffers.authorizationId), eq(authorizationItems.productId, privateOffers.productId)),
    );
}

/** "Offers for you": extended to this customer and still open. */
export async function openOffersForCustomer(db: Db, customerAccountId: string): Promise<CustomerOffer[]> {
  const rows = await customerOfferQuery(db)
    .where(and(eq(privateOffers.customerAccountId, customerAccountId), eq(privateOffers.status, "extended"), gt(privateOffers.expiresAt, now())))
    .orderBy(asc(privateOffers.expiresAt));
  // Every offer's quantities in one read, not one read an offer.
  const lines = rows.length ? await db.select().from(offerDimensions).where(inArray(offerDimensions.offerId, rows.map((r) => r.offer.id))) : [];
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) {
    const of = linesOf.get(l.offerId);
    if (of) of.push(l);
    else linesOf.set(l.offerId, [l]);
  }
  return rows.map((r) => customerView(r, linesOf.get(r.offer.id) ?? []));
}

/** One offer that was extended to this customer (open or not), or null. Drafts never show. */
export async function customerOfferDetail(db: Db, customerAccountId: string, offerId: string): Promise<CustomerOffer | null> {
  const [row] = await customerOfferQuery(db).where(
    and(eq(privateOffers.id, offerId), eq(privateOffers.customerAccountId, customerAccountId), isNotNull(privateOffers.extendedAt)),
  );
  return row ? customerView(row, await offerLines(db, offerId)) : null;
}

/** The partner's authorized products it may build an offer from now, with their dimensions. */
export async function offerableProducts(db: Db, partnerAccountId: string) {
  const rows = await db
    .select({ authorization: resaleAuthorizations, item: authorizationItems, product: products, isvName: isv.name })
    .from(resaleAuthorizations)
    .innerJoin(authorizationItems, eq(authorizationItems.authorizationId, resaleAuthorizations.id))
    .innerJoin(products, eq(products.id, authorizationItems.productId))
    .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
    .where(usableBy(partnerAccountId, now()))
    .orderBy(products.name);
  const dims = rows.length
    ? await db.select().from(pricingDimensions).where(inArray(pricingDimensions.productId, rows.map((r) => r.product.id))).orderBy(pricingDimensions.position)
    : [];
  return rows.map((r) => ({
    authorizationId: r.authorization.id,
    productId: r.product.id,
    productName: r.product.name,
    eulaText: r.product.eulaText,
    currency: r.product.currency,
    isvName: r.isvName,
    discountBps: r.item.discountBps,
    additionalTerms: r.item.additionalTerms,
    endsAt: r.authorization.endsAt?.toISOString() ?? null,
    buyerAccountId: r.authorization.buyerAccountId,
    use: r.authorization.use,
    dimensions: dims.filter((d) => d.productId === r.product.id).map((d) => ({ id: d.id, unitName: d.unitName, unitPriceCents: d.unitPriceCents })),
  }));
}

/** Offers extended per partner, for the ISV's channel view (no customer price, no markup). */
export async function offersExtendedByPartner(db: Db, isvAccountId: string) {
  return db
    .select({ partnerAccountId: privateOffers.partnerAccountId, extended: sql<number>`count(*)`.mapWith(Number) })
    .from(privateOffers)
    .where(and(eq(privateOffers.isvAccountId, isvAccountId), isNotNull(privateOffers.extendedAt)))
    .groupBy(privateOffers.partnerAccountId);
}
