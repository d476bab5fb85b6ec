// The events the portal tells parties about: one catalogue for the e-mail
// preferences, the mail templates and (later) webhook subscriptions. Every
// notify() names one of these kinds; an unknown kind fails the test that reads
// the catalogue (lib/outbox/outbox.int.test.ts).
import type { Role } from "@/db/enums";

export interface EventType {
  /** What a person reads in the preferences and the rep's outbox. */
  label: string;
  /** The group it is listed under. */
  topic: "Invitations" | "Offers" | "Bills" | "Payouts" | "Discount deals";
  /** The roles whose accounts receive it (the preferences list only these). */
  roles: readonly Role[];
  /** The call to action on the e-mail's button. */
  action: string;
}

export const EVENT_TYPES = {
  "invitation.sent": { label: "Invitation received or sent", topic: "Invitations", roles: ["isv", "partner"], action: "Open the invitation" },
  "invitation.expiring": { label: "Invitation expires in 3 days", topic: "Invitations", roles: ["partner"], action: "Open the invitation" },
  "invitation.accepted": { label: "Invitation accepted", topic: "Invitations", roles: ["isv", "partner"], action: "Open the invitation" },
  "invitation.declined": { label: "Invitation declined", topic: "Invitations", roles: ["isv", "partner"], action: "Open the invitation" },
  "invitation.expired": { label: "Invitation expired", topic: "Invitations", roles: ["isv", "partner"], action: "Open the invitation" },
  "invitation.revoked": { label: "Authorization revoked", topic: "Invitations", roles: ["isv", "partner"], action: "Open the invitation" },
  "invitation.withdrawn": { label: "Invitation withdrawn", topic: "Invitations", roles: ["partner"], action: "Open the invitation" },
  "offer.extended": { label: "Private offer extended to you", topic: "Offers", roles: ["customer"], action: "Review the offer" },
  "offer.accepted": { label: "Offer accepted", topic: "Offers", roles: ["isv", "partner"], action: "See the sale" },
  "offer.expired": { label: "Offer expired unaccepted", topic: "Offers", roles: ["partner"], action: "Open the offer" },
  "offer.withdrawn": { label: "Offer withdrawn", topic: "Offers", roles: ["customer"], action: "See your offers" },
  "bill.issued": { label: "Bill issued", topic: "Bills", roles: ["customer"], action: "View the bill" },
  "bill.overdue": { label: "Bill overdue", topic: "Bills", roles: ["customer"], action: "Pay the bill" },
  "bill.paid": { label: "Bill paid", topic: "Bills", roles: ["customer"], action: "View the bill" },
  "disbursement.completed": { label: "Payout sent", topic: "Payouts", roles: ["isv", "partner"], action: "See the remittance" },
  "disbursement.held": { label: "Payout held", topic: "Payouts", roles: ["isv", "partner"], action: "Complete your registration" },
  "opportunity.registered": { label: "Opportunity registered with you", topic: "Discount deals", roles: ["isv"], action: "Review the opportunity" },
  "opportunity.approved": { label: "Opportunity approved", topic: "Discount deals", roles: ["partner"], action: "Open the opportunity" },
  "opportunity.rejected": { label: "Opportunity rejected", topic: "Discount deals", roles: ["partner"], action: "Open the opportunity" },
  "discount.requested": { label: "Discount request to handle", topic: "Discount deals", roles: ["rep"], action: "Open the request" },
  "deal.markup_asked": { label: "Markup asked", topic: "Discount deals", roles: ["partner"], action: "Give your markup" },
  "deal.markup_given": { label: "Markup given", topic: "Discount deals", roles: ["rep"], action: "Open the request" },
  "deal.offer_extended": { label: "Discounted offer extended", topic: "Discount deals", roles: ["isv", "partner", "customer"], action: "Open the deal" },
  "deal.accepted": { label: "Discounted offer accepted", topic: "Discount deals", roles: ["rep"], action: "Open the deal" },
  "deal.expired": { label: "Discount deal expired", topic: "Discount deals", roles: ["isv", "partner", "rep"], action: "Open the deal" },
  "deal.cancelled": { label: "Discount deal cancelled", topic: "Discount deals", roles: ["isv", "partner"], action: "Open the deal" },
} as const satisfies Record<string, EventType>;

export type EventKind = keyof typeof EVENT_TYPES;
export const EVENT_KINDS = Object.keys(EVENT_TYPES) as EventKind[];

export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EVENT_TYPES, kind);
}

export function eventType(kind: string): EventType {
  return isEventKind(kind) ? EVENT_TYPES[kind] : { label: kind, topic: "Offers", roles: [], action: "Open the portal" };
}

/** The kinds a role's users can receive, grouped by topic in catalogue order (the preferences form). */
export function eventKindsFor(role: Role): { topic: EventType["topic"]; kinds: { kind: EventKind; label: string }[] }[] {
  const groups = new Map<EventType["topic"], { kind: EventKind; label: string }[]>();
  for (const kind of EVENT_KINDS) {
    const type: EventType = EVENT_TYPES[kind];
    if (!type.roles.includes(role)) continue;
    const list = groups.get(type.topic) ?? [];
    list.push({ kind, label: type.label });
    groups.set(type.topic, list);
  }
  return [...groups].map(([topic, kinds]) => ({ topic, kinds }));
}
