// Private offers: a partner drafts, extends (freezing prices), withdraws or
// clones; the targeted customer accepts, once, making an agreement. Every
// change, its audit event and its notifications commit together.
import { and, eq, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, isUniqueViolation } from "@/db";
import {
  accounts,
  agreements,
  authorizationItems,
  discountRequests,
  offerDimensions,
  opportunities,
  pricingDimensions,
  privateOffers,
  products,
  resaleAuthorizations,
} from "@/db/schema";
import { defineOperation, InvalidInput, NotFound, Refused, type OperationContext } from "@/lib/actions/operation";
import { recordAudit, SYSTEM } from "@/lib/audit";
import { now } from "@/lib/clock";
import { addMonthsUtc } from "@/lib/dates";
import { feeTiersAt } from "@/lib/fees/queries";
import { newId } from "@/lib/ids";
import { canExtendOffers } from "@/lib/invitations/state";
import { requestRefusal } from "@/lib/deals/state";
import { endOfDayUtc } from "@/lib/invitations/validations";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { offerPrice } from "@/lib/offers/pricing";
import { offerRefusal } from "@/lib/offers/state";
import { acceptOfferSchema, offerIdSchema, saveOfferSchema } from "@/lib/offers/validations";
import { requireRegisteredSeller } from "@/lib/sellers/service";
import type { z } from "zod";

type OfferFields = z.output<typeof saveOfferSchema>;

export const KEYED_BY_MARKETPLACE = "The marketplace keyed this offer from a non-recurring discount; ask the marketplace to change or cancel it.";

/**
 * The largest list value of one contract: $100 billion. With a markup of at
 * most 1000% the customer's total stays below 1.1 × 10^14 cents, so every sum
 * a contract produces is an exact integer in JavaScript and in a bigint column.
 */
export const MAX_CONTRACT_LIST_CENTS = 10_000_000_000_000;

/** The partner's usable authorization for the product, checked as of now (locked when `lock`). */
async function authorizationFor(tx: Tx, partnerAccountId: string, authorizationId: string, productId: string, lock = false) {
  const query = tx
    .select({ authorization: resaleAuthorizations, discountBps: authorizationItems.discountBps })
    .from(resaleAuthorizations)
    .innerJoin(authorizationItems, and(eq(authorizationItems.authorizationId, resaleAuthorizations.id), eq(authorizationItems.productId, productId)))
    .where(and(eq(resaleAuthorizations.id, authorizationId), eq(resaleAuthorizations.partnerAccountId, partnerAccountId)))
    .$dynamic();
  const [row] = await (lock ? forUpdate(query) : query);
  return row ?? null;
}

/** Checks the offer's fields against the authorization, product and customer; throws field errors. */
async function validateAgainstAuthorization(tx: Tx, partnerAccountId: string, input: OfferFields) {
  const found = await authorizationFor(tx, partnerAccountId, input.authorizationId, input.productId);
  if (!found) {
    // The ids come from the form's list of the partner's own authorizations: one that is not its own is another tenant's.
    const [own] = await tx
      .select({ id: resaleAuthorizations.id })
      .from(resaleAuthorizations)
      .where(and(eq(resaleAuthorizations.id, input.authorizationId), eq(resaleAuthorizations.partnerAccountId, partnerAccountId)));
    if (!own) throw new NotFound("resale_authorization", input.authorizationId);
    throw new InvalidInput({ productId: ["This product is not part of that authorization; choose one you are authorized to resell"] });
  }
  const at = now();
  if (!canExtendOffers(found.authorization, at)) {
    throw new InvalidInput({ productId: ["This authorization no longer allows new offers (revoked, ended, or its one offer used)"] });
  }
  const [customer] = await tx.select().from(accounts).where(eq(accounts.id, input.customerAccountId));
  if (!customer || customer.type !== "customer") throw new InvalidInput({ customerAccountId: ["No customer has this account id"] });
  if (found.authorization.buyerAccountId && found.authorization.buyerAccountId !== customer.id) {
    throw new InvalidInput({ customerAccountId: ["This authorization is for one named buyer only; this is not that customer"] });
  }
  const expiresAt = endOfDayUtc(input.expiresOn);
  if (expiresAt <= at) throw new InvalidInput({ expiresOn: ["Choose an accept-by date in the future"] });
  if (found.authorization.endsAt && expiresAt > found.authorization.endsAt) {
    throw new InvalidInput({ expiresOn: [`The authorization ends ${found.authorization.endsAt.toISOString().slice(0, 10)}; choose that day or earlier`] });
  }
  const dims = await tx.select().from(pricingDimensions).where(eq(pricingDimensions.productId, input.productId)).orderBy(pricingDimensions.position);
  input.quantities.forEach((q, i) => {
    if (!dims.some((d) => d.id === q.dimensionId)) throw new InvalidInput({ [`quantities.${i}.quantity`]: ["This unit is not part of the product"] });
  });
  // Money bounds: every figure this contract can produce stays an exact integer (far inside 2^53 cents).
  const listPerMonth = input.quantities.reduce((sum, q) => sum + q.quantity * (dims.find((d) => d.id === q.dimensionId)?.unitPriceCents ?? 0), 0);
  if (listPerMonth * input.durationMonths > MAX_CONTRACT_LIST_CENTS) {
    const largest = input.quantities.reduce((best, q, i, all) => (q.quantity * (dims.find((d) => d.id === q.dimensionId)?.unitPriceCents ?? 0) > all[best]!.quantity * (dims.find((d) => d.id === all[best]!.dimensionId)?.unitPriceCents ?? 0) ? i : best), 0);
    throw new InvalidInput({
      [`quantities.${largest}.quantity`]: [`At these quantities the contract lists at more than ${formatMoney(MAX_CONTRACT_LIST_CENTS)}; lower the quantities or the contract length`],
    });
  }
  const [product] = await tx.select().from(products).where(eq(products.id, input.productId));
  return { authorization: found.authorization, discountBps: found.discountBps, customer, expiresAt, dims, product: product! };
}

async function writeDimensions(tx: Tx, offerId: string, input: OfferFields, dims: (typeof pricingDimensions.$inferSelect)[]) {
  await tx.delete(offerDimensions).where(eq(offerDimensions.offerId, offerId));
  const rows = dims.map((d) => ({
    id: newId("odim"),
    offerId,
    dimensionId: d.id,
    unitName: d.unitName,
    quantity: input.quantities.find((q) => q.dimensionId === d.id)?.quantity ?? 0,
    unitPriceCents: d.unitPriceCents,
  }));
  if (rows.length) await tx.insert(offerDimensions).values(rows);
}

export const saveOfferDraft = defineOperation("offer.manage", saveOfferSchema, async (ctx, input) => {
  const partnerAccountId = ctx.user.accountId;
  return ctx.db.transaction(async (tx) => {
    const checked = await validateAgainstAuthorization(tx, partnerAccountId, input);
    const values = {
      authorizationId: input.authorizationId,
      productId: input.productId,
      partnerAccountId,
      isvAccountId: checked.authorization.isvAccountId,
      customerAccountId: checked.customer.id,
      name: input.name,
      currency: checked.product.currency,
      durationMonths: input.durationMonths,
      billing: input.billing,
      discountBps: checked.discountBps,
      markupBps: input.markupPercent,
      partnerTerms: input.partnerTerms || null,
      expiresAt: checked.expiresAt,
      updatedAt: now(),
    };
    let offerId = input.offerId;
    if (offerId) {
      const [existing] = await forUpdate(
        tx.select().from(privateOffers).where(and(eq(privateOffers.id, offerId), eq(privateOffers.partnerAccountId, partnerAccountId))).$dynamic(),
      );
      if (!existing) throw new NotFound("private_offer", offerId);
      if (existing.status !== "draft") throw new Refused("Only a draft can be edited; clone the offer to change it.");
      await tx.update(privateOffers).set(values).where(eq(privateOffers.id, offerId));
    } else {
      offerId = newId("off");
      await tx.insert(privateOffers).values({ id: offerId, status: "draft", createdAt: now(), ...values });
    }
    await writeDimensions(tx, offerId, input, checked.dims);
    await ctx.audit(tx, {
      action: input.offerId ? "offer.update" : "offer.create",
      objectType: "private_offer",
      objectId: offerId,
      after: { customerAccountId: checked.customer.id, markupBps: input.markupPercent, durationMonths: input.durationMonths, billing: input.billing },
    });
    return { offerId };
  });
});

async function lockOwnOffer(tx: Tx, offerId: string, partnerAccountId: string) {
  const [offer] = await forUpdate(
    tx.select().from(privateOffers).where(and(eq(privateOffers.id, offerId), eq(privateOffers.partnerAccountId, partnerAccountId))).$dynamic(),
  );
  if (!offer) throw new NotFound("private_offer", offerId);
  return offer;
}

export const extendOffer = defineOperation("offer.manage", offerIdSchema, async (ctx, { offerId }) => {
  const partnerAccountId = ctx.user.accountId;
  return ctx.db.transaction(async (tx) => {
    const offer = await lockOwnOffer(tx, offerId, partnerAccountId);
    const at = now();
    const refused = offerRefusal(offer, "extend", at);
    if (refused) throw new Refused(refused);
    await requireRegisteredSeller(tx, partnerAccountId);
    // The authorization row is the lock that makes a one-time authorization extend one offer, even under races.
    const found = await authorizationFor(tx, partnerAccountId, offer.authorizationId, offer.productId, true);
    if (!found || !canExtendOffers(found.authorization, at)) {
      throw new Refused("Your authorization for this product no longer allows new offers (revoked, ended, or its one offer already used).");
    }
    if (found.authorization.endsAt && offer.expiresAt > found.authorization.endsAt) throw new Refused("The offer's accept-by date is after the authorization ends.");
    // Freeze today's public prices and fee schedule into the offer.
    const dims = await tx.select().from(pricingDimensions).where(eq(pricingDimensions.productId, offer.productId));
    const lines = await tx.select().from(offerDimensions).where(eq(offerDimensions.offerId, offerId));
    for (const line of lines) {
      const current = dims.find((d) => d.id === line.dimensionId);
      if (current) await tx.update(offerDimensions).set({ unitPriceCents: current.unitPriceCents, unitName: current.unitName }).where(eq(offerDimensions.id, line.id));
    }
    const priced = offerPrice({
      dimensions: lines.map((l) => ({ quantity: l.quantity, unitPriceCents: dims.find((d) => d.id === l.dimensionId)?.unitPriceCents ?? l.unitPriceCents })),
      durationMonths: offer.durationMonths,
      billing: offer.billing,
      discountBps: found.discountBps,
      additionalDiscountBps: offer.additionalDiscountBps,
      markupBps: offer.markupBps,
      feeTiers: await feeTiersAt(tx, at),
    });
    await tx
      .update(privateOffers)
      .set({
        status: "extended",
        extendedAt: at,
        updatedAt: at,
        discountBps: found.discountBps,
        feeBps: priced.feeBps,
        listCentsPerMonth: priced.listPerMonthCents,
        wholesaleCentsPerMonth: priced.wholesalePerMonthCents,
        customerCentsPerMonth: priced.customerPerMonthCents,
      })
      .where(eq(privateOffers.id, offerId));
    await tx
      .update(resaleAuthorizations)
      .set({ offersExtended: found.authorization.offersExtended + 1 })
      .where(eq(resaleAuthorizations.id, found.authorization.id));
    await ctx.audit(tx, {
      action: "offer.extend",
      objectType: "private_offer",
      objectId: offerId,
      before: { status: "draft" },
      after: { status: "extended", customerPerPeriodCents: priced.customerPerPeriodCents, feeBps: priced.feeBps },
    });
    await notify(tx, offer.customerAccountId, {
      kind: "offer.extended",
      title: `${ctx.user.accountName} made you a private offer`,
      body: `${offer.name}: ${formatMoney(priced.customerPerPeriodCents, offer.currency)} ${offer.billing === "upfront" ? "upfront" : "per month"}. Accept by ${offer.expiresAt.toISOString().slice(0, 10)}.`,
      href: `/buyer/offers/${offerId}`,
      facts: { Offer: offer.name, Price: `${formatMoney(priced.customerPerPeriodCents, offer.currency)} ${offer.billing === "upfront" ? "upfront" : "per month"}`, "Accept by": offer.expiresAt.toISOString().slice(0, 10) },
    });
    return { offerId };
  });
});

export const withdrawOffer = defineOperation("offer.manage", offerIdSchema, async (ctx, { offerId }) => {
  return ctx.db.transaction(async (tx) => {
    const offer = await lockOwnOffer(tx, offerId, ctx.user.accountId);
    if (offer.discountRequestId) throw new Refused(KEYED_BY_MARKETPLACE);
    const refused = offerRefusal(offer, "withdraw", now());
    if (refused) throw new Refused(refused);
    await tx.update(privateOffers).set({ status: "withdrawn", withdrawnAt: now(), updatedAt: now() }).where(eq(privateOffers.id, offerId));
    await ctx.audit(tx, { action: "offer.withdraw", objectType: "private_offer", objectId: offerId, before: { status: offer.status }, after: { status: "withdrawn" } });
    if (offer.status === "extended") {
      await notify(tx, offer.customerAccountId, {
        kind: "offer.withdrawn",
        title: `${ctx.user.accountName} withdrew an offer`,
        body: `${offer.name} is no longer available.`,
        href: `/buyer/offers`,
      });
    }
    return { offerId };
  });
});

export const cloneOffer = defineOperation("offer.manage", offerIdSchema, async (ctx, { offerId }) => {
  return ctx.db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(privateOffers)
      .where(and(eq(privateOffers.id, offerId), eq(privateOffers.partnerAccountId, ctx.user.accountId)));
    if (!offer) throw new NotFound("private_offer", offerId);
    // A non-recurring discount is one deal for one customer; a copy would carry its extra discount to another.
    if (offer.discountRequestId) throw new Refused(KEYED_BY_MARKETPLACE);
    const id = newId("off");
    const at = now();
    const expiresAt = offer.expiresAt > at ? offer.expiresAt : endOfDayUtc(new Date(at.getTime() + 14 * 86_400_000).toISOString().slice(0, 10));
    await tx.insert(privateOffers).values({
      ...offer,
      id,
      name: `${offer.name} (copy)`.slice(0, 120),
      status: "draft",
      expiresAt,
      feeBps: null,
      listCentsPerMonth: null,
      wholesaleCentsPerMonth: null,
      customerCentsPerMonth: null,
      extendedAt: null,
      acceptedAt: null,
      withdrawnAt: null,
      createdAt: at,
      updatedAt: at,
    });
    const lines = await tx.select().from(offerDimensions).where(eq(offerDimensions.offerId, offerId));
    if (lines.length) await tx.insert(offerDimensions).values(lines.map((l) => ({ ...l, id: newId("odim"), offerId: id })));
    await ctx.audit(tx, { action: "offer.clone", objectType: "private_offer", objectId: id, after: { clonedFrom: offerId } });
    return { offerId: id };
  });
});

type OfferRow = typeof privateOffers.$inferSelect;

/** Makes the agreement of one extended offer and records it (inside the caller's transaction). */
async function startAgreement(tx: Tx, ctx: OperationContext, offer: OfferRow, at: Date): Promise<string> {
  const agreementId = newId("agr");
  await tx.insert(agreements).values({
    id: agreementId,
    offerId: offer.id,
    customerAccountId: offer.customerAccountId,
    partnerAccountId: offer.partnerAccountId,
    isvAccountId: offer.isvAccountId,
    productId: offer.productId,
    status: "active",
    billing: offer.billing,
    durationMonths: offer.durationMonths,
    currency: offer.currency,
    feeBps: offer.feeBps ?? 0,
    listCentsPerMonth: offer.listCentsPerMonth ?? 0,
    wholesaleCentsPerMonth: offer.wholesaleCentsPerMonth ?? 0,
    customerCentsPerMonth: offer.customerCentsPerMonth ?? 0,
    startsAt: at,
    endsAt: addMonthsUtc(at, offer.durationMonths),
    createdAt: at,
  });
  await tx.update(privateOffers).set({ status: "accepted", acceptedAt: at, updatedAt: at }).where(eq(privateOffers.id, offer.id));
  await ctx.audit(tx, { action: "offer.accept", objectType: "private_offer", objectId: offer.id, before: { status: "extended" }, after: { status: "accepted", agreementId } });
  return agreementId;
}

async function agreementOf(tx: Tx | Db, offerId: string): Promise<string | null> {
  const [row] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.offerId, offerId));
  return row?.id ?? null;
}

/**
 * The customer accepts. Idempotent: a double click, a second tab or a replayed
 * request returns the one agreement (the unique index on agreements.offer_id is
 * the last word); an expired or withdrawn offer is refused. An offer a rep
 * keyed from a non-recurring discount is one deal with its sibling offers (one
 * per product): accepting it accepts them all, once, and only between the
 * deal's start and end dates.
 */
export const acceptOffer = defineOperation("offer.accept", acceptOfferSchema, async (ctx, { offerId }) => {
  const customerAccountId = ctx.user.accountId;
  const existingAgreement = async () => {
    const [row] = await ctx.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.offerId, offerId), eq(agreements.customerAccountId, customerAccountId)));
    return row?.id ?? null;
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      // A deal locks its request first, then its offers, in every path: two accepts of two of its offers cannot deadlock.
      const [peek] = await tx
        .select({ discountRequestId: privateOffers.discountRequestId })
        .from(privateOffers)
        .where(and(eq(privateOffers.id, offerId), eq(privateOffers.customerAccountId, customerAccountId)));
      if (peek?.discountRequestId) return acceptDeal(tx, ctx, offerId, peek.discountRequestId);
      const [offer] = await forUpdate(
        tx.select().from(privateOffers).where(and(eq(privateOffers.id, offerId), eq(privateOffers.customerAccountId, customerAccountId))).$dynamic(),
      );
      // A draft was never extended to this customer: as good as absent.
      if (!offer || offer.status === "draft") throw new NotFound("private_offer", offerId);
      if (offer.status === "accepted") {
        const agreementId = await agreementOf(tx, offerId);
        if (agreementId) return { agreementId, alreadyAccepted: true };
      }
      const at = now();
      const refused = offerRefusal(offer, "accept", at);
      if (refused) throw new Refused(refused);
      const agreementId = await startAgreement(tx, ctx, offer, at);
      await notify(tx, offer.partnerAccountId, {
        kind: "offer.accepted",
        title: `${ctx.user.accountName} accepted your offer`,
        body: `${offer.name}. The subscription starts today.`,
        href: `/partner/sales`,
      });
      const [partner] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, offer.partnerAccountId));
      await notify(tx, offer.isvAccountId, {
        kind: "offer.accepted",
        title: `${partner?.name ?? "A partner"} sold your product`,
        body: `An agreement under your resale authorization started today.`,
        href: `/vendor/channel`,
      });
      return { agreementId, alreadyAccepted: false };
    });
  } catch (error) {
    // Two accepts raced past the status check on different connections: the unique index kept one.
    if (isUniqueViolation(error)) {
      const agreementId = await existingAgreement();
      if (agreementId) return { agreementId, alreadyAccepted: true };
    }
    throw error;
  }
});

async function acceptDeal(tx: Tx, ctx: OperationContext, offerId: string, requestId: string) {
  const customerAccountId = ctx.user.accountId;
  const [request] = await forUpdate(
    tx.select().from(discountRequests).where(and(eq(discountRequests.id, requestId), eq(discountRequests.customerAccountId, customerAccountId))).$dynamic(),
  );
  if (!request) throw new NotFound("private_offer", offerId);
  const offers = await forUpdate(tx.select().from(privateOffers).where(eq(privateOffers.discountRequestId, requestId)).orderBy(privateOffers.id).$dynamic());
  const offer = offers.find((o) => o.id === offerId);
  if (!offer || offer.status === "draft") throw new NotFound("private_offer", offerId);
  if (request.status === "accepted" || offer.status === "accepted") {
    const agreementId = await agreementOf(tx, offerId);
    if (agreementId) return { agreementId, alreadyAccepted: true };
  }
  const at = now();
  const refused = offerRefusal(offer, "accept", at) ?? requestRefusal(request, "accept", at);
  if (refused) throw new Refused(refused);
  let agreementId = "";
  for (const sibling of offers) {
    if (sibling.status !== "extended") continue;
    const id = await startAgreement(tx, ctx, sibling, at);
    if (sibling.id === offerId) agreementId = id;
  }
  await tx.update(discountRequests).set({ status: "accepted", statusChangedAt: at }).where(eq(discountRequests.id, requestId));
  await ctx.audit(tx, { action: "deal.accept", objectType: "discount_request", objectId: requestId, before: { status: request.status }, after: { status: "accepted" } });
  const [opportunity] = await tx.select({ id: opportunities.id, name: opportunities.name }).from(opportunities).where(eq(opportunities.id, request.opportunityId));
  const products = offers.length === 1 ? "The subscription starts today." : `${offers.length} subscriptions start today.`;
  await notify(tx, request.partnerAccountId, {
    kind: "offer.accepted",
    title: `${ctx.user.accountName} accepted your discounted offer`,
    body: `${opportunity?.name ?? offer.name}. ${products}`,
    href: `/partner/opportunities/${request.opportunityId}`,
  });
  const [partner] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, request.partnerAccountId));
  await notify(tx, request.isvAccountId, {
    kind: "offer.accepted",
    title: `${partner?.name ?? "A partner"} closed its opportunity`,
    body: `${opportunity?.name ?? "A deal"}: the customer accepted the discounted offer. ${products}`,
    href: `/vendor/opportunities/${request.opportunityId}`,
  });
  const reps = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.type, "marketplace"));
  for (const rep of reps) {
    await notify(tx, rep.id, {
      kind: "deal.accepted",
      title: "A non-recurring discount was accepted",
      body: `${opportunity?.name ?? "A deal"}, sold by ${partner?.name ?? "the partner"}.`,
      href: `/marketplace/deals/${request.opportunityId}`,
    });
  }
  return { agreementId, alreadyAccepted: false };
}

/** Extended offers past their accept-by instant become expired; the partner is told. */
export async function sweepExpiredOffers(db: Db, at: Date = now()): Promise<number> {
  const due = and(eq(privateOffers.status, "extended"), lte(privateOffers.expiresAt, at));
  const [any] = await db.select({ id: privateOffers.id }).from(privateOffers).where(due).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    const rows = await forUpdate(tx.select().from(privateOffers).where(due).$dynamic());
    for (const offer of rows) {
      await tx.update(privateOffers).set({ status: "expired", updatedAt: at }).where(eq(privateOffers.id, offer.id));
      await recordAudit(tx, SYSTEM, { action: "offer.expire", objectType: "private_offer", objectId: offer.id, before: { status: "extended" }, after: { status: "expired" } });
      await notify(tx, offer.partnerAccountId, {
        kind: "offer.expired",
        title: `Your offer expired unaccepted`,
        body: `${offer.name} was not accepted by ${offer.expiresAt.toISOString().slice(0, 10)}. Clone it to offer again.`,
        href: `/partner/offers/${offer.id}`,
      });
    }
    return rows.length;
  });
}
