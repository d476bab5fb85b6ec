import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { dayOf, instantOf } from "@/lib/dates";
import { dealForCustomer } from "@/lib/deals/queries";
import { formatMoney } from "@/lib/money";
import { customerOfferDetail } from "@/lib/offers/queries";
import { OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "@/lib/offers/state";
import { AcceptOfferForm } from "./accept-form";

export const metadata: Metadata = { title: "Offer" };

export default async function BuyerOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("offer.view");
  const { id } = await params;
  const o = await customerOfferDetail(getDb(), user.accountId, id);
  if (!o) return deniedNotFound(user, "offer.view", "private_offer", id);
  const deal = o.dealId ? await dealForCustomer(getDb(), user.accountId, o.dealId) : null;
  const siblings = deal ? (await Promise.all(deal.offerIds.map((offerId) => customerOfferDetail(getDb(), user.accountId, offerId)))).filter((s) => s !== null) : [];
  const notYet = o.availableFrom !== null && now() < o.availableFrom;
  const dealTotal = siblings.reduce((sum, s) => sum + s.totalCents, 0);
  const price = o.pricePerPeriodCents !== null ? `${formatMoney(o.pricePerPeriodCents, o.currency)} ${o.billing === "upfront" ? "upfront" : "per month"}` : "—";
  const facts = [
    ["Manufacturer", o.manufacturer, "manufacturer"],
    ["Seller of record", o.sellerOfRecord, "seller-of-record"],
    ["Price", price, "price"],
    ["Contract total", formatMoney(o.totalCents, o.currency), "total"],
    ["Term", `${o.durationMonths} months from acceptance`, "term"],
    o.availableFrom ? (["Acceptable", `${dayOf(o.availableFrom)} to ${dayOf(o.expiresAt)} (UTC)`, "accept-window"] as const) : (["Accept by", instantOf(o.expiresAt), "accept-by"] as const),
  ] as const;
  return (
    <>
      <PageHeader title={o.name} description={`${o.productName} — ${o.description}`} actions={<Badge tone={OFFER_STATUS_TONES[o.status]}>{OFFER_STATUS_LABELS[o.status]}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid gap-4 pt-5 sm:grid-cols-2 lg:grid-cols-3">
            <Facts items={facts} />
            {o.quantities.length ? (
              <div className="sm:col-span-2 lg:col-span-3">
                <p className="text-xs font-medium uppercase tracking-wide text-muted">Includes</p>
                <p className="mt-0.5 text-sm">{o.quantities.map((q) => `${q.quantity} × ${q.unitName}`).join(", ")}</p>
              </div>
            ) : null}
          </CardContent>
        </Card>
        {deal && siblings.length > 1 ? (
          <Card>
            <CardHeader>
              <CardTitle>One deal, {siblings.length} products</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <p>This single-use offer covers these products together: accepting it subscribes you to all of them, once.</p>
              <ul className="list-inside list-disc" data-testid="deal-siblings">
                {siblings.map((s) => (
                  <li key={s.id}>
                    {s.id === o.id ? <strong>{s.productName}</strong> : <Link href={`/buyer/offers/${s.id}`} className="text-brand-700 hover:underline">{s.productName}</Link>}:{" "}
                    {formatMoney(s.totalCents, s.currency)} over {s.durationMonths} months
                  </li>
                ))}
              </ul>
              <p className="font-medium">Together: {formatMoney(dealTotal, o.currency)}</p>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Terms</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            <div>
              <p className="font-medium">Seller&apos;s terms ({o.sellerOfRecord})</p>
              <p className="whitespace-pre-wrap">{o.partnerTerms || "None."}</p>
            </div>
            <div>
              <p className="font-medium">Additional terms from {o.manufacturer}</p>
              <p className="whitespace-pre-wrap">{o.vendorTerms || "None."}</p>
            </div>
            <details open>
              <summary className="cursor-pointer font-medium">End user license agreement</summary>
              <p className="mt-2 max-h-64 overflow-y-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-slate-700">{o.eulaText}</p>
            </details>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-5">
            {o.status === "extended" && notYet ? (
              <p className="text-sm" data-testid="not-yet">
                This offer can be accepted from {dayOf(o.availableFrom!)} (UTC) until the end of {dayOf(o.expiresAt)}.
              </p>
            ) : o.status === "extended" ? (
              <AcceptOfferForm
                offerId={o.id}
                summary={
                  siblings.length > 1
                    ? `${siblings.map((s) => s.productName).join(" and ")} from ${o.sellerOfRecord}: ${formatMoney(dealTotal, o.currency)} in all, starting today.`
                    : `${o.productName} from ${o.sellerOfRecord}: ${price} for ${o.durationMonths} months (${formatMoney(o.totalCents, o.currency)} in all), starting today.`
                }
              />
            ) : o.status === "accepted" ? (
              <p className="text-sm">
                You accepted this offer. See your{" "}
                <Link href="/buyer/subscriptions" className="font-medium text-brand-700 hover:underline">
                  subscriptions
                </Link>
                .
              </p>
            ) : (
              <p className="text-sm text-muted">This offer is {OFFER_STATUS_LABELS[o.status].toLowerCase()} and can no longer be accepted.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
