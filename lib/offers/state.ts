// The life of a private offer: draft → extended → accepted | expired | withdrawn.
// Prices are frozen when extended. "Accept by" is exclusive, as for invitations.
import type { AgreementStatus, OfferStatus } from "@/db/enums";

export interface OfferClock {
  status: OfferStatus;
  expiresAt: Date;
}

export function effectiveOfferStatus(offer: OfferClock, at: Date): OfferStatus {
  return offer.status === "extended" && at.getTime() >= offer.expiresAt.getTime() ? "expired" : offer.status;
}

export type OfferTransition = "edit" | "extend" | "withdraw" | "accept";

const ALLOWED: Record<OfferTransition, readonly OfferStatus[]> = {
  edit: ["draft"],
  extend: ["draft"],
  withdraw: ["draft", "extended"],
  accept: ["extended"],
};

/** Why the transition is refused as of `at`, or null when allowed. */
export function offerRefusal(offer: OfferClock, transition: OfferTransition, at: Date): string | null {
  const status = effectiveOfferStatus(offer, at);
  if (ALLOWED[transition].includes(status)) {
    if ((transition === "extend" || transition === "edit") && at.getTime() >= offer.expiresAt.getTime()) {
      return "The offer's accept-by date has passed; choose a later one.";
    }
    return null;
  }
  if (status === "expired") return "This offer has expired.";
  if (status === "withdrawn") return "This offer was withdrawn.";
  if (status === "accepted") return "This offer has already been accepted.";
  return transition === "accept" ? "This offer is not open for acceptance." : `A ${status} offer cannot be changed.`;
}

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  draft: "Draft",
  extended: "Extended",
  accepted: "Accepted",
  expired: "Expired",
  withdrawn: "Withdrawn",
};

export const OFFER_STATUS_TONES: Record<OfferStatus, "info" | "good" | "neutral" | "warn" | "bad"> = {
  draft: "neutral",
  extended: "info",
  accepted: "good",
  expired: "warn",
  withdrawn: "bad",
};

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  active: "Active",
  ended: "Ended",
  cancelled: "Cancelled",
};
