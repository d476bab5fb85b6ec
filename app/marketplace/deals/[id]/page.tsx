import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealView } from "@/app/_deals/deal-view";
import { RepPanel } from "@/app/_deals/rep-panel";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { timelineFor } from "@/lib/backoffice/queries";
import { now } from "@/lib/clock";
import { dealDetail } from "@/lib/deals/queries";
import { feeTiersAt } from "@/lib/fees/queries";

export const metadata: Metadata = { title: "Deal" };

export default async function RepDealPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("deal.manage");
  const { id } = await params;
  const deal = await dealDetail(getDb(), id, { role: "rep" });
  if (!deal) notFound();
  const r = deal.request;
  return (
    <>
      <PageHeader title={deal.name} description={`${deal.partnerName} with ${deal.isvName} · for ${deal.customerName}`} />
      <DealView
        deal={deal}
        side="marketplace"
        actions={
          r ? (
            <RepPanel
              requestId={r.id}
              status={r.status}
              dealName={deal.name}
              partnerName={deal.partnerName}
              customerName={deal.customerName}
              additionalDiscountBps={r.additionalDiscountBps}
              markupBps={r.markupBps}
              feeTiers={await feeTiersAt(getDb(), now())}
              products={r.products.map((p) => ({ id: p.id, name: p.name, currency: p.currency, discountBps: p.discountBps, dimensions: p.dimensions }))}
            />
          ) : undefined
        }
        history={<Timeline entries={await timelineFor(getDb(), r ? [deal.id, r.id] : [deal.id], { role: "rep" })} />}
      />
    </>
  );
}
