// Non-recurring discounts, the seed's second half: a partner registers an
// opportunity with an ISV; the ISV approves it with an additional discount
// (sending a discount request to the marketplace) or rejects it; a rep asks the
// partner for its markup; the partner answers; the rep keys and extends the
// offer on the partner's behalf — single use, that customer only, acceptable
// between the start and end dates. Every step, its audit event and the
// notifications of the party it concerns commit together.
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, isUniqueViolation } from "@/db";
import {
  accounts,
  discountRequestProducts,
  discountRequests,
  offerDimensions,
  opportunities,
  opportunityProducts,
  privateOffers,
  resaleAuthorizations,
} from "@/db/schema";
import { formatAccountId } from "@/lib/account-id";
import { defineOperation, InvalidInput, NotFound, Refused, type OperationContext } from "@/lib/actions/operation";
import { recordAudit, SYSTEM } from "@/lib/audit";
import { now } from "@/lib/clock";
import { dealAuthorizations, productsWithDimensions } from "@/lib/deals/authorizations";
import { decisionRefusal, isOpenRequest, requestRefusal } from "@/lib/deals/state";
import {
  approveOpportunitySchema,
  cancelRequestSchema,
  dealOfferSchema,
  provideMarkupSchema,
  registerOpportunitySchema,
  rejectOpportunitySchema,
  requestIdSchema,
} from "@/lib/deals/validations";
import { feeTiersAt } from "@/lib/fees/queries";
import { newId } from "@/lib/ids";
import { endOfDayUtc } from "@/lib/invitations/validations";
import { bpsToPercent, formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { MAX_CONTRACT_LIST_CENTS } from "@/lib/offers/service";
import { offerPrice } from "@/lib/offers/pricing";
import { registrationView } from "@/lib/sellers/service";
import type { z } from "zod";

/** "2026-12-01" → that day's first instant in UTC. */
export function startOfDayUtc(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function today(at: Date): string {
  return at.toISOString().slice(0, 10);
}

async function accountOf(tx: Tx, id: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

async function nameOf(tx: Tx, id: string) {
  return (await accountOf(tx, id))?.name ?? formatAccountId(id);
}

/** The marketplace's own accounts (its reps' inbox). */
async function marketplaceAccountIds(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.type, "marketplace"));
  return rows.map((r) => r.id);
}

async function notifyMarketplace(tx: Tx, input: Parameters<typeof notify>[2]) {
  for (const id of await marketplaceAccountIds(tx)) await notify(tx, id, input);
}

// ── The partner registers an opportunity ────────────────────────────────────

export const registerOpportunity = defineOperation("opportunity.register", registerOpportunitySchema, async (ctx, input) => {
  const partnerAccountId = ctx.user.accountId;
  const earlier = async () =>
    input.requestKey
      ? (
          await ctx.db
            .select({ id: opportunities.id })
            .from(opportunities)
            .where(and(eq(opportunities.partnerAccountId, partnerAccountId), eq(opportunities.requestKey, input.requestKey)))
        )[0]?.id
      : undefined;
  const registered = await earlier();
  if (registered) return { opportunityId: registered };
  try {
    return await ctx.db.transaction((tx) => registerIn(tx, ctx, input));
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await earlier();
      if (winner) return { opportunityId: winner };
    }
    throw error;
  }
});

async function registerIn(tx: Tx, ctx: OperationContext, input: z.output<typeof registerOpportunitySchema>) {
  const partnerAccountId = ctx.user.accountId;
  const at = now();
  const isv = await accountOf(tx, input.isvAccountId);
  // The vendor comes from the form's list of vendors that authorized this partner.
  if (!isv || isv.type !== "isv") throw new InvalidInput({ isvAccountId: ["Choose a vendor that authorized you to resell"] });
  const customer = await accountOf(tx, input.customerAccountId);
  if (!customer || customer.type !== "customer") throw new InvalidInput({ customerAccountId: ["No customer has this account id; check it with the customer"] });
  if (input.expectedCloseOn < today(at)) throw new InvalidInput({ expectedCloseOn: ["Choose today or a later day"] });
  const found = await productsWithDimensions(tx, input.productIds);
  // Product ids come from the form's list of this vendor's authorized products: another vendor's (or none) is not a typo.
  const foreign = input.productIds.find((id) => !found.some((p) => p.id === id && p.isvAccountId === isv.id));
  if (foreign) throw new NotFound("product", foreign);
  const usable = await dealAuthorizations(tx, { partnerAccountId, isvAccountId: isv.id, customerAccountId: customer.id, productIds: input.productIds, at });
  const missing = found.find((p) => !usable.has(p.id));
  if (missing) {
    const anyCustomer = await dealAuthorizations(tx, { partnerAccountId, isvAccountId: isv.id, customerAccountId: null, productIds: [missing.id], at });
    throw new InvalidInput({
      [anyCustomer.has(missing.id) ? "customerAccountId" : "productIds"]: [
        anyCustomer.has(missing.id)
          ? `Your authorization for ${missing.name} names another buyer; it cannot be sold to this customer`
          : `You are not authorized to resell ${missing.name} now (the authorization ended, was revoked, or its one offer is used)`,
      ],
    });
  }
  const currencies = new Set(found.map((p) => p.currency));
  if (currencies.size > 1) throw new InvalidInput({ productIds: ["Products in one opportunity must share a currency"] });
  const id = newId("opp");
  await tx.insert(opportunities).values({
    id,
    partnerAccountId,
    isvAccountId: isv.id,
    customerAccountId: customer.id,
    name: input.name,
    description: input.description,
    expectedValueCents: input.expectedValue,
    currency: found[0]!.currency,
    expectedCloseOn: input.expectedCloseOn,
    status: "pending",
    requestKey: input.requestKey ?? null,
    createdAt: at,
  });
  await tx.insert(opportunityProducts).values(input.productIds.map((productId) => ({ opportunityId: id, productId })));
  await ctx.audit(tx, {
    action: "opportunity.register",
    objectType: "opportunity",
    objectId: id,
    after: { isvAccountId: isv.id, customerAccountId: customer.id, productIds: input.productIds, expectedValueCents: input.expectedValue },
  });
  await notify(tx, isv.id, {
    kind: "opportunity.registered",
    title: `${ctx.user.accountName} registered an opportunity`,
    body: `${input.name}: ${found.map((p) => p.name).join(", ")} for ${customer.name}, expected ${formatMoney(input.expectedValue, found[0]!.currency)}. Approve or reject it.`,
    href: `/vendor/opportunities/${id}`,
  });
  return { opportunityId: id };
}

// ── The ISV decides ─────────────────────────────────────────────────────────

async function lockOpportunityOfIsv(tx: Tx, opportunityId: string, isvAccountId: string) {
  const [row] = await forUpdate(
    tx.select().from(opportunities).where(and(eq(opportunities.id, opportunityId), eq(opportunities.isvAccountId, isvAccountId))).$dynamic(),
  );
  if (!row) throw new NotFound("opportunity", opportunityId);
  const refused = decisionRefusal(row.status);
  if (refused) throw new Refused(refused);
  return row;
}

export const approveOpportunity = defineOperation("opportunity.decide", approveOpportunitySchema, async (ctx, input) => {
  return ctx.db.transaction(async (tx) => {
    const opportunity = await lockOpportunityOfIsv(tx, input.opportunityId, ctx.user.accountId);
    const at = now();
    const startsAt = startOfDayUtc(input.startsOn);
    const endsAt = endOfDayUtc(input.endsOn);
    if (input.startsOn < today(at)) throw new InvalidInput({ startsOn: ["Choose today or a later day"] });
    const registered = await tx.select({ productId: opportunityProducts.productId }).from(opportunityProducts).where(eq(opportunityProducts.opportunityId, opportunity.id));
    const outside = input.productIds.findIndex((id) => !registered.some((r) => r.productId === id));
    if (outside >= 0) throw new InvalidInput({ productIds: ["Choose among the products the partner registered"] });
    const usable = await dealAuthorizations(tx, {
      partnerAccountId: opportunity.partnerAccountId,
      isvAccountId: opportunity.isvAccountId,
      customerAccountId: opportunity.customerAccountId,
      productIds: input.productIds,
      at,
    });
    const named = await productsWithDimensions(tx, input.productIds);
    for (const product of named) {
      const authorization = usable.get(product.id);
      if (!authorization) {
        throw new InvalidInput({ productIds: [`The partner's authorization for ${product.name} no longer allows offers; invite it again or leave the product out`] });
      }
      if (authorization.endsAt && endsAt > authorization.endsAt) {
        throw new InvalidInput({ endsOn: [`The partner's authorization for ${product.name} ends ${today(authorization.endsAt)}; choose that day or earlier`] });
      }
    }
    const requestId = newId("dr");
    await tx.insert(discountRequests).values({
      id: requestId,
      opportunityId: opportunity.id,
      isvAccountId: opportunity.isvAccountId,
      partnerAccountId: opportunity.partnerAccountId,
      customerAccountId: opportunity.customerAccountId,
      additionalDiscountBps: input.additionalDiscountPercent,
      status: "submitted",
      startsAt,
      endsAt,
      statusChangedAt: at,
      createdAt: at,
    });
    await tx.insert(discountRequestProducts).values(input.productIds.map((productId) => ({ discountRequestId: requestId, productId })));
    await tx.update(opportunities).set({ status: "approved", decidedAt: at }).where(eq(opportunities.id, opportunity.id));
    await ctx.audit(tx, {
      action: "opportunity.approve",
      objectType: "opportunity",
      objectId: opportunity.id,
      before: { status: "pending" },
      after: { status: "approved", discountRequestId: requestId, additionalDiscountBps: input.additionalDiscountPercent, productIds: input.productIds, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    const partnerName = await nameOf(tx, opportunity.partnerAccountId);
    const discount = `${bpsToPercent(input.additionalDiscountPercent)}%`;
    await notify(tx, opportunity.partnerAccountId, {
      kind: "opportunity.approved",
      title: `${ctx.user.accountName} approved your opportunity`,
      body: `${opportunity.name}: an additional ${discount} off wholesale, ${input.startsOn} to ${input.endsOn}. The marketplace will ask for your markup.`,
      href: `/partner/opportunities/${opportunity.id}`,
    });
    await notifyMarketplace(tx, {
      kind: "discount.requested",
      title: `Discount request from ${ctx.user.accountName}`,
      body: `${opportunity.name}: ${discount} more for ${partnerName}'s customer, ${input.startsOn} to ${input.endsOn}. Ask the partner for its markup.`,
      href: `/marketplace/deals/${opportunity.id}`,
    });
    return { opportunityId: opportunity.id, requestId };
  });
});

export const rejectOpportunity = defineOperation("opportunity.decide", rejectOpportunitySchema, async (ctx, input) => {
  return ctx.db.transaction(async (tx) => {
    const opportunity = await lockOpportunityOfIsv(tx, input.opportunityId, ctx.user.accountId);
    const at = now();
    await tx.update(opportunities).set({ status: "rejected", decidedAt: at, decisionReason: input.reason }).where(eq(opportunities.id, opportunity.id));
    await ctx.audit(tx, { action: "opportunity.reject", objectType: "opportunity", objectId: opportunity.id, before: { status: "pending" }, after: { status: "rejected", reason: input.reason } });
    await notify(tx, opportunity.partnerAccountId, {
      kind: "opportunity.rejected",
      title: `${ctx.user.accountName} rejected your opportunity`,
      body: `${opportunity.name}: ${input.reason}`,
      href: `/partner/opportunities/${opportunity.id}`,
    });
    return { opportunityId: opportunity.id };
  });
});

// ── The marketplace and the partner settle the markup ──────────────────────

async function lockRequest(tx: Tx, requestId: string, own?: { partnerAccountId: string }) {
  const [row] = await forUpdate(
    tx
      .select()
      .from(discountRequests)
      .where(and(eq(discountRequests.id, requestId), own ? eq(discountRequests.partnerAccountId, own.partnerAccountId) : undefined))
      .$dynamic(),
  );
  if (!row) throw new NotFound("discount_request", requestId);
  const [opportunity] = await tx.select().from(opportunities).where(eq(opportunities.id, row.opportunityId));
  return { request: row, opportunity: opportunity! };
}

export const askForMarkup = defineOperation("deal.manage", requestIdSchema, async (ctx, { requestId }) => {
  return ctx.db.transaction(async (tx) => {
    const { request, opportunity } = await lockRequest(tx, requestId);
    const at = now();
    const refused = requestRefusal(request, "ask_markup", at);
    if (refused) throw new Refused(refused);
    await tx.update(discountRequests).set({ status: "awaiting_markup", statusChangedAt: at }).where(eq(discountRequests.id, requestId));
    await ctx.audit(tx, { action: "deal.ask_markup", objectType: "discount_request", objectId: requestId, before: { status: request.status }, after: { status: "awaiting_markup" } });
    await notify(tx, request.partnerAccountId, {
      kind: "deal.markup_asked",
      title: "The marketplace asks for your markup",
      body: `${opportunity.name}: ${await nameOf(tx, request.isvAccountId)} approved ${bpsToPercent(request.additionalDiscountBps)}% off wholesale. Give your markup to price the customer's offer.`,
      href: `/partner/opportunities/${opportunity.id}`,
    });
    return { requestId };
  });
});

export const provideMarkup = defineOperation("opportunity.markup", provideMarkupSchema, async (ctx, { requestId, markupPercent }) => {
  return ctx.db.transaction(async (tx) => {
    const { request, opportunity } = await lockRequest(tx, requestId, { partnerAccountId: ctx.user.accountId });
    const at = now();
    const refused = requestRefusal(request, "give_markup", at);
    if (refused) throw new Refused(refused);
    await tx.update(discountRequests).set({ status: "markup_provided", markupBps: markupPercent, statusChangedAt: at }).where(eq(discountRequests.id, requestId));
    await ctx.audit(tx, {
      action: "deal.give_markup",
      objectType: "discount_request",
      objectId: requestId,
      before: { status: request.status, markupBps: request.markupBps },
      after: { status: "markup_provided", markupBps: markupPercent },
    });
    await notifyMarketplace(tx, {
      kind: "deal.markup_given",
      title: `${ctx.user.accountName} gave its markup`,
      body: `${opportunity.name}: ${bpsToPercent(markupPercent)}%. Key and extend the offer.`,
      href: `/marketplace/deals/${opportunity.id}`,
    });
    return { requestId };
  });
});

// ── The rep keys the offer for the partner ──────────────────────────────────

export const extendDealOffer = defineOperation("deal.manage", dealOfferSchema, async (ctx, input) => {
  return ctx.db.transaction(async (tx) => {
    const { request, opportunity } = await lockRequest(tx, input.requestId);
    const at = now();
    const refused = requestRefusal(request, "extend_offer", at);
    if (refused) throw new Refused(refused);
    const markupBps = request.markupBps ?? 0;
    const requested = await tx.select({ productId: discountRequestProducts.productId }).from(discountRequestProducts).where(eq(discountRequestProducts.discountRequestId, request.id));
    const stranger = input.items.findIndex((item) => !requested.some((r) => r.productId === item.productId));
    if (stranger >= 0) throw new InvalidInput({ [`items.${stranger}.productId`]: ["This product is not part of the discount request"] });
    if (input.items.length !== requested.length) throw new InvalidInput({ items: ["Enter quantities for every product of the request"] });
    const partnerRegistration = await registrationView(tx, request.partnerAccountId);
    if (partnerRegistration.status !== "complete") throw new Refused("The partner has not completed its seller registration; it cannot be seller of record yet.");
    // Locks the authorizations, so a one-time authorization makes one offer even under races.
    const usable = await dealAuthorizations(tx, {
      partnerAccountId: request.partnerAccountId,
      isvAccountId: request.isvAccountId,
      customerAccountId: request.customerAccountId,
      productIds: requested.map((r) => r.productId),
      at,
      lock: true,
    });
    const named = await productsWithDimensions(tx, requested.map((r) => r.productId));
    const feeTiers = await feeTiersAt(tx, at);
    const planned = input.items.map((item, i) => {
      const product = named.find((p) => p.id === item.productId)!;
      const authorization = usable.get(item.productId);
      if (!authorization) throw new Refused(`The partner's authorization for ${product.name} no longer allows offers; cancel the request or ask the ISV to invite the partner again.`);
      if (authorization.endsAt && request.endsAt > authorization.endsAt) throw new Refused(`The partner's authorization for ${product.name} ends before the deal does.`);
      item.quantities.forEach((q, j) => {
        if (!product.dimensions.some((d) => d.id === q.dimensionId)) throw new InvalidInput({ [`items.${i}.quantities.${j}.quantity`]: ["This unit is not part of the product"] });
      });
      const lines = product.dimensions.map((d) => ({ dimension: d, quantity: item.quantities.find((q) => q.dimensionId === d.id)?.quantity ?? 0 }));
      const listPerMonth = lines.reduce((sum, l) => sum + l.quantity * l.dimension.unitPriceCents, 0);
      if (listPerMonth * input.durationMonths > MAX_CONTRACT_LIST_CENTS) {
        throw new InvalidInput({ [`items.${i}.quantities.0.quantity`]: [`At these quantities the contract lists at more than ${formatMoney(MAX_CONTRACT_LIST_CENTS)}; lower the quantities or the contract length`] });
      }
      const price = offerPrice({
        dimensions: lines.map((l) => ({ quantity: l.quantity, unitPriceCents: l.dimension.unitPriceCents })),
        durationMonths: input.durationMonths,
        billing: input.billing,
        discountBps: authorization.discountBps,
        additionalDiscountBps: request.additionalDiscountBps,
        markupBps,
        feeTiers,
      });
      return { product, authorization, lines, price };
    });
    const offerIds: string[] = [];
    for (const plan of planned) {
      const offerId = newId("off");
      offerIds.push(offerId);
      await tx.insert(privateOffers).values({
        id: offerId,
        authorizationId: plan.authorization.authorizationId,
        productId: plan.product.id,
        partnerAccountId: request.partnerAccountId,
        isvAccountId: request.isvAccountId,
        customerAccountId: request.customerAccountId,
        discountRequestId: request.id,
        keyedByUserId: ctx.user.id,
        name: planned.length > 1 ? `${input.name} — ${plan.product.name}`.slice(0, 160) : input.name,
        status: "extended",
        currency: plan.product.currency,
        durationMonths: input.durationMonths,
        billing: input.billing,
        discountBps: plan.authorization.discountBps,
        additionalDiscountBps: request.additionalDiscountBps,
        markupBps,
        feeBps: plan.price.feeBps,
        partnerTerms: input.terms || null,
        listCentsPerMonth: plan.price.listPerMonthCents,
        wholesaleCentsPerMonth: plan.price.wholesalePerMonthCents,
        customerCentsPerMonth: plan.price.customerPerMonthCents,
        availableFrom: request.startsAt,
        expiresAt: request.endsAt,
        extendedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(offerDimensions).values(
        plan.lines.map((l) => ({ id: newId("odim"), offerId, dimensionId: l.dimension.id, unitName: l.dimension.unitName, quantity: l.quantity, unitPriceCents: l.dimension.unitPriceCents })),
      );
      await tx
        .update(resaleAuthorizations)
        .set({ offersExtended: plan.authorization.offersExtended + 1 })
        .where(eq(resaleAuthorizations.id, plan.authorization.authorizationId));
      plan.authorization.offersExtended += 1;
      await ctx.audit(tx, {
        action: "offer.extend",
        objectType: "private_offer",
        objectId: offerId,
        after: { status: "extended", keyedFor: request.partnerAccountId, discountRequestId: request.id, customerPerPeriodCents: plan.price.customerPerPeriodCents, feeBps: plan.price.feeBps },
      });
    }
    await tx.update(discountRequests).set({ status: "offer_extended", statusChangedAt: at }).where(eq(discountRequests.id, request.id));
    await ctx.audit(tx, { action: "deal.extend_offer", objectType: "discount_request", objectId: request.id, before: { status: request.status }, after: { status: "offer_extended", offerIds } });
    const partnerName = await nameOf(tx, request.partnerAccountId);
    const customerTotal = planned.reduce((sum, p) => sum + p.price.customerTotalCents, 0);
    const currency = planned[0]!.product.currency;
    const window = `${today(request.startsAt)} to ${today(request.endsAt)}`;
    await notify(tx, request.customerAccountId, {
      kind: "offer.extended",
      title: `${partnerName} made you a private offer`,
      body: `${input.name}: ${planned.map((p) => p.product.name).join(", ")}, ${formatMoney(customerTotal, currency)} over ${input.durationMonths} months. Accept between ${window}.`,
      href: `/buyer/offers/${offerIds[0]}`,
    });
    await notify(tx, request.partnerAccountId, {
      kind: "deal.offer_extended",
      title: "The marketplace extended your offer",
      body: `${opportunity.name}: keyed for you at your ${bpsToPercent(markupBps)}% markup; the customer can accept ${window}.`,
      href: `/partner/opportunities/${opportunity.id}`,
    });
    await notify(tx, request.isvAccountId, {
      kind: "deal.offer_extended",
      title: `Offer extended for ${partnerName}'s opportunity`,
      body: `${opportunity.name}: the marketplace extended the discounted offer; it can be accepted ${window}.`,
      href: `/vendor/opportunities/${opportunity.id}`,
    });
    return { requestId: request.id, offerIds };
  });
});

export const cancelDiscountRequest = defineOperation("deal.manage", cancelRequestSchema, async (ctx, { requestId, reason }) => {
  return ctx.db.transaction(async (tx) => {
    const { request, opportunity } = await lockRequest(tx, requestId);
    const at = now();
    const refused = requestRefusal(request, "cancel", at);
    if (refused) throw new Refused(refused);
    const open = await forUpdate(
      tx.select().from(privateOffers).where(and(eq(privateOffers.discountRequestId, request.id), eq(privateOffers.status, "extended"))).$dynamic(),
    );
    for (const offer of open) {
      await tx.update(privateOffers).set({ status: "withdrawn", withdrawnAt: at, updatedAt: at }).where(eq(privateOffers.id, offer.id));
      await ctx.audit(tx, { action: "offer.withdraw", objectType: "private_offer", objectId: offer.id, before: { status: "extended" }, after: { status: "withdrawn", reason } });
    }
    await tx.update(discountRequests).set({ status: "cancelled", cancelReason: reason, statusChangedAt: at }).where(eq(discountRequests.id, request.id));
    await ctx.audit(tx, { action: "deal.cancel", objectType: "discount_request", objectId: request.id, before: { status: request.status }, after: { status: "cancelled", reason } });
    const message = { kind: "deal.cancelled" as const, title: "The marketplace cancelled a discount", body: `${opportunity.name}: ${reason}` };
    await notify(tx, request.partnerAccountId, { ...message, href: `/partner/opportunities/${opportunity.id}` });
    await notify(tx, request.isvAccountId, { ...message, href: `/vendor/opportunities/${opportunity.id}` });
    if (open.length) {
      await notify(tx, request.customerAccountId, { kind: "offer.withdrawn", title: `An offer was withdrawn`, body: `${open.map((o) => o.name).join(", ")} is no longer available.`, href: "/buyer/offers" });
    }
    return { requestId };
  });
});

// ── Time ────────────────────────────────────────────────────────────────────

/** Open discount requests past their end become expired; both parties are told. Their offers expire with the offer sweep. */
export async function sweepExpiredDeals(db: Db, at: Date = now()): Promise<number> {
  const due = and(inArray(discountRequests.status, ["submitted", "awaiting_markup", "markup_provided", "offer_extended"]), lte(discountRequests.endsAt, at));
  const [any] = await db.select({ id: discountRequests.id }).from(discountRequests).where(due).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    const rows = await forUpdate(tx.select().from(discountRequests).where(due).$dynamic());
    for (const request of rows) {
      if (!isOpenRequest(request.status)) continue;
      await tx.update(discountRequests).set({ status: "expired", statusChangedAt: at }).where(eq(discountRequests.id, request.id));
      await recordAudit(tx, SYSTEM, { action: "deal.expire", objectType: "discount_request", objectId: request.id, before: { status: request.status }, after: { status: "expired" } });
      const [opportunity] = await tx.select({ id: opportunities.id, name: opportunities.name }).from(opportunities).where(eq(opportunities.id, request.opportunityId));
      const message = { kind: "deal.expired" as const, title: "A non-recurring discount expired", body: `${opportunity?.name ?? "A deal"} was not accepted by ${today(request.endsAt)}.` };
      await notify(tx, request.partnerAccountId, { ...message, href: `/partner/opportunities/${request.opportunityId}` });
      await notify(tx, request.isvAccountId, { ...message, href: `/vendor/opportunities/${request.opportunityId}` });
    }
    return rows.length;
  });
}
