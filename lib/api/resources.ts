// What the public API returns, as zod schemas (the OpenAPI document is made
// from them) and the reads behind them. Each read is the caller's own: the
// tenant filter is part of every query, and a vendor's view of a sale names the
// partner as its buyer — never the customer, the markup or the customer's price.
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { agreements, authorizationItems, consolidatedBills, disbursements, pricingDimensions, privateOffers, products, resaleAuthorizations } from "@/db/schema";
import { AGREEMENT_STATUSES, AUTHORIZATION_STATUSES, AUTHORIZATION_USES, BILL_STATUSES, BILLING_TERMS, DISBURSEMENT_STATUSES, OFFER_STATUSES } from "@/db/enums";
import type { CurrentUser } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { effectiveStatus } from "@/lib/invitations/state";
import { bpsToPercent, wholesaleCents } from "@/lib/money";
import { effectiveOfferStatus } from "@/lib/offers/state";
import { decodeKey, encodeKey, type Cursor } from "@/lib/api/http";

const instant = z.iso.datetime().describe("UTC instant, ISO 8601");
const cents = z.number().int().describe("Integer amount in the currency's minor unit (cents)");
const accountId = z.string().regex(/^\d{12}$/).describe("12-digit account id");
const percent = z.string().describe('A percentage as a decimal string, e.g. "20" or "12.5"');

export const dimensionOut = z.object({ id: z.string(), unitName: z.string(), unitPriceCents: cents });
export const productOut = z
  .object({ object: z.literal("product"), id: z.string(), name: z.string(), description: z.string(), currency: z.string(), dimensions: z.array(dimensionOut), createdAt: instant, updatedAt: instant })
  .meta({ title: "Product" });

export const invitationOut = z
  .object({
    object: z.literal("invitation"),
    id: z.string(),
    status: z.enum(AUTHORIZATION_STATUSES),
    isvAccountId: accountId,
    partnerAccountId: accountId,
    buyerAccountId: accountId.nullable(),
    use: z.enum(AUTHORIZATION_USES),
    expiresAt: instant,
    endsAt: instant.nullable(),
    createdAt: instant,
    items: z.array(
      z.object({
        productId: z.string(),
        productName: z.string(),
        currency: z.string(),
        discountPercent: percent,
        dimensions: z.array(z.object({ id: z.string(), unitName: z.string(), listPriceCents: cents, wholesalePriceCents: cents })),
      }),
    ),
  })
  .meta({ title: "Invitation" });

export const offerOut = z
  .object({
    object: z.literal("offer"),
    id: z.string(),
    status: z.enum(OFFER_STATUSES),
    name: z.string(),
    authorizationId: z.string(),
    productId: z.string(),
    isvAccountId: accountId,
    customerAccountId: accountId,
    currency: z.string(),
    billing: z.enum(BILLING_TERMS),
    durationMonths: z.number().int(),
    discountPercent: percent,
    markupPercent: percent,
    listCentsPerMonth: cents.nullable(),
    wholesaleCentsPerMonth: cents.nullable(),
    customerCentsPerMonth: cents.nullable().describe("Frozen when the offer is extended; null on a draft"),
    expiresAt: instant,
    extendedAt: instant.nullable(),
    acceptedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "Offer" });

const agreementCommon = {
  object: z.literal("agreement"),
  id: z.string(),
  productId: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  billing: z.enum(BILLING_TERMS),
  durationMonths: z.number().int(),
  currency: z.string(),
  startsAt: instant,
  endsAt: instant,
  wholesaleCentsPerMonth: cents,
};
/** The partner's sale: its customer and every figure. */
export const partnerAgreementOut = z
  .object({ ...agreementCommon, view: z.literal("partner"), offerId: z.string(), isvAccountId: accountId, customerAccountId: accountId, listCentsPerMonth: cents, customerCentsPerMonth: cents })
  .meta({ title: "PartnerAgreement" });
/** The vendor's channel sale: the partner is the buyer, at the wholesale price. */
export const vendorAgreementOut = z.object({ ...agreementCommon, view: z.literal("vendor"), partnerAccountId: accountId }).meta({ title: "VendorAgreement" });
export const agreementOut = z.discriminatedUnion("view", [partnerAgreementOut, vendorAgreementOut]).meta({ title: "Agreement" });

export const disbursementOut = z
  .object({ object: z.literal("disbursement"), id: z.string(), status: z.enum(DISBURSEMENT_STATUSES), currency: z.string(), amountCents: cents, lineCount: z.number().int(), reference: z.string(), createdAt: instant, completedAt: instant.nullable() })
  .meta({ title: "Disbursement" });

export function listOut<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal("list"), data: z.array(item), hasMore: z.boolean(), nextCursor: z.string().nullable().describe("Pass as startingAfter for the next page") });
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Rows after the cursor in (sort desc, id desc) order. */
function after(column: SQL.Aliased | Parameters<typeof lt>[0], idColumn: Parameters<typeof lt>[0], cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return or(lt(column, cursor.at), and(eq(column, cursor.at), lt(idColumn, cursor.id)));
}

export type Page = { limit: number; after: Cursor | null };

// ── Products ────────────────────────────────────────────────────────────────

async function dimensionsOf(db: Db, productIds: string[]) {
  if (productIds.length === 0) return [];
  return db.select().from(pricingDimensions).where(inArray(pricingDimensions.productId, productIds)).orderBy(asc(pricingDimensions.productId), asc(pricingDimensions.position));
}

function productView(p: typeof products.$inferSelect, dims: (typeof pricingDimensions.$inferSelect)[]): z.infer<typeof productOut> {
  return {
    object: "product",
    id: p.id,
    name: p.name,
    description: p.description,
    currency: p.currency,
    dimensions: dims.filter((d) => d.productId === p.id).map((d) => ({ id: d.id, unitName: d.unitName, unitPriceCents: d.unitPriceCents })),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

/** A vendor's own products. */
export async function listProductsFor(db: Db, user: CurrentUser, page: Page) {
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.isvAccountId, user.accountId), after(products.createdAt, products.id, page.after)))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(page.limit + 1);
  const dims = await dimensionsOf(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => productView(r, dims)), position: (p: z.infer<typeof productOut>) => ({ at: new Date(p.createdAt), id: p.id }) };
}

export async function productFor(db: Db, user: CurrentUser, id: string) {
  const [row] = await db.select().from(products).where(and(eq(products.id, id), eq(products.isvAccountId, user.accountId)));
  return row ? productView(row, await dimensionsOf(db, [row.id])) : null;
}

// ── Invitations ─────────────────────────────────────────────────────────────

function invitationOwner(user: CurrentUser): SQL | null {
  if (user.role === "isv") return eq(resaleAuthorizations.isvAccountId, user.accountId);
  if (user.role === "partner") return eq(resaleAuthorizations.partnerAccountId, user.accountId);
  return null;
}

async function invitationViews(db: Db, rows: (typeof resaleAuthorizations.$inferSelect)[]): Promise<z.infer<typeof invitationOut>[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({ authorizationId: authorizationItems.authorizationId, discountBps: authorizationItems.discountBps, product: products })
    .from(authorizationItems)
    .innerJoin(products, eq(products.id, authorizationItems.productId))
    .where(inArray(authorizationItems.authorizationId, rows.map((r) => r.id)))
    .orderBy(asc(products.name));
  const dims = await dimensionsOf(db, [...new Set(items.map((i) => i.product.id))]);
  const at = now();
  return rows.map((r) => ({
    object: "invitation",
    id: r.id,
    status: effectiveStatus(r, at),
    isvAccountId: r.isvAccountId,
    partnerAccountId: r.partnerAccountId,
    buyerAccountId: r.buyerAccountId,
    use: r.use,
    expiresAt: iso(r.expiresAt),
    endsAt: isoOrNull(r.endsAt),
    createdAt: iso(r.createdAt),
    items: items
      .filter((i) => i.authorizationId === r.id)
      .map((i) => ({
        productId: i.product.id,
        productName: i.product.name,
        currency: i.product.currency,
        discountPercent: bpsToPercent(i.discountBps),
        dimensions: dims.filter((d) => d.productId === i.product.id).map((d) => ({ id: d.id, unitName: d.unitName, listPriceCents: d.unitPriceCents, wholesalePriceCents: wholesaleCents(d.unitPriceCents, i.discountBps) })),
      })),
  }));
}

export async function listInvitationsFor(db: Db, user: CurrentUser, page: Page) {
  const owner = invitationOwner(user);
  const rows = owner
    ? await db
        .select()
        .from(resaleAuthorizations)
        .where(and(owner, after(resaleAuthorizations.createdAt, resaleAuthorizations.id, page.after)))
        .orderBy(desc(resaleAuthorizations.createdAt), desc(resaleAuthorizations.id))
        .limit(page.limit + 1)
    : [];
  return { rows: await invitationViews(db, rows), position: (i: z.infer<typeof invitationOut>) => ({ at: new Date(i.createdAt), id: i.id }) };
}

export async function invitationFor(db: Db, user: CurrentUser, id: string) {
  const owner = invitationOwner(user);
  if (!owner) return null;
  const rows = await db.select().from(resaleAuthorizations).where(and(eq(resaleAuthorizations.id, id), owner));
  return (await invitationViews(db, rows))[0] ?? null;
}

// ── Offers (the partner's) ──────────────────────────────────────────────────

function offerView(o: typeof privateOffers.$inferSelect): z.infer<typeof offerOut> {
  return {
    object: "offer",
    id: o.id,
    status: effectiveOfferStatus(o, now()),
    name: o.name,
    authorizationId: o.authorizationId,
    productId: o.productId,
    isvAccountId: o.isvAccountId,
    customerAccountId: o.customerAccountId,
    currency: o.currency,
    billing: o.billing,
    durationMonths: o.durationMonths,
    discountPercent: bpsToPercent(o.discountBps),
    markupPercent: bpsToPercent(o.markupBps),
    listCentsPerMonth: o.listCentsPerMonth,
    wholesaleCentsPerMonth: o.wholesaleCentsPerMonth,
    customerCentsPerMonth: o.customerCentsPerMonth,
    expiresAt: iso(o.expiresAt),
    extendedAt: isoOrNull(o.extendedAt),
    acceptedAt: isoOrNull(o.acceptedAt),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

export async function listOffersFor(db: Db, user: CurrentUser, page: Page) {
  if (user.role !== "partner") return { rows: [], position: () => ({ at: new Date(0), id: "" }) };
  const rows = await db
    .select()
    .from(privateOffers)
    .where(and(eq(privateOffers.partnerAccountId, user.accountId), after(privateOffers.createdAt, privateOffers.id, page.after)))
    .orderBy(desc(privateOffers.createdAt), desc(privateOffers.id))
    .limit(page.limit + 1);
  return { rows: rows.map(offerView), position: (o: z.infer<typeof offerOut>) => ({ at: new Date(o.createdAt), id: o.id }) };
}

export async function offerFor(db: Db, user: CurrentUser, id: string) {
  if (user.role !== "partner") return null;
  const [row] = await db.select().from(privateOffers).where(and(eq(privateOffers.id, id), eq(privateOffers.partnerAccountId, user.accountId)));
  return row ? offerView(row) : null;
}

// ── Agreements ──────────────────────────────────────────────────────────────

function agreementView(a: typeof agreements.$inferSelect, role: "isv" | "partner"): z.infer<typeof agreementOut> {
  const common = {
    object: "agreement" as const,
    id: a.id,
    productId: a.productId,
    status: a.status,
    billing: a.billing,
    durationMonths: a.durationMonths,
    currency: a.currency,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    wholesaleCentsPerMonth: a.wholesaleCentsPerMonth,
  };
  return role === "partner"
    ? { ...common, view: "partner", offerId: a.offerId, isvAccountId: a.isvAccountId, customerAccountId: a.customerAccountId, listCentsPerMonth: a.listCentsPerMonth, customerCentsPerMonth: a.customerCentsPerMonth }
    : { ...common, view: "vendor", partnerAccountId: a.partnerAccountId };
}

function agreementOwner(user: CurrentUser): { where: SQL; role: "isv" | "partner" } | null {
  if (user.role === "isv") return { where: eq(agreements.isvAccountId, user.accountId), role: "isv" };
  if (user.role === "partner") return { where: eq(agreements.partnerAccountId, user.accountId), role: "partner" };
  return null;
}

export async function listAgreementsFor(db: Db, user: CurrentUser, page: Page) {
  const owner = agreementOwner(user);
  const rows = owner
    ? await db
        .select()
        .from(agreements)
        .where(and(owner.where, after(agreements.startsAt, agreements.id, page.after)))
        .orderBy(desc(agreements.startsAt), desc(agreements.id))
        .limit(page.limit + 1)
    : [];
  return { rows: rows.map((a) => agreementView(a, owner!.role)), position: (a: z.infer<typeof agreementOut>) => ({ at: new Date(a.startsAt), id: a.id }) };
}

export async function agreementFor(db: Db, user: CurrentUser, id: string) {
  const owner = agreementOwner(user);
  if (!owner) return null;
  const [row] = await db.select().from(agreements).where(and(eq(agreements.id, id), owner.where));
  return row ? agreementView(row, owner.role) : null;
}

// ── Disbursements (the seller's payouts) ────────────────────────────────────

function disbursementView(d: typeof disbursements.$inferSelect): z.infer<typeof disbursementOut> {
  return { object: "disbursement", id: d.id, status: d.status, currency: d.currency, amountCents: d.amountCents, lineCount: d.lineCount, reference: d.reference, createdAt: iso(d.createdAt), completedAt: isoOrNull(d.completedAt) };
}

export async function listDisbursementsFor(db: Db, user: CurrentUser, page: Page) {
  const rows = await db
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.sellerAccountId, user.accountId), after(disbursements.createdAt, disbursements.id, page.after)))
    .orderBy(desc(disbursements.createdAt), desc(disbursements.id))
    .limit(page.limit + 1);
  return { rows: rows.map(disbursementView), position: (d: z.infer<typeof disbursementOut>) => ({ at: new Date(d.createdAt), id: d.id }) };
}

export async function disbursementFor(db: Db, user: CurrentUser, id: string) {
  const [row] = await db.select().from(disbursements).where(and(eq(disbursements.id, id), eq(disbursements.sellerAccountId, user.accountId)));
  return row ? disbursementView(row) : null;
}

// ── Bills (reps: the marketplace's consolidated bills) ───────────────────────

export const billOut = z
  .object({
    object: z.literal("bill"),
    id: z.string(),
    number: z.string(),
    customerAccountId: accountId,
    period: z.string().describe("Billing period, YYYY-MM"),
    sequence: z.number().int().describe("0 for the month's bill, 1… for supplementary bills"),
    currency: z.string(),
    status: z.enum(BILL_STATUSES),
    overdue: z.boolean(),
    totalCents: cents,
    lineCount: z.number().int(),
    issuedAt: instant,
    dueAt: instant,
    paidAt: instant.nullable(),
  })
  .meta({ title: "Bill" });

function billView(b: typeof consolidatedBills.$inferSelect): z.infer<typeof billOut> {
  return {
    object: "bill",
    id: b.id,
    number: b.number,
    customerAccountId: b.customerAccountId,
    period: b.period,
    sequence: b.sequence,
    currency: b.currency,
    status: b.status,
    overdue: b.status === "issued" && b.overdueAt !== null,
    totalCents: b.totalCents,
    lineCount: b.lineCount,
    issuedAt: iso(b.issuedAt),
    dueAt: iso(b.dueAt),
    paidAt: isoOrNull(b.paidAt),
  };
}

/** Bills newest period first, by the (period, sequence, id) index; the cursor carries all three. */
export async function listBillsFor(db: Db, user: CurrentUser, page: { limit: number; after: BillCursor | null }) {
  if (user.role !== "rep") return { rows: [] as z.infer<typeof billOut>[] };
  const after = page.after;
  const rows = await db
    .select()
    .from(consolidatedBills)
    .where(after ? sql`(${consolidatedBills.period}, ${consolidatedBills.sequence}, ${consolidatedBills.id}) < (${after.period}, ${after.sequence}, ${after.id})` : undefined)
    .orderBy(desc(consolidatedBills.period), desc(consolidatedBills.sequence), desc(consolidatedBills.id))
    .limit(page.limit + 1);
  return { rows: rows.map(billView) };
}

export async function billFor(db: Db, user: CurrentUser, id: string) {
  if (user.role !== "rep") return null;
  const [row] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.id, id));
  return row ? billView(row) : null;
}

export interface BillCursor {
  period: string;
  sequence: number;
  id: string;
}

export const encodeBillCursor = (bill: BillCursor) => encodeKey([bill.period, bill.sequence, bill.id]);

export function decodeBillCursor(raw: string): BillCursor | null {
  const match = decodeKey(raw, /^(\d{4}-\d{2})\.(\d{1,4})\.([a-z]{2,5}_[0-9a-z]{20})$/);
  return match ? { period: match[1]!, sequence: Number(match[2]), id: match[3]! } : null;
}

// ── Report lines ────────────────────────────────────────────────────────────

/** One charge line: the line report's columns for the caller's role (a vendor's never name the customer or its price). */
export const reportLineOut = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).meta({ title: "ReportLine", description: "The columns of the line report's CSV for your role, e.g. invoice_date, period, bill_number, charge_id, product, currency, amounts as decimal strings" });

export const encodeLineCursor = (line: { period: string; id: string }) => encodeKey([line.period, line.id]);

export function decodeLineCursor(raw: string): { period: string; id: string } | null {
  const match = decodeKey(raw, /^(\d{4}-\d{2})\.([a-z]{2,5}_[0-9a-z]{20})$/);
  return match ? { period: match[1]!, id: match[2]! } : null;
}
