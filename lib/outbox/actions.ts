"use server";
import { runOperation } from "@/lib/actions/run";
import { setEmailPreferences } from "@/lib/outbox/service";

export async function setEmailPreferencesAction(raw: unknown) {
  return runOperation(setEmailPreferences, raw);
}
