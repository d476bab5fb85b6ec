// The life of a non-recurring discount deal, as pure rules.
//   opportunity:      pending → approved | rejected            (the ISV decides)
//   discount request: submitted → awaiting_markup → markup_provided → offer_extended → accepted
//                     and, from any open state, → expired (its end date passed) | cancelled (a rep)
// The request's end date is exclusive like every accept-by in the portal: at
// the end instant the deal has expired, even before the sweep records it.
import type { DiscountRequestStatus, OpportunityStatus } from "@/db/enums";

export interface RequestClock {
  status: DiscountRequestStatus;
  startsAt: Date;
  endsAt: Date;
}

const OPEN: readonly DiscountRequestStatus[] = ["submitted", "awaiting_markup", "markup_provided", "offer_extended"];

export function isOpenRequest(status: DiscountRequestStatus): boolean {
  return OPEN.includes(status);
}

/** The status as of `at`: an open request past its end is expired before the sweep writes it. */
export function effectiveRequestStatus(request: RequestClock, at: Date): DiscountRequestStatus {
  return isOpenRequest(request.status) && at.getTime() >= request.endsAt.getTime() ? "expired" : request.status;
}

export type RequestTransition = "ask_markup" | "give_markup" | "extend_offer" | "accept" | "cancel" | "expire";

const FROM: Record<Exclude<RequestTransition, "expire">, readonly DiscountRequestStatus[]> = {
  ask_markup: ["submitted"],
  // The partner may revise its answer until the offer is keyed.
  give_markup: ["awaiting_markup", "markup_provided"],
  extend_offer: ["markup_provided"],
  accept: ["offer_extended"],
  cancel: OPEN,
};

/** Why the transition is refused as of `at`, or null when it is allowed. */
export function requestRefusal(request: RequestClock, transition: RequestTransition, at: Date): string | null {
  const status = effectiveRequestStatus(request, at);
  if (transition === "expire") return isOpenRequest(request.status) && status === "expired" ? null : "This deal has not expired.";
  if (FROM[transition].includes(status)) {
    if (transition === "accept" && at.getTime() < request.startsAt.getTime()) {
      return `This offer can be accepted from ${request.startsAt.toISOString().slice(0, 10)}.`;
    }
    return null;
  }
  switch (status) {
    case "expired":
      return "This deal has expired: its end date has passed.";
    case "cancelled":
      return "This deal was cancelled by the marketplace.";
    case "accepted":
      return "This deal has already been accepted; a non-recurring discount is used once.";
  }
  switch (transition) {
    case "ask_markup":
      return "The partner has already been asked for its markup.";
    case "give_markup":
      return status === "submitted" ? "The marketplace has not asked for your markup yet." : "The offer has already been made; the markup can no longer change.";
    case "extend_offer":
      return status === "offer_extended" ? "The offer has already been extended." : "The partner has not given its markup yet.";
    case "accept":
      return "This offer is not open for acceptance.";
    default:
      return `A ${REQUEST_STATUS_LABELS[status].toLowerCase()} deal cannot be changed.`;
  }
}

/** Why the ISV cannot decide the opportunity, or null. */
export function decisionRefusal(status: OpportunityStatus): string | null {
  if (status === "pending") return null;
  return status === "approved" ? "This opportunity has already been approved." : "This opportunity has already been rejected.";
}

/**
 * One word for where a deal stands, read by every party: the opportunity's
 * status until it is approved, then its discount request's.
 */
export type DealStage = "registered" | "rejected" | DiscountRequestStatus;

export function dealStage(opportunity: OpportunityStatus, request: RequestClock | null, at: Date): DealStage {
  if (opportunity === "pending") return "registered";
  if (opportunity === "rejected") return "rejected";
  return request ? effectiveRequestStatus(request, at) : "submitted";
}

export const STAGE_LABELS: Record<DealStage, string> = {
  registered: "Registered",
  rejected: "Rejected",
  submitted: "Approved",
  awaiting_markup: "Markup asked",
  markup_provided: "Markup given",
  offer_extended: "Offer extended",
  accepted: "Accepted",
  expired: "Expired",
  cancelled: "Cancelled",
};

export const STAGE_TONES: Record<DealStage, "info" | "good" | "neutral" | "warn" | "bad"> = {
  registered: "neutral",
  rejected: "bad",
  submitted: "info",
  awaiting_markup: "warn",
  markup_provided: "info",
  offer_extended: "info",
  accepted: "good",
  expired: "warn",
  cancelled: "bad",
};

/** The reps' words for a request's state. */
export const REQUEST_STATUS_LABELS: Record<DiscountRequestStatus, string> = {
  submitted: "New",
  awaiting_markup: "Awaiting markup",
  markup_provided: "Markup given",
  offer_extended: "Offer extended",
  accepted: "Accepted",
  expired: "Expired",
  cancelled: "Cancelled",
};

/** The steps of a deal in order, for the progress strip every party sees. */
export const DEAL_STEPS = ["registered", "submitted", "awaiting_markup", "markup_provided", "offer_extended", "accepted"] as const;

/** How far along the steps a stage is (−1 for rejected; an ended deal shows where it stopped). */
export function stepIndex(stage: DealStage): number {
  return (DEAL_STEPS as readonly string[]).indexOf(stage);
}
