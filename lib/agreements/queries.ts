// Agreements (subscriptions) as each party sees them: the customer with the
// ISV as manufacturer and the partner as seller of record; the partner with its
// margin; the ISV with the partner as the buyer, at wholesale, never the
// customer price or markup.
import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { accountNames, talliesOf } from "@/db/lookups";
import { countAll } from "@/db/sql";
import { accounts, agreements, privateOffers, products } from "@/db/schema";
import { AGREEMENT_STATUSES, type AgreementStatus } from "@/db/enums";
import { offerPrice } from "@/lib/offers/pricing";
import { offersExtendedByPartner } from "@/lib/offers/queries";
import { offsetOf, type TableParams } from "@/lib/tables/params";
import { parseAccountId } from "@/lib/account-id";
import type { ChannelSaleRow } from "@/lib/offers/table";

const customer = alias(accounts, "customer");
const isv = alias(accounts, "isv");
const partner = alias(accounts, "partner");

type AgreementRow = typeof agreements.$inferSelect;
type OfferTerms = Pick<typeof privateOffers.$inferSelect, "discountBps" | "additionalDiscountBps" | "markupBps">;

/** Contract totals from the frozen figures, by the same formulas the offer showed. */
export function agreementTotals(a: AgreementRow, o: OfferTerms) {
  const price = offerPrice({
    dimensions: [{ quantity: 1, unitPriceCents: a.listCentsPerMonth }],
    durationMonths: a.durationMonths,
    billing: a.billing,
    discountBps: o.discountBps,
    additionalDiscountBps: o.additionalDiscountBps,
    markupBps: o.markupBps,
    feeTiers: [{ minContractCents: 0, feeBps: a.feeBps }],
  });
  return {
    customerPerPeriodCents: price.customerPerPeriodCents,
    customerTotalCents: price.customerTotalCents,
    wholesaleTotalCents: price.wholesaleTotalCents,
    marginCents: price.partnerMarginCents,
    feeTotalCents: price.feeTotalCents,
  };
}

function statusFilter(values: string[] | undefined): SQL | undefined {
  const valid = (values ?? []).filter((s): s is AgreementStatus => (AGREEMENT_STATUSES as readonly string[]).includes(s));
  return valid.length ? inArray(agreements.status, valid) : undefined;
}

type Joined = typeof products | typeof customer | typeof isv | typeof partner;

/** Agreements matching `where`. Every agreement has its product and parties, so their joins are read only when a search needs them. */
function countAgreements(db: Db, where: SQL | undefined, joins: [Joined, SQL][]) {
  let query = db.select({ n: countAll() }).from(agreements).$dynamic();
  for (const [table, on] of joins) query = query.innerJoin(table, on);
  return query.where(where);
}

/**
 * A seller's agreements under the table's search and filters: with neither, every agreement it ever
 * sold, which its tally keeps (db/schema.ts `tallies`) instead of a count growing with its history.
 */
async function countSellerAgreements(db: Db, seller: { role: "isv" | "partner"; accountId: string }, params: TableParams<string, "status">, where: SQL | undefined, joins: [Joined, SQL][]) {
  if (!params.q && !statusFilter(params.filters.status)) {
    const key = `agreements.${seller.role}.${seller.accountId}`;
    return (await talliesOf(db, [key]))[key];
  }
  const [counted] = await countAgreements(db, where, joins);
  return counted?.n ?? 0;
}

/** The sort, then the id in the same direction (so the (party, starts_at, id) index serves the default either way). */
function ordering(params: TableParams<string, "status">, counterparty: SQLWrapper): SQL[] {
  const direction = params.sort.desc ? desc : asc;
  const first = params.sort.id === "product" ? products.name : params.sort.id === "counterparty" ? counterparty : agreements.startsAt;
  return [direction(first), direction(agreements.id)];
}

export interface SubscriptionRow {
  id: string;
  productName: string;
  manufacturer: string;
  sellerOfRecord: string;
  status: AgreementStatus;
  billing: "upfront" | "monthly";
  currency: string;
  pricePerPeriodCents: number;
  totalCents: number;
  startsAt: string;
  endsAt: string;
}

export async function customerSubscriptions(db: Db, customerAccountId: string, params: TableParams<string, "status">) {
  const where = and(
    eq(agreements.customerAccountId, customerAccountId),
    statusFilter(params.filters.status),
    params.q ? or(containsInsensitive(products.name, params.q), containsInsensitive(partner.name, params.q), containsInsensitive(isv.name, params.q)) : undefined,
  );
  const base = () =>
    db
      .select({ agreement: agreements, offer: { discountBps: privateOffers.discountBps, additionalDiscountBps: privateOffers.additionalDiscountBps, markupBps: privateOffers.markupBps }, productName: products.name, isvName: isv.name, partnerName: partner.name })
      .from(agreements)
      .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(isv, eq(isv.id, agreements.isvAccountId))
      .innerJoin(partner, eq(partner.id, agreements.partnerAccountId));
  const [page, [total]] = await Promise.all([
    base().where(where).orderBy(...ordering(params, partner.name)).limit(params.pageSize).offset(offsetOf(params)),
    countAgreements(db, where, params.q ? [[products, eq(products.id, agreements.productId)], [isv, eq(isv.id, agreements.isvAccountId)], [partner, eq(partner.id, agreements.partnerAccountId)]] : []),
  ]);
  const rows: SubscriptionRow[] = page.map((r) => {
    const totals = agreementTotals(r.agreement, r.offer);
    return {
      id: r.agreement.id,
      productName: r.productName,
      manufacturer: r.isvName,
      sellerOfRecord: r.partnerName,
      status: r.agreement.status,
      billing: r.agreement.billing,
      currency: r.agreement.currency,
      pricePerPeriodCents: totals.customerPerPeriodCents,
      totalCents: totals.customerTotalCents,
      startsAt: r.agreement.startsAt.toISOString(),
      endsAt: r.agreement.endsAt.toISOString(),
    };
  });
  return { rows, total: total?.n ?? 0 };
}

export async function customerSubscriptionDetail(db: Db, customerAccountId: string, agreementId: string) {
  const [r] = await db
    .select({ agreement: agreements, offer: privateOffers, product: products, isvName: isv.name, partnerName: partner.name })
    .from(agreements)
    .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
    .innerJoin(products, eq(products.id, agreements.productId))
    .innerJoin(isv, eq(isv.id, agreements.isvAccountId))
    .innerJoin(partner, eq(partner.id, agreements.partnerAccountId))
    .where(and(eq(agreements.id, agreementId), eq(agreements.customerAccountId, customerAccountId)));
  if (!r) return null;
  const totals = agreementTotals(r.agreement, r.offer);
  return {
    id: r.agreement.id,
    offerId: r.offer.id,
    offerName: r.offer.name,
    productName: r.product.name,
    description: r.product.description,
    manufacturer: r.isvName,
    sellerOfRecord: r.partnerName,
    status: r.agreement.status,
    billing: r.agreement.billing,
    durationMonths: r.agreement.durationMonths,
    currency: r.agreement.currency,
    pricePerPeriodCents: totals.customerPerPeriodCents,
    totalCents: totals.customerTotalCents,
    startsAt: r.agreement.startsAt,
    endsAt: r.agreement.endsAt,
    partnerTerms: r.offer.partnerTerms,
  };
}

export interface SaleRow {
  id: string;
  customerName: string;
  customerAccountId: string;
  productName: string;
  manufacturer: string;
  status: AgreementStatus;
  billing: "upfront" | "monthly";
  durationMonths: number;
  currency: string;
  customerTotalCents: number;
  wholesaleTotalCents: number;
  marginCents: number;
  startsAt: string;
}

/** Agreements where the partner is seller of record, with its margin. */
export async function partnerSales(db: Db, partnerAccountId: string, params: TableParams<string, "status">) {
  const where = and(
    eq(agreements.partnerAccountId, partnerAccountId),
    statusFilter(params.filters.status),
    params.q ? or(containsInsensitive(products.name, params.q), containsInsensitive(customer.name, params.q)) : undefined,
  );
  const [page, total] = await Promise.all([
    db
      .select({ agreement: agreements, offer: privateOffers, productName: products.name, customerName: customer.name, isvName: isv.name })
      .from(agreements)
      .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(customer, eq(customer.id, agreements.customerAccountId))
      .innerJoin(isv, eq(isv.id, agreements.isvAccountId))
      .where(where)
      .orderBy(...ordering(params, customer.name))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    countSellerAgreements(db, { role: "partner", accountId: partnerAccountId }, params, where, params.q ? [[products, eq(products.id, agreements.productId)], [customer, eq(customer.id, agreements.customerAccountId)]] : []),
  ]);
  const rows: SaleRow[] = page.map((r) => {
    const totals = agreementTotals(r.agreement, r.offer);
    return {
      id: r.agreement.id,
      customerName: r.customerName,
      customerAccountId: r.agreement.customerAccountId,
      productName: r.productName,
      manufacturer: r.isvName,
      status: r.agreement.status,
      billing: r.agreement.billing,
      durationMonths: r.agreement.durationMonths,
      currency: r.agreement.currency,
      customerTotalCents: totals.customerTotalCents,
      wholesaleTotalCents: totals.wholesaleTotalCents,
      marginCents: totals.marginCents,
      startsAt: r.agreement.startsAt.toISOString(),
    };
  });
  return { rows, total };
}

/**
 * An agreement's contract value at wholesale, in SQL, by the offer's own
 * formulas (lib/offers/pricing.ts): monthly, the frozen month × months; upfront,
 * the chain on the whole contract, each step rounded half up to the cent.
 */
function contractWholesale(): SQL<number> {
  const halfUp = (amount: SQL, bps: SQL) => sql`((${amount}) * (${bps}) * 2 + 10000) / 20000`;
  const listTotal = sql`${agreements.listCentsPerMonth} * ${agreements.durationMonths}`;
  const wholesale = halfUp(listTotal, sql`(10000 - ${privateOffers.discountBps})`);
  const upfront = sql`case when ${privateOffers.additionalDiscountBps} > 0 then ${halfUp(wholesale, sql`(10000 - ${privateOffers.additionalDiscountBps})`)} else ${wholesale} end`;
  return sql`case when ${agreements.billing} = 'monthly' then ${agreements.wholesaleCentsPerMonth} * ${agreements.durationMonths} else ${upfront} end`.mapWith(Number);
}

/** The ISV's channel per partner (the buyer): offers extended, agreements, contract value at wholesale; aggregated in SQL. */
export async function channelByPartner(db: Db, isvAccountId: string) {
  const [sold, extended] = await Promise.all([
    db
      .select({ partnerAccountId: agreements.partnerAccountId, agreements: countAll(), wholesaleTotalCents: sql`coalesce(sum(${contractWholesale()}), 0)`.mapWith(Number) })
      .from(agreements)
      .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
      .where(eq(agreements.isvAccountId, isvAccountId))
      .groupBy(agreements.partnerAccountId),
    offersExtendedByPartner(db, isvAccountId),
  ]);
  const partnerIds = [...new Set([...extended.map((e) => e.partnerAccountId), ...sold.map((s) => s.partnerAccountId)])];
  const nameOf = await accountNames(db, partnerIds);
  return partnerIds
    .map((id) => ({
      partnerAccountId: id,
      partnerName: nameOf.get(id) ?? id,
      offersExtended: extended.find((e) => e.partnerAccountId === id)?.extended ?? 0,
      agreements: sold.find((x) => x.partnerAccountId === id)?.agreements ?? 0,
      wholesaleTotalCents: sold.find((x) => x.partnerAccountId === id)?.wholesaleTotalCents ?? 0,
    }))
    .sort((a, b) => b.wholesaleTotalCents - a.wholesaleTotalCents || a.partnerName.localeCompare(b.partnerName));
}

/** The ISV's sales through partners, one page: the partner is the buyer, figures at wholesale; never customer price or markup. */
export async function channelSales(db: Db, isvAccountId: string, params: TableParams<string, "status">) {
  const id = parseAccountId(params.q);
  const where = and(
    eq(agreements.isvAccountId, isvAccountId),
    statusFilter(params.filters.status),
    params.q ? or(containsInsensitive(products.name, params.q), containsInsensitive(partner.name, params.q), id ? eq(partner.id, id) : undefined) : undefined,
  );
  const [page, total] = await Promise.all([
    db
      .select({ agreement: agreements, offer: privateOffers, productName: products.name, partnerName: partner.name })
      .from(agreements)
      .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(partner, eq(partner.id, agreements.partnerAccountId))
      .where(where)
      .orderBy(...ordering(params, partner.name))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    countSellerAgreements(db, { role: "isv", accountId: isvAccountId }, params, where, params.q ? [[products, eq(products.id, agreements.productId)], [partner, eq(partner.id, agreements.partnerAccountId)]] : []),
  ]);
  const rows: ChannelSaleRow[] = page.map((r) => {
    const totals = agreementTotals(r.agreement, r.offer);
    return {
      id: r.agreement.id,
      buyerName: r.partnerName,
      buyerAccountId: r.agreement.partnerAccountId,
      productName: r.productName,
      status: r.agreement.status,
      billing: r.agreement.billing,
      durationMonths: r.agreement.durationMonths,
      currency: r.agreement.currency,
      wholesaleTotalCents: totals.wholesaleTotalCents,
      listingFeeCents: totals.feeTotalCents,
      netRevenueCents: totals.wholesaleTotalCents - totals.feeTotalCents,
      startsAt: r.agreement.startsAt.toISOString(),
    };
  });
  return { rows, total };
}
