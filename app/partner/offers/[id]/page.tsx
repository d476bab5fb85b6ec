import type { Metadata } from "next";
import Link from "next/link";
import { Timeline } from "@/app/_shell/timeline";
import { timelineFor } from "@/lib/backoffice/queries";
import { OfferActions } from "@/app/_offers/offer-actions";
import { OfferForm } from "@/app/_offers/offer-form";
import { PricePanel } from "@/app/_offers/price-panel";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { dayOf, instantOf } from "@/lib/dates";
import { feeTiersAt } from "@/lib/fees/queries";
import { bpsToPercent, formatMoney } from "@/lib/money";
import { offerableProducts, partnerOfferDetail } from "@/lib/offers/queries";
import { OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "@/lib/offers/state";

export const metadata: Metadata = { title: "Private offer" };

export default async function PartnerOfferPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; cloned?: string }> }) {
  const user = await requirePermission("offer.manage");
  const { id } = await params;
  const offer = await partnerOfferDetail(getDb(), user.accountId, id);
  if (!offer) return deniedNotFound(user, "offer.view", "private_offer", id);
  const { saved, cloned } = await searchParams;
  const summary = `${offer.name}: ${offer.product.name} for ${offer.customerName} — ${formatMoney(offer.price.customerPerPeriodCents, offer.currency)} ${offer.billing === "upfront" ? "upfront" : "per month"}, ${offer.durationMonths} months, ${formatMoney(offer.price.customerTotalCents, offer.currency)} in all.`;

  const options = offer.status === "draft" ? await offerableProducts(getDb(), user.accountId) : [];
  const editable = offer.status === "draft" && options.some((o) => o.authorizationId === offer.authorizationId && o.productId === offer.productId);

  return (
    <>
      <PageHeader
        title={offer.name}
        description={`${offer.product.name} by ${offer.isvName} · for ${offer.customerName} (${formatAccountId(offer.customerAccountId)})`}
        actions={<Badge tone={OFFER_STATUS_TONES[offer.status]}>{OFFER_STATUS_LABELS[offer.status]}</Badge>}
      />
      {saved ? <Callout tone="success" className="mb-4">Draft saved. Extend it when it is ready.</Callout> : null}
      {cloned ? <Callout tone="success" className="mb-4">Cloned into this new draft.</Callout> : null}
      {offer.discountRequestId ? (
        <Callout tone="info" className="mb-6" data-testid="keyed-by-marketplace">
          The marketplace keyed this offer on your behalf from a non-recurring discount{offer.opportunity ? <> for your opportunity{" "}
          <Link href={`/partner/opportunities/${offer.opportunity.id}`} className="font-medium underline">
            {offer.opportunity.name}
          </Link></> : null}
          . You are its seller of record; to change or cancel it, ask the marketplace.
        </Callout>
      ) : (
        <div className="mb-6">
          <OfferActions offerId={offer.id} status={offer.status} summary={summary} />
        </div>
      )}
      {editable ? (
        <OfferForm
          offerId={offer.id}
          options={options}
          feeTiers={await feeTiersAt(getDb(), now())}
          minDate={dayOf(now())}
          defaults={{
            authorizationId: offer.authorizationId,
            productId: offer.productId,
            name: offer.name,
            customerAccountId: formatAccountId(offer.customerAccountId),
            quantities: offer.dimensions.map((d) => ({ dimensionId: d.dimensionId, quantity: d.quantity })),
            durationMonths: offer.durationMonths,
            billing: offer.billing,
            markupPercent: bpsToPercent(offer.markupBps),
            partnerTerms: offer.partnerTerms ?? "",
            expiresOn: dayOf(offer.expiresAt),
          }}
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Card>
            <CardHeader>
              <CardTitle>Terms</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <p>
                {offer.durationMonths} months, billed {offer.billing}. Markup {bpsToPercent(offer.markupBps)}% on a {bpsToPercent(offer.discountBps)}% wholesale discount.
              </p>
              <ul className="list-inside list-disc">
                {offer.dimensions
                  .filter((d) => d.quantity > 0)
                  .map((d) => (
                    <li key={d.dimensionId}>
                      {d.quantity} × {d.unitName} at {formatMoney(d.unitPriceCents, offer.currency)} public per month
                    </li>
                  ))}
              </ul>
              <p>Accept by {instantOf(offer.expiresAt)}{offer.extendedAt ? ` · extended ${instantOf(offer.extendedAt)}` : ""}{offer.acceptedAt ? ` · accepted ${instantOf(offer.acceptedAt)}` : ""}</p>
              {offer.partnerTerms ? <p className="whitespace-pre-wrap"><span className="font-medium">Your terms:</span> {offer.partnerTerms}</p> : null}
            </CardContent>
          </Card>
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>{offer.status === "draft" ? "Price panel" : "Frozen prices"}</CardTitle>
            </CardHeader>
            <CardContent>
              <PricePanel price={offer.price} currency={offer.currency} billing={offer.billing} durationMonths={offer.durationMonths} />
            </CardContent>
          </Card>
        </div>
      )}
      <div className="mt-6">
        <Timeline entries={await timelineFor(getDb(), [offer.id], { role: "partner", accountId: user.accountId })} />
      </div>
    </>
  );
}
