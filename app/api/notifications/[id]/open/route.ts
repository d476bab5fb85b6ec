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

/** Opens a notification: marks it read (own account only) and goes where it points. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
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
