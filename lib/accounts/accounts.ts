// Accounts and users: sign-up, the seed and the create-rep command all create
// them here, in the caller's transaction. Callers hash passwords before the
// transaction (scrypt takes ~50 ms and need not hold the write lock).
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { isUniqueViolation } from "@/db";
import { accounts, users } from "@/db/schema";
import type { AccountType, Role } from "@/db/enums";
import { recordAudit, type Actor } from "@/lib/audit";
import { now } from "@/lib/clock";
import { newId, randomAccountId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/password";
import { hit } from "@/lib/auth/throttle";
import { fail, fieldErrorsOf, INVALID_INPUT, ok, type ActionResult } from "@/lib/result";
import { signUpSchema } from "@/lib/accounts/validations";

const ROLE_FOR_ACCOUNT: Record<Exclude<AccountType, "marketplace">, Role> = {
  isv: "isv",
  partner: "partner",
  customer: "customer",
};

export async function createAccount(tx: Tx, input: { type: AccountType; name: string; id?: string }) {
  let id = input.id;
  while (!id) {
    const candidate = randomAccountId();
    const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, candidate));
    if (!taken) id = candidate;
  }
  const [account] = await tx
    .insert(accounts)
    .values({ id, type: input.type, name: input.name, createdAt: now() })
    .returning();
  return account;
}

export async function createUser(
  tx: Tx,
  input: { accountId: string; email: string; name: string; role: Role; passwordHash: string },
) {
  const [user] = await tx
    .insert(users)
    .values({
      id: newId("usr"),
      accountId: input.accountId,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: now(),
    })
    .returning({ id: users.id, email: users.email, role: users.role, accountId: users.accountId, name: users.name });
  return user;
}

export async function emailTaken(db: Db | Tx, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return Boolean(row);
}

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";
const SIGN_UP_THROTTLED = "Too many sign-ups from your network. Try again in an hour.";

export const SIGN_UP_LIMITS = {
  windowMs: 60 * 60 * 1000,
  /** Sign-up attempts per address per hour. */
  perAddress: 20,
  /** Answers of "this email is taken" per address per hour. */
  takenPerAddress: 3,
};

async function takenEmail(db: Db, address: string, at: Date) {
  const taken = await hit(db, [`signup:taken:${address}`], SIGN_UP_LIMITS.windowMs, at);
  if (taken.get(`signup:taken:${address}`)! > SIGN_UP_LIMITS.takenPerAddress) return fail(SIGN_UP_THROTTLED);
  return fail(INVALID_INPUT, { email: [EMAIL_TAKEN] });
}

/** Self-service sign-up: a new ISV, partner or customer account with its first user. */
export async function signUp(
  db: Db,
  raw: unknown,
  ip: string | null,
): Promise<ActionResult<{ userId: string; accountId: string; role: Role; email: string }>> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return fail(INVALID_INPUT, fieldErrorsOf(parsed.error));
  const input = parsed.data;
  // Sign-ups are throttled per address, and an address that keeps hitting taken emails is
  // stopped sooner: finding out which emails have accounts costs real addresses, not a loop.
  const at = now();
  const address = ip ?? "unknown";
  const attempts = await hit(db, [`signup:ip:${address}`], SIGN_UP_LIMITS.windowMs, at);
  if (attempts.get(`signup:ip:${address}`)! > SIGN_UP_LIMITS.perAddress) return fail(SIGN_UP_THROTTLED);
  // The hash comes first, so a taken email answers no faster than a new one.
  const passwordHash = await hashPassword(input.password);
  if (await emailTaken(db, input.email)) return takenEmail(db, address, at);
  try {
    const user = await db.transaction(async (tx) => {
      const account = await createAccount(tx, { type: input.accountType, name: input.organizationName });
      const created = await createUser(tx, {
        accountId: account.id,
        email: input.email,
        name: input.name,
        role: ROLE_FOR_ACCOUNT[input.accountType],
        passwordHash,
      });
      const actor: Actor = { userId: created.id, role: created.role, accountId: account.id, ip };
      await recordAudit(tx, actor, {
        action: "account.sign_up",
        objectType: "account",
        objectId: account.id,
        after: { type: account.type, name: account.name, email: created.email },
      });
      return created;
    });
    return ok({ userId: user.id, accountId: user.accountId, role: user.role, email: user.email });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if (isUniqueViolation(error)) return takenEmail(db, address, at);
    throw error;
  }
}
