"use server";
import { runOperation } from "@/lib/actions/run";
import { acceptInvitation, declineInvitation, lookupPartner, revokeAuthorization, sendInvitation } from "@/lib/invitations/service";

/** A read before the confirmation step: the partner's name, or the field error a send would give. */
export async function lookupPartnerAction(raw: unknown) {
  return runOperation(lookupPartner, raw);
}

export async function sendInvitationAction(raw: unknown) {
  return runOperation(sendInvitation, raw, ["/vendor"]);
}

export async function acceptInvitationAction(raw: unknown) {
  return runOperation(acceptInvitation, raw, ["/partner"]);
}

export async function declineInvitationAction(raw: unknown) {
  return runOperation(declineInvitation, raw, ["/partner"]);
}

export async function revokeAuthorizationAction(raw: unknown) {
  return runOperation(revokeAuthorization, raw, ["/vendor"]);
}
