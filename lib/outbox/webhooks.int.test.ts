// Webhooks on a real database to a real HTTP server in this process: each
// subscribed event arrives once per endpoint, signed (checked by the reference
// verifier and by an independent HMAC), with only what that account may see;
// rotation signs with both secrets; failures retry and can be sent again.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, pricingDimensions, resaleAuthorizations } from "@/db/schema";
import { drainOutbox } from "@/lib/outbox/dispatch";
import { KEPT_MAILER } from "@/lib/outbox/mailer";
import { verifyWebhookSignature } from "@/lib/outbox/webhook-signature";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  guardedLookup,
  listWebhookDeliveries,
  PRIVATE_TARGET,
  resendDelivery,
  rotateWebhookSecret,
  sendWebhook,
  webhookUrlProblem,
  type Resolve,
} from "@/lib/outbox/webhooks";
import { notify } from "@/lib/notifications/notify";
import { acceptOffer, extendOffer, saveOfferDraft } from "@/lib/offers/service";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";
import { createWorkedExample } from "@/db/testing/worked-example";

interface Received {
  path: string;
  body: string;
  signature: string | null;
  eventId: string | null;
}

let server: http.Server;
let base: string;
const received: Received[] = [];
let answer = 200;
const dbs: TestDatabase[] = [];
const previousAllow = process.env.WEBHOOKS_ALLOW_LOCAL;

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_LOCAL = "1";
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "", body, signature: request.headers["cppo-signature"] as string | null, eventId: request.headers["cppo-event-id"] as string | null });
      response.statusCode = answer;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.WEBHOOKS_ALLOW_LOCAL;
  else process.env.WEBHOOKS_ALLOW_LOCAL = previousAllow;
  await new Promise((resolve) => server.close(resolve));
  for (const t of dbs) await t.drop();
});

async function fresh() {
  const t = await createTestDatabase();
  dbs.push(t);
  return t.handle.db;
}

const dispatch = { owner: "hooks", mailer: KEPT_MAILER, baseUrl: "https://portal.example" };
const independentSignature = (secret: string, header: string, body: string) => {
  const t = /t=(\d+)/.exec(header)![1];
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
};

describe(`webhooks on ${dialect}`, () => {
  it("delivers each subscribed event, signed, with only what the account may see", async () => {
    const db = await fresh();
    const example = await createWorkedExample(db, "2026-09-01");
    // The worked example's events go out before the endpoints exist (an endpoint hears of events fanned out after it was added).
    await drainOutbox(db, dispatch);
    const partnerHook = await createWebhookEndpoint(db, example.partner, { url: `${base}/partner`, kinds: ["offer.extended", "offer.accepted"] });
    const vendorHook = await createWebhookEndpoint(db, example.isv, { url: `${base}/vendor`, kinds: ["offer.accepted"], description: "CRM" });
    if (!partnerHook.ok || !vendorHook.ok) throw new Error("endpoints");
    expect(received).toHaveLength(0);
    // A second sale under the same authorization, through the real operations.
    const [authorization] = await db.select().from(resaleAuthorizations).where(eq(resaleAuthorizations.partnerAccountId, example.partner.accountId));
    const [dimension] = await db.select().from(pricingDimensions).where(eq(pricingDimensions.productId, example.productId));
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const draft = await saveOfferDraft(db, example.partner, { authorizationId: authorization!.id, productId: example.productId, name: "Second sale", customerAccountId: example.customer.accountId, quantities: [{ dimensionId: dimension!.id, quantity: 2 }], durationMonths: 12, billing: "monthly", markupPercent: "10", expiresOn: inDays(10) });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    expect((await extendOffer(db, example.partner, { offerId: draft.data.offerId })).ok).toBe(true);
    expect((await acceptOffer(db, example.customer, { offerId: draft.data.offerId, acceptTerms: true })).ok).toBe(true);

    const summary = await drainOutbox(db, dispatch);
    expect(summary.failed).toBe(0);
    const partnerCalls = received.filter((r) => r.path === "/partner");
    const vendorCalls = received.filter((r) => r.path === "/vendor");
    // The partner subscribed to offer.extended, but that event is the customer's: the partner hears of the acceptance.
    expect(partnerCalls.map((c) => JSON.parse(c.body).type)).toEqual(["offer.accepted"]);
    expect(vendorCalls.map((c) => JSON.parse(c.body).type)).toEqual(["offer.accepted"]);
    for (const [call, secret] of [[partnerCalls[0]!, partnerHook.data.secret], [vendorCalls[0]!, vendorHook.data.secret]] as const) {
      expect(verifyWebhookSignature(call.body, call.signature, secret)).toBe(true);
      expect(call.signature).toContain(`v1=${independentSignature(secret, call.signature!, call.body)}`);
      expect(verifyWebhookSignature(call.body, call.signature, "whsec_wrong")).toBe(false);
      expect(verifyWebhookSignature(call.body + " ", call.signature, secret)).toBe(false);
      expect(verifyWebhookSignature(call.body, call.signature, secret, { nowSec: Math.floor(Date.now() / 1000) + 3600 })).toBe(false);
      expect(call.eventId).toBe(JSON.parse(call.body).id);
    }
    expect(JSON.parse(partnerCalls[0]!.body)).toMatchObject({ object: "event", type: "offer.accepted", accountId: example.partner.accountId, data: { title: "Acme accepted your offer", url: "https://portal.example/partner/sales" } });
    // The vendor's payload about the sale names the partner, never the customer or its price.
    expect(JSON.parse(vendorCalls[0]!.body).data.title).toBe("Blue Harbor sold your product");
    expect(vendorCalls[0]!.body).not.toContain("Acme");
    expect(vendorCalls[0]!.body).not.toContain(example.customer.accountId);
    // Delivered once: another round sends nothing.
    await drainOutbox(db, dispatch);
    expect(received.filter((r) => r.path === "/partner" || r.path === "/vendor")).toHaveLength(2);
    const log = await listWebhookDeliveries(db, example.isv.accountId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "delivered", responseCode: 200, attempts: 1, url: `${base}/vendor` });
  });

  it("signs with both secrets while a rotation overlaps", async () => {
    const db = await fresh();
    const partner = await makeActor(db, "partner");
    const created = await createWebhookEndpoint(db, partner, { url: `${base}/rotate`, kinds: ["offer.expired"] });
    if (!created.ok) throw new Error("endpoint");
    const rotated = await rotateWebhookSecret(db, partner, { endpointId: created.data.endpointId });
    if (!rotated.ok) throw new Error("rotate");
    expect(rotated.data.secret).not.toBe(created.data.secret);
    await db.transaction((tx) => notify(tx, partner.accountId, { kind: "offer.expired", title: "rotated", body: "b" }));
    await drainOutbox(db, dispatch);
    const call = received.find((r) => r.path === "/rotate")!;
    expect(call.signature!.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhookSignature(call.body, call.signature, created.data.secret)).toBe(true);
    expect(verifyWebhookSignature(call.body, call.signature, rotated.data.secret)).toBe(true);
  });

  it("retries a failing endpoint, and sends a delivery again on request", async () => {
    const db = await fresh();
    const partner = await makeActor(db, "partner");
    const stranger = await makeActor(db, "partner");
    const created = await createWebhookEndpoint(db, partner, { url: `${base}/flaky`, kinds: ["offer.expired"] });
    if (!created.ok) throw new Error("endpoint");
    await db.transaction((tx) => notify(tx, partner.accountId, { kind: "offer.expired", title: "flaky", body: "b" }));
    answer = 503;
    try {
      expect(await drainOutbox(db, { ...dispatch, retryBaseMs: 60_000 })).toMatchObject({ retrying: 1 });
    } finally {
      answer = 200;
    }
    const [waiting] = await db.select().from(deliveries).where(eq(deliveries.channel, "webhook"));
    expect(waiting).toMatchObject({ status: "pending", responseCode: 503, attempts: 1 });
    expect(waiting!.lastError).toContain("HTTP 503");
    expect(await drainOutbox(db, dispatch)).toMatchObject({ delivered: 0 });
    // Another account cannot touch it; its owner sends it now.
    expect(await resendDelivery(db, stranger, { deliveryId: waiting!.id })).toEqual({ ok: false, error: NOT_FOUND });
    expect((await resendDelivery(db, partner, { deliveryId: waiting!.id })).ok).toBe(true);
    expect(await drainOutbox(db, dispatch)).toMatchObject({ delivered: 1 });
    expect(received.filter((r) => r.path === "/flaky")).toHaveLength(2);
    const [done] = await db.select().from(deliveries).where(eq(deliveries.id, waiting!.id));
    expect(done).toMatchObject({ status: "delivered", responseCode: 200, attempts: 2 });
    // A deleted endpoint gets nothing more, and its pending deliveries fail instead of retrying.
    expect((await deleteWebhookEndpoint(db, partner, { endpointId: created.data.endpointId })).ok).toBe(true);
    await db.transaction((tx) => notify(tx, partner.accountId, { kind: "offer.expired", title: "after delete", body: "b" }));
    await drainOutbox(db, dispatch);
    expect(received.filter((r) => r.path === "/flaky")).toHaveLength(2);
  });

  it("accepts only public https endpoints (loopback only where allowed), and names the field", async () => {
    const db = await fresh();
    const partner = await makeActor(db, "partner");
    for (const url of ["http://example.com/hook", "https://10.0.0.8/hook", "https://192.168.1.1/x", "https://[fd00::1]/x", "https://169.254.169.254/latest/meta-data", "https://user:pw@example.com/x", "not a url", "ftp://example.com"]) {
      const result = await createWebhookEndpoint(db, partner, { url, kinds: ["offer.expired"] });
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.url, url).toBeDefined();
    }
    expect(webhookUrlProblem("https://hooks.example.com/cppo")).toBeNull();
    delete process.env.WEBHOOKS_ALLOW_LOCAL;
    try {
      expect(webhookUrlProblem(`${base}/x`)).not.toBeNull();
    } finally {
      process.env.WEBHOOKS_ALLOW_LOCAL = "1";
    }
    const refused = await createWebhookEndpoint(db, partner, { url: "https://hooks.example.com/x", kinds: ["not.a.kind"] });
    expect(refused.ok).toBe(false);
  });

  it("connects only to an address it checked: a public name that resolves to a private one gets nothing", async () => {
    const answers: Record<string, Array<{ address: string; family: number }>> = {
      "hooks.example.com": [{ address: "93.184.215.14", family: 4 }],
      "rebind.example.com": [{ address: "93.184.215.14", family: 4 }, { address: "127.0.0.1", family: 4 }],
      "metadata.example.com": [{ address: "169.254.169.254", family: 4 }],
      "v6.example.com": [{ address: "fd00::7", family: 6 }],
    };
    const resolve: Resolve = async (name) => answers[name] ?? [];
    const lookup = guardedLookup(resolve);
    const ask = (name: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((done) =>
        lookup(name, options, ((error: NodeJS.ErrnoException | null, address: unknown) => done({ error, result: address })) as never),
      );
    expect(await ask("hooks.example.com", {})).toEqual({ error: null, result: "93.184.215.14" });
    expect(await ask("hooks.example.com", { all: true })).toEqual({ error: null, result: [{ address: "93.184.215.14", family: 4 }] });
    for (const name of ["rebind.example.com", "metadata.example.com", "v6.example.com"]) {
      for (const options of [{}, { all: true }]) expect((await ask(name, options)).error?.message, name).toBe(PRIVATE_TARGET);
    }
    expect((await ask("nowhere.example.com", {})).error?.code).toBe("ENOTFOUND");

    // A delivery to a name that resolves to this machine (where the test's receiver listens) is refused
    // at the socket's lookup: the receiver gets nothing, and the attempt says why.
    const port = (server.address() as AddressInfo).port;
    const before = received.length;
    const endpoint = { id: "whe_test", accountId: "000000000000", url: `https://rebind.example.com:${port}/hook`, description: "", kinds: ["offer.expired"], secret: "whsec_x", previousSecret: null, previousSecretExpiresAt: null, createdAt: new Date(), disabledAt: null };
    const event = { id: "evt_test", accountId: "000000000000", kind: "offer.expired", title: "t", body: "b", href: null, facts: null, createdAt: new Date() };
    expect(await sendWebhook(endpoint, event, "http://portal.example", resolve)).toEqual({ ok: false, error: PRIVATE_TARGET, responseCode: null });
    // The same receiver, named as the loopback address where that is allowed (tests, the demo), gets it.
    expect(await sendWebhook({ ...endpoint, url: `${base}/direct` }, event, "http://portal.example", resolve)).toEqual({ ok: true, responseCode: 200 });
    expect(received.slice(before).map((r) => r.path)).toEqual(["/direct"]);
  });
});
