// The client address the production server (lib/cli/server.mjs) trusts.

/** "::ffff:10.0.0.1" → "10.0.0.1" */
function normalize(address) {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/** The socket's address, or, behind `trustedHops` proxies, the address the outermost of them saw. */
export function clientAddressOf(socketAddress, forwardedFor, trustedHops) {
  const socket = normalize(socketAddress || "unknown");
  if (trustedHops <= 0) return socket;
  const chain = String(forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map(normalize);
  chain.push(socket);
  // Each trusted proxy appended the address it saw; the client is the one the outermost trusted proxy saw.
  const index = chain.length - 1 - trustedHops;
  return chain[Math.max(0, index)];
}
