// An object's history as people read it: the append-only audit events on it,
// each with who and when, told in a sentence. A rep sees every event with the
// actor's name, address and the recorded change; a party sees the same events
// on its own objects, told from its side: its own people by name, the other
// party by account, the marketplace as "the marketplace", and another tenant's
// denied attempt without saying whose.
import type { Role } from "@/db/enums";

export const ACTION_LABELS: Record<string, string> = {
  "account.sign_up": "Account created",
  "account.password": "Password changed (every session ended)",
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Signed out everywhere",
  "user.create_rep": "Marketplace representative created",
  "user.disable": "User disabled",
  "seller.profile.save": "Seller profile saved",
  "seller.banking.save": "Banking details saved",
  "seller.tax.save": "Tax details saved",
  "product.create": "Product created",
  "product.update": "Product updated",
  "invitation.send": "Invitation sent",
  "invitation.accept": "Invitation accepted",
  "invitation.decline": "Invitation declined",
  "invitation.withdraw": "Invitation withdrawn",
  "invitation.revoke": "Authorization revoked",
  "invitation.expire": "Invitation expired unaccepted",
  "invitation.view": "Invitation opened",
  "offer.create": "Offer drafted",
  "offer.update": "Draft edited",
  "offer.extend": "Offer extended (prices frozen)",
  "offer.withdraw": "Offer withdrawn",
  "offer.clone": "Offer cloned",
  "offer.expire": "Offer expired unaccepted",
  "offer.accept": "Offer accepted: subscription started",
  "offer.manage": "Offer action",
  "offer.view": "Offer opened",
  "agreement.view": "Subscription opened",
  "opportunity.register": "Opportunity registered",
  "opportunity.approve": "Approved by the ISV: discount request sent to the marketplace",
  "opportunity.reject": "Rejected by the ISV",
  "opportunity.view": "Opportunity opened",
  "opportunity.decide": "Opportunity decision",
  "opportunity.markup": "Markup answer",
  "deal.ask_markup": "Markup asked of the partner",
  "deal.give_markup": "Markup given",
  "deal.extend_offer": "Offer keyed for the partner and extended to the customer",
  "deal.accept": "Accepted by the customer: subscription started",
  "deal.cancel": "Cancelled by the marketplace",
  "deal.expire": "Expired: the end date passed unaccepted",
  "deal.manage": "Deal action",
  "bill.pay": "Bill paid in the portal",
  "bill.record_transfer": "Bank transfer recorded",
  "bill.overdue": "Bill became overdue",
  "bill.view": "Bill opened",
  "disbursement.complete": "Payout completed",
  "billing.run": "Billing run started",
  "billing.resume": "Interrupted billing run resumed",
  "disbursement.run": "Disbursement run started",
  "disbursement.resume": "Interrupted disbursement run resumed",
  "fees.update": "Listing-fee schedule changed",
  "schedule.pause": "Scheduled job paused",
  "schedule.resume": "Scheduled job resumed",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, " ");
}

export interface RawEvent {
  id: string;
  at: Date;
  action: string;
  outcome: "success" | "denied" | "failure";
  actorUserId: string | null;
  actorRole: string | null;
  accountId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorAccountName: string | null;
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TimelineEntry {
  id: string;
  at: Date;
  what: string;
  who: string;
  outcome: "success" | "denied" | "failure";
  /** Reps only: the recorded change and the address. */
  detail: string | null;
}

export type TimelineViewer = { role: "rep" } | { role: Exclude<Role, "rep">; accountId: string };

function rawDetail(event: RawEvent): string | null {
  const parts: string[] = [];
  if (event.before) parts.push(`before ${JSON.stringify(event.before)}`);
  if (event.after) parts.push(`after ${JSON.stringify(event.after)}`);
  if (event.ip) parts.push(`from ${event.ip}`);
  return parts.length ? parts.join(" · ") : null;
}

/** A customer never sees an offer before it was extended to it: its drafting history stays with the partner. */
const HIDDEN_FROM_CUSTOMERS = new Set(["offer.create", "offer.update", "offer.clone", "offer.manage"]);

/** The events as this viewer may read them (oldest first). */
export function tellTimeline(events: readonly RawEvent[], viewer: TimelineViewer): TimelineEntry[] {
  const visible = viewer.role === "customer" ? events.filter((e) => !HIDDEN_FROM_CUSTOMERS.has(e.action) || e.accountId === viewer.accountId) : events;
  return visible.map((event) => {
    const what = event.outcome === "denied" ? `Denied: ${actionLabel(event.action).toLowerCase()}` : actionLabel(event.action);
    if (viewer.role === "rep") {
      const who = event.actorUserId ? `${event.actorName ?? "?"} <${event.actorEmail ?? "?"}> · ${event.actorAccountName ?? "no account"} (${event.actorRole})` : event.ip === "system" ? "the portal (scheduled)" : "anonymous";
      return { id: event.id, at: event.at, what, who, outcome: event.outcome, detail: rawDetail(event) };
    }
    const own = event.accountId === viewer.accountId;
    let who: string;
    if (own) who = event.actorName ? `${event.actorName} (your team)` : "your team";
    else if (event.outcome === "denied") who = "another account (not shown)";
    else if (event.actorRole === "rep") who = "the marketplace";
    else if (!event.actorUserId) who = "the portal";
    else who = event.actorAccountName ?? "the other party";
    return { id: event.id, at: event.at, what, who, outcome: event.outcome, detail: null };
  });
}
