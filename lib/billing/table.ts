// URL specs and row shapes of the money tables (pages and client tables share them).
import type { TableSpec } from "@/lib/tables/params";

/** A bill's state as people filter it: open (issued, not yet due), overdue, paid. */
export const BILL_STATES = ["open", "overdue", "paid"] as const;
export type BillState = (typeof BILL_STATES)[number];

export const BILLS_TABLE = {
  sortable: ["period", "due", "total", "customer"],
  defaultSort: { id: "period", desc: true },
  filters: { state: BILL_STATES },
  search: true,
  pageSizes: [25, 50, 100],
} as const satisfies TableSpec<"period" | "due" | "total" | "customer", "state">;

export interface BillRow {
  id: string;
  number: string;
  period: string;
  sequence: number;
  customerName: string;
  state: BillState;
  issuedAt: string;
  dueAt: string;
  totalCents: number;
  currency: string;
}

export const PAYOUT_STATES = ["in_progress", "completed"] as const;

export const PAYOUTS_TABLE = {
  sortable: ["date", "amount"],
  defaultSort: { id: "date", desc: true },
  filters: { status: PAYOUT_STATES },
  search: true,
  pageSizes: [25, 50, 100],
} as const satisfies TableSpec<"date" | "amount", "status">;

export interface PayoutRow {
  id: string;
  reference: string;
  status: (typeof PAYOUT_STATES)[number];
  lineCount: number;
  amountCents: number;
  currency: string;
  date: string;
}

export const WAITING_STATES = ["held", "scheduled"] as const;

export const WAITING_TABLE = {
  sortable: ["amount", "seller"],
  defaultSort: { id: "amount", desc: true },
  filters: { state: WAITING_STATES },
  search: true,
  pageSizes: [25, 50, 100],
} as const satisfies TableSpec<"amount" | "seller", "state">;

export interface WaitingRow {
  id: string;
  sellerAccountId: string;
  name: string;
  role: "Vendor" | "Partner";
  currency: string;
  amountCents: number;
  shares: number;
  schedule: string | null;
  nextPayout: string | null;
  hold: string | null;
}

export const RUN_STATUSES = ["running", "completed", "failed"] as const;

export const RUNS_TABLE = {
  sortable: ["started"],
  defaultSort: { id: "started", desc: true },
  filters: { status: RUN_STATUSES },
  search: true,
  pageSizes: [10, 25, 50],
  // Beside another table on the disbursements page.
  prefix: "runs.",
} as const satisfies TableSpec<"started", "status">;
