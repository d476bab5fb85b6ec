// URL specs and row shape of the invitation tables (shared by pages and client tables).
import { AUTHORIZATION_STATUSES, type AuthorizationStatus } from "@/db/enums";
import type { TableSpec } from "@/lib/tables/params";

export const SENT_TABLE = {
  sortable: ["sent", "expires", "partner", "status"],
  defaultSort: { id: "sent", desc: true },
  filters: { status: AUTHORIZATION_STATUSES },
  search: true,
} as const satisfies TableSpec<"sent" | "expires" | "partner" | "status", "status">;

export const RECEIVED_TABLE = {
  sortable: ["status", "received", "expires", "vendor"],
  // Pending first (soonest to expire first), then the rest.
  defaultSort: { id: "status", desc: false },
  filters: { status: AUTHORIZATION_STATUSES },
  search: true,
} as const satisfies TableSpec<"status" | "received" | "expires" | "vendor", "status">;

export interface InvitationRow {
  id: string;
  counterpartyName: string;
  counterpartyAccountId: string;
  products: string[];
  status: AuthorizationStatus;
  use: "multi_use" | "one_time";
  expiresAt: string;
  endsAt: string | null;
  createdAt: string;
}

/** The partner's authorized products: one row per product of each authorization it may use now. */
export const AUTHORIZED_TABLE = {
  sortable: ["product", "vendor", "discount", "ends"],
  defaultSort: { id: "product", desc: false },
  search: true,
} as const satisfies TableSpec<"product" | "vendor" | "discount" | "ends", never>;

export interface AuthorizedRow {
  /** `<authorization id>:<product id>`: a product may be authorized by two invitations. */
  id: string;
  authorizationId: string;
  productId: string;
  productName: string;
  isvName: string;
  isvAccountId: string;
  currency: string;
  discountBps: number;
  /** Public and wholesale price per unit per month, in the product's own order. */
  prices: { unitName: string; publicCents: number; wholesaleCents: number }[];
  additionalTerms: string | null;
  endsAt: string | null;
  /** Offers left on a one-time authorization; null when multi-use. */
  remainingUses: number | null;
  buyerAccountId: string | null;
}
