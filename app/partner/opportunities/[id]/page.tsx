import type { Metadata } from "next";
import { DealView } from "@/app/_deals/deal-view";
import { MarkupPanel } from "@/app/_deals/markup-panel";
import { Timeline } from "@/app/_shell/timeline";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { timelineFor } from "@/lib/backoffice/queries";
import { dealDetail } from "@/lib/deals/queries";

export const metadata: Metadata = { title: "Opportunity" };

export default async function PartnerOpportunityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ registered?: string }> }) {
  const user = await requirePermission("opportunity.register");
  const { id } = await params;
  const deal = await dealDetail(getDb(), id, { role: "partner", accountId: user.accountId });
  if (!deal) return deniedNotFound(user, "opportunity.view", "opportunity", id);
  const { registered } = await searchParams;
  const r = deal.request;
  const canAnswer = r && (r.status === "awaiting_markup" || r.status === "markup_provided");
  return (
    <>
      <PageHeader title={deal.name} description={`With ${deal.isvName} · for ${deal.customerName}`} />
      <DealView
        deal={deal}
        side="partner"
        notice={registered ? <Callout tone="success">Opportunity registered. {deal.isvName} has been notified and will approve or reject it.</Callout> : undefined}
        actions={
          canAnswer ? (
            <MarkupPanel
              requestId={r.id}
              additionalDiscountBps={r.additionalDiscountBps}
              current={r.markupBps}
              products={r.products.map((p) => ({ id: p.id, name: p.name, currency: p.currency, discountBps: p.discountBps, dimensions: p.dimensions }))}
            />
          ) : undefined
        }
        history={<Timeline entries={await timelineFor(getDb(), r ? [deal.id, r.id] : [deal.id], { role: "partner", accountId: user.accountId })} />}
      />
    </>
  );
}
