import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listNotifications } from "@/lib/notifications/notify";
import { mailForEvents } from "@/lib/outbox/service";
import { cn } from "@/lib/utils";

const PAGE_SIZE = 20;

/** The notifications inbox of any area; opening an item marks it read. */
export async function NotificationsPage({ base, page: rawPage }: { base: string; page?: string }) {
  const user = await requirePermission("notifications.read");
  const page = Math.max(1, Math.min(10_000, Number.parseInt(rawPage ?? "1", 10) || 1));
  const { rows, total, capped } = await listNotifications(getDb(), user.accountId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  // Counted up to a cap: past it the last page is not known, only that there are more than that many.
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const last = capped ? rows.length < PAGE_SIZE : page >= pages;
  // Each notification is also an outbox event (same id): link the e-mail it produced for this user.
  const mail = await mailForEvents(getDb(), user.id, rows.map((n) => n.id));
  return (
    <>
      <PageHeader title="Notifications" description="Everything that happened to your account's invitations, offers and money." />
      {total === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">
          No notifications yet. When someone invites you, accepts, declines or pays, it shows up here.
        </p>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
          {rows.map((n) => (
            <li key={n.id}>
              {/* Opening marks the item read: a POST, never a link that a prefetch or a crawler could follow. */}
              <form method="post" action={`/api/notifications/${n.id}/open`}>
              <button type="submit" className="flex w-full cursor-pointer gap-3 px-4 py-3 text-left hover:bg-slate-50" data-unread={n.readAt ? undefined : "true"}>
                <span aria-hidden className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-brand-500")} />
                <span className="grid gap-0.5">
                  <span className={cn("text-sm", !n.readAt && "font-semibold")}>
                    {n.title}
                    {!n.readAt ? <span className="sr-only"> (unread)</span> : null}
                  </span>
                  <span className="text-sm text-muted">{n.body}</span>
                  <span className="text-xs text-muted">{n.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
                </span>
              </button>
              </form>
              {mail.has(n.id) ? (
                <Link className="ml-9 mb-3 inline-block text-xs text-brand-700 underline" href={`${base.replace(/\/notifications$/, "")}/mail/${mail.get(n.id)}`}>
                  Read the e-mail
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 || page > 1 ? (
        <div className="mt-4 flex items-center gap-2 text-sm">
          <Button asChild variant="secondary" size="sm" className={cn(page <= 1 && "pointer-events-none opacity-50")}>
            <Link href={`${base}?page=${page - 1}`}>Previous page</Link>
          </Button>
          <span>
            Page {page} of {capped ? `${Math.max(pages, page)}+` : pages}
          </span>
          <Button asChild variant="secondary" size="sm" className={cn(last && "pointer-events-none opacity-50")}>
            <Link href={`${base}?page=${page + 1}`}>Next page</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}
