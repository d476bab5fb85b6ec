// The session cookie read directly, for the guard on every request. Auth.js's `auth()` answers a
// server component by running its whole session endpoint in-process (a Request to
// /api/auth/session: decrypt the JWE, run the callbacks, encrypt a fresh one for a cookie a server
// component cannot set, build a Response and parse it back): about 1 ms of CPU on each request,
// ~9% of a simple page's (CPU profile, #13). The guard needs two claims of it, the user id and the
// session version, and reloads the user from the database anyway; so it decrypts the cookie once
// with the same key derivation Auth.js uses and keeps the claims of recent cookies in memory until
// their own expiry. Anything it cannot read this way (a rotated secret, a chunked cookie) goes the
// long way, through `auth()`.
import { decode } from "@auth/core/jwt";
import type { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookies";

/** The claims the guard needs, and when the cookie stops being valid (ms since the epoch). */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  expiresAt: number;
}

const MAX_ENTRIES = 5_000;

/** A small cache of decrypted cookies: a Map kept in insertion order, the oldest dropped first. */
export class SessionTokenReader {
  private readonly known = new Map<string, SessionClaims>();

  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The claims of a session cookie, or null when this reader cannot vouch for it (forged, expired,
   * another secret's, too long). A valid cookie is decrypted once while it is valid; the rest are not kept.
   */
  async read(name: (typeof SESSION_COOKIE_NAMES)[number], token: string): Promise<SessionClaims | null> {
    const key = `${name}\u0000${token}`;
    const known = this.known.get(key);
    if (known && known.expiresAt > this.now()) return known;
    if (known) this.known.delete(key);
    const claims = await this.decrypt(name, token);
    if (!claims || claims.expiresAt <= this.now()) return null;
    if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, claims);
    return claims;
  }

  private async decrypt(name: string, token: string): Promise<SessionClaims | null> {
    if (token.length > 4096) return null;
    try {
      const payload = await decode({ token, secret: this.secret, salt: name });
      if (!payload || typeof payload.uid !== "string" || typeof payload.exp !== "number") return null;
      return { userId: payload.uid, sessionVersion: typeof payload.sv === "number" ? payload.sv : 0, expiresAt: payload.exp * 1000 };
    } catch {
      return null;
    }
  }
}
