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
import { partnerHome } from "@/lib/dashboard/queries";
import { dealTasks } from "@/lib/deals/queries";
import { formatMoney } from "@/lib/money";
import { reportByMonth } from "@/lib/reports/queries";
import { lastTwelveMonths } from "@/lib/reports/filters";
import { now } from "@/lib/clock";
import { HomeChart } from "@/app/_reports/home-chart";
import { REGISTRATION_LABELS } from "@/lib/sellers/registration";

export const metadata: Metadata = { title: "Partner console" };

export default async function PartnerHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("partner");
  const [figures, markups, months] = await Promise.all([
    partnerHome(getDb(), user.accountId),
    dealTasks(getDb(), { role: "partner", accountId: user.accountId }),
    reportByMonth(getDb(), { role: "partner", accountId: user.accountId }, lastTwelveMonths(now())),
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
          You are not yet a registered seller ({figures.registration.completedSteps} of 3 steps done). Give your
          account id <span className="font-mono">{formatAccountId(user.accountId)}</span> to the vendors you want to
          resell; you can accept their invitations and extend offers once profile, banking and tax are complete.{" "}
          <Link href="/partner/registration" className="font-medium underline">
            Complete seller registration
          </Link>
        </Callout>
      ) : null}
      {markups > 0 ? (
        <Callout tone="warn" className="mb-6" data-testid="markup-tasks">
          The marketplace asks for your markup on {markups === 1 ? "a discounted deal" : `${markups} discounted deals`}.{" "}
          <Link href="/partner/opportunities?stage=awaiting_markup" className="font-medium underline">
            Give your markup
          </Link>
        </Callout>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Stat label="Pending invitations" value={figures.pendingInvitations} />
        <Stat label="Resale authorizations" value={figures.authorizations} />
        <Stat label="Open offers" value={figures.openOffers} />
        <Stat label="Agreements" value={figures.agreements} hint="as seller of record" />
        <Stat label="Margin billed" value={formatMoney(figures.marginCents)} hint="customer price less wholesale" />
      </div>
      <HomeChart title="Margin by month" bars={months.map((m) => ({ label: m.period, cents: m.partnerShareCents }))} href="/partner/reports" linkText="Sales report →" />
    </>
  );
}
