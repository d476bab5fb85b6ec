"use server";
import { runOperation } from "@/lib/actions/run";
import {
  approveOpportunity,
  askForMarkup,
  cancelDiscountRequest,
  extendDealOffer,
  provideMarkup,
  registerOpportunity,
  rejectOpportunity,
} from "@/lib/deals/service";

export async function registerOpportunityAction(raw: unknown) {
  return runOperation(registerOpportunity, raw, ["/partner"]);
}

export async function approveOpportunityAction(raw: unknown) {
  return runOperation(approveOpportunity, raw, ["/vendor"]);
}

export async function rejectOpportunityAction(raw: unknown) {
  return runOperation(rejectOpportunity, raw, ["/vendor"]);
}

export async function askForMarkupAction(raw: unknown) {
  return runOperation(askForMarkup, raw, ["/marketplace"]);
}

export async function provideMarkupAction(raw: unknown) {
  return runOperation(provideMarkup, raw, ["/partner"]);
}

export async function extendDealOfferAction(raw: unknown) {
  return runOperation(extendDealOffer, raw, ["/marketplace"]);
}

export async function cancelDiscountRequestAction(raw: unknown) {
  return runOperation(cancelDiscountRequest, raw, ["/marketplace"]);
}
