import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import { requireArea } from "@/lib/auth/guard";
import { marketplaceHome } from "@/lib/dashboard/queries";
import { dealTasks } from "@/lib/deals/queries";
import { formatMoney } from "@/lib/money";
import { HomeChart } from "@/app/_reports/home-chart";
import { now } from "@/lib/clock";
import { EMPTY_FILTER, lastTwelveMonths } from "@/lib/reports/filters";
import { marketplaceOverview } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Marketplace console" };

export default async function MarketplaceHome() {
  const user = await requireArea("marketplace");
  // One read of the money figures: all time for the tiles, the last twelve periods for the chart.
  const [figures, requests, money] = await Promise.all([marketplaceHome(getDb()), dealTasks(getDb(), { role: "rep" }), marketplaceOverview(getDb(), EMPTY_FILTER)]);
  const recent = lastTwelveMonths(now());
  return (
    <>
      <PageHeader title="Marketplace" description={<>Signed in as {user.email}</>} />
      {requests > 0 ? (
        <Callout tone="info" className="mb-6" data-testid="request-tasks">
          {requests === 1 ? "A discount request waits" : `${requests} discount requests wait`} for a rep: a markup to ask, or an offer to key.{" "}
          <Link href="/marketplace/deals?stage=submitted,markup_provided" className="font-medium underline">
            Open the queue
          </Link>
        </Callout>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Vendors (ISVs)" value={figures.isvs} />
        <Stat label="Consulting partners" value={figures.partners} />
        <Stat label="Customers" value={figures.customers} />
        <Stat label="Registered sellers" value={figures.registeredSellers} hint={`${figures.users} users in all`} />
        <Stat label="Gross merchandise value (billed)" value={formatMoney(money.gmvCents)} hint="all charges billed to date" />
        <Stat label="Listing-fee revenue (billed)" value={formatMoney(money.feeCents)} hint="the fee on those charges" />
        <Stat label="Receivables" value={formatMoney(money.receivablesCents)} hint={`issued, unpaid bills; ${money.overdueBills} overdue`} />
        <Stat label="Disbursements due" value={formatMoney(money.disbursementsDueCents)} hint="collected, not yet paid out" />
      </div>
      <HomeChart title="Gross merchandise value by month" bars={money.periods.filter((p) => p.period >= recent.from! && p.period <= recent.to!).map((p) => ({ label: p.period, cents: p.gmvCents }))} href="/marketplace/reports" linkText="Marketplace overview →" />
    </>
  );
}
