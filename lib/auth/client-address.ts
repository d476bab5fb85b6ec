// The client's address for throttling and audit. The production server
// (lib/cli/server.mjs) replaces X-Forwarded-For with the one address it trusts
// (the socket's, or what the configured trusted proxies saw), so the first
// entry here is never a client's own claim.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || "unknown";
}
