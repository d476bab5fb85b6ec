import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/cli/client-address.mjs";

describe("client address", () => {
  it("is the socket's without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.9", "1.2.3.4", 0)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });
  it("is what the outermost trusted proxy saw", () => {
    // client 198.51.100.7 → CDN (adds it) → load balancer 10.0.0.2 (adds the CDN's) → us
    expect(clientAddressOf("10.0.0.2", "198.51.100.7, 172.16.0.5", 2)).toBe("198.51.100.7");
    // A client that forges extra entries cannot move the trusted position.
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.0.5", 2)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", "", 1)).toBe("10.0.0.2");
  });
});
