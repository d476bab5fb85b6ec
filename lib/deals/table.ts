// URL specs and row shapes of the deal tables (pages and client tables share them).
import type { TableSpec } from "@/lib/tables/params";
import type { DealStage } from "@/lib/deals/state";

export const DEAL_STAGES = ["registered", "rejected", "submitted", "awaiting_markup", "markup_provided", "offer_extended", "accepted", "expired", "cancelled"] as const satisfies readonly DealStage[];

/** The partner's and the ISV's list of opportunities. */
export const OPPORTUNITIES_TABLE = {
  sortable: ["registered", "name", "counterparty", "value", "stage"],
  defaultSort: { id: "registered", desc: true },
  filters: { stage: DEAL_STAGES },
  search: true,
} as const satisfies TableSpec<"registered" | "name" | "counterparty" | "value" | "stage", "stage">;

/** The reps' queue of discount requests: oldest waiting first. */
export const REQUESTS_TABLE = {
  sortable: ["age", "name", "partner", "vendor", "ends", "stage"],
  defaultSort: { id: "age", desc: false },
  filters: { stage: ["submitted", "awaiting_markup", "markup_provided", "offer_extended", "accepted", "expired", "cancelled"] as const },
  search: true,
} as const satisfies TableSpec<"age" | "name" | "partner" | "vendor" | "ends" | "stage", "stage">;

export interface OpportunityRow {
  id: string;
  name: string;
  counterpartyName: string;
  counterpartyAccountId: string;
  customerName: string;
  customerAccountId: string;
  products: string[];
  expectedValueCents: number;
  currency: string;
  stage: DealStage;
  /** The partner has a markup to give. */
  needsAction: boolean;
  expectedCloseOn: string | null;
  createdAt: string;
}

export interface RequestRow {
  opportunityId: string;
  requestId: string;
  name: string;
  partnerName: string;
  vendorName: string;
  customerName: string;
  additionalDiscountBps: number;
  stage: DealStage;
  startsAt: string;
  endsAt: string;
  /** When it entered its current state. */
  since: string;
}
