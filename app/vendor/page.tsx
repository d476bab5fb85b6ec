import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requireArea } from "@/lib/auth/guard";
import { ArrivalNotice } from "@/app/_shell/arrival-notice";
import { vendorHome } from "@/lib/dashboard/queries";
import { dealTasks } from "@/lib/deals/queries";
import { formatMoney } from "@/lib/money";
import { reportByMonth } from "@/lib/reports/queries";
import { lastTwelveMonths } from "@/lib/reports/filters";
import { now } from "@/lib/clock";
import { HomeChart } from "@/app/_reports/home-chart";
import { REGISTRATION_LABELS } from "@/lib/sellers/registration";

export const metadata: Metadata = { title: "Vendor console" };

export default async function VendorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("vendor");
  const [figures, decisions, months] = await Promise.all([
    vendorHome(getDb(), user.accountId),
    dealTasks(getDb(), { role: "isv", accountId: user.accountId }),
    reportByMonth(getDb(), { role: "isv", accountId: user.accountId }, lastTwelveMonths(now())),
  ]);
  const complete = figures.registration.status === "complete";
  return (
    <>
      <ArrivalNotice searchParams={searchParams} accountName={user.accountName} />
      <PageHeader
        title={user.accountName}
        description={<>Account {formatAccountId(user.accountId)} · signed in as {user.email}</>}
        actions={<Badge tone={complete ? "good" : "warn"}>{REGISTRATION_LABELS[figures.registration.status]}</Badge>}
      />
      {!complete ? (
        <Callout tone="warn" className="mb-6">
          Your seller registration is incomplete ({figures.registration.completedSteps} of 3 steps). You can list
          products, but you cannot invite partners to resell until profile, banking and tax are done.{" "}
          <Link href="/vendor/registration" className="font-medium underline">
            Complete seller registration
          </Link>
        </Callout>
      ) : null}
      {decisions > 0 ? (
        <Callout tone="info" className="mb-6" data-testid="decision-tasks">
          {decisions === 1 ? "A partner registered an opportunity" : `Partners registered ${decisions} opportunities`} that {decisions === 1 ? "waits" : "wait"} for your decision.{" "}
          <Link href="/vendor/opportunities?stage=registered" className="font-medium underline">
            Review {decisions === 1 ? "it" : "them"}
          </Link>
        </Callout>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Stat label="Products" value={figures.products} hint={`${figures.pricingDimensions} pricing dimensions`} />
        <Stat label="Authorized partners" value={figures.authorizedPartners} />
        <Stat label="Pending invitations" value={figures.pendingInvitations} />
        <Stat label="Wholesale billed to date" value={formatMoney(figures.wholesaleRevenueCents)} hint="your products' charges so far, at wholesale, through partners" />
        <Stat label="Listing fees billed to date" value={formatMoney(figures.listingFeesCents)} hint="the marketplace's fee on those charges" />
        <Stat
          label="Net billed to date"
          value={formatMoney(figures.wholesaleRevenueCents - figures.listingFeesCents)}
          hint="wholesale billed less listing fees: what you are paid as customers pay"
        />
      </div>
      <HomeChart title="Net revenue by month" bars={months.map((m) => ({ label: m.period, cents: m.isvShareCents }))} href="/vendor/reports" linkText="Channel report →" />
    </>
  );
}
