// Sessions the server can end: sign-out, a new password and disabling a user end
// every session of that user at once (the guard reloads the user on each request).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { changePassword, disableUser, signOutEverywhere } from "@/lib/accounts/sessions";
import { SYSTEM } from "@/lib/audit";
import { actorOf, loadUser } from "@/lib/auth/authorize";
import { authenticate } from "@/lib/auth/sign-in";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, TEST_PASSWORD } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

/** What a session cookie carries: the version it was issued under. */
async function sessionOf(email: string, password = TEST_PASSWORD) {
  const outcome = await authenticate(db, { email, password }, `10.7.0.${Math.floor(Math.random() * 250)}`);
  if (!outcome.ok) throw new Error("sign-in failed");
  return { userId: outcome.user.id, version: outcome.user.sessionVersion };
}

const stillValid = async (s: { userId: string; version: number }) => Boolean(await loadUser(db, s.userId, null, { version: s.version }));

describe(`sessions on ${dialect}`, () => {
  it("sign-out ends every session of the user, on every device", async () => {
    const user = await makeActor(db, "partner");
    const laptop = await sessionOf(user.email);
    const phone = await sessionOf(user.email);
    expect(await stillValid(laptop)).toBe(true);
    await signOutEverywhere(db, actorOf(user), user.id);
    expect(await stillValid(laptop)).toBe(false);
    expect(await stillValid(phone)).toBe(false);
    // A new sign-in works, with a new version.
    expect(await stillValid(await sessionOf(user.email))).toBe(true);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_out"));
    expect(audit).toMatchObject({ actorUserId: user.id, objectId: user.id });
  });

  it("a new password ends every session; a wrong current password is a field error and changes nothing", async () => {
    const user = await makeActor(db, "customer");
    const session = await sessionOf(user.email);
    expect(await changePassword(db, user, { currentPassword: "not-it-at-all", newPassword: "brand-new-password-1", confirmPassword: "brand-new-password-1" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["This is not your current password"] },
    });
    expect(await stillValid(session)).toBe(true);
    expect(await changePassword(db, user, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" })).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.any(String)] } });
    expect(await changePassword(db, user, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-1", confirmPassword: "brand-new-password-1" })).toEqual({ ok: true, data: { changed: true } });
    expect(await stillValid(session)).toBe(false);
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.7.1.1")).ok).toBe(false);
    expect((await authenticate(db, { email: user.email, password: "brand-new-password-1" }, "10.7.1.1")).ok).toBe(true);
  });

  it("throttles guesses at the current password", async () => {
    const user = await makeActor(db, "isv");
    for (let i = 0; i < 5; i++) await changePassword(db, user, { currentPassword: `guess-${i}`, newPassword: "brand-new-password-2", confirmPassword: "brand-new-password-2" });
    expect(await changePassword(db, user, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-2", confirmPassword: "brand-new-password-2" })).toEqual({
      ok: false,
      error: "Too many attempts. Wait 15 minutes and try again.",
    });
  });

  it("disabling a user ends its sessions and refuses it everywhere", async () => {
    const user = await makeActor(db, "rep");
    const session = await sessionOf(user.email);
    await disableUser(db, SYSTEM, user.id);
    expect(await stillValid(session)).toBe(false);
    expect(await loadUser(db, user.id)).toBeNull();
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "10.7.2.1")).ok).toBe(false);
    expect(await changePassword(db, null, { currentPassword: "x", newPassword: "y".repeat(12), confirmPassword: "y".repeat(12) })).toEqual({ ok: false, error: NOT_FOUND });
    const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row!.v).toBe(1);
  });
});
