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
