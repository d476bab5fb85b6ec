// Sign-in: real password hashes, rate limits per email and per address, every attempt audited.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents, signInAttempts, users } from "@/db/schema";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { setClock } from "@/lib/clock";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeUser, TEST_PASSWORD } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());
beforeEach(() => setClock(null));

let address = 0;
const freshAddress = () => `10.9.0.${++address}`;

describe(`sign-in on ${dialect}`, () => {
  it("accepts the right password and returns the session's user", async () => {
    const user = await makeUser(db, "partner");
    const outcome = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, freshAddress());
    expect(outcome).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: "partner", accountId: user.accountId, sessionVersion: 0 },
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.actorUserId, user.id)));
    expect(audit?.outcome).toBe("success");
  });

  it("answers a wrong password and an unknown email alike, and records both", async () => {
    const user = await makeUser(db, "isv");
    const ip = freshAddress();
    const wrong = await authenticate(db, { email: user.email, password: "not-the-password" }, ip);
    const unknown = await authenticate(db, { email: "nobody@test.example", password: "not-the-password" }, ip);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, ip));
    expect(attempts.map((a) => a.succeeded)).toEqual([false, false]);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.ip, ip));
    expect(audits.map((a) => a.outcome)).toEqual(["failure", "failure"]);
  });

  it("takes as long for an unknown email as for a wrong password (one hash either way)", async () => {
    const user = await makeUser(db, "customer");
    const time = async (email: string) => {
      const started = performance.now();
      await authenticate(db, { email, password: "not-the-password" }, freshAddress());
      return performance.now() - started;
    };
    const known = await time(user.email);
    const unknown = await time(`ghost-${user.accountId}@test.example`);
    // Both do one scrypt (~20–60 ms); without the dummy hash the unknown email would answer in ~1 ms.
    expect(unknown).toBeGreaterThan(known / 4);
  });

  it(`refuses an account from one address after ${SIGN_IN_LIMITS.perAccountAndAddress} failures there, and the owner elsewhere still signs in`, async () => {
    const user = await makeUser(db, "customer");
    const attacker = freshAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++) {
      expect(await authenticate(db, { email: user.email, password: `wrong-${i}` }, attacker)).toEqual({ ok: false, reason: "invalid" });
    }
    // From the attacker's address even the right password is refused until the window passes…
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, attacker)).toEqual({ ok: false, reason: "rate_limited" });
    const denied = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, user.email), eq(auditEvents.outcome, "denied")));
    expect(denied).toHaveLength(1);
    // …but the owner, elsewhere, is not locked out.
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, freshAddress())).ok).toBe(true);
    setClock(new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000));
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, attacker)).ok).toBe(true);
  });

  it(`counts atomically: 40 wrong passwords at once for one account get exactly ${SIGN_IN_LIMITS.perAccountAndAddress} password checks`, async () => {
    const user = await makeUser(db, "partner");
    const ip = freshAddress();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticate(db, { email: user.email, password: `wrong-${i}` }, ip)));
    const checked = await db.select().from(signInAttempts).where(and(eq(signInAttempts.email, user.email), eq(signInAttempts.ip, ip)));
    expect(checked).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate_limited")).toHaveLength(40 - SIGN_IN_LIMITS.perAccountAndAddress);
  });

  it(`slows an account down across many new addresses, never from an address the owner used before`, async () => {
    const user = await makeUser(db, "isv");
    const home = freshAddress();
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, home)).ok).toBe(true);
    // A distributed guess: one failure from each of many addresses.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountFromNewAddresses; i++) {
      expect(await authenticate(db, { email: user.email, password: `wrong-${i}` }, freshAddress())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(db, { email: user.email, password: "one-more-guess" }, freshAddress())).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, freshAddress())).toEqual({ ok: false, reason: "rate_limited" });
    // The owner's own address is never held by the others' guesses.
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, home)).ok).toBe(true);
  });

  it(`refuses an address after ${SIGN_IN_LIMITS.perAddress} failures across many emails`, async () => {
    const ip = freshAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await authenticate(db, { email: `spray-${i}@test.example`, password: "guess-guess" }, ip);
    }
    const user = await makeUser(db, "isv");
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, ip)).toEqual({ ok: false, reason: "rate_limited" });
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, freshAddress())).ok).toBe(true);
  });

  it("does not count successful sign-ins against an address (an office behind one address signs in all day)", async () => {
    const ip = freshAddress();
    const user = await makeUser(db, "customer");
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 5; i++) expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, ip)).ok).toBe(true);
  });

  it("refuses a disabled user", async () => {
    const user = await makeUser(db, "partner");
    await db.transaction((tx) => tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id)));
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("treats malformed input as a failed sign-in, not an error", async () => {
    for (const input of [null, {}, { email: 42, password: [] }, { email: "x".repeat(2_000_000), password: "p" }, { email: "a@b.c' or 1=1 --", password: "x" }]) {
      expect(await authenticate(db, input, freshAddress())).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
