// Credential checks behind next-auth's `authorize`, throttled as OWASP's
// authentication guidance describes: counted atomically before the password
// is checked (lib/auth/throttle.ts), per account × address (an attacker
// elsewhere cannot lock the owner out), per address, and per account across
// addresses only for addresses the account has not signed in from before.
// The answer is the same whether or not the email exists, and every attempt
// is recorded.
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, signInAttempts, users } from "@/db/schema";
import type { Role } from "@/db/enums";
import { recordAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { hit, clear, release } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/accounts/validations";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failed attempts for one account from one address. */
  perAccountAndAddress: 5,
  /** Failed attempts from one address, whatever the accounts. */
  perAddress: 30,
  /** Failed attempts for one account from addresses it has never signed in from. */
  perAccountFromNewAddresses: 20,
  /** An address the account signed in from within this long is "known". */
  knownAddressMs: 90 * 86_400_000,
};

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  accountId: string;
  /** The version sessions are issued under (see users.sessionVersion). */
  sessionVersion: number;
}

export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "rate_limited" };

async function knownAddress(db: Db, email: string, ip: string, at: Date) {
  const [row] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, true), gte(signInAttempts.at, new Date(at.getTime() - SIGN_IN_LIMITS.knownAddressMs))))
    .limit(1);
  return Boolean(row);
}

export async function authenticate(db: Db, raw: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const at = now();
  const keys = { accountAndAddress: `signin:acct-ip:${email}|${ip}`, address: `signin:ip:${ip}`, account: `signin:acct:${email}` };

  // Each attempt takes its place in the counters before any password is checked.
  const counts = await hit(db, Object.values(keys), SIGN_IN_LIMITS.windowMs, at);
  const over =
    counts.get(keys.accountAndAddress)! > SIGN_IN_LIMITS.perAccountAndAddress ||
    counts.get(keys.address)! > SIGN_IN_LIMITS.perAddress ||
    (counts.get(keys.account)! > SIGN_IN_LIMITS.perAccountFromNewAddresses && !(await knownAddress(db, email, ip, at)));
  if (over) {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: null, role: null, accountId: null, ip },
        { action: "auth.sign_in", objectType: "email", objectId: email, outcome: "denied", after: { reason: "rate_limited" } },
      ),
    );
    return { ok: false, reason: "rate_limited" };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      accountId: users.accountId,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));

  // Always run one hash comparison, so an unknown email takes as long as a wrong password.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const succeeded = Boolean(user && passwordMatches && !user.disabledAt);

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ id: newId("sia"), email, ip, succeeded, at });
    await recordAudit(
      tx,
      { userId: user?.id ?? null, role: user?.role ?? null, accountId: user?.accountId ?? null, ip },
      { action: "auth.sign_in", objectType: "email", objectId: email, outcome: succeeded ? "success" : "failure" },
    );
  });

  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  // A success is not a failure to count: this address starts over for this account.
  await clear(db, [keys.accountAndAddress]);
  await release(db, [keys.address, keys.account]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId, sessionVersion: user.sessionVersion } };
}
