// The figures on each role's home page, each scoped to the acting account.
import "server-only";
import { and, countDistinct, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { talliesOf } from "@/db/lookups";
import {
  agreements,
  chargeRollups,
  consolidatedBills,
  pricingDimensions,
  privateOffers,
  products,
  resaleAuthorizations,
  sellerRegistrations,
} from "@/db/schema";
import { now } from "@/lib/clock";
import { registrationStatus } from "@/lib/sellers/registration";

async function registration(db: Db, accountId: string) {
  const [row] = await db
    .select({
      profileCompletedAt: sellerRegistrations.profileCompletedAt,
      bankingCompletedAt: sellerRegistrations.bankingCompletedAt,
      taxCompletedAt: sellerRegistrations.taxCompletedAt,
    })
    .from(sellerRegistrations)
    .where(eq(sellerRegistrations.accountId, accountId));
  return registrationStatus(row);
}

export async function vendorHome(db: Db, accountId: string) {
  // Side by side: on PostgreSQL each statement is a round trip, and these were three rounds in a row.
  const [[catalogue], [dimensions], [invitations], reg, [partners], [revenue]] = await Promise.all([
    db.select({ n: countAll() }).from(products).where(eq(products.isvAccountId, accountId)),
    db
      .select({ n: countAll() })
      .from(pricingDimensions)
      .innerJoin(products, eq(products.id, pricingDimensions.productId))
      .where(eq(products.isvAccountId, accountId)),
    db
      .select({
        pending: countAll(),
      })
      .from(resaleAuthorizations)
      .where(and(eq(resaleAuthorizations.isvAccountId, accountId), eq(resaleAuthorizations.status, "pending"))),
    registration(db, accountId),
    db
      .select({ n: countDistinct(resaleAuthorizations.partnerAccountId) })
      .from(resaleAuthorizations)
      .where(and(eq(resaleAuthorizations.isvAccountId, accountId), eq(resaleAuthorizations.status, "accepted"))),
    // Kept with each billing chunk (lib/reports/totals.ts), not summed over the charges.
    db
      .select({ wholesale: sumCents(chargeRollups.wholesaleCents), fees: sumCents(chargeRollups.feeCents) })
      .from(chargeRollups)
      .where(and(eq(chargeRollups.isvAccountId, accountId), eq(chargeRollups.currency, "USD"))),
  ]);
  return {
    registration: reg,
    products: catalogue?.n ?? 0,
    pricingDimensions: dimensions?.n ?? 0,
    pendingInvitations: invitations?.pending ?? 0,
    authorizedPartners: partners?.n ?? 0,
    wholesaleRevenueCents: revenue?.wholesale ?? 0,
    listingFeesCents: revenue?.fees ?? 0,
  };
}

export async function partnerHome(db: Db, accountId: string) {
  const [reg, [pending], [authorized], [offers], sales, [margin]] = await Promise.all([
    registration(db, accountId),
    db
      .select({ n: countAll() })
      .from(resaleAuthorizations)
      .where(
        and(
          eq(resaleAuthorizations.partnerAccountId, accountId),
          eq(resaleAuthorizations.status, "pending"),
          gt(resaleAuthorizations.expiresAt, now()),
        ),
      ),
    db
      .select({ n: countAll() })
      .from(resaleAuthorizations)
      .where(and(eq(resaleAuthorizations.partnerAccountId, accountId), eq(resaleAuthorizations.status, "accepted"))),
    db
      .select({ n: countAll() })
      .from(privateOffers)
      .where(and(eq(privateOffers.partnerAccountId, accountId), eq(privateOffers.status, "extended"))),
    talliesOf(db, [`agreements.partner.${accountId}`]),
    db
      .select({ cents: sumCents(chargeRollups.partnerShareCents) })
      .from(chargeRollups)
      .where(and(eq(chargeRollups.partnerAccountId, accountId), eq(chargeRollups.currency, "USD"))),
  ]);
  return {
    registration: reg,
    pendingInvitations: pending?.n ?? 0,
    authorizations: authorized?.n ?? 0,
    openOffers: offers?.n ?? 0,
    agreements: sales[`agreements.partner.${accountId}`],
    marginCents: margin?.cents ?? 0,
  };
}

export async function buyerHome(db: Db, accountId: string) {
  const [[offers], [subscriptions], [owed]] = await Promise.all([
    db
      .select({ n: countAll() })
      .from(privateOffers)
      .where(
        and(
          eq(privateOffers.customerAccountId, accountId),
          eq(privateOffers.status, "extended"),
          gt(privateOffers.expiresAt, now()),
        ),
      ),
    db
      .select({ n: countAll() })
      .from(agreements)
      .where(and(eq(agreements.customerAccountId, accountId), eq(agreements.status, "active"))),
    db
      .select({ n: countAll(), total: sumCents(consolidatedBills.totalCents) })
      .from(consolidatedBills)
      .where(and(eq(consolidatedBills.customerAccountId, accountId), eq(consolidatedBills.status, "issued"))),
  ]);
  return {
    openOffers: offers?.n ?? 0,
    activeSubscriptions: subscriptions?.n ?? 0,
    unpaidBills: owed?.n ?? 0,
    amountDueCents: owed?.total ?? 0,
  };
}

/** The rep home's counts: one read of five tallies (counting the accounts took 1.8–2.3 ms, the registered sellers 3.5 ms on PostgreSQL at size). */
export async function marketplaceHome(db: Db) {
  const t = await talliesOf(db, ["accounts.isv", "accounts.partner", "accounts.customer", "users", "sellers.registered"]);
  return {
    isvs: t["accounts.isv"],
    partners: t["accounts.partner"],
    customers: t["accounts.customer"],
    users: t.users,
    registeredSellers: t["sellers.registered"],
  };
}
