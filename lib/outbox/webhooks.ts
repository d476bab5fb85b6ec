// Webhooks: an account registers endpoints of its own systems and chooses the
// event kinds each receives. The dispatcher (lib/outbox/dispatch.ts) delivers
// each event as a signed POST (lib/outbox/webhook-signature.ts), retried with
// backoff for 3 days; the delivery log shows every attempt's outcome and can
// send one again. A payload is the recipient account's own event: what the
// change wrote for that account, nothing else.
import { randomBytes } from "node:crypto";
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { deliveries, outboxEvents, webhookEndpoints } from "@/db/schema";
import { defineOperation, NotFound, Refused } from "@/lib/actions/operation";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { EVENT_KINDS, type EventKind } from "@/lib/outbox/events";
import { signatureHeader, SIGNATURE_HEADER, verifyWebhookSignature } from "@/lib/outbox/webhook-signature";
import { objectId, plainText } from "@/lib/validation";

export const MAX_ENDPOINTS = 10;
/** How long the previous secret still signs after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** A literal address (or "localhost") that is not on the public internet. Names are checked once resolved (`guardedLookup`). */
function privateAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  const version = isIP(bare);
  if (version === 4) {
    const [a, b] = bare.split(".").map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) return bare === "::1" || bare === "::" || /^f[cd]/i.test(bare) || /^fe[89ab]/i.test(bare) || bare.startsWith("::ffff:");
  return false;
}

/** What a resolver answers for a name: every address, as dns.lookup with `all` gives them. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export const PRIVATE_TARGET = "The endpoint's name resolves to a private or loopback address";

/**
 * The socket's own name lookup for a delivery: the name is resolved once, and the connection goes to
 * an address that was checked — or nowhere, when any address the name has is private. Checking the
 * URL's text alone let a public name that resolves to 10.x or 169.254.169.254 through (and a check
 * before connecting, with a lookup of its own, could be answered differently the second time).
 */
export function guardedLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = found.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
        if (found.some((a) => privateAddress(a.address))) return callback(Object.assign(new Error(PRIVATE_TARGET), { code: "EPRIVATE" }), "", 4);
        if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Loopback endpoints (plain http too) only where the operator allows them: tests and the demo's own receiver. */
export function localEndpointsAllowed(): boolean {
  return process.env.WEBHOOKS_ALLOW_LOCAL === "1";
}

export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, e.g. https://example.com/hooks/marketplace";
  }
  if (url.username || url.password) return "Leave credentials out of the URL; verify our signature instead";
  const loopback = LOOPBACK_NAMES.includes(url.hostname);
  if (loopback && localEndpointsAllowed() && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:") return "Webhook endpoints must use https://";
  if (privateAddress(url.hostname)) return "The endpoint must be reachable on the public internet, not a private or loopback address";
  return null;
}

const urlField = z
  .string({ message: "Enter the endpoint's URL" })
  .trim()
  .min(1, "Enter the endpoint's URL")
  .max(2048, "At most 2,048 characters")
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const createWebhookSchema = z.strictObject({
  url: urlField,
  description: plainText("Description", { min: 0, max: 200 }).optional(),
  kinds: z
    .array(z.enum(EVENT_KINDS as [EventKind, ...EventKind[]], { message: "Choose events from the list" }), { message: "Choose at least one event" })
    .min(1, "Choose at least one event")
    .max(EVENT_KINDS.length, "Too many events")
    .transform((kinds) => [...new Set(kinds)]),
});

export const endpointIdSchema = z.strictObject({ endpointId: objectId("Endpoint") });
export const deliveryIdSchema = z.strictObject({ deliveryId: objectId("Delivery") });

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export const createWebhookEndpoint = defineOperation("webhooks.manage", createWebhookSchema, async (ctx, input) => {
  const secret = newSecret();
  const id = newId("we");
  await ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ id: webhookEndpoints.id, disabledAt: webhookEndpoints.disabledAt }).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, ctx.user.accountId));
    if (existing.filter((e) => !e.disabledAt).length >= MAX_ENDPOINTS) throw new Refused(`An account can have at most ${MAX_ENDPOINTS} endpoints; delete one first.`);
    await tx.insert(webhookEndpoints).values({ id, accountId: ctx.user.accountId, url: input.url, description: input.description ?? "", kinds: input.kinds, secret, previousSecret: null, previousSecretExpiresAt: null, createdAt: now(), disabledAt: null });
    await ctx.audit(tx, { action: "webhook.create", objectType: "webhook_endpoint", objectId: id, after: { url: input.url, kinds: input.kinds } });
  });
  return { endpointId: id, secret };
});

async function ownEndpoint(db: Pick<Db, "select">, accountId: string, endpointId: string) {
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.accountId, accountId)));
  if (!endpoint || endpoint.disabledAt) throw new NotFound("webhook_endpoint", endpointId);
  return endpoint;
}

/** A new secret; the old one keeps signing (a second signature) for 24 hours, so receivers can switch without missing a delivery. */
export const rotateWebhookSecret = defineOperation("webhooks.manage", endpointIdSchema, async (ctx, { endpointId }) => {
  const secret = newSecret();
  await ctx.db.transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, ctx.user.accountId, endpointId);
    await tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: endpoint.secret, previousSecretExpiresAt: new Date(now().getTime() + ROTATION_OVERLAP_MS) })
      .where(eq(webhookEndpoints.id, endpointId));
    await ctx.audit(tx, { action: "webhook.rotate_secret", objectType: "webhook_endpoint", objectId: endpointId });
  });
  return { endpointId, secret };
});

export const deleteWebhookEndpoint = defineOperation("webhooks.manage", endpointIdSchema, async (ctx, { endpointId }) => {
  await ctx.db.transaction(async (tx) => {
    await ownEndpoint(tx, ctx.user.accountId, endpointId);
    await tx.update(webhookEndpoints).set({ disabledAt: now() }).where(eq(webhookEndpoints.id, endpointId));
    await ctx.audit(tx, { action: "webhook.delete", objectType: "webhook_endpoint", objectId: endpointId });
  });
  return { endpointId };
});

/** Sends a webhook delivery again now (a fresh 3-day retry window), whatever its outcome so far. */
export const resendDelivery = defineOperation("webhooks.manage", deliveryIdSchema, async (ctx, { deliveryId }) => {
  await ctx.db.transaction(async (tx) => {
    const [delivery] = await tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.accountId, ctx.user.accountId), eq(deliveries.channel, "webhook")));
    if (!delivery) throw new NotFound("delivery", deliveryId);
    const wall = new Date();
    await tx.update(deliveries).set({ status: "pending", nextAttemptAt: wall, createdAt: wall, leaseOwner: null, leaseExpiresAt: null }).where(eq(deliveries.id, deliveryId));
    await ctx.audit(tx, { action: "webhook.resend", objectType: "delivery", objectId: deliveryId, before: { status: delivery.status } });
  });
  return { deliveryId };
});

export async function listWebhookEndpoints(db: Db, accountId: string) {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId)).orderBy(desc(webhookEndpoints.createdAt));
  return rows.filter((r) => !r.disabledAt);
}

/** The account's latest webhook deliveries, newest first. */
export async function listWebhookDeliveries(db: Db, accountId: string, limit = 50) {
  return db
    .select({
      id: deliveries.id,
      status: deliveries.status,
      attempts: deliveries.attempts,
      responseCode: deliveries.responseCode,
      lastError: deliveries.lastError,
      nextAttemptAt: deliveries.nextAttemptAt,
      deliveredAt: deliveries.deliveredAt,
      createdAt: deliveries.createdAt,
      eventId: deliveries.eventId,
      kind: outboxEvents.kind,
      title: outboxEvents.title,
      url: webhookEndpoints.url,
    })
    .from(deliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, deliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.target))
    .where(and(eq(deliveries.accountId, accountId), eq(deliveries.channel, "webhook")))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(limit);
}

/** The secrets that sign now: the endpoint's, and the one it replaced while the rotation overlaps. */
export function signingSecrets(endpoint: Pick<typeof webhookEndpoints.$inferSelect, "secret" | "previousSecret" | "previousSecretExpiresAt">): string[] {
  const overlapping = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now();
  return overlapping ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

export type WebhookEvent = Pick<typeof outboxEvents.$inferSelect, "id" | "accountId" | "kind" | "title" | "body" | "href" | "facts" | "createdAt">;

export function webhookPayload(event: WebhookEvent, baseUrl: string) {
  const href = event.href && event.href.startsWith("/") && !event.href.startsWith("//") ? `${baseUrl}${event.href}` : null;
  return { id: event.id, object: "event", type: event.kind, createdAt: event.createdAt.toISOString(), accountId: event.accountId, data: { title: event.title, body: event.body, url: href, facts: event.facts ?? {} } };
}

const TIMEOUT_MS = 10_000;

/**
 * One signed POST; 2xx is delivered, anything else (or no answer in 10 s) a failure to retry. Sent with
 * node:http(s) rather than fetch so the socket connects only to an address `guardedLookup` checked;
 * redirects are not followed. Loopback names reach the socket unchecked only where allowed.
 */
export async function sendWebhook(
  endpoint: typeof webhookEndpoints.$inferSelect,
  event: WebhookEvent,
  baseUrl: string,
  resolve: Resolve = systemResolve,
): Promise<{ ok: true; responseCode: number } | { ok: false; error: string; responseCode: number | null }> {
  const body = JSON.stringify(webhookPayload(event, baseUrl));
  const secrets = signingSecrets(endpoint);
  const problem = webhookUrlProblem(endpoint.url);
  if (problem) return { ok: false, error: problem, responseCode: null };
  const url = new URL(endpoint.url);
  const local = localEndpointsAllowed() && LOOPBACK_NAMES.includes(url.hostname);
  try {
    const status = await new Promise<number>((done, fail) => {
      const request = (url.protocol === "https:" ? https : http).request(
        url,
        {
          method: "POST",
          signal: AbortSignal.timeout(TIMEOUT_MS),
          ...(local ? {} : { lookup: guardedLookup(resolve) }),
          headers: {
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(body),
            "User-Agent": "cppo-portal-webhooks/1",
            [SIGNATURE_HEADER]: signatureHeader(secrets, Math.floor(Date.now() / 1000), body),
            "Cppo-Event-Id": event.id,
          },
        },
        (response) => {
          // The answer's body is read and dropped; only its status counts.
          response.on("data", () => undefined);
          response.on("end", () => done(response.statusCode ?? 0));
          response.on("error", fail);
          // Cut off mid-answer (the timeout, a reset): a failure, never a promise left waiting.
          response.on("close", () => fail(new Error("The endpoint closed the connection before its answer ended")));
        },
      );
      request.on("error", fail);
      request.end(body);
    });
    if (status >= 200 && status < 300) return { ok: true, responseCode: status };
    return { ok: false, error: `The endpoint answered HTTP ${status}`, responseCode: status };
  } catch (error) {
    const reason = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? `No answer within ${TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
    return { ok: false, error: reason, responseCode: null };
  }
}

/** The demo receiver's check: is this body signed by the endpoint's current (or overlapping previous) secret? */
export async function signedForEndpoint(db: Db, endpointId: string, body: string, header: string | null): Promise<boolean | null> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint || endpoint.disabledAt) return null;
  return signingSecrets(endpoint).some((secret) => verifyWebhookSignature(body, header, secret));
}
