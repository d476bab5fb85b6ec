// Sessions the server can end. A session (a signed JWT cookie) carries the
// user's session version; the guard reloads the user on every request and
// refuses a session whose version is no longer the user's. Signing out, a new
// password and disabling the user each bump the version: every session of that
// user ends at once, on every instance.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users } from "@/db/schema";
import { changePasswordSchema } from "@/lib/accounts/password-schema";
import { defineOperation, InvalidInput, Refused } from "@/lib/actions/operation";
import { recordAudit, type Actor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hit } from "@/lib/auth/throttle";
import { now } from "@/lib/clock";

export async function endSessions(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** Sign-out: ends every session of the user, recorded. */
export async function signOutEverywhere(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await endSessions(tx, userId);
    await recordAudit(tx, actor, { action: "auth.sign_out", objectType: "user", objectId: userId });
  });
}

/** Disables a user: it cannot sign in, and its open sessions end now. */
export async function disableUser(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: now() }).where(eq(users.id, userId));
    await endSessions(tx, userId);
    await recordAudit(tx, actor, { action: "user.disable", objectType: "user", objectId: userId });
  });
}

const ATTEMPTS = { max: 5, windowMs: 15 * 60 * 1000 };

/** A new password for the signed-in user; every session of the user ends (it signs in again). */
export const changePassword = defineOperation("account.password", changePasswordSchema, async (ctx, input) => {
  // The current-password check is a password guess like any other: throttled per user.
  const tries = await hit(ctx.db, [`password:user:${ctx.user.id}`], ATTEMPTS.windowMs, now());
  if (tries.get(`password:user:${ctx.user.id}`)! > ATTEMPTS.max) throw new Refused("Too many attempts. Wait 15 minutes and try again.");
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.user.id));
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new InvalidInput({ currentPassword: ["This is not your current password"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.user.id));
    await endSessions(tx, ctx.user.id);
    await ctx.audit(tx, { action: "account.password", objectType: "user", objectId: ctx.user.id });
  });
  return { changed: true };
});
