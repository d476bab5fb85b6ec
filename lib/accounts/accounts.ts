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

/** Self-service sign-up: a new ISV, partner or customer account with its first user. */
export async function signUp(
  db: Db,
  raw: unknown,
  ip: string | null,
): Promise<ActionResult<{ userId: string; accountId: string; role: Role; email: string }>> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return fail(INVALID_INPUT, fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (await emailTaken(db, input.email)) return fail(INVALID_INPUT, { email: [EMAIL_TAKEN] });
  const passwordHash = await hashPassword(input.password);
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
    if (isUniqueViolation(error)) return fail(INVALID_INPUT, { email: [EMAIL_TAKEN] });
    throw error;
  }
}
