// The permission check itself, free of Next.js so it is tested directly: reload
// the acting user (refusing disabled users), look the permission up in the
// table, and record a denied attempt.
import { eq, getTableName, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { qualified } from "@/db/sql";
import { accounts, notifications, users } from "@/db/schema";
import type { AccountType } from "@/db/enums";
import { recordDenied, type Actor } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/sign-in";

export interface CurrentUser extends SessionUser {
  accountName: string;
  accountType: AccountType;
  ip: string | null;
}

/** The bell counts unread notifications up to this many and shows "99+" beyond. */
export const UNREAD_COUNTED = 100;

/**
 * How many of the account's notifications are unread, counting no further than
 * UNREAD_COUNTED (an account that never reads them must not make every request
 * slower): read in the statement that reloads the user, so a page's shell costs one.
 */
const unreadOfUser = sql<number>`(select count(*) from (select 1 from ${notifications} where ${notifications.accountId} = ${qualified(getTableName(users), users.accountId)} and ${notifications.readAt} is null limit ${sql.raw(String(UNREAD_COUNTED))}) as unread)`.mapWith(Number);

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  accountId: users.accountId,
  disabledAt: users.disabledAt,
  sessionVersion: users.sessionVersion,
  accountName: accounts.name,
  accountType: accounts.type,
};

/**
 * The user as the database has it now, or null if missing, disabled, or — when
 * a session's version is given — if that session was ended since (sign-out, a
 * new password, disabling all bump the user's version).
 */
export async function loadUser(db: Db, userId: string, ip: string | null = null, session?: { version: number }): Promise<CurrentUser | null> {
  const [row] = await db.select(userColumns).from(users).innerJoin(accounts, eq(accounts.id, users.accountId)).where(eq(users.id, userId));
  const user = current(row, session);
  return user ? { ...user, ip } : null;
}

/** loadUser with the account's unread notifications (capped at UNREAD_COUNTED), in the same statement: a page's shell needs both. */
export async function loadUserWithUnread(
  db: Db,
  userId: string,
  ip: string | null = null,
  session?: { version: number },
): Promise<(CurrentUser & { unread: number }) | null> {
  const [row] = await db
    .select({ ...userColumns, unread: unreadOfUser })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  const user = current(row, session);
  return user ? { ...user, ip } : null;
}

/** The row without its disabled mark, or null if disabled or the session has ended since. */
function current<R extends { disabledAt: Date | null; sessionVersion: number }>(row: R | undefined, session?: { version: number }): Omit<R, "disabledAt"> | null {
  if (!row || row.disabledAt) return null;
  if (session && session.version !== row.sessionVersion) return null;
  const { disabledAt: _disabled, ...user } = row;
  return user;
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
