// The demo's webhook receiver (demo mode only): the seeded partner endpoint
// points here. It does what a real receiver must — checks the signature over
// the exact body — and answers 200, or 400 for a bad signature.
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { SIGNATURE_HEADER } from "@/lib/outbox/webhook-signature";
import { signedForEndpoint } from "@/lib/outbox/webhooks";

export async function POST(request: Request) {
  if (!env().demo) return new Response("Not found", { status: 404 });
  const endpointId = new URL(request.url).searchParams.get("endpoint") ?? "";
  const body = await request.text();
  const signed = await signedForEndpoint(getDb(), endpointId, body, request.headers.get(SIGNATURE_HEADER));
  if (signed === null) return Response.json({ error: "No such endpoint." }, { status: 404 });
  return signed ? Response.json({ received: true }) : Response.json({ error: "The signature does not match." }, { status: 400 });
}
