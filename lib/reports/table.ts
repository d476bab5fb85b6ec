// URL spec and row shapes of the reports (pages, client tables and the CSV share them).
import type { TableSpec } from "@/lib/tables/params";

// Sorted by billing period (newest or oldest first), read in index order. Not by amount: that would
// take an index per role on the charges, and each one slows every billing chunk (measured: the three
// cost about a fifth of the billing run's speed); the charts and the CSV answer "which are largest".
export const LINES_TABLE = {
  sortable: ["period"],
  defaultSort: { id: "period", desc: true },
  pageSizes: [25, 50, 100],
} as const satisfies TableSpec<"period", never>;

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
