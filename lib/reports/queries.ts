// Reports, one row per charge line, scoped to who asks: the ISV sees lines it
// manufactured with the partner as the buyer (never the customer, its price or
// the markup); the partner sees lines it sold; a rep sees every line. Totals,
// counts and monthly series read the rollups kept with each billing chunk
// (lib/reports/totals.ts), never a sum over the charge lines themselves.
import { and, asc, desc, eq, gt, gte, inArray, lte, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { accountNames, idsOf, named, productNames, talliesUnder } from "@/db/lookups";
import {
  accounts,
  agreements,
  chargeRollups,
  charges,
  consolidatedBills,
  disbursementLines,
  disbursements,
  discountRequests,
  ledgerTotals,
  opportunities,
  periodTotals,
  privateOffers,
  products,
  sellerBalances,
} from "@/db/schema";
import { overdueUnmarked } from "@/lib/billing/overdue";
import { now } from "@/lib/clock";
import type { Choice } from "@/lib/reports/choices";
import type { ReportFilter } from "@/lib/reports/filters";
import { LINES_TABLE, readLineCursor, type LineStatus, type ReportLine, type ReportRole } from "@/lib/reports/table";
import { offsetOf, type TableParams } from "@/lib/tables/params";

export type ReportViewer = { role: "isv"; accountId: string } | { role: "partner"; accountId: string } | { role: "rep" };

const isv = alias(accounts, "isv");
const partner = alias(accounts, "partner");

interface ScopeColumns {
  isv: SQLWrapper & AnyColumn;
  partner: SQLWrapper & AnyColumn;
  period: SQLWrapper & AnyColumn;
  product: SQLWrapper & AnyColumn;
}

/** Who may see which lines, under the filter: over the charges (with their agreement) or the rollups. */
function scopeOn(c: ScopeColumns, viewer: ReportViewer, filter: ReportFilter): SQL | undefined {
  return and(
    viewer.role === "isv" ? eq(c.isv, viewer.accountId) : undefined,
    viewer.role === "partner" ? eq(c.partner, viewer.accountId) : undefined,
    filter.from ? gte(c.period, filter.from) : undefined,
    filter.to ? lte(c.period, filter.to) : undefined,
    filter.partnerId && viewer.role !== "partner" ? eq(c.partner, filter.partnerId) : undefined,
    filter.isvId && viewer.role !== "isv" ? eq(c.isv, filter.isvId) : undefined,
    filter.productId ? eq(c.product, filter.productId) : undefined,
  );
}

const LINE_COLUMNS: ScopeColumns = { isv: charges.isvAccountId, partner: charges.partnerAccountId, period: charges.period, product: agreements.productId };
const ROLLUP_COLUMNS: ScopeColumns = { isv: chargeRollups.isvAccountId, partner: chargeRollups.partnerAccountId, period: chargeRollups.period, product: chargeRollups.productId };
const lineScope = (viewer: ReportViewer, filter: ReportFilter) => scopeOn(LINE_COLUMNS, viewer, filter);
const rollupScope = (viewer: ReportViewer, filter: ReportFilter) => scopeOn(ROLLUP_COLUMNS, viewer, filter);

export interface ReportTotals {
  currency: string;
  lines: number;
  listCents: number;
  wholesaleCents: number;
  customerCents: number;
  feeCents: number;
  isvShareCents: number;
  partnerShareCents: number;
}

const rollupSums = {
  lines: sumCents(chargeRollups.lineCount),
  listCents: sumCents(chargeRollups.listCents),
  wholesaleCents: sumCents(chargeRollups.wholesaleCents),
  customerCents: sumCents(chargeRollups.customerCents),
  feeCents: sumCents(chargeRollups.feeCents),
  isvShareCents: sumCents(chargeRollups.isvShareCents),
  partnerShareCents: sumCents(chargeRollups.partnerShareCents),
};

/** The report's totals row, per currency (USD first), from the rollups. */
export async function reportTotals(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<ReportTotals[]> {
  const rows = await db.select({ currency: chargeRollups.currency, ...rollupSums }).from(chargeRollups).where(rollupScope(viewer, filter)).groupBy(chargeRollups.currency);
  return rows.sort((a, b) => (a.currency === "USD" ? -1 : b.currency === "USD" ? 1 : a.currency.localeCompare(b.currency)));
}

/** Totals per billing period (oldest first), for the charts. */
export async function reportByMonth(db: Db, viewer: ReportViewer, filter: ReportFilter, currency = "USD") {
  return db
    .select({ period: chargeRollups.period, ...rollupSums })
    .from(chargeRollups)
    .where(and(rollupScope(viewer, filter), eq(chargeRollups.currency, currency)))
    .groupBy(chargeRollups.period)
    .orderBy(asc(chargeRollups.period));
}

/** Totals per product, largest first, for the charts. */
export async function reportByProduct(db: Db, viewer: ReportViewer, filter: ReportFilter, currency = "USD") {
  const rows = await db
    .select({ productId: chargeRollups.productId, name: products.name, ...rollupSums })
    .from(chargeRollups)
    .innerJoin(products, eq(products.id, chargeRollups.productId))
    .where(and(rollupScope(viewer, filter), eq(chargeRollups.currency, currency)))
    .groupBy(chargeRollups.productId, products.name);
  return rows.sort((a, b) => b.customerCents - a.customerCents || a.name.localeCompare(b.name));
}

/** The products and counterparts a viewer's lines name, for the filter's choices. */
export async function filterChoices(db: Db, viewer: ReportViewer) {
  const scope = rollupScope(viewer, { from: null, to: null, productId: null, partnerId: null, isvId: null });
  const [productRows, partnerRows, isvRows] = await Promise.all([
    db.selectDistinct({ id: products.id, name: products.name }).from(chargeRollups).innerJoin(products, eq(products.id, chargeRollups.productId)).where(scope),
    viewer.role === "partner"
      ? Promise.resolve([])
      : db.selectDistinct({ id: partner.id, name: partner.name }).from(chargeRollups).innerJoin(partner, eq(partner.id, chargeRollups.partnerAccountId)).where(scope),
    viewer.role === "isv"
      ? Promise.resolve([])
      : db.selectDistinct({ id: isv.id, name: isv.name }).from(chargeRollups).innerJoin(isv, eq(isv.id, chargeRollups.isvAccountId)).where(scope),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { products: productRows.sort(byName), partners: partnerRows.sort(byName), isvs: isvRows.sort(byName) };
}

/**
 * The names of the filter's chosen product, partner and vendor, for the filter form to show — each
 * found among the viewer's own rows (rollupScope), so an id from elsewhere typed into the URL names
 * nothing. The lists to choose from are loaded by the form when opened (filterChoices, through
 * /api/reports/choices): a marketplace's 2,000 partners were most of a report page's HTML.
 */
export async function chosenFilterNames(db: Db, viewer: ReportViewer, filter: ReportFilter): Promise<{ product: Choice | null; partner: Choice | null; isv: Choice | null }> {
  const scope = rollupScope(viewer, { from: null, to: null, productId: null, partnerId: null, isvId: null });
  const first = async (rows: Promise<Choice[]>) => (await rows)[0] ?? null;
  const [product, partnerChoice, isvChoice] = await Promise.all([
    filter.productId
      ? first(db.select({ id: products.id, name: products.name }).from(chargeRollups).innerJoin(products, eq(products.id, chargeRollups.productId)).where(and(scope, eq(chargeRollups.productId, filter.productId))).limit(1))
      : null,
    filter.partnerId && viewer.role !== "partner"
      ? first(db.select({ id: partner.id, name: partner.name }).from(chargeRollups).innerJoin(partner, eq(partner.id, chargeRollups.partnerAccountId)).where(and(scope, eq(chargeRollups.partnerAccountId, filter.partnerId))).limit(1))
      : null,
    filter.isvId && viewer.role !== "isv"
      ? first(db.select({ id: isv.id, name: isv.name }).from(chargeRollups).innerJoin(isv, eq(isv.id, chargeRollups.isvAccountId)).where(and(scope, eq(chargeRollups.isvAccountId, filter.isvId))).limit(1))
      : null,
  ]);
  return { product, partner: partnerChoice, isv: isvChoice };
}

/** The share a viewer's disbursement status follows: its own; a rep follows the bill. */
function shareRoleOf(viewer: ReportViewer): "isv" | "partner" {
  return viewer.role === "isv" ? "isv" : "partner";
}

/**
 * A line's own columns: the charge, its bill and its agreement — what the filters and the order read.
 * The names and the payout are read after, for the lines of the page only (`withNames`).
 */
const LINE_FIELDS = {
  id: charges.id,
  period: charges.period,
  issuedAt: consolidatedBills.issuedAt,
  billNumber: consolidatedBills.number,
  billStatus: consolidatedBills.status,
  dueAt: consolidatedBills.dueAt,
  paidAt: consolidatedBills.paidAt,
  agreementId: charges.agreementId,
  offerId: agreements.offerId,
  productId: agreements.productId,
  currency: agreements.currency,
  partnerAccountId: charges.partnerAccountId,
  isvAccountId: charges.isvAccountId,
  customerAccountId: charges.customerAccountId,
  listCents: charges.listCents,
  wholesaleCents: charges.wholesaleCents,
  customerCents: charges.customerCents,
  feeCents: charges.feeCents,
  isvShareCents: charges.isvShareCents,
  partnerShareCents: charges.partnerShareCents,
};

function lineSelect(db: Db) {
  return db
    .select(LINE_FIELDS)
    .from(charges)
    .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
    .innerJoin(agreements, eq(agreements.id, charges.agreementId));
}

type BaseLine = Awaited<ReturnType<ReturnType<typeof lineSelect>["limit"]>>[number];

interface RawLine extends BaseLine {
  offerName: string;
  productName: string;
  partnerName: string;
  isvName: string;
  customerName: string;
  opportunityName: string | null;
  opportunityDescription: string | null;
  payoutStatus: string | null;
  payoutReference: string | null;
  payoutLineId: string | null;
}

/**
 * The lines with what they name: offer and opportunity, product, the three accounts, and the viewer's
 * payout of each — one indexed read per kind, for these lines' ids only, side by side (db/lookups.ts
 * says why they are not joined into the lines' query).
 */
async function withNames(db: Db, viewer: ReportViewer, lines: readonly BaseLine[]): Promise<RawLine[]> {
  if (lines.length === 0) return [];
  const [offers, productNameOf, accountNameOf, payouts] = await Promise.all([
    db
      .select({ id: privateOffers.id, name: privateOffers.name, opportunityName: opportunities.name, opportunityDescription: opportunities.description })
      .from(privateOffers)
      .leftJoin(discountRequests, eq(discountRequests.id, privateOffers.discountRequestId))
      .leftJoin(opportunities, eq(opportunities.id, discountRequests.opportunityId))
      .where(inArray(privateOffers.id, idsOf(lines, (l) => l.offerId))),
    productNames(db, idsOf(lines, (l) => l.productId)),
    accountNames(db, idsOf(lines, (l) => l.partnerAccountId, (l) => l.isvAccountId, (l) => l.customerAccountId)),
    db
      .select({ chargeId: disbursementLines.chargeId, id: disbursementLines.id, status: disbursements.status, reference: disbursements.reference })
      .from(disbursementLines)
      .innerJoin(disbursements, eq(disbursements.id, disbursementLines.disbursementId))
      .where(and(inArray(disbursementLines.chargeId, idsOf(lines, (l) => l.id)), eq(disbursementLines.shareRole, shareRoleOf(viewer)))),
  ]);
  const offerOf = new Map(offers.map((o) => [o.id, o]));
  const payoutOf = new Map(payouts.map((p) => [p.chargeId, p]));
  return lines.map((line) => {
    const offer = offerOf.get(line.offerId);
    if (!offer) throw new Error(`No offer ${line.offerId}`);
    const payout = payoutOf.get(line.id);
    return {
      ...line,
      offerName: offer.name,
      opportunityName: offer.opportunityName,
      opportunityDescription: offer.opportunityDescription,
      productName: named(productNameOf, line.productId, "product"),
      partnerName: named(accountNameOf, line.partnerAccountId, "account"),
      isvName: named(accountNameOf, line.isvAccountId, "account"),
      customerName: named(accountNameOf, line.customerAccountId, "account"),
      payoutStatus: payout?.status ?? null,
      payoutReference: payout?.reference ?? null,
      payoutLineId: payout?.id ?? null,
    };
  });
}

/** Where the money of a line stands for the viewer: its bill, then its payout. */
export function lineStatus(r: Pick<RawLine, "billStatus" | "dueAt" | "payoutStatus">, shareCents: number, at: Date): LineStatus {
  if (r.billStatus !== "paid") return r.dueAt.getTime() < at.getTime() ? "overdue" : "invoiced";
  if (shareCents === 0) return "collected";
  if (r.payoutStatus === "completed") return "paid_out";
  if (r.payoutStatus === "in_progress") return "paying";
  return "collected";
}

/** A line as the viewer may see it: the ISV never gets the customer, its price or the partner's share. */
function shape(viewer: ReportViewer, r: RawLine, at: Date): ReportLine {
  const role: ReportRole = viewer.role;
  const base = {
    id: r.id,
    period: r.period,
    invoiceDate: r.issuedAt.toISOString().slice(0, 10),
    paidDate: r.paidAt ? r.paidAt.toISOString().slice(0, 10) : null,
    billNumber: r.billNumber,
    agreementId: r.agreementId,
    offerId: r.offerId,
    offerName: r.offerName,
    productName: r.productName,
    currency: r.currency,
    partnerAccountId: r.partnerAccountId,
    partnerName: r.partnerName,
    isvAccountId: r.isvAccountId,
    isvName: r.isvName,
    wholesaleCents: r.wholesaleCents,
    feeCents: r.feeCents,
    isvShareCents: r.isvShareCents,
    opportunityName: r.opportunityName,
    opportunityDescription: r.opportunityDescription,
    payoutReference: r.payoutReference,
  };
  if (role === "isv") {
    return { ...base, role, offerName: null, customerAccountId: null, customerName: null, customerCents: null, partnerShareCents: null, status: lineStatus(r, r.isvShareCents, at) };
  }
  return {
    ...base,
    role,
    customerAccountId: r.customerAccountId,
    customerName: r.customerName,
    customerCents: r.customerCents,
    partnerShareCents: r.partnerShareCents,
    // A rep follows the bill (invoiced, overdue, collected); a partner its own payout.
    status: role === "partner" ? lineStatus(r, r.partnerShareCents, at) : lineStatus({ ...r, payoutStatus: null }, r.customerCents, at),
    payoutReference: role === "partner" ? r.payoutReference : null,
  };
}

type LineParams = TableParams<(typeof LINES_TABLE.sortable)[number], never>;

/**
 * Lines past `key` in (period, id) order, going up or (`backwards`) down: a row-value comparison, so
 * both databases read it as one range of the (…, period, id) index.
 */
function pastLine(key: { period: string; id: string }, backwards: boolean): SQL {
  return backwards ? sql`(${charges.period}, ${charges.id}) < (${key.period}, ${key.id})` : sql`(${charges.period}, ${charges.id}) > (${key.period}, ${key.id})`;
}

/**
 * The query of one page of lines (exported for the bench's EXPLAIN). With a cursor it reads from the
 * cursor's line on, in index order: after it in the table's order, or (for Previous) before it, read
 * backwards — the caller turns those rows around. A page number typed into the URL skips its OFFSET
 * over the charges' own index, and only the page's lines are joined to their bills and agreements
 * (the join of every skipped line made page 40 of 100 rows 2.15× the reports' anchor on PostgreSQL).
 */
export function reportLinesQuery(db: Db, viewer: ReportViewer, filter: ReportFilter, params: LineParams) {
  const key = params.cursor ? readLineCursor(params.cursor.key) : null;
  const readDesc = key && params.cursor?.dir === "before" ? !params.sort.desc : params.sort.desc;
  const dir = readDesc ? desc : asc;
  const offset = key ? 0 : offsetOf(params);
  if (offset === 0) {
    const from = key ? pastLine(key, readDesc) : undefined;
    return lineSelect(db).where(and(lineScope(viewer, filter), from)).orderBy(dir(charges.period), dir(charges.id)).limit(params.pageSize);
  }
  const page = db
    .select({ id: charges.id })
    .from(charges)
    .where(chargeScope(db, viewer, filter))
    .orderBy(dir(charges.period), dir(charges.id))
    .limit(params.pageSize)
    .offset(offset);
  return lineSelect(db).where(inArray(charges.id, page)).orderBy(dir(charges.period), dir(charges.id));
}

/** `lineScope` over the charges alone: the product (an agreement's) as the agreements that sell it. */
function chargeScope(db: Db, viewer: ReportViewer, filter: ReportFilter): SQL | undefined {
  const ofProduct = filter.productId ? inArray(charges.agreementId, db.select({ id: agreements.id }).from(agreements).where(eq(agreements.productId, filter.productId))) : undefined;
  return and(lineScope(viewer, { ...filter, productId: null }), ofProduct);
}

/**
 * One page of charge lines, how many match (from the rollups), and the page number shown: Previous
 * from a cursor near the top (lines billed since the page was read) starts again at page 1.
 */
export async function reportLines(db: Db, viewer: ReportViewer, filter: ReportFilter, params: LineParams) {
  const at = now();
  // The rollups say first whether anything matches: a filter that matches nothing (another vendor's
  // partner, an empty month) costs a read of a few rollup rows, not a walk through an index of lines.
  const totals = await reportTotals(db, viewer, filter);
  const total = totals.reduce((n, t) => n + t.lines, 0);
  let page = params.page;
  let rows: BaseLine[] = totals.length === 0 ? [] : await reportLinesQuery(db, viewer, filter, params);
  const backwards = params.cursor?.dir === "before" && readLineCursor(params.cursor.key) !== null;
  if (backwards) {
    rows = rows.reverse();
    if (rows.length < params.pageSize) {
      page = 1;
      rows = await reportLinesQuery(db, viewer, filter, { ...params, page: 1, cursor: null });
    }
  }
  return { rows: (await withNames(db, viewer, rows)).map((r) => shape(viewer, r, at)), total, totals, page };
}

/**
 * Every line under the filter (after `from`, when given), in chunks by keyset
 * (period, id): memory stays flat however many lines there are. For the CSV
 * export and the API's pages.
 */
export async function* allReportLines(db: Db, viewer: ReportViewer, filter: ReportFilter, chunk = 1000, from: { period: string; id: string } | null = null): AsyncGenerator<ReportLine[]> {
  const at = now();
  let after: { period: string; id: string } | null = from;
  for (;;) {
    const keyset: SQL | undefined = after ? pastLine(after, false) : undefined;
    const rows: BaseLine[] = await lineSelect(db)
      .where(and(lineScope(viewer, filter), keyset))
      .orderBy(asc(charges.period), asc(charges.id))
      .limit(chunk);
    if (rows.length === 0) return;
    yield (await withNames(db, viewer, rows)).map((r) => shape(viewer, r, at));
    if (rows.length < chunk) return;
    const last: BaseLine = rows[rows.length - 1]!;
    after = { period: last.period, id: last.id };
  }
}

/**
 * The seller's lines paid out by one of its payouts, under the filter, in chunks by the payout's own
 * line order (its index): the billing event feed's "disbursed" rows. Each line's share is what the
 * payout paid for it.
 */
export async function* paidOutLines(db: Db, seller: ReportViewer & { role: "isv" | "partner" }, filter: ReportFilter, payoutId: string, chunk = 1000): AsyncGenerator<ReportLine[]> {
  const at = now();
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({ ...LINE_FIELDS, payoutLineId: disbursementLines.id })
      .from(disbursementLines)
      .innerJoin(charges, eq(charges.id, disbursementLines.chargeId))
      .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
      .innerJoin(agreements, eq(agreements.id, charges.agreementId))
      .where(
        and(
          eq(disbursementLines.disbursementId, payoutId),
          eq(disbursementLines.shareRole, shareRoleOf(seller)),
          lineScope(seller, filter),
          after ? gt(disbursementLines.id, after) : undefined,
        ),
      )
      .orderBy(asc(disbursementLines.id))
      .limit(chunk);
    if (rows.length === 0) return;
    yield (await withNames(db, seller, rows)).map((r) => shape(seller, r, at));
    if (rows.length < chunk) return;
    after = rows[rows.length - 1]!.payoutLineId;
  }
}

// ── Channel effectiveness (ISV) ─────────────────────────────────────────────

export interface ChannelPartnerRow {
  partnerAccountId: string;
  partnerName: string;
  invitationsSent: number;
  invitationsAccepted: number;
  offersExtended: number;
  offersAccepted: number;
  /** Accepted ÷ extended, in basis points; null before the first offer. */
  conversionBps: number | null;
  /** Billed to date at wholesale (from the rollups). */
  billedWholesaleCents: number;
}

/** The channel tallies' last part (migration 0013_channel_tallies) and the row field each counts. */
const CHANNEL_TALLIES = { invited: "invitationsSent", joined: "invitationsAccepted", extended: "offersExtended", won: "offersAccepted" } as const;

/**
 * Per partner: invitations sent and accepted, offers extended and accepted (kept as tallies by the
 * statements that write them), conversion, and billed to date (from the rollups).
 */
export async function channelEffectiveness(db: Db, isvAccountId: string, filter: ReportFilter): Promise<ChannelPartnerRow[]> {
  const prefix = `channel.${isvAccountId}.`;
  const [counted, billed] = await Promise.all([
    talliesUnder(db, prefix),
    db
      .select({ partnerAccountId: chargeRollups.partnerAccountId, cents: sumCents(chargeRollups.wholesaleCents) })
      .from(chargeRollups)
      .where(and(rollupScope({ role: "isv", accountId: isvAccountId }, { ...filter, partnerId: null }), eq(chargeRollups.currency, "USD")))
      .groupBy(chargeRollups.partnerAccountId),
  ]);
  const none = { invitationsSent: 0, invitationsAccepted: 0, offersExtended: 0, offersAccepted: 0 };
  const counts = new Map<string, typeof none>();
  for (const { key, n } of counted) {
    const [partnerAccountId, part] = key.slice(prefix.length).split(".") as [string, keyof typeof CHANNEL_TALLIES];
    const field = CHANNEL_TALLIES[part];
    // A partner whose invitations were all deleted keeps zeroed tallies: listed only while something counts.
    if (!field || n === 0) continue;
    counts.set(partnerAccountId, { ...(counts.get(partnerAccountId) ?? none), [field]: n });
  }
  const billedOf = new Map(billed.map((r) => [r.partnerAccountId, r.cents]));
  const ids = [...new Set([...counts.keys(), ...billedOf.keys()])];
  const nameOf = await accountNames(db, ids);
  return ids
    .map((id) => {
      const c = counts.get(id) ?? none;
      return {
        partnerAccountId: id,
        partnerName: nameOf.get(id) ?? id,
        ...c,
        conversionBps: c.offersExtended > 0 ? Math.round((c.offersAccepted * 10_000) / c.offersExtended) : null,
        billedWholesaleCents: billedOf.get(id) ?? 0,
      };
    })
    .sort((a, b) => b.billedWholesaleCents - a.billedWholesaleCents || a.partnerName.localeCompare(b.partnerName));
}

// ── Customer spend ──────────────────────────────────────────────────────────

/** A customer's spend from its bills' lines: by month, by product, by seller of record. */
export async function customerSpend(db: Db, customerAccountId: string, filter: Pick<ReportFilter, "from" | "to">, currency = "USD") {
  const scope = and(
    eq(charges.customerAccountId, customerAccountId),
    eq(agreements.currency, currency),
    filter.from ? gte(charges.period, filter.from) : undefined,
    filter.to ? lte(charges.period, filter.to) : undefined,
  );
  const spent = sumCents(charges.customerCents);
  const [byMonth, byProduct, bySeller, [paid]] = await Promise.all([
    db.select({ period: charges.period, cents: spent, lines: countAll() }).from(charges).innerJoin(agreements, eq(agreements.id, charges.agreementId)).where(scope).groupBy(charges.period).orderBy(asc(charges.period)),
    db
      .select({ id: products.id, name: products.name, manufacturer: isv.name, cents: spent, lines: countAll() })
      .from(charges)
      .innerJoin(agreements, eq(agreements.id, charges.agreementId))
      .innerJoin(products, eq(products.id, agreements.productId))
      .innerJoin(isv, eq(isv.id, charges.isvAccountId))
      .where(scope)
      .groupBy(products.id, products.name, isv.name),
    db
      .select({ id: partner.id, name: partner.name, cents: spent, lines: countAll() })
      .from(charges)
      .innerJoin(agreements, eq(agreements.id, charges.agreementId))
      .innerJoin(partner, eq(partner.id, charges.partnerAccountId))
      .where(scope)
      .groupBy(partner.id, partner.name),
    db
      .select({ cents: sumCents(charges.customerCents) })
      .from(charges)
      .innerJoin(agreements, eq(agreements.id, charges.agreementId))
      .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
      .where(and(scope, eq(consolidatedBills.status, "paid"))),
  ]);
  const total = byMonth.reduce((s, m) => s + m.cents, 0);
  const desc_ = (a: { cents: number; name: string }, b: { cents: number; name: string }) => b.cents - a.cents || a.name.localeCompare(b.name);
  return { currency, byMonth, byProduct: byProduct.sort(desc_), bySeller: bySeller.sort(desc_), totalCents: total, paidCents: paid?.cents ?? 0, lines: byMonth.reduce((s, m) => s + m.lines, 0) };
}

// ── Marketplace overview (reps) ─────────────────────────────────────────────

/**
 * Gross merchandise value, fee revenue, collections per billing period (kept
 * as data); receivables, overdue and disbursements due as of now; paid out per
 * payout month.
 */
export async function marketplaceOverview(db: Db, filter: Pick<ReportFilter, "from" | "to">, currency = "USD") {
  const at = now();
  // Receivables are the receivable account's balance (= open bills' totals), open bills the bills
  // issued less those paid: both kept as data, where summing the open bills reads every one of them.
  // Every period's totals are one read (a row a month): the range, the open bills, the overdue
  // figure the sweep has kept and what was paid out each month are worked out from them; both ledger
  // balances are one read. Four statements where there were seven (each costs the pg driver and the
  // server a round of work on PostgreSQL), none of them reading more rows as history grows.
  const [allPeriods, balances, unmarked, [due]] = await Promise.all([
    db.select().from(periodTotals).where(eq(periodTotals.currency, currency)).orderBy(asc(periodTotals.period)),
    db
      .select({ account: ledgerTotals.ledgerAccount, debits: ledgerTotals.debitCents, credits: ledgerTotals.creditCents })
      .from(ledgerTotals)
      .where(and(inArray(ledgerTotals.ledgerAccount, ["receivable", "payable"]), eq(ledgerTotals.currency, currency))),
    overdueUnmarked(db, currency, at),
    db.select({ cents: sumCents(sellerBalances.pendingCents), sellers: sql<number>`sum(case when ${sellerBalances.pendingCents} > 0 then 1 else 0 end)`.mapWith(Number) }).from(sellerBalances).where(eq(sellerBalances.currency, currency)),
  ]);
  const inRange = (m: string) => (!filter.from || m >= filter.from) && (!filter.to || m <= filter.to);
  // A month with payouts and nothing billed has a row of its own, with only its paid-out figures.
  const periods = allPeriods.filter((p) => inRange(p.period) && (p.bills > 0 || p.lineCount > 0));
  const paidByMonth = allPeriods.filter((p) => inRange(p.period) && p.payouts > 0).map((p) => ({ month: p.period, cents: p.paidOutCents, payouts: p.payouts }));
  const receivable = balances.find((b) => b.account === "receivable");
  const payable = balances.find((b) => b.account === "payable");
  // Overdue: what the sweep has marked (kept by period) and what it has not marked yet.
  const overdue = { cents: allPeriods.reduce((s, p) => s + p.overdueCents, unmarked.cents), bills: allPeriods.reduce((s, p) => s + p.overdueBills, unmarked.bills) };
  return {
    currency,
    periods: periods.map((p) => ({ period: p.period, lines: p.lineCount, gmvCents: p.billedCents, feeCents: p.feeCents, collectedCents: p.collectedCents, billsPaid: p.billsPaid })),
    paidOutByMonth: paidByMonth.map((p) => ({ month: p.month, cents: p.cents, payouts: p.payouts })),
    gmvCents: periods.reduce((s, p) => s + p.billedCents, 0),
    feeCents: periods.reduce((s, p) => s + p.feeCents, 0),
    collectedCents: periods.reduce((s, p) => s + p.collectedCents, 0),
    paidOutCents: paidByMonth.reduce((s, p) => s + p.cents, 0),
    paidOutAllTimeCents: Number(payable?.debits ?? 0),
    receivablesCents: Number(receivable?.debits ?? 0) - Number(receivable?.credits ?? 0),
    openBills: allPeriods.reduce((s, p) => s + p.bills - p.billsPaid, 0),
    overdueCents: overdue.cents,
    overdueBills: overdue.bills,
    disbursementsDueCents: due?.cents ?? 0,
    sellersWaiting: due?.sellers ?? 0,
  };
}
