import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/shell/app-shell";
import { requireArea } from "@/lib/auth/guard";
import { AREAS, type AreaSlug } from "@/lib/auth/permissions";
import { signOutAction } from "@/app/(auth)/actions";

/** Navigation of each role area. */
export const AREA_NAV: Record<AreaSlug, readonly NavItem[]> = {
  vendor: [
    { href: "/vendor", label: "Home", exact: true },
    { href: "/vendor/products", label: "Products" },
    { href: "/vendor/invitations", label: "Invitations" },
    { href: "/vendor/opportunities", label: "Opportunities" },
    { href: "/vendor/channel", label: "Channel" },
    { href: "/vendor/reports", label: "Reports" },
    { href: "/vendor/money", label: "Money" },
    { href: "/vendor/registration", label: "Seller registration" },
    { href: "/vendor/developers", label: "Developers" },
    { href: "/vendor/notifications", label: "Notifications" },
    { href: "/vendor/account", label: "Account" },
  ],
  partner: [
    { href: "/partner", label: "Home", exact: true },
    { href: "/partner/invitations", label: "Invitations" },
    { href: "/partner/authorized", label: "Authorized products" },
    { href: "/partner/offers", label: "Private offers" },
    { href: "/partner/opportunities", label: "Opportunities" },
    { href: "/partner/sales", label: "Sales" },
    { href: "/partner/reports", label: "Reports" },
    { href: "/partner/money", label: "Money" },
    { href: "/partner/registration", label: "Seller registration" },
    { href: "/partner/developers", label: "Developers" },
    { href: "/partner/notifications", label: "Notifications" },
    { href: "/partner/account", label: "Account" },
  ],
  buyer: [
    { href: "/buyer", label: "Home", exact: true },
    { href: "/buyer/offers", label: "Offers for you" },
    { href: "/buyer/subscriptions", label: "Subscriptions" },
    { href: "/buyer/bills", label: "Bills" },
    { href: "/buyer/spend", label: "Spend" },
    { href: "/buyer/notifications", label: "Notifications" },
    { href: "/buyer/account", label: "Account" },
  ],
  marketplace: [
    { href: "/marketplace", label: "Home", exact: true },
    { href: "/marketplace/search", label: "Find" },
    { href: "/marketplace/deals", label: "Discount requests" },
    { href: "/marketplace/billing", label: "Billing" },
    { href: "/marketplace/bills", label: "Bills" },
    { href: "/marketplace/disbursements", label: "Disbursements" },
    { href: "/marketplace/schedule", label: "Schedule" },
    { href: "/marketplace/reports", label: "Reports" },
    { href: "/marketplace/ledger", label: "Trial balance" },
    { href: "/marketplace/fees", label: "Listing fees" },
    { href: "/marketplace/outbox", label: "Outbox" },
    { href: "/marketplace/developers", label: "Developers" },
    { href: "/marketplace/notifications", label: "Notifications" },
    { href: "/marketplace/account", label: "Account" },
  ],
};

/** The guarded layout of a role area; each page checks again (layouts are not a boundary). */
export async function AreaLayout({ slug, children }: { slug: AreaSlug; children: ReactNode }) {
  const user = await requireArea(slug);
  const area = AREAS.find((a) => a.slug === slug);
  return (
    <AppShell
      areaLabel={area?.label ?? slug}
      user={user}
      nav={AREA_NAV[slug]}
      signOut={signOutAction}
      notifications={{ href: `/${slug}/notifications`, unread: user.unread }}
    >
      {children}
    </AppShell>
  );
}
