import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { formatAccountId } from "@/lib/account-id";
import { NavLink } from "@/components/shell/nav-link";

export interface NavItem {
  href: string;
  label: string;
  exact?: boolean;
}

export interface ShellUser {
  name: string;
  email: string;
  accountName: string;
  accountId: string;
}

/** The frame of every role area: brand, account, navigation, sign-out. */
export function AppShell({
  areaLabel,
  user,
  nav,
  signOut,
  notifications,
  children,
}: {
  areaLabel: string;
  user: ShellUser;
  nav: readonly NavItem[];
  signOut: () => Promise<void>;
  notifications: { href: string; unread: number };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-line bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Link href={nav[0]?.href ?? "/"} className="flex items-center gap-2 font-semibold">
            <span className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs text-white">cp</span>
            <span className="hidden sm:inline">cppo-portal</span>
          </Link>
          <span className="rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{areaLabel}</span>
          <div className="ml-auto flex items-center gap-3">
            <Link
              href={notifications.href}
              className="relative grid h-9 w-9 place-items-center rounded-md text-slate-600 hover:bg-slate-100"
              aria-label={notifications.unread ? `Notifications, ${notifications.unread > 99 ? "more than 99" : notifications.unread} unread` : "Notifications"}
              data-testid="notification-bell"
            >
              <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              {notifications.unread ? (
                <span className="absolute -right-0.5 -top-0.5 grid min-w-5 place-items-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-5 text-white" data-testid="unread-count">
                  {notifications.unread > 99 ? "99+" : notifications.unread}
                </span>
              ) : null}
            </Link>
            <div className="hidden text-right leading-tight md:block">
              <p className="text-sm font-medium" data-testid="account-name">
                {user.accountName}
              </p>
              <p className="font-mono text-xs text-muted" data-testid="account-id">
                {formatAccountId(user.accountId)}
              </p>
            </div>
            <form action={signOut}>
              <Button type="submit" variant="secondary" size="sm" title={`Signed in as ${user.email}`}>
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      {/* One navigation for every width (drawn once per request, not twice): a row that scrolls
          sideways above the page on a phone, a column beside it from md up. */}
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-4 px-4 py-4 md:flex-row md:gap-6 md:py-6">
        <nav aria-label="Sections" className="-mx-4 flex gap-1 overflow-x-auto px-4 md:mx-0 md:w-52 md:shrink-0 md:flex-col md:overflow-visible md:px-0">
          {nav.map((item) => (
            <NavLink key={item.href} {...item} />
          ))}
        </nav>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}
