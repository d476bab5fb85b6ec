// Reads of non-recurring discount deals, each scoped to the asking party and
// trimmed to what it may see: the ISV never gets the partner's markup or the
// customer's price; the customer never sees the opportunity at all.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { countAll } from "@/db/sql";
import { accounts, agreements, discountRequestProducts, discountRequests, opportunities, opportunityProducts, privateOffers, products } from "@/db/schema";
import { parseAccountId } from "@/lib/account-id";
import { now } from "@/lib/clock";
import { dealAuthorizations, productsWithDimensions } from "@/lib/deals/authorizations";
import { dealUnitPrices } from "@/lib/deals/pricing";
import { dealStage, effectiveRequestStatus, type DealStage } from "@/lib/deals/state";
import { DEAL_STAGES, type OpportunityRow, type RequestRow } from "@/lib/deals/table";
import { offerPrice } from "@/lib/offers/pricing";
import { effectiveOfferStatus } from "@/lib/offers/state";
import { offsetOf, type TableParams } from "@/lib/tables/params";

const partner = alias(accounts, "partner");
const isv = alias(accounts, "isv");
const customer = alias(accounts, "customer");

const OPEN = ["submitted", "awaiting_markup", "markup_provided", "offer_extended"] as const;

/** The stage as of `at`, in SQL, so lists filter and sort without waiting for the sweep. */
function stageSql(at: Date): SQL<string> {
  return sql<string>`case when ${opportunities.status} = 'pending' then 'registered' when ${opportunities.status} = 'rejected' then 'rejected' when ${discountRequests.status} is null then 'submitted' when ${and(inArray(discountRequests.status, [...OPEN]), lte(discountRequests.endsAt, at))} then 'expired' else ${discountRequests.status} end`;
}

function stageOrder(stage: SQL<string>): SQL<number> {
  return sql<number>`case ${stage} ${sql.join(
    DEAL_STAGES.map((s, i) => sql`when ${s} then ${i}`),
    sql` `,
  )} else 99 end`;
}

function stagesOf(params: TableParams<string, "stage">): DealStage[] {
  return (params.filters.stage ?? []).filter((s): s is DealStage => (DEAL_STAGES as readonly string[]).includes(s));
}

async function productNames(db: Db, opportunityIds: string[]) {
  const map = new Map<string, string[]>();
  if (!opportunityIds.length) return map;
  const rows = await db
    .select({ id: opportunityProducts.opportunityId, name: products.name })
    .from(opportunityProducts)
    .innerJoin(products, eq(products.id, opportunityProducts.productId))
    .where(inArray(opportunityProducts.opportunityId, opportunityIds))
    .orderBy(products.name);
  for (const row of rows) map.set(row.id, [...(map.get(row.id) ?? []), row.name]);
  return map;
}

/** The partner's opportunities (side "partner") or those registered with the ISV (side "isv"). */
export async function listOpportunities(db: Db, side: "partner" | "isv", accountId: string, params: TableParams<string, "stage">) {
  const at = now();
  const counterparty = side === "partner" ? isv : partner;
  const stage = stageSql(at);
  const stages = stagesOf(params);
  const id = parseAccountId(params.q);
  const where = and(
    side === "partner" ? eq(opportunities.partnerAccountId, accountId) : eq(opportunities.isvAccountId, accountId),
    stages.length ? inArray(stage, stages) : undefined,
    params.q
      ? or(
          containsInsensitive(opportunities.name, params.q),
          containsInsensitive(counterparty.name, params.q),
          containsInsensitive(customer.name, params.q),
          id ? or(eq(counterparty.id, id), eq(customer.id, id)) : undefined,
        )
      : undefined,
  );
  const direction = params.sort.desc ? desc : asc;
  const order: Record<string, SQL> = {
    registered: direction(opportunities.createdAt),
    name: direction(opportunities.name),
    counterparty: direction(counterparty.name),
    value: direction(opportunities.expectedValueCents),
    stage: direction(stageOrder(stage)),
  };
  const base = () =>
    db
      .select({
        opportunity: opportunities,
        counterpartyName: counterparty.name,
        customerName: customer.name,
        stage,
      })
      .from(opportunities)
      .leftJoin(discountRequests, eq(discountRequests.opportunityId, opportunities.id))
      .innerJoin(counterparty, eq(counterparty.id, side === "partner" ? opportunities.isvAccountId : opportunities.partnerAccountId))
      .innerJoin(customer, eq(customer.id, opportunities.customerAccountId));
  const [page, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(order[params.sort.id] ?? order.registered!, desc(opportunities.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    db
      .select({ n: countAll() })
      .from(opportunities)
      .leftJoin(discountRequests, eq(discountRequests.opportunityId, opportunities.id))
      .innerJoin(counterparty, eq(counterparty.id, side === "partner" ? opportunities.isvAccountId : opportunities.partnerAccountId))
      .innerJoin(customer, eq(customer.id, opportunities.customerAccountId))
      .where(where),
  ]);
  const names = await productNames(db, page.map((r) => r.opportunity.id));
  const rows: OpportunityRow[] = page.map((r) => {
    const s = r.stage as DealStage;
    return {
      id: r.opportunity.id,
      name: r.opportunity.name,
      counterpartyName: r.counterpartyName,
      counterpartyAccountId: side === "partner" ? r.opportunity.isvAccountId : r.opportunity.partnerAccountId,
      customerName: r.customerName,
      customerAccountId: r.opportunity.customerAccountId,
      products: names.get(r.opportunity.id) ?? [],
      expectedValueCents: r.opportunity.expectedValueCents,
      currency: r.opportunity.currency,
      stage: s,
      needsAction: side === "partner" ? s === "awaiting_markup" : s === "registered",
      expectedCloseOn: r.opportunity.expectedCloseOn,
      createdAt: r.opportunity.createdAt.toISOString(),
    };
  });
  return { rows, total: total?.n ?? 0 };
}

/** The reps' queue: every discount request with its state and how long it has been in it. */
export async function listDiscountRequests(db: Db, params: TableParams<string, "stage">) {
  const at = now();
  const stage = stageSql(at);
  const stages = stagesOf(params);
  const id = parseAccountId(params.q);
  const where = and(
    stages.length ? inArray(stage, stages) : undefined,
    params.q
      ? or(
          containsInsensitive(opportunities.name, params.q),
          containsInsensitive(partner.name, params.q),
          containsInsensitive(isv.name, params.q),
          containsInsensitive(customer.name, params.q),
          id ? or(eq(partner.id, id), eq(isv.id, id), eq(customer.id, id)) : undefined,
        )
      : undefined,
  );
  const direction = params.sort.desc ? desc : asc;
  const order: Record<string, SQL> = {
    age: direction(discountRequests.statusChangedAt),
    name: direction(opportunities.name),
    partner: direction(partner.name),
    vendor: direction(isv.name),
    ends: direction(discountRequests.endsAt),
    stage: direction(stageOrder(stage)),
  };
  const [page, [total]] = await Promise.all([
    db
      .select({ request: discountRequests, name: opportunities.name, partnerName: partner.name, vendorName: isv.name, customerName: customer.name, stage })
      .from(discountRequests)
      .innerJoin(opportunities, eq(opportunities.id, discountRequests.opportunityId))
      .innerJoin(partner, eq(partner.id, discountRequests.partnerAccountId))
      .innerJoin(isv, eq(isv.id, discountRequests.isvAccountId))
      .innerJoin(customer, eq(customer.id, discountRequests.customerAccountId))
      .where(where)
      .orderBy(order[params.sort.id] ?? order.age!, asc(discountRequests.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    db
      .select({ n: countAll() })
      .from(discountRequests)
      .innerJoin(opportunities, eq(opportunities.id, discountRequests.opportunityId))
      .innerJoin(partner, eq(partner.id, discountRequests.partnerAccountId))
      .innerJoin(isv, eq(isv.id, discountRequests.isvAccountId))
      .innerJoin(customer, eq(customer.id, discountRequests.customerAccountId))
      .where(where),
  ]);
  const rows: RequestRow[] = page.map((r) => ({
    opportunityId: r.request.opportunityId,
    requestId: r.request.id,
    name: r.name,
    partnerName: r.partnerName,
    vendorName: r.vendorName,
    customerName: r.customerName,
    additionalDiscountBps: r.request.additionalDiscountBps,
    stage: r.stage as DealStage,
    startsAt: r.request.startsAt.toISOString(),
    endsAt: r.request.endsAt.toISOString(),
    since: (r.request.statusChangedAt ?? r.request.createdAt).toISOString(),
  }));
  return { rows, total: total?.n ?? 0 };
}

/** How many things wait on this party: markups to give (partner), opportunities to decide (ISV), requests to act on (rep). */
export async function dealTasks(db: Db, viewer: { role: "partner" | "isv"; accountId: string } | { role: "rep" }): Promise<number> {
  const at = now();
  if (viewer.role === "isv") {
    const [row] = await db
      .select({ n: countAll() })
      .from(opportunities)
      .where(and(eq(opportunities.isvAccountId, viewer.accountId), eq(opportunities.status, "pending")));
    return row?.n ?? 0;
  }
  const [row] = await db
    .select({ n: countAll() })
    .from(discountRequests)
    .where(
      and(
        viewer.role === "partner"
          ? and(eq(discountRequests.partnerAccountId, viewer.accountId), eq(discountRequests.status, "awaiting_markup"))
          : inArray(discountRequests.status, ["submitted", "markup_provided"]),
        gt(discountRequests.endsAt, at),
      ),
    );
  return row?.n ?? 0;
}

export type DealViewer = { role: "partner"; accountId: string } | { role: "isv"; accountId: string } | { role: "rep" };

/**
 * One deal as this viewer may see it, by opportunity id; null when it is not
 * the viewer's. Unit prices: public, wholesale and the deal's wholesale for
 * everyone; the customer's price only for the partner and reps.
 */
export async function dealDetail(db: Db, opportunityId: string, viewer: DealViewer) {
  const [row] = await db
    .select({ opportunity: opportunities, partnerName: partner.name, isvName: isv.name, customerName: customer.name })
    .from(opportunities)
    .innerJoin(partner, eq(partner.id, opportunities.partnerAccountId))
    .innerJoin(isv, eq(isv.id, opportunities.isvAccountId))
    .innerJoin(customer, eq(customer.id, opportunities.customerAccountId))
    .where(
      and(
        eq(opportunities.id, opportunityId),
        viewer.role === "partner" ? eq(opportunities.partnerAccountId, viewer.accountId) : undefined,
        viewer.role === "isv" ? eq(opportunities.isvAccountId, viewer.accountId) : undefined,
      ),
    );
  if (!row) return null;
  const o = row.opportunity;
  const at = now();
  const [request] = await db.select().from(discountRequests).where(eq(discountRequests.opportunityId, o.id));
  const registered = await db.select({ productId: opportunityProducts.productId }).from(opportunityProducts).where(eq(opportunityProducts.opportunityId, o.id));
  const requested = request
    ? await db.select({ productId: discountRequestProducts.productId }).from(discountRequestProducts).where(eq(discountRequestProducts.discountRequestId, request.id))
    : [];
  const productIds = [...new Set([...registered, ...requested].map((r) => r.productId))];
  const catalogue = await productsWithDimensions(db, productIds);
  const authorizations = await dealAuthorizations(db, {
    partnerAccountId: o.partnerAccountId,
    isvAccountId: o.isvAccountId,
    customerAccountId: o.customerAccountId,
    productIds,
    at,
  });
  const seesMarkup = viewer.role !== "isv";
  const markupBps = seesMarkup ? (request?.markupBps ?? null) : null;
  const productView = (p: (typeof catalogue)[number]) => {
    const authorization = authorizations.get(p.id) ?? null;
    return {
      id: p.id,
      name: p.name,
      currency: p.currency,
      /** The discount of the authorization the deal rests on; null when the partner can no longer resell it. */
      discountBps: authorization?.discountBps ?? null,
      authorizationEndsAt: authorization?.endsAt ?? null,
      dimensions: p.dimensions.map((d) => ({ id: d.id, unitName: d.unitName, unitPriceCents: d.unitPriceCents })),
      unitPrices:
        authorization && request
          ? dealUnitPrices(p.dimensions, authorization.discountBps, request.additionalDiscountBps, markupBps)
          : authorization
            ? dealUnitPrices(p.dimensions, authorization.discountBps, 0, null)
            : [],
    };
  };
  const offers = request ? await dealOffers(db, request.id, viewer) : [];
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    expectedValueCents: o.expectedValueCents,
    expectedCloseOn: o.expectedCloseOn,
    currency: o.currency,
    status: o.status,
    decisionReason: o.decisionReason,
    decidedAt: o.decidedAt,
    createdAt: o.createdAt,
    partnerAccountId: o.partnerAccountId,
    partnerName: row.partnerName,
    isvAccountId: o.isvAccountId,
    isvName: row.isvName,
    customerAccountId: o.customerAccountId,
    customerName: row.customerName,
    stage: dealStage(o.status, request ?? null, at),
    products: catalogue.filter((p) => registered.some((r) => r.productId === p.id)).map(productView),
    request: request
      ? {
          id: request.id,
          status: effectiveRequestStatus(request, at),
          additionalDiscountBps: request.additionalDiscountBps,
          markupBps,
          startsAt: request.startsAt,
          endsAt: request.endsAt,
          cancelReason: request.cancelReason,
          statusChangedAt: request.statusChangedAt ?? request.createdAt,
          products: catalogue.filter((p) => requested.some((r) => r.productId === p.id)).map(productView),
        }
      : null,
    offers,
  };
}

export type DealDetail = NonNullable<Awaited<ReturnType<typeof dealDetail>>>;

/** The offers a rep keyed for the deal, with each party's figures over the contract. */
async function dealOffers(db: Db, requestId: string, viewer: DealViewer) {
  const rows = await db
    .select({ offer: privateOffers, productName: products.name, agreementId: agreements.id })
    .from(privateOffers)
    .innerJoin(products, eq(products.id, privateOffers.productId))
    .leftJoin(agreements, eq(agreements.offerId, privateOffers.id))
    .where(and(eq(privateOffers.discountRequestId, requestId), isNotNull(privateOffers.extendedAt)))
    .orderBy(products.name);
  const at = now();
  return rows.map(({ offer, productName, agreementId }) => {
    const price = offerPrice({
      dimensions: [{ quantity: 1, unitPriceCents: offer.listCentsPerMonth ?? 0 }],
      durationMonths: offer.durationMonths,
      billing: offer.billing,
      discountBps: offer.discountBps,
      additionalDiscountBps: offer.additionalDiscountBps,
      markupBps: offer.markupBps,
      feeTiers: [{ minContractCents: 0, feeBps: offer.feeBps ?? 0 }],
    });
    const partnerSide = viewer.role !== "isv";
    return {
      id: offer.id,
      name: offer.name,
      productName,
      status: effectiveOfferStatus(offer, at),
      billing: offer.billing,
      durationMonths: offer.durationMonths,
      currency: offer.currency,
      agreementId,
      wholesaleTotalCents: price.wholesaleTotalCents,
      feeTotalCents: price.feeTotalCents,
      isvNetCents: price.wholesaleTotalCents - price.feeTotalCents,
      customerTotalCents: partnerSide ? price.customerTotalCents : null,
      partnerMarginCents: partnerSide ? price.partnerMarginCents : null,
    };
  });
}

/** For the customer's offer page: the deal an offer belongs to (its dates and sibling offers), or null. */
export async function dealForCustomer(db: Db, customerAccountId: string, requestId: string) {
  const [request] = await db
    .select({ startsAt: discountRequests.startsAt, endsAt: discountRequests.endsAt })
    .from(discountRequests)
    .where(and(eq(discountRequests.id, requestId), eq(discountRequests.customerAccountId, customerAccountId)));
  if (!request) return null;
  const rows = await db
    .select({ id: privateOffers.id })
    .from(privateOffers)
    .where(and(eq(privateOffers.discountRequestId, requestId), eq(privateOffers.customerAccountId, customerAccountId), isNotNull(privateOffers.extendedAt)))
    .orderBy(privateOffers.id);
  return { startsAt: request.startsAt, endsAt: request.endsAt, offerIds: rows.map((r) => r.id) };
}
