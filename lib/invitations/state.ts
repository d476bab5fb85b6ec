// The life of a resale authorization ("invitation to resell"), as pure rules.
//   pending → accepted | declined | expired ;  accepted → revoked
// "Accept by" is exclusive: at the expiry instant the invitation has expired.
import type { AuthorizationStatus } from "@/db/enums";

export interface InvitationClock {
  status: AuthorizationStatus;
  expiresAt: Date;
}

export interface AuthorizationWindow extends InvitationClock {
  endsAt: Date | null;
  use: "multi_use" | "one_time";
  offersExtended: number;
}

/** The status as of `at`: a pending invitation past its expiry is expired even before a sweep records it. */
export function effectiveStatus(invitation: InvitationClock, at: Date): AuthorizationStatus {
  return invitation.status === "pending" && at.getTime() >= invitation.expiresAt.getTime() ? "expired" : invitation.status;
}

/** revoke: the vendor ends an accepted authorization; withdraw: the vendor takes back a pending invitation. */
export type Transition = "accept" | "decline" | "revoke" | "withdraw" | "expire";

const FROM: Record<Transition, AuthorizationStatus> = {
  accept: "pending",
  decline: "pending",
  revoke: "accepted",
  withdraw: "pending",
  expire: "pending",
};

/** Why a transition is refused as of `at`, or null when it is allowed. */
export function refusal(invitation: InvitationClock, transition: Transition, at: Date): string | null {
  const status = effectiveStatus(invitation, at);
  if (transition === "expire") return invitation.status === "pending" && status === "expired" ? null : "This invitation has not expired.";
  if (status === FROM[transition]) return null;
  if (status === "expired") return "This invitation has expired; ask the vendor for a new one.";
  if (transition === "revoke") return "Only an accepted authorization can be revoked.";
  if (transition === "withdraw") return `This invitation is already ${status}; only a pending one can be withdrawn.`;
  return `This invitation is already ${status}.`;
}

/** Offers a one-time authorization still allows (it allows one); null for a multi-use one. */
export function offersLeft(auth: Pick<AuthorizationWindow, "use" | "offersExtended">): number | null {
  return auth.use === "one_time" ? Math.max(0, 1 - auth.offersExtended) : null;
}

/** Whether the partner may extend a new offer under this authorization now. */
export function canExtendOffers(auth: AuthorizationWindow, at: Date): boolean {
  if (auth.status !== "accepted") return false;
  if (auth.endsAt && at.getTime() >= auth.endsAt.getTime()) return false;
  return auth.use === "multi_use" || auth.offersExtended < 1;
}

/** Days left to accept, counting a part day as a day (1 on the last day, 0 once expired). */
export function daysLeft(expiresAt: Date, at: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - at.getTime()) / 86_400_000));
}

export const STATUS_LABELS: Record<AuthorizationStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
  revoked: "Revoked",
};

export const STATUS_TONES: Record<AuthorizationStatus, "info" | "good" | "neutral" | "warn" | "bad"> = {
  pending: "info",
  accepted: "good",
  declined: "neutral",
  expired: "warn",
  revoked: "bad",
};
