// Next.js glue for lib/auth/authorize.ts: every page, server action and route
// handler calls one of these itself (proxy.ts only redirects).
import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { recordDenied } from "@/lib/audit";
import { actorOf, checkPermission, loadUserWithUnread, type CurrentUser } from "@/lib/auth/authorize";
import { clientAddress } from "@/lib/auth/client-address";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookies";
import { SessionTokenReader } from "@/lib/auth/session-token";
import { AREAS, type AreaSlug, type Permission } from "@/lib/auth/permissions";

/**
 * The signed-in user, reloaded from the database once per request — with the
 * account's unread notifications for the shell's bell, in the same statement.
 */
export const currentUser = cache(async (): Promise<(CurrentUser & { unread: number }) | null> => {
  const session = await sessionClaims();
  if (!session) return null;
  return loadUserWithUnread(getDb(), session.userId, await requestAddress(), { version: session.sessionVersion });
});

let reader: SessionTokenReader | null = null;

/** Who the session cookie says is asking: read directly (lib/auth/session-token.ts), or by Auth.js when that cannot. */
async function sessionClaims(): Promise<{ userId: string; sessionVersion: number } | null> {
  const jar = await cookies();
  const secret = process.env.AUTH_SECRET;
  for (const name of [...SESSION_COOKIE_NAMES].reverse()) {
    const token = jar.get(name)?.value;
    if (!token || !secret) continue;
    reader ??= new SessionTokenReader(secret);
    const claims = await reader.read(name, token);
    if (claims) return claims;
  }
  // No session cookie at all (chunked ones are named "<name>.0", ".1", …): signed out.
  if (!jar.getAll().some((c) => SESSION_COOKIE_NAMES.some((name) => c.name.startsWith(name)))) return null;
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id, sessionVersion: session.user.sessionVersion ?? 0 } : null;
}

export async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}

/** For pages: sign in first, then "not found" unless the permission allows. */
export async function requirePermission(permission: Permission, object?: { type: string; id: string }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (!(await checkPermission(getDb(), user, permission, object, user.ip))) notFound();
  return user;
}

/** For detail pages: the object is missing or another tenant's — record the attempt, answer "not found". */
export async function deniedNotFound(user: CurrentUser, action: string, objectType: string, objectId: string): Promise<never> {
  await recordDenied(getDb(), actorOf(user), { action, objectType, objectId });
  notFound();
}

export async function requireArea(slug: AreaSlug): Promise<CurrentUser & { unread: number }> {
  const area = AREAS.find((a) => a.slug === slug);
  if (!area) notFound();
  return requirePermission(area.permission);
}
