import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { recordDenied } from "@/lib/audit";
import { actorOf, checkPermission } from "@/lib/auth/authorize";
import { currentUser } from "@/lib/auth/guard";
import { areaForRole } from "@/lib/auth/permissions";
import { openNotification } from "@/lib/notifications/notify";

/**
 * A relative Location: the browser resolves it against the address it used, so the
 * session cookie (set for that host) goes along. `request.url` may name another host.
 */
function seeOther(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}

/** Reading changes nothing: opening marks the notification read, so it is a POST. */
export function GET() {
  return new NextResponse("Method not allowed: open a notification with POST.", { status: 405, headers: { Allow: "POST" } });
}

/** A form from another site is not one of ours (the session cookie is SameSite=Lax as well). */
function crossSite(request: NextRequest) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Opens a notification: marks it read (own account only) and goes where it points. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (crossSite(request)) return new NextResponse("Forbidden", { status: 403 });
  const user = await currentUser();
  if (!user) return seeOther("/sign-in");
  const db = getDb();
  if (!(await checkPermission(db, user, "notifications.read", undefined, user.ip))) return new NextResponse("Not found", { status: 404 });
  const { id } = await params;
  const opened = await openNotification(db, user.accountId, id);
  if (!opened) {
    await recordDenied(db, actorOf(user), { action: "notifications.read", objectType: "notification", objectId: id });
    return new NextResponse("Not found", { status: 404 });
  }
  const fallback = `/${areaForRole(user.role).slug}/notifications`;
  const target = opened.href && /^\/(?![/\\])/.test(opened.href) ? opened.href : fallback;
  return seeOther(target);
}
