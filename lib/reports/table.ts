// URL spec and row shapes of the reports (pages, client tables and the CSV share them).
import type { TableSpec } from "@/lib/tables/params";

// Sorted by billing period (newest or oldest first), read in index order. Not by amount: that would
// take an index per role on the charges, and each one slows every billing chunk (measured: the three
// cost about a fifth of the billing run's speed); the charts and the CSV answer "which are largest".
export const LINES_TABLE = {
  sortable: ["period"],
  defaultSort: { id: "period", desc: true },
  pageSizes: [25, 50, 100],
  // Next and Previous page from the last (first) line shown, by (period, id): page 4,000 costs what
  // page 2 does. A page number typed into the URL still works, by OFFSET.
  keyset: true,
} as const satisfies TableSpec<"period", never>;

/** A line's place in the table's order, as the URL carries it: `2026-03~chg_…`. */
export function lineCursor(line: { period: string; id: string }): string {
  return `${line.period}~${line.id}`;
}

/** The (period, id) of a cursor the table wrote, or null for anything else. */
export function readLineCursor(key: string): { period: string; id: string } | null {
  const match = /^(\d{4}-\d{2})~([\w-]{1,64})$/.exec(key);
  return match ? { period: match[1]!, id: match[2]! } : null;
}

/** Where a line's money stands for the viewer: its bill, then the viewer's payout. */
export const LINE_STATUSES = ["invoiced", "overdue", "collected", "paying", "paid_out"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  invoiced: "Invoiced",
  overdue: "Overdue",
  collected: "Collected, payout due",
  paying: "Paying out",
  paid_out: "Paid out",
};

export type ReportRole = "isv" | "partner" | "rep";

/** One charge line. For an ISV the customer, its price and the partner's share are null. */
export interface ReportLine {
  role: ReportRole;
  id: string;
  period: string;
  invoiceDate: string;
  /** When the customer paid the line's bill. */
  paidDate: string | null;
  billNumber: string;
  agreementId: string;
  offerId: string;
  /** The partner's name for its offer; null for an ISV (a partner may name the customer in it). */
  offerName: string | null;
  productName: string;
  currency: string;
  partnerAccountId: string;
  partnerName: string;
  isvAccountId: string;
  isvName: string;
  customerAccountId: string | null;
  customerName: string | null;
  /** Gross revenue: what the customer pays (partner and rep only). */
  customerCents: number | null;
  /** Wholesale: the ISV's revenue, the partner's cost. */
  wholesaleCents: number;
  /** The listing fee, taken from the wholesale (the ISV pays it). */
  feeCents: number;
  /** The ISV's net revenue: wholesale − fee. */
  isvShareCents: number;
  /** The partner's net margin: gross − wholesale (partner and rep only). */
  partnerShareCents: number | null;
  opportunityName: string | null;
  opportunityDescription: string | null;
  status: LineStatus;
  payoutReference: string | null;
}
