import type { Metadata } from "next";
import { Timeline } from "@/app/_shell/timeline";
import { timelineFor } from "@/lib/backoffice/queries";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { customerSubscriptionDetail } from "@/lib/agreements/queries";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { AGREEMENT_STATUS_LABELS } from "@/lib/offers/state";
import { Callout } from "@/components/ui/callout";

export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ accepted?: string }> }) {
  const user = await requirePermission("offer.view");
  const { id } = await params;
  const s = await customerSubscriptionDetail(getDb(), user.accountId, id);
  if (!s) return deniedNotFound(user, "agreement.view", "agreement", id);
  const facts = [
    ["Manufacturer", s.manufacturer, "manufacturer"],
    ["Seller of record", s.sellerOfRecord, "seller-of-record"],
    ["Term", `${dayOf(s.startsAt)} – ${dayOf(s.endsAt)} (${s.durationMonths} months)`, "term"],
    ["Price", `${formatMoney(s.pricePerPeriodCents, s.currency)} ${s.billing === "upfront" ? "upfront" : "per month"}`, "price"],
    ["Contract total", formatMoney(s.totalCents, s.currency), "total"],
  ] as const;
  return (
    <>
      {(await searchParams).accepted ? (
        <Callout tone="success" className="mb-4">
          You accepted the offer: your subscription has started. Its charges appear on your monthly bill.
        </Callout>
      ) : null}
      <PageHeader title={s.productName} description={s.description} actions={<Badge tone={s.status === "active" ? "good" : "neutral"}>{AGREEMENT_STATUS_LABELS[s.status]}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid gap-4 pt-5 sm:grid-cols-2 lg:grid-cols-3">
            <Facts items={facts} />
          </CardContent>
        </Card>
        <Timeline entries={await timelineFor(getDb(), [s.id, s.offerId], { role: "customer", accountId: user.accountId })} />
      </div>
    </>
  );
}
