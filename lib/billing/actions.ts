"use server";
import { runOperation } from "@/lib/actions/run";
import { payBill, recordBankTransfer } from "@/lib/billing/payments";
import { startBillingRun, startDisbursementRun } from "@/lib/billing/service";

export async function payBillAction(raw: unknown) {
  return runOperation(payBill, raw, ["/buyer"]);
}

export async function recordBankTransferAction(raw: unknown) {
  return runOperation(recordBankTransfer, raw, ["/marketplace"]);
}

export async function startBillingRunAction(raw: unknown) {
  return runOperation(startBillingRun, raw, ["/marketplace"]);
}

export async function startDisbursementRunAction(raw: unknown) {
  return runOperation(startDisbursementRun, raw, ["/marketplace"]);
}
