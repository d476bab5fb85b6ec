// What each report's CSV holds: the columns of the table on screen, per role
// (an ISV's never name the customer, its price or the markup), and a seller's
// billing event feed — one row per money event, the shape sellers load into
// their own warehouse. Both stream in chunks (lib/reports/csv.ts).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { disbursements } from "@/db/schema";
import { formatAccountId } from "@/lib/account-id";
import { centsToDecimal, type CsvCell } from "@/lib/reports/csv";
import type { ReportFilter } from "@/lib/reports/filters";
import { allReportLines, paidOutLines, type ReportViewer } from "@/lib/reports/queries";
import { LINE_STATUS_LABELS, type ReportLine } from "@/lib/reports/table";

interface Column {
  header: string;
  value: (line: ReportLine) => CsvCell;
}

const money = (pick: (l: ReportLine) => number | null) => (l: ReportLine) => centsToDecimal(pick(l));

const COMMON_START: Column[] = [
  { header: "invoice_date", value: (l) => l.invoiceDate },
  { header: "period", value: (l) => l.period },
  { header: "bill_number", value: (l) => l.billNumber },
  { header: "charge_id", value: (l) => l.id },
  { header: "agreement_id", value: (l) => l.agreementId },
  { header: "offer_id", value: (l) => l.offerId },
];
const OFFER_NAME: Column = { header: "offer_name", value: (l) => l.offerName };
const PRODUCT: Column = { header: "product", value: (l) => l.productName };
const OPPORTUNITY: Column[] = [
  { header: "opportunity_name", value: (l) => l.opportunityName },
  { header: "opportunity_description", value: (l) => l.opportunityDescription },
];

/** The columns of the line report's CSV for a role, in the table's order. */
export function lineColumns(role: ReportViewer["role"]): Column[] {
  if (role === "isv") {
    return [
      ...COMMON_START,
      PRODUCT,
      { header: "buyer_account_id", value: (l) => formatAccountId(l.partnerAccountId) },
      { header: "buyer_name", value: (l) => l.partnerName },
      { header: "currency", value: (l) => l.currency },
      { header: "wholesale_revenue", value: money((l) => l.wholesaleCents) },
      { header: "listing_fee", value: money((l) => l.feeCents) },
      { header: "net_revenue", value: money((l) => l.isvShareCents) },
      { header: "disbursement_status", value: (l) => LINE_STATUS_LABELS[l.status] },
      ...OPPORTUNITY,
    ];
  }
  const counterparts: Column[] =
    role === "partner"
      ? [
          { header: "customer_account_id", value: (l) => (l.customerAccountId ? formatAccountId(l.customerAccountId) : null) },
          { header: "customer_name", value: (l) => l.customerName },
          { header: "manufacturer", value: (l) => l.isvName },
        ]
      : [
          { header: "customer_account_id", value: (l) => (l.customerAccountId ? formatAccountId(l.customerAccountId) : null) },
          { header: "customer_name", value: (l) => l.customerName },
          { header: "partner_account_id", value: (l) => formatAccountId(l.partnerAccountId) },
          { header: "partner_name", value: (l) => l.partnerName },
          { header: "isv_account_id", value: (l) => formatAccountId(l.isvAccountId) },
          { header: "isv_name", value: (l) => l.isvName },
        ];
  return [
    ...COMMON_START,
    OFFER_NAME,
    PRODUCT,
    ...counterparts,
    { header: "currency", value: (l) => l.currency },
    { header: "gross_revenue", value: money((l) => l.customerCents) },
    { header: "cost_to_isv", value: money((l) => l.wholesaleCents) },
    { header: "listing_fee", value: money((l) => l.feeCents) },
    ...(role === "rep" ? [{ header: "isv_net", value: money((l) => l.isvShareCents) }] : []),
    { header: role === "rep" ? "partner_margin" : "net_margin", value: money((l) => l.partnerShareCents) },
    { header: role === "rep" ? "status" : "disbursement_status", value: (l) => LINE_STATUS_LABELS[l.status] },
    ...OPPORTUNITY,
  ];
}

/** The line report as CSV chunks: exactly the filtered lines, in period order. */
export async function* lineCsvChunks(db: Db, viewer: ReportViewer, filter: ReportFilter): AsyncGenerator<CsvCell[][]> {
  const columns = lineColumns(viewer.role);
  for await (const lines of allReportLines(db, viewer, filter)) yield lines.map((l) => columns.map((c) => c.value(l)));
}

// ── Billing event feed ──────────────────────────────────────────────────────

export const FEED_HEADER = [
  "event",
  "event_date",
  "charge_id",
  "period",
  "bill_number",
  "agreement_id",
  "offer_id",
  "offer_name",
  "product",
  "counterpart_account_id",
  "counterpart_name",
  "currency",
  "gross_revenue",
  "cost_to_isv",
  "listing_fee",
  "net_amount",
  "disbursement_reference",
] as const;

type Seller = { role: "isv" | "partner"; accountId: string };

/**
 * One feed row. The counterpart is the buyer as the seller sees it (the partner for an ISV, the
 * customer for a partner); amounts are the seller's: an ISV's gross is the wholesale and it has no
 * cost to an ISV; the net is the seller's share.
 */
function feedRow(seller: Seller, event: "invoiced" | "collected" | "disbursed", date: string | null, l: ReportLine, reference: string | null): CsvCell[] {
  const counterpart = seller.role === "isv" ? [formatAccountId(l.partnerAccountId), l.partnerName] : [l.customerAccountId ? formatAccountId(l.customerAccountId) : null, l.customerName];
  const amounts =
    seller.role === "isv"
      ? [centsToDecimal(l.wholesaleCents), null, centsToDecimal(l.feeCents), centsToDecimal(l.isvShareCents)]
      : [centsToDecimal(l.customerCents), centsToDecimal(l.wholesaleCents), centsToDecimal(l.feeCents), centsToDecimal(l.partnerShareCents)];
  return [event, date, l.id, l.period, l.billNumber, l.agreementId, l.offerId, l.offerName, l.productName, ...counterpart, l.currency, ...amounts, reference];
}

/**
 * A seller's money events under the filter: each line invoiced, then collected
 * when its bill was paid; then each of the seller's paid-out shares, payout by
 * payout.
 */
export async function* feedCsvChunks(db: Db, seller: Seller, filter: ReportFilter): AsyncGenerator<CsvCell[][]> {
  for await (const lines of allReportLines(db, seller, filter)) {
    yield lines.flatMap((l) => [feedRow(seller, "invoiced", l.invoiceDate, l, null), ...(l.paidDate ? [feedRow(seller, "collected", l.paidDate, l, null)] : [])]);
  }
  const payouts = await db
    .select({ id: disbursements.id, reference: disbursements.reference, completedAt: disbursements.completedAt })
    .from(disbursements)
    .where(and(eq(disbursements.sellerAccountId, seller.accountId), eq(disbursements.status, "completed")))
    .orderBy(asc(disbursements.completedAt), asc(disbursements.id));
  for (const payout of payouts) {
    const date = payout.completedAt ? payout.completedAt.toISOString().slice(0, 10) : null;
    for await (const lines of paidOutLines(db, seller, filter, payout.id)) yield lines.map((l) => feedRow(seller, "disbursed", date, l, payout.reference));
  }
}
