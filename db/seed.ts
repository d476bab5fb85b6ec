// Demo data that tells a story (see lib/demo.ts for the cast). Seeds only an
// empty database, in one transaction, so a restart or a second instance adds nothing.
import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { runDisbursements } from "@/lib/billing/disburse";
import { recordPayment } from "@/lib/billing/payments";
import { periodEnd, periodFromIndex, periodIndex, periodOfDate } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import type { Db, Tx } from "@/db";
import { isUniqueViolation } from "@/db";
import {
  accounts,
  agreements,
  authorizationItems,
  consolidatedBills,
  offerDimensions,
  feeTiers,
  pricingDimensions,
  privateOffers,
  products,
  resaleAuthorizations,
  sellerRegistrations,
  users,
  apiKeys,
  webhookEndpoints,
} from "@/db/schema";
import { createAccount, createUser } from "@/lib/accounts/accounts";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { DEMO_ACCOUNTS, DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS, type DemoAccountKey } from "@/lib/demo";
import { API_SCOPES, hashSecret, keyPrefixOf } from "@/lib/api/keys";
import { eventKindsFor } from "@/lib/outbox/events";
import { newId } from "@/lib/ids";
import { DEFAULT_FEE_TIERS, DEFAULT_RENEWAL_FEE_BPS } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { addMonthsUtc, dayOf } from "@/lib/dates";
import { seedDeals } from "@/db/seed-deals";
import { offerPrice } from "@/lib/offers/pricing";

/** Reference data every database needs: the listing-fee schedule. */
export async function ensureReferenceData(db: Db): Promise<void> {
  const [row] = await db.select({ n: count() }).from(feeTiers);
  if ((row?.n ?? 0) > 0) return;
  try {
    await db.transaction(async (tx) => {
      const effectiveFrom = new Date(Date.UTC(2020, 0, 1));
      await tx.insert(feeTiers).values([
        ...DEFAULT_FEE_TIERS.map((tier) => ({ id: newId("fee"), kind: "standard" as const, effectiveFrom, ...tier })),
        { id: newId("fee"), kind: "renewal" as const, minContractCents: 0, feeBps: DEFAULT_RENEWAL_FEE_BPS, effectiveFrom },
      ]);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another instance inserted it first
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return (row?.n ?? 0) === 0;
}

interface DemoProduct {
  isv: DemoAccountKey;
  name: string;
  description: string;
  dimensions: [unitName: string, unitPriceCents: number][];
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    isv: "isv",
    name: "Northwind Backup",
    description: "Immutable cloud backup for servers and databases, with point-in-time restore.",
    dimensions: [
      ["Protected TB", 4_500],
      ["Servers", 1_200],
    ],
  },
  {
    isv: "isv",
    name: "Northwind Monitor",
    description: "Infrastructure and application monitoring with alerting and on-call schedules.",
    dimensions: [
      ["Hosts", 1_500],
      ["Seats", 800],
      ["Log GB", 50],
    ],
  },
  {
    isv: "isv2",
    name: "Contoso Analytics Platform",
    description: "A managed analytics platform: warehouse, pipelines and dashboards in one subscription.",
    dimensions: [
      ["Platform", 1_000_000],
      ["Additional users", 2_500],
    ],
  },
  {
    isv: "isv2",
    name: "Contoso Data Catalog",
    description: "Discover, classify and govern data across your warehouses and lakes.",
    dimensions: [
      ["Catalog sources", 20_000],
      ["Users", 3_000],
    ],
  },
];

const EULA = (vendor: string) =>
  `${vendor} Standard End User License Agreement.\n\n1. Grant. Subject to payment, the customer may use the product for the subscription term.\n2. Restrictions. No resale outside the marketplace.\n3. Warranty. The product performs materially as documented.\n4. Liability. Limited to fees paid in the twelve months before the claim.`;

/** Seller registrations of the demo sellers: complete for all but partner3. */
async function seedRegistrations(tx: Tx) {
  const at = now();
  const complete = { profileCompletedAt: at, bankingCompletedAt: at, taxCompletedAt: at, updatedAt: at };
  const usBank = {
    bankType: "us_ach" as const,
    bankRoutingNumber: "021000021",
    bankAccountNumber: "000123456789",
    bankLast4: "6789",
    disbursementCurrency: "USD",
  };
  const rows = [
    { key: "isv", city: "Seattle", ...usBank, disbursementSchedule: "monthly" as const, disbursementDay: 15 },
    { key: "isv2", city: "Austin", ...usBank, disbursementSchedule: "daily" as const, disbursementDay: null },
    { key: "partner", city: "Boston", ...usBank, disbursementSchedule: "daily" as const, disbursementDay: null },
    {
      key: "partner2",
      city: "Denver",
      bankType: "iban" as const,
      bankIban: "DE89370400440532013000",
      bankSwiftBic: "COBADEFFXXX",
      bankLast4: "3000",
      disbursementCurrency: "USD",
      disbursementSchedule: "monthly" as const,
      disbursementDay: 1,
    },
  ] as const;
  for (const { key, city, ...bank } of rows) {
    const account = DEMO_ACCOUNTS[key];
    await tx.insert(sellerRegistrations).values({
      accountId: account.id,
      legalName: `${account.name} LLC`,
      addressLine1: "100 Main Street",
      city,
      region: "WA",
      postalCode: "98101",
      country: "US",
      contactName: "Accounts team",
      contactEmail: `billing@${key}.demo.example`,
      contactPhone: "+1 206 555 0100",
      bankAccountHolder: `${account.name} LLC`,
      taxForm: "W-9",
      taxId: "12-3456789",
      taxIdLast4: "6789",
      taxCountry: "US",
      ...bank,
      ...complete,
    });
  }
}

const DAY = 86_400_000;

interface DemoInvitation {
  isv: DemoAccountKey;
  partner: DemoAccountKey;
  status: "pending" | "accepted" | "expired";
  /** Accept-by, in days from now (negative: in the past). */
  expiresInDays: number;
  items: [product: string, discountBps: number, terms?: string][];
}

/** Accepted, pending and expired invitations, so every invitation screen has something real. */
export const DEMO_INVITATIONS: DemoInvitation[] = [
  {
    isv: "isv",
    partner: "partner",
    status: "accepted",
    expiresInDays: -20,
    items: [
      ["Northwind Backup", 2000, "Partner provides first-line support."],
      ["Northwind Monitor", 1500],
    ],
  },
  { isv: "isv2", partner: "partner", status: "accepted", expiresInDays: -40, items: [["Contoso Analytics Platform", 2000]] },
  { isv: "isv", partner: "partner2", status: "pending", expiresInDays: 10, items: [["Northwind Backup", 2500]] },
  { isv: "isv2", partner: "partner3", status: "pending", expiresInDays: 14, items: [["Contoso Data Catalog", 3000, "Resell to EU customers only."]] },
  { isv: "isv2", partner: "partner2", status: "expired", expiresInDays: -5, items: [["Contoso Data Catalog", 1000]] },
];

async function seedInvitations(tx: Tx, productIds: Map<string, string>) {
  const at = now().getTime();
  const ids = new Map<string, string>();
  for (const invitation of DEMO_INVITATIONS) {
    const id = newId("inv");
    ids.set(`${invitation.isv}>${invitation.partner}`, id);
    const isv = DEMO_ACCOUNTS[invitation.isv];
    const partner = DEMO_ACCOUNTS[invitation.partner];
    const expiresAt = new Date(at + invitation.expiresInDays * DAY);
    await tx.insert(resaleAuthorizations).values({
      id,
      isvAccountId: isv.id,
      partnerAccountId: partner.id,
      status: invitation.status,
      expiresAt,
      endsAt: null,
      use: "multi_use",
      respondedAt: invitation.status === "pending" ? null : new Date(Math.min(at, expiresAt.getTime()) - DAY),
      createdAt: new Date(expiresAt.getTime() - 30 * DAY),
    });
    await tx.insert(authorizationItems).values(
      invitation.items.map(([name, discountBps, terms]) => ({
        id: newId("ait"),
        authorizationId: id,
        productId: productIds.get(name) ?? name,
        discountBps,
        additionalTerms: terms ?? null,
      })),
    );
    if (invitation.status === "pending") {
      await notify(tx, partner.id, {
        kind: "invitation.sent",
        title: `${isv.name} invites you to resell`,
        body: `${invitation.items.map(([name]) => name).join(", ")}. Accept by ${expiresAt.toISOString().slice(0, 10)}.`,
        href: `/partner/invitations/${id}`,
      });
    }
  }
  return ids;
}

interface DemoOffer {
  name: string;
  authorization: string;
  product: string;
  customer: DemoAccountKey;
  quantities: Record<string, number>;
  durationMonths: number;
  billing: "upfront" | "monthly";
  markupBps: number;
  status: "draft" | "extended" | "accepted" | "expired" | "withdrawn";
  /** Accepted offers: the agreement starts on the 1st of the month this many months ago. */
  startedMonthsAgo?: number;
  expiresInDays: number;
  terms?: string;
}

/**
 * Offers in every state, and agreements that started in earlier months. The
 * first reproduces DOMAIN.md's worked example: $10,000 a month, 20% discount,
 * 10% markup, 12 months billed monthly.
 */
export const DEMO_OFFERS: DemoOffer[] = [
  {
    name: "Acme Retail — analytics platform (worked example)",
    authorization: "isv2>partner",
    product: "Contoso Analytics Platform",
    customer: "customer",
    quantities: { Platform: 1 },
    durationMonths: 12,
    billing: "monthly",
    markupBps: 1000,
    status: "accepted",
    startedMonthsAgo: 3,
    expiresInDays: -100,
    terms: "Blue Harbor provides onboarding and first-line support.",
  },
  {
    name: "Globex — backup, two years upfront",
    authorization: "isv>partner",
    product: "Northwind Backup",
    customer: "customer2",
    quantities: { "Protected TB": 10, Servers: 5 },
    durationMonths: 24,
    billing: "upfront",
    markupBps: 1250,
    status: "accepted",
    // Three months back, so its bill (issued a month later, net 30) is overdue on any day of this month.
    startedMonthsAgo: 3,
    expiresInDays: -100,
  },
  {
    name: "Initech — monitoring pilot",
    authorization: "isv>partner",
    product: "Northwind Monitor",
    customer: "customer3",
    quantities: { Hosts: 20, Seats: 10 },
    durationMonths: 12,
    billing: "monthly",
    markupBps: 1500,
    status: "extended",
    expiresInDays: 20,
  },
  { name: "Acme — monitoring (lapsed)", authorization: "isv>partner", product: "Northwind Monitor", customer: "customer", quantities: { Hosts: 5 }, durationMonths: 6, billing: "monthly", markupBps: 800, status: "expired", expiresInDays: -3 },
  { name: "Umbrella — backup (withdrawn)", authorization: "isv>partner", product: "Northwind Backup", customer: "customer4", quantities: { "Protected TB": 2 }, durationMonths: 12, billing: "monthly", markupBps: 1000, status: "withdrawn", expiresInDays: 10 },
  { name: "Globex — monitoring add-on (draft)", authorization: "isv>partner", product: "Northwind Monitor", customer: "customer2", quantities: { Seats: 25 }, durationMonths: 12, billing: "monthly", markupBps: 1000, status: "draft", expiresInDays: 30 },
];

async function seedOffers(tx: Tx, authorizationIds: Map<string, string>, productIds: Map<string, string>) {
  const at = now();
  const firstOfMonth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  for (const demo of DEMO_OFFERS) {
    const authorizationId = authorizationIds.get(demo.authorization)!;
    const productId = productIds.get(demo.product)!;
    const [authorization] = await tx.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.id, authorizationId));
    const [item] = await tx.select().from(authorizationItems).where(and(eq(authorizationItems.authorizationId, authorizationId), eq(authorizationItems.productId, productId)));
    const dims = await tx.select().from(pricingDimensions).where(eq(pricingDimensions.productId, productId)).orderBy(pricingDimensions.position);
    const lines = dims.map((d) => ({ ...d, quantity: demo.quantities[d.unitName] ?? 0 }));
    const price = offerPrice({ dimensions: lines, durationMonths: demo.durationMonths, billing: demo.billing, discountBps: item!.discountBps, markupBps: demo.markupBps });
    const startsAt = addMonthsUtc(firstOfMonth, -(demo.startedMonthsAgo ?? 0));
    const extendedAt = demo.status === "draft" ? null : new Date(Math.min(at.getTime(), startsAt.getTime()) - 5 * DAY);
    const frozen = demo.status !== "draft";
    const id = newId("off");
    await tx.insert(privateOffers).values({
      id,
      authorizationId,
      productId,
      partnerAccountId: authorization!.partnerAccountId,
      isvAccountId: authorization!.isvAccountId,
      customerAccountId: DEMO_ACCOUNTS[demo.customer].id,
      name: demo.name,
      status: demo.status,
      currency: "USD",
      durationMonths: demo.durationMonths,
      billing: demo.billing,
      discountBps: item!.discountBps,
      markupBps: demo.markupBps,
      feeBps: frozen ? price.feeBps : null,
      partnerTerms: demo.terms ?? null,
      listCentsPerMonth: frozen ? price.listPerMonthCents : null,
      wholesaleCentsPerMonth: frozen ? price.wholesalePerMonthCents : null,
      customerCentsPerMonth: frozen ? price.customerPerMonthCents : null,
      expiresAt: new Date(at.getTime() + demo.expiresInDays * DAY),
      extendedAt,
      acceptedAt: demo.status === "accepted" ? startsAt : null,
      withdrawnAt: demo.status === "withdrawn" ? at : null,
      createdAt: new Date((extendedAt ?? at).getTime() - DAY),
      updatedAt: at,
    });
    await tx.insert(offerDimensions).values(lines.map((d) => ({ id: newId("odim"), offerId: id, dimensionId: d.id, unitName: d.unitName, quantity: d.quantity, unitPriceCents: d.unitPriceCents })));
    if (frozen) {
      await tx
        .update(resaleAuthorizations)
        .set({ offersExtended: authorization!.offersExtended + 1 })
        .where(eq(resaleAuthorizations.id, authorizationId));
    }
    if (demo.status === "accepted") {
      await tx.insert(agreements).values({
        id: newId("agr"),
        offerId: id,
        customerAccountId: DEMO_ACCOUNTS[demo.customer].id,
        partnerAccountId: authorization!.partnerAccountId,
        isvAccountId: authorization!.isvAccountId,
        productId,
        status: "active",
        billing: demo.billing,
        durationMonths: demo.durationMonths,
        currency: "USD",
        feeBps: price.feeBps,
        listCentsPerMonth: price.listPerMonthCents,
        wholesaleCentsPerMonth: price.wholesalePerMonthCents,
        customerCentsPerMonth: price.customerPerMonthCents,
        startsAt,
        endsAt: addMonthsUtc(startsAt, demo.durationMonths),
        createdAt: startsAt,
      });
    }
    if (demo.status === "extended") {
      await notify(tx, DEMO_ACCOUNTS[demo.customer].id, {
        kind: "offer.extended",
        title: `${DEMO_ACCOUNTS.partner.name} made you a private offer`,
        body: `${demo.name}. Accept by ${dayOf(new Date(at.getTime() + demo.expiresInDays * DAY))}.`,
        href: `/buyer/offers/${id}`,
      });
    }
  }
}

/** Seeds the demo story into an empty database; returns false when it already had data. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await db.transaction(async (tx) => {
      for (const account of Object.values(DEMO_ACCOUNTS)) await createAccount(tx, account);
      for (const user of DEMO_USERS) {
        await createUser(tx, { accountId: DEMO_ACCOUNTS[user.account].id, email: user.email, name: user.name, role: user.role, passwordHash });
      }
      await seedRegistrations(tx);
      const at = now();
      const productIds = new Map<string, string>();
      for (const product of DEMO_PRODUCTS) {
        const vendor = DEMO_ACCOUNTS[product.isv];
        const id = newId("prod");
        productIds.set(product.name, id);
        await tx.insert(products).values({
          id,
          isvAccountId: vendor.id,
          name: product.name,
          description: product.description,
          eulaText: EULA(vendor.name),
          currency: "USD",
          createdAt: at,
          updatedAt: at,
        });
        await tx.insert(pricingDimensions).values(
          product.dimensions.map(([unitName, unitPriceCents], position) => ({
            id: newId("dim"),
            productId: id,
            unitName,
            unitPriceCents,
            position,
          })),
        );
      }
      const authorizationIds = await seedInvitations(tx, productIds);
      await seedOffers(tx, authorizationIds, productIds);
    });
  } catch (error) {
    // A second instance seeding the same empty database at the same moment loses here.
    if (isUniqueViolation(error) && !(await isEmpty(db))) return false;
    throw error;
  }
  await seedDeals(db, now());
  await seedBillingHistory(db);
  await seedIntegrations(db);
  return true;
}

/**
 * The demo's integrations: an API key for a vendor and a partner (DEMO_API_KEYS,
 * in the README), and a webhook endpoint of the partner's pointing at the
 * portal's own demo receiver (/api/demo/webhooks), which checks each signature.
 * Written after the history, so the dispatcher's first rounds deliver the
 * seeded events to it and the delivery log has entries.
 */
async function seedIntegrations(db: Db) {
  const at = now();
  const base = (process.env.APP_URL || process.env.AUTH_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  await db.transaction(async (tx) => {
    for (const key of DEMO_API_KEYS) {
      const [user] = await tx.select({ id: users.id, accountId: users.accountId }).from(users).where(eq(users.email, key.email));
      if (!user) continue;
      await tx.insert(apiKeys).values({
        id: newId("key"),
        accountId: user.accountId,
        userId: user.id,
        name: key.name,
        prefix: keyPrefixOf(key.secret),
        secretHash: hashSecret(key.secret),
        scopes: [...API_SCOPES],
        createdAt: at,
        lastUsedAt: null,
        revokedAt: null,
      });
    }
    const endpointId = newId("we");
    await tx.insert(webhookEndpoints).values({
      id: endpointId,
      accountId: DEMO_ACCOUNTS.partner.id,
      url: `${base}/api/demo/webhooks?endpoint=${endpointId}`,
      description: "The demo's receiver (checks each signature)",
      kinds: eventKindsFor("partner").flatMap((group) => group.kinds.map((k) => k.kind)),
      secret: `whsec_${randomBytes(24).toString("base64url")}`,
      previousSecret: null,
      previousSecretExpiresAt: null,
      createdAt: at,
      disabledAt: null,
    });
  });
}

/**
 * Past months billed, paid and disbursed through the real runs, at dates in the
 * past: the worked example's first two months paid and paid out, its last month
 * billed and open, Globex's upfront bill unpaid and overdue, and the completed
 * non-recurring discount deal's bills paid and paid out on their own days.
 */
async function seedBillingHistory(db: Db) {
  const at = now();
  const [rep] = await db.select({ id: users.id }).from(users).where(eq(users.email, "rep@demo.example"));
  const first = periodIndex(periodOfDate(addMonthsUtc(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)), -3)));
  const current = periodIndex(periodOfDate(at));
  for (let index = first; index < current; index++) {
    const period = periodFromIndex(index);
    await runBilling(db, period, { at: periodEnd(period) });
  }
  const bills = await db.select().from(consolidatedBills).orderBy(consolidatedBills.period);
  // Acme pays all but its latest bill ten days after issue; sellers are paid a few days later (the monthly sellers on their day).
  const acme = bills.filter((b) => b.customerAccountId === DEMO_ACCOUNTS.customer.id).slice(0, -1);
  const payments = acme.map((bill) => {
    const paidAt = new Date(bill.issuedAt.getTime() + 10 * DAY);
    return { bill, paidAt, payday: new Date(Date.UTC(paidAt.getUTCFullYear(), paidAt.getUTCMonth(), 15, 12)) };
  });
  // Initech pays the completed deal's bills three days after issue, and is paid out within the hour: its own payouts.
  for (const bill of bills.filter((b) => b.customerAccountId === DEMO_ACCOUNTS.customer3.id)) {
    const paidAt = new Date(bill.issuedAt.getTime() + 3 * DAY);
    if (paidAt < at) payments.push({ bill, paidAt, payday: new Date(paidAt.getTime() + 3_600_000) });
  }
  payments.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
  for (const { bill, paidAt, payday } of payments) {
    await recordPayment(
      db,
      { userId: rep?.id ?? null, role: "rep", accountId: DEMO_ACCOUNTS.marketplace.id, ip: "seed" },
      { billId: bill.id, idempotencyKey: `demo-payment-${bill.id}`, method: "bank_transfer", reference: `DEMO-${bill.period}`, customerAccountId: null, userId: rep?.id ?? null },
      paidAt,
    );
    await runDisbursements(db, { at: payday < at ? payday : at });
  }
}
