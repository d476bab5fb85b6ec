"use server";
import { runOperation } from "@/lib/actions/run";
import { createWebhookEndpoint, deleteWebhookEndpoint, resendDelivery, rotateWebhookSecret } from "@/lib/outbox/webhooks";

const PAGES = ["/vendor/developers", "/partner/developers", "/marketplace/developers"];

export async function createWebhookEndpointAction(raw: unknown) {
  return runOperation(createWebhookEndpoint, raw, PAGES);
}

export async function rotateWebhookSecretAction(raw: unknown) {
  return runOperation(rotateWebhookSecret, raw, PAGES);
}

export async function deleteWebhookEndpointAction(raw: unknown) {
  return runOperation(deleteWebhookEndpoint, raw, PAGES);
}

export async function resendDeliveryAction(raw: unknown) {
  return runOperation(resendDelivery, raw, PAGES);
}
