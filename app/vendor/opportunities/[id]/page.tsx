import type { Metadata } from "next";
import { DecidePanel } from "@/app/_deals/decide-panel";
import { DealView } from "@/app/_deals/deal-view";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { timelineFor } from "@/lib/backoffice/queries";
import { now } from "@/lib/clock";
import { dealDetail } from "@/lib/deals/queries";

export const metadata: Metadata = { title: "Opportunity" };

export default async function VendorOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("opportunity.decide");
  const { id } = await params;
  const deal = await dealDetail(getDb(), id, { role: "isv", accountId: user.accountId });
  if (!deal) return deniedNotFound(user, "opportunity.view", "opportunity", id);
  return (
    <>
      <PageHeader title={deal.name} description={`Registered by ${deal.partnerName} · for ${deal.customerName}`} />
      <DealView
        deal={deal}
        side="vendor"
        actions={
          deal.status === "pending" ? (
            <DecidePanel
              opportunityId={deal.id}
              minDate={now().toISOString().slice(0, 10)}
              products={deal.products.map((p) => ({ id: p.id, name: p.name, currency: p.currency, discountBps: p.discountBps, dimensions: p.dimensions }))}
            />
          ) : undefined
        }
        history={<Timeline entries={await timelineFor(getDb(), deal.request ? [deal.id, deal.request.id] : [deal.id], { role: "isv", accountId: user.accountId })} />}
      />
    </>
  );
}
