import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { SessionTokenReader } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-a-test-secret-a-test-secret";
const NAME = "authjs.session-token";

async function cookie(claims: Record<string, unknown>, { secret = SECRET, salt = NAME, maxAge = 3600 } = {}) {
  return encode({ token: claims, secret, salt, maxAge });
}

describe("SessionTokenReader", () => {
  it("reads the user id and session version Auth.js put in the cookie", async () => {
    const reader = new SessionTokenReader(SECRET);
    const claims = await reader.read(NAME, await cookie({ uid: "usr_1", sv: 3, role: "isv" }));
    expect(claims).toMatchObject({ userId: "usr_1", sessionVersion: 3 });
    expect(claims!.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("reads a cookie from before session versions as version 0", async () => {
    const reader = new SessionTokenReader(SECRET);
    expect(await reader.read(NAME, await cookie({ uid: "usr_1" }))).toMatchObject({ userId: "usr_1", sessionVersion: 0 });
  });

  it("refuses another secret's cookie, another cookie name's, a cookie without a user, and junk", async () => {
    const reader = new SessionTokenReader(SECRET);
    expect(await reader.read(NAME, await cookie({ uid: "usr_1" }, { secret: "another-secret-another-secret-another-sec" }))).toBeNull();
    // The name is the key derivation's salt: a token minted for the other name does not read here.
    expect(await reader.read(NAME, await cookie({ uid: "usr_1" }, { salt: "__Secure-authjs.session-token" }))).toBeNull();
    expect(await reader.read(NAME, await cookie({ role: "rep" }))).toBeNull();
    expect(await reader.read(NAME, "not.a.token.at.all")).toBeNull();
    expect(await reader.read(NAME, "x".repeat(5000))).toBeNull();
  });

  it("refuses an expired cookie, also after it was read while valid", async () => {
    let now = Date.now();
    const reader = new SessionTokenReader(SECRET, () => now);
    const token = await cookie({ uid: "usr_1" }, { maxAge: 60 });
    expect(await reader.read(NAME, token)).not.toBeNull();
    now += 61_000;
    expect(await reader.read(NAME, token)).toBeNull();
    expect(await new SessionTokenReader(SECRET).read(NAME, await cookie({ uid: "usr_1" }, { maxAge: -60 }))).toBeNull();
  });

  it("decrypts a cookie once while it is valid", async () => {
    const reader = new SessionTokenReader(SECRET);
    const token = await cookie({ uid: "usr_1", sv: 1 });
    const first = await reader.read(NAME, token);
    expect(await reader.read(NAME, token)).toBe(first);
    // A changed byte is another cookie: decrypted (and refused) on its own.
    const tampered = token.slice(0, -3) + (token.endsWith("A") ? "BBB" : "AAA");
    expect(await reader.read(NAME, tampered)).toBeNull();
  });
});
