"use server";
import { runOperation } from "@/lib/actions/run";
import { saveBanking, saveProfile, saveTax } from "@/lib/sellers/service";

export async function saveProfileAction(raw: unknown) {
  return runOperation(saveProfile, raw, ["/vendor", "/partner"]);
}

export async function saveBankingAction(raw: unknown) {
  return runOperation(saveBanking, raw, ["/vendor", "/partner"]);
}

export async function saveTaxAction(raw: unknown) {
  return runOperation(saveTax, raw, ["/vendor", "/partner"]);
}
