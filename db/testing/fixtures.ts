// Small builders for integration tests: accounts and users of each role.
import type { Db } from "@/db";
import type { AccountType, Role } from "@/db/enums";
import { createAccount, createUser } from "@/lib/accounts/accounts";
import { hashPassword } from "@/lib/auth/password";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "test-password-123";

export async function makeUser(db: Db, role: Role, name = `${role} org`) {
  const type: AccountType = role === "rep" ? "marketplace" : role;
  const passwordHash = await (cachedHash ??= hashPassword(TEST_PASSWORD));
  return db.transaction(async (tx) => {
    const account = await createAccount(tx, { type, name });
    const user = await createUser(tx, {
      accountId: account.id,
      email: `${role}-${account.id}@test.example`,
      name: `${role} user`,
      role,
      passwordHash,
    });
    return { ...user, accountName: account.name, accountType: account.type };
  });
}
