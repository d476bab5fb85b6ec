// The marketplace's back office: find any account, offer, agreement, invitation
// or bill by name, id or number, and read any object's facts and timeline.
// Reps only (every page that calls these checks `backoffice.view` first);
// `objectTimeline` also serves the parties' own pages, told from their side.
import "server-only";
import { asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { accounts, agreements, auditEvents, consolidatedBills, privateOffers, products, resaleAuthorizations, sellerBalances, sellerRegistrations, users } from "@/db/schema";
import { parseAccountId } from "@/lib/account-id";
import { tellTimeline, type RawEvent, type TimelineViewer } from "@/lib/audit/timeline";
import { registrationStatus } from "@/lib/sellers/registration";

const partner = alias(accounts, "partner");
const customer = alias(accounts, "customer");
const isv = alias(accounts, "isv");
const actorAccount = alias(accounts, "actor_account");

const LIMIT = 20;

/** Everything that answers to `q`: an account by name, id or a user's email; objects by id, name or bill number. */
export async function searchEverything(db: Db, rawQuery: string) {
  const q = rawQuery.trim().slice(0, 100);
  if (q.length < 2) return null;
  const accountId = parseAccountId(q);
  const exact = (column: Parameters<typeof eq>[0]) => eq(column, q);
  const [accountRows, userRows, offerRows, agreementRows, invitationRows, billRows] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name, type: accounts.type })
      .from(accounts)
      .where(or(containsInsensitive(accounts.name, q), accountId ? eq(accounts.id, accountId) : undefined))
      .orderBy(asc(accounts.name))
      .limit(LIMIT),
    q.includes("@")
      ? db
          .select({ id: accounts.id, name: accounts.name, type: accounts.type, email: users.email })
          .from(users)
          .innerJoin(accounts, eq(accounts.id, users.accountId))
          .where(containsInsensitive(users.email, q))
          .limit(LIMIT)
      : Promise.resolve([]),
    db
      .select({ id: privateOffers.id, name: privateOffers.name, status: privateOffers.status, partnerName: partner.name, customerName: customer.name })
      .from(privateOffers)
      .innerJoin(partner, eq(partner.id, privateOffers.partnerAccountId))
      .innerJoin(customer, eq(customer.id, privateOffers.customerAccountId))
      .where(or(exact(privateOffers.id), containsInsensitive(privateOffers.name, q)))
      .orderBy(desc(privateOffers.updatedAt))
      .limit(LIMIT),
    db
      .select({ id: agreements.id, status: agreements.status, productName: products.name, customerName: customer.name, partnerName: partner.name, startsAt: agreements.startsAt })
      .from(agreements)
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(customer, eq(customer.id, agreements.customerAccountId))
      .innerJoin(partner, eq(partner.id, agreements.partnerAccountId))
      .where(or(exact(agreements.id), exact(agreements.offerId)))
      .limit(LIMIT),
    db
      .select({ id: resaleAuthorizations.id, status: resaleAuthorizations.status, isvName: isv.name, partnerName: partner.name, createdAt: resaleAuthorizations.createdAt })
      .from(resaleAuthorizations)
      .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
      .innerJoin(partner, eq(partner.id, resaleAuthorizations.partnerAccountId))
      .where(exact(resaleAuthorizations.id))
      .limit(LIMIT),
    db
      .select({ id: consolidatedBills.id, number: consolidatedBills.number, period: consolidatedBills.period, status: consolidatedBills.status, totalCents: consolidatedBills.totalCents, currency: consolidatedBills.currency, customerName: customer.name })
      .from(consolidatedBills)
      .innerJoin(customer, eq(customer.id, consolidatedBills.customerAccountId))
      .where(or(exact(consolidatedBills.id), containsInsensitive(consolidatedBills.number, q)))
      .orderBy(desc(consolidatedBills.period))
      .limit(LIMIT),
  ]);
  const byId = new Map(accountRows.map((a) => [a.id, { ...a, email: null as string | null }]));
  for (const u of userRows) if (!byId.has(u.id)) byId.set(u.id, u);
  return { accounts: [...byId.values()], offers: offerRows, agreements: agreementRows, invitations: invitationRows, bills: billRows };
}

/** The audit events on these objects (or done by this account), oldest first, told for the viewer. */
export async function objectTimeline(db: Db, target: { objectIds: string[]; accountId?: string }, viewer: TimelineViewer, limit = 200) {
  const where: SQL | undefined = or(inArray(auditEvents.objectId, target.objectIds), target.accountId ? eq(auditEvents.accountId, target.accountId) : undefined);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      accountId: auditEvents.accountId,
      ip: auditEvents.ip,
      before: auditEvents.before,
      after: auditEvents.after,
      actorName: users.name,
      actorEmail: users.email,
      actorAccountName: actorAccount.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(actorAccount, eq(actorAccount.id, auditEvents.accountId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return tellTimeline(rows.reverse() as RawEvent[], viewer);
}

/** An account as a rep sees it: facts, users, registration, balances, and everything it did or had done to it. */
export async function accountForRep(db: Db, accountId: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) return null;
  const [people, [registration], balances, timeline] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt }).from(users).where(eq(users.accountId, accountId)),
    db.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, accountId)),
    db.select().from(sellerBalances).where(eq(sellerBalances.sellerAccountId, accountId)),
    objectTimeline(db, { objectIds: [accountId], accountId }, { role: "rep" }),
  ]);
  return { account, people, registration: registrationStatus(registration), balances, timeline };
}

export async function offerForRep(db: Db, offerId: string) {
  const [row] = await db
    .select({ offer: privateOffers, productName: products.name, partnerName: partner.name, customerName: customer.name, isvName: isv.name })
    .from(privateOffers)
    .innerJoin(products, eq(products.id, privateOffers.productId))
    .innerJoin(partner, eq(partner.id, privateOffers.partnerAccountId))
    .innerJoin(customer, eq(customer.id, privateOffers.customerAccountId))
    .innerJoin(isv, eq(isv.id, privateOffers.isvAccountId))
    .where(eq(privateOffers.id, offerId));
  if (!row) return null;
  const [agreement] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.offerId, offerId));
  return { ...row, agreementId: agreement?.id ?? null, timeline: await objectTimeline(db, { objectIds: [offerId] }, { role: "rep" }) };
}

export async function agreementForRep(db: Db, agreementId: string) {
  const [row] = await db
    .select({ agreement: agreements, productName: products.name, partnerName: partner.name, customerName: customer.name, isvName: isv.name })
    .from(agreements)
    .innerJoin(products, eq(products.id, agreements.productId))
    .innerJoin(partner, eq(partner.id, agreements.partnerAccountId))
    .innerJoin(customer, eq(customer.id, agreements.customerAccountId))
    .innerJoin(isv, eq(isv.id, agreements.isvAccountId))
    .where(eq(agreements.id, agreementId));
  if (!row) return null;
  return { ...row, timeline: await objectTimeline(db, { objectIds: [agreementId, row.agreement.offerId] }, { role: "rep" }) };
}

export async function invitationForRep(db: Db, invitationId: string) {
  const [row] = await db
    .select({ invitation: resaleAuthorizations, isvName: isv.name, partnerName: partner.name })
    .from(resaleAuthorizations)
    .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
    .innerJoin(partner, eq(partner.id, resaleAuthorizations.partnerAccountId))
    .where(eq(resaleAuthorizations.id, invitationId));
  if (!row) return null;
  return { ...row, timeline: await objectTimeline(db, { objectIds: [invitationId] }, { role: "rep" }) };
}

export function timelineFor(db: Db, objectIds: string[], viewer: TimelineViewer) {
  return objectTimeline(db, { objectIds }, viewer);
}

