// Credential checks behind next-auth's `authorize`: rate limited per email and
// per address, the same answer whether or not the email exists, every attempt
// recorded.
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "@/db";
import { countAll } from "@/db/sql";
import { accounts, signInAttempts, users } from "@/db/schema";
import type { Role } from "@/db/enums";
import { recordAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/accounts/validations";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failed attempts per email within the window before further attempts are refused. */
  perEmail: 5,
  /** Failed attempts per client address within the window. */
  perAddress: 30,
};

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  accountId: string;
}

export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "rate_limited" };

async function recentFailures(db: Db, column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) {
  const since = new Date(now().getTime() - SIGN_IN_LIMITS.windowMs);
  const [row] = await db
    .select({ n: countAll() })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since)));
  return row?.n ?? 0;
}

export async function authenticate(db: Db, raw: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const [byEmail, byAddress] = await Promise.all([
    recentFailures(db, signInAttempts.email, email),
    recentFailures(db, signInAttempts.ip, ip),
  ]);
  if (byEmail >= SIGN_IN_LIMITS.perEmail || byAddress >= SIGN_IN_LIMITS.perAddress) {
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
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));

  // Always run one hash comparison, so an unknown email takes as long as a wrong password.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const succeeded = Boolean(user && passwordMatches && !user.disabledAt);

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ id: newId("sia"), email, ip, succeeded, at: now() });
    await recordAudit(
      tx,
      { userId: user?.id ?? null, role: user?.role ?? null, accountId: user?.accountId ?? null, ip },
      { action: "auth.sign_in", objectType: "email", objectId: email, outcome: succeeded ? "success" : "failure" },
    );
  });

  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId } };
}
