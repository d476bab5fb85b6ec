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

import { count } from "drizzle-orm";
import * as schema from "@/db/schema";
import { sellerRegistrations } from "@/db/schema";
import { loadUser, type CurrentUser } from "@/lib/auth/authorize";

/** A user as the guard would load it, ready to pass to an operation. */
export async function makeActor(db: Db, role: Role, options: { registered?: boolean; name?: string } = {}): Promise<CurrentUser> {
  const user = await makeUser(db, role, options.name);
  if (options.registered) await registerSeller(db, user.accountId);
  const loaded = await loadUser(db, user.id, "10.2.0.1");
  if (!loaded) throw new Error("fixture user did not load");
  return loaded;
}

/** A complete seller registration, written directly (the wizard has its own tests). */
export async function registerSeller(db: Db, accountId: string) {
  const at = new Date();
  await db.transaction((tx) =>
    tx.insert(sellerRegistrations).values({
      accountId,
      legalName: "Fixture LLC",
      country: "US",
      bankType: "us_ach",
      bankRoutingNumber: "021000021",
      bankAccountNumber: "000123456789",
      bankLast4: "6789",
      disbursementCurrency: "USD",
      disbursementSchedule: "daily",
      taxForm: "W-9",
      taxId: "12-3456789",
      taxIdLast4: "6789",
      taxCountry: "US",
      profileCompletedAt: at,
      bankingCompletedAt: at,
      taxCompletedAt: at,
      updatedAt: at,
    }),
  );
}

/** Row counts of every table: "nothing written" means these are equal before and after. */
export async function tableCounts(db: Db, except: string[] = []): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(schema)) {
    if (except.includes(name)) continue;
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}
