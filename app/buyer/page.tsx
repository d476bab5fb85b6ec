import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requireArea } from "@/lib/auth/guard";
import { ArrivalNotice } from "@/app/_shell/arrival-notice";
import { buyerHome } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";
import { HomeChart } from "@/app/_reports/home-chart";
import { now } from "@/lib/clock";
import { lastTwelveMonths } from "@/lib/reports/filters";
import { customerSpend } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Buyer console" };

export default async function BuyerHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("buyer");
  const [figures, spend] = await Promise.all([buyerHome(getDb(), user.accountId), customerSpend(getDb(), user.accountId, lastTwelveMonths(now()))]);
  return (
    <>
      <ArrivalNotice searchParams={searchParams} accountName={user.accountName} />
      <PageHeader
        title={user.accountName}
        description={<>Account {formatAccountId(user.accountId)} · signed in as {user.email}</>}
      />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Offers for you" value={figures.openOffers} />
        <Stat label="Active subscriptions" value={figures.activeSubscriptions} />
        <Stat label="Unpaid bills" value={figures.unpaidBills} />
        <Stat label="Amount due" value={formatMoney(figures.amountDueCents)} />
      </div>
      {figures.openOffers === 0 && figures.activeSubscriptions === 0 ? (
        <p className="mt-6 text-sm text-muted">
          Nothing here yet. Give your account id <span className="font-mono">{formatAccountId(user.accountId)}</span> to
          your consulting partner: offers they extend to you appear on this page.
        </p>
      ) : (
        <HomeChart title="Spend by month" bars={spend.byMonth.map((m) => ({ label: m.period, cents: m.cents }))} href="/buyer/spend" linkText="Spend →" />
      )}
    </>
  );
}
