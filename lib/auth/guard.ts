// Next.js glue for lib/auth/authorize.ts: every page, server action and route
// handler calls one of these itself (proxy.ts only redirects).
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { recordDenied } from "@/lib/audit";
import { actorOf, checkPermission, loadUser, type CurrentUser } from "@/lib/auth/authorize";
import { clientAddress } from "@/lib/auth/client-address";
import { AREAS, type AreaSlug, type Permission } from "@/lib/auth/permissions";

/** The signed-in user, reloaded from the database once per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadUser(getDb(), session.user.id, await requestAddress(), { version: session.user.sessionVersion ?? 0 });
});

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

export async function requireArea(slug: AreaSlug): Promise<CurrentUser> {
  const area = AREAS.find((a) => a.slug === slug);
  if (!area) notFound();
  return requirePermission(area.permission);
}
