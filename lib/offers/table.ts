// URL specs and row shapes of the offer and agreement tables (pages and client tables share them).
import { AGREEMENT_STATUSES, OFFER_STATUSES, type AgreementStatus, type OfferStatus } from "@/db/enums";
import type { TableSpec } from "@/lib/tables/params";

export const PARTNER_OFFERS_TABLE = {
  sortable: ["updated", "name", "customer", "expires", "status"],
  defaultSort: { id: "updated", desc: true },
  filters: { status: OFFER_STATUSES },
  search: true,
} as const satisfies TableSpec<"updated" | "name" | "customer" | "expires" | "status", "status">;

export interface PartnerOfferRow {
  id: string;
  name: string;
  customerName: string;
  customerAccountId: string;
  productName: string;
  status: OfferStatus;
  billing: "upfront" | "monthly";
  durationMonths: number;
  currency: string;
  customerPerPeriodCents: number | null;
  expiresAt: string;
  updatedAt: string;
}

export const AGREEMENTS_TABLE = {
  sortable: ["starts", "product", "counterparty"],
  defaultSort: { id: "starts", desc: true },
  filters: { status: AGREEMENT_STATUSES },
  search: true,
} as const satisfies TableSpec<"starts" | "product" | "counterparty", "status">;

/** One sale through the channel, as the ISV sees it: the partner is the buyer; figures at wholesale over the contract. */
export interface ChannelSaleRow {
  id: string;
  buyerName: string;
  buyerAccountId: string;
  productName: string;
  status: AgreementStatus;
  billing: "upfront" | "monthly";
  durationMonths: number;
  currency: string;
  wholesaleTotalCents: number;
  listingFeeCents: number;
  netRevenueCents: number;
  startsAt: string;
}
