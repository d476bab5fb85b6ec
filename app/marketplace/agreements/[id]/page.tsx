import type { Metadata } from "next";
import Link from "next/link";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { agreementForRep } from "@/lib/backoffice/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { AGREEMENT_STATUS_LABELS } from "@/lib/offers/state";

export const metadata: Metadata = { title: "Agreement" };

export default async function RepAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("backoffice.view");
  const { id } = await params;
  const found = await agreementForRep(getDb(), id);
  if (!found) return deniedNotFound(user, "backoffice.view", "agreement", id);
  const a = found.agreement;
  return (
    <>
      <PageHeader title={found.productName} description={`${found.partnerName} → ${found.customerName}`} actions={<Badge tone={a.status === "active" ? "good" : "neutral"}>{AGREEMENT_STATUS_LABELS[a.status]}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-1 gap-4 pt-5 sm:grid-cols-3">
            <Facts
              items={[
                ["Term", `${dayOf(a.startsAt)} – ${dayOf(a.endsAt)} (${a.durationMonths} months, billed ${a.billing})`],
                ["Per month", `customer ${formatMoney(a.customerCentsPerMonth, a.currency)} · wholesale ${formatMoney(a.wholesaleCentsPerMonth, a.currency)}`],
                ["Offer", <Link key="o" className="underline" href={`/marketplace/offers/${a.offerId}`}>open the offer</Link>],
              ]}
            />
          </CardContent>
        </Card>
        <Timeline entries={found.timeline} description="The agreement's offer and the agreement itself, every recorded event." />
      </div>
    </>
  );
}
