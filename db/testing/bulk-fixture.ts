// A marketplace of any size, written through the bulk path (prepared statements
// on SQLite, unnest arrays on PostgreSQL), for backlog tests and benchmarks:
// vendors, partners (every partner authorized by every vendor's product),
// customers, and accepted offers with their agreements. Registered sellers are
// paid daily. Prices come from the portal's own pricing functions.
import type { Db } from "@/db";
import { insertMany } from "@/db";
import { accounts, agreements, authorizationItems, pricingDimensions, privateOffers, products, resaleAuthorizations, sellerRegistrations } from "@/db/schema";
import { addMonthsUtc } from "@/lib/dates";
import { newId } from "@/lib/ids";
import { offerPrice } from "@/lib/offers/pricing";

export interface BulkOptions {
  vendors: number;
  partners: number;
  customers: number;
  agreements: number;
  /** Agreement i starts at startsAt(i). */
  startsAt: (index: number) => Date;
  durationMonths?: (index: number) => number;
  /** Which vendor and partner sell agreement i (default: round robin). */
  vendorOf?: (index: number) => number;
  partnerOf?: (index: number) => number;
  customerOf?: (index: number) => number;
  batch?: number;
}

let serial = 0;
/** Distinct 12-digit account ids for one fixture (a per-process serial under a random prefix). */
function accountIds(n: number): string[] {
  const prefix = 1 + Math.floor(Math.random() * 8);
  const base = Math.floor(Math.random() * 1_000_000) * 10_000;
  return Array.from({ length: n }, () => `${prefix}${String((base + serial++) % 100_000_000_000).padStart(11, "0")}`);
}

async function inBatches<T>(db: Db, rows: T[], size: number, write: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await db.transaction((tx) => write(tx, batch));
  }
}

export async function createBulkMarketplace(db: Db, options: BulkOptions) {
  const size = options.batch ?? 5000;
  const at = new Date();
  const vendorIds = accountIds(options.vendors);
  const partnerIds = accountIds(options.partners);
  const customerIds = accountIds(options.customers);
  await inBatches(
    db,
    [
      ...vendorIds.map((id, i) => ({ id, type: "isv" as const, name: `Vendor ${i}`, createdAt: at })),
      ...partnerIds.map((id, i) => ({ id, type: "partner" as const, name: `Partner ${i}`, createdAt: at })),
      ...customerIds.map((id, i) => ({ id, type: "customer" as const, name: `Customer ${i}`, createdAt: at })),
    ],
    size,
    (tx, batch) => insertMany(tx, accounts, batch),
  );
  const registration = (accountId: string) => ({
    accountId,
    legalName: "Bulk LLC",
    country: "US",
    bankType: "us_ach" as const,
    bankRoutingNumber: "021000021",
    bankAccountNumber: "000123456789",
    bankLast4: "6789",
    disbursementCurrency: "USD",
    disbursementSchedule: "daily" as const,
    taxForm: "W-9" as const,
    taxId: "12-3456789",
    taxIdLast4: "6789",
    taxCountry: "US",
    profileCompletedAt: at,
    bankingCompletedAt: at,
    taxCompletedAt: at,
    updatedAt: at,
  });
  await inBatches(db, [...vendorIds, ...partnerIds].map(registration), size, (tx, batch) => insertMany(tx, sellerRegistrations, batch));
  const productIds = vendorIds.map(() => newId("prod"));
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      products,
      vendorIds.map((isv, i) => ({ id: productIds[i]!, isvAccountId: isv, name: `Product ${i}`, description: "Bulk product", eulaText: "EULA", currency: "USD", createdAt: at, updatedAt: at })),
    );
    await insertMany(
      tx,
      pricingDimensions,
      productIds.map((productId, i) => ({ id: newId("dim"), productId, unitName: "Units", unitPriceCents: 1_000 + (i % 50) * 100, position: 0 })),
    );
  });
  // One authorization per vendor and partner.
  const authorization = new Map<string, string>();
  const auths = vendorIds.flatMap((isv, v) => partnerIds.map((partner, p) => ({ v, p, isv, partner, id: newId("auth") })));
  for (const a of auths) authorization.set(`${a.v}|${a.p}`, a.id);
  await inBatches(db, auths, size, async (tx, batch) => {
    await insertMany(
      tx,
      resaleAuthorizations,
      batch.map((a) => ({ id: a.id, isvAccountId: a.isv, partnerAccountId: a.partner, status: "accepted" as const, expiresAt: at, use: "multi_use" as const, offersExtended: 0, createdAt: at })),
    );
    await insertMany(
      tx,
      authorizationItems,
      batch.map((a) => ({ id: newId("ait"), authorizationId: a.id, productId: productIds[a.v]!, discountBps: 2000 })),
    );
  });
  const vendorOf = options.vendorOf ?? ((i: number) => i % vendorIds.length);
  const partnerOf = options.partnerOf ?? ((i: number) => i % partnerIds.length);
  const customerOf = options.customerOf ?? ((i: number) => i % customerIds.length);
  for (let start = 0; start < options.agreements; start += size) {
    const offers: (typeof privateOffers.$inferInsert)[] = [];
    const rows: (typeof agreements.$inferInsert)[] = [];
    for (let i = start; i < Math.min(options.agreements, start + size); i++) {
      const v = vendorOf(i);
      const p = partnerOf(i);
      const startsAt = options.startsAt(i);
      const durationMonths = options.durationMonths?.(i) ?? 12;
      const markupBps = (i % 4) * 500;
      const price = offerPrice({ dimensions: [{ quantity: 1 + (i % 9), unitPriceCents: 1_000 + (v % 50) * 100 }], durationMonths, billing: "monthly", discountBps: 2000, markupBps });
      const offerId = newId("off");
      const common = { partnerAccountId: partnerIds[p]!, isvAccountId: vendorIds[v]!, customerAccountId: customerIds[customerOf(i)]!, productId: productIds[v]! };
      offers.push({
        id: offerId,
        authorizationId: authorization.get(`${v}|${p}`)!,
        ...common,
        discountRequestId: null,
        name: `Offer ${i}`,
        status: "accepted" as const,
        currency: "USD",
        durationMonths,
        billing: "monthly" as const,
        discountBps: 2000,
        additionalDiscountBps: 0,
        markupBps,
        feeBps: price.feeBps,
        partnerTerms: null,
        listCentsPerMonth: price.listPerMonthCents,
        wholesaleCentsPerMonth: price.wholesalePerMonthCents,
        customerCentsPerMonth: price.customerPerMonthCents,
        expiresAt: startsAt,
        extendedAt: startsAt,
        acceptedAt: startsAt,
        withdrawnAt: null,
        createdAt: startsAt,
        updatedAt: startsAt,
      });
      rows.push({
        id: newId("agr"),
        offerId,
        ...common,
        status: "active" as const,
        billing: "monthly" as const,
        durationMonths,
        currency: "USD",
        feeBps: price.feeBps,
        listCentsPerMonth: price.listPerMonthCents,
        wholesaleCentsPerMonth: price.wholesalePerMonthCents,
        customerCentsPerMonth: price.customerPerMonthCents,
        startsAt,
        endsAt: addMonthsUtc(startsAt, durationMonths),
        createdAt: startsAt,
      });
    }
    await db.transaction(async (tx) => {
      await insertMany(tx, privateOffers, offers);
      await insertMany(tx, agreements, rows);
    });
  }
  return { vendorIds, partnerIds, customerIds, productIds };
}
