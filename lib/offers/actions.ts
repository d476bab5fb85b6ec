"use server";
import { runOperation } from "@/lib/actions/run";
import { acceptOffer, cloneOffer, extendOffer, saveOfferDraft, withdrawOffer } from "@/lib/offers/service";

export async function saveOfferDraftAction(raw: unknown) {
  return runOperation(saveOfferDraft, raw, ["/partner"]);
}

export async function extendOfferAction(raw: unknown) {
  return runOperation(extendOffer, raw, ["/partner"]);
}

export async function withdrawOfferAction(raw: unknown) {
  return runOperation(withdrawOffer, raw, ["/partner"]);
}

export async function cloneOfferAction(raw: unknown) {
  return runOperation(cloneOffer, raw, ["/partner"]);
}

export async function acceptOfferAction(raw: unknown) {
  return runOperation(acceptOffer, raw, ["/buyer"]);
}
