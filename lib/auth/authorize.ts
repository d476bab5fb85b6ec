// The permission check itself, free of Next.js so it is tested directly: reload
// the acting user (refusing disabled users), look the permission up in the
// table, and record a denied attempt.
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import type { AccountType } from "@/db/enums";
import { recordDenied, type Actor } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/sign-in";

export interface CurrentUser extends SessionUser {
  accountName: string;
  accountType: AccountType;
  ip: string | null;
}

/**
 * The user as the database has it now, or null if missing, disabled, or — when
 * a session's version is given — if that session was ended since (sign-out, a
 * new password, disabling all bump the user's version).
 */
export async function loadUser(db: Db, userId: string, ip: string | null = null, session?: { version: number }): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      accountId: users.accountId,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      accountName: accounts.name,
      accountType: accounts.type,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  if (!row || row.disabledAt) return null;
  if (session && session.version !== row.sessionVersion) return null;
  const { disabledAt: _disabled, ...user } = row;
  return { ...user, ip };
}

export function actorOf(user: CurrentUser | null, ip: string | null = null): Actor {
  return user
    ? { userId: user.id, role: user.role, accountId: user.accountId, ip: user.ip ?? ip }
    : { userId: null, role: null, accountId: null, ip };
}

/** True when allowed; otherwise records the denied attempt and returns false. */
export async function checkPermission(
  db: Db,
  user: CurrentUser | null,
  permission: Permission,
  object?: { type: string; id: string },
  ip: string | null = null,
): Promise<boolean> {
  if (user && can(user.role, permission)) return true;
  await recordDenied(db, actorOf(user, ip), { action: permission, objectType: object?.type, objectId: object?.id });
  return false;
}
