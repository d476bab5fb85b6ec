// The client's address for rate limiting and audit. Behind a proxy, the first
// x-forwarded-for hop is the client; `next start` sets it from the socket.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
