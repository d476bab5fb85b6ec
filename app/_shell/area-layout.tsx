import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/shell/app-shell";
import { requireArea } from "@/lib/auth/guard";
import { AREAS, type AreaSlug } from "@/lib/auth/permissions";
import { signOutAction } from "@/app/(auth)/actions";

/** Navigation of each role area. */
export const AREA_NAV: Record<AreaSlug, readonly NavItem[]> = {
  vendor: [{ href: "/vendor", label: "Home", exact: true }],
  partner: [{ href: "/partner", label: "Home", exact: true }],
  buyer: [{ href: "/buyer", label: "Home", exact: true }],
  marketplace: [{ href: "/marketplace", label: "Home", exact: true }],
};

/** The guarded layout of a role area; each page checks again (layouts are not a boundary). */
export async function AreaLayout({ slug, children }: { slug: AreaSlug; children: ReactNode }) {
  const user = await requireArea(slug);
  const area = AREAS.find((a) => a.slug === slug);
  return (
    <AppShell areaLabel={area?.label ?? slug} user={user} nav={AREA_NAV[slug]} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
