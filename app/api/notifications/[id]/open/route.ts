import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { recordDenied } from "@/lib/audit";
import { actorOf, checkPermission } from "@/lib/auth/authorize";
import { currentUser } from "@/lib/auth/guard";
import { areaForRole } from "@/lib/auth/permissions";
import { openNotification } from "@/lib/notifications/notify";

/** Opens a notification: marks it read (own account only) and goes where it points. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL("/sign-in", request.url));
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
  return NextResponse.redirect(new URL(target, request.url), 303);
}
