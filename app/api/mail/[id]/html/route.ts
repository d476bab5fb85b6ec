import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { recordDenied } from "@/lib/audit";
import { actorOf } from "@/lib/auth/authorize";
import { currentUser } from "@/lib/auth/guard";
import { MAIL_HTML_POLICY } from "@/lib/outbox/mail-policy";
import { readMail } from "@/lib/outbox/service";

/**
 * The HTML part of an e-mail, as sent, for its recipient (or a rep). Served as a
 * document of its own under a policy that runs nothing and loads nothing: the
 * mail's inline styles apply, scripts, forms and remote content do not.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new NextResponse("Sign in to read your mail.", { status: 401 });
  const { id } = await params;
  const mail = await readMail(getDb(), user, id);
  if (!mail) {
    await recordDenied(getDb(), actorOf(user), { action: "mail.read", objectType: "mail_message", objectId: id });
    return new NextResponse("Not found", { status: 404 });
  }
  return new NextResponse(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": MAIL_HTML_POLICY,
      "Cache-Control": "private, no-store",
    },
  });
}
