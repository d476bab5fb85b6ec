"use server";
import { runOperation } from "@/lib/actions/run";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";

export async function createApiKeyAction(raw: unknown) {
  return runOperation(createApiKey, raw, ["/vendor/developers", "/partner/developers", "/marketplace/developers"]);
}

export async function revokeApiKeyAction(raw: unknown) {
  return runOperation(revokeApiKey, raw, ["/vendor/developers", "/partner/developers", "/marketplace/developers"]);
}
