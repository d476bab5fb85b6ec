// Webhook signatures, as Stripe signs them: HMAC-SHA256 over "<timestamp>.<body>"
// with the endpoint's secret, sent as `Cppo-Signature: t=<unix seconds>,v1=<hex>`
// (a second v1 while a rotated secret overlaps). verifyWebhookSignature is the
// reference verifier a receiver can copy: it checks the timestamp's age (replays)
// and compares in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Cppo-Signature";

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signatureOf(s, timestamp, body)}`)].join(",");
}

/** True when one of the header's v1 signatures is the secret's over this exact body, made within `toleranceSec`. */
export function verifyWebhookSignature(body: string, header: string | null, secret: string, { toleranceSec = 300, nowSec = Math.floor(Date.now() / 1000) } = {}): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("="));
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSec - timestamp) > toleranceSec) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), "hex");
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, "hex"), expected);
  });
}
