// One deal as a party sees it: where it stands, the business data, the discount
// and dates, unit prices, the offers the marketplace keyed and each party's
// figures, with the page's actions and trail in slots. Which figures appear is
// decided by lib/deals/queries.ts (the ISV's copy has no markup or customer price).
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { formatAccountId } from "@/lib/account-id";
import { dayOf, instantOf } from "@/lib/dates";
import type { DealDetail } from "@/lib/deals/queries";
import { DEAL_STEPS, STAGE_LABELS, STAGE_TONES, stepIndex } from "@/lib/deals/state";
import { bpsToPercent, formatMoney } from "@/lib/money";
import { OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "@/lib/offers/state";
import { cn } from "@/lib/utils";

export type DealSide = "partner" | "vendor" | "marketplace";

/** registered → approved → markup asked → markup given → offer extended → accepted, with the current step marked. */
export function DealProgress({ deal }: { deal: DealDetail }) {
  const reached = deal.stage === "expired" || deal.stage === "cancelled" ? stepIndex(deal.request ? lastOpenStep(deal) : "registered") : stepIndex(deal.stage);
  return (
    <ol className="flex flex-wrap gap-x-1 gap-y-2 text-xs" aria-label="Deal progress">
      {DEAL_STEPS.map((step, i) => (
        <li
          key={step}
          aria-current={i === reached ? "step" : undefined}
          className={cn(
            "rounded-full px-2.5 py-1 ring-1",
            i < reached && "bg-emerald-50 text-emerald-800 ring-emerald-200",
            i === reached && "bg-brand-600 font-medium text-white ring-brand-600",
            i > reached && "bg-white text-muted ring-line",
          )}
        >
          {STAGE_LABELS[step]}
        </li>
      ))}
      {deal.stage === "rejected" || deal.stage === "expired" || deal.stage === "cancelled" ? (
        <li className="rounded-full bg-red-50 px-2.5 py-1 font-medium text-red-800 ring-1 ring-red-200">{STAGE_LABELS[deal.stage]}</li>
      ) : null}
    </ol>
  );
}

function lastOpenStep(deal: DealDetail) {
  if (deal.offers.length) return "offer_extended" as const;
  if (deal.request?.markupBps !== null && deal.request?.markupBps !== undefined) return "markup_provided" as const;
  return "submitted" as const;
}

function UnitPrices({ deal, side }: { deal: DealDetail; side: DealSide }) {
  const list = deal.request?.products ?? deal.products;
  const showCustomer = side !== "vendor" && deal.request?.markupBps !== null && deal.request?.markupBps !== undefined;
  return (
    <div className="grid gap-4">
      {list.map((product) => (
        <div key={product.id}>
          <p className="text-sm font-medium">
            {product.name}
            {product.discountBps !== null ? <span className="ml-2 text-xs font-normal text-muted">{bpsToPercent(product.discountBps)}% wholesale discount</span> : null}
          </p>
          {product.unitPrices.length === 0 ? (
            <p className="text-xs text-amber-800">The partner can no longer resell this product (authorization ended, revoked or used).</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="mt-1 w-full text-sm" aria-label={`Unit prices for ${product.name}`}>
                <thead>
                  <tr className="text-left text-xs text-muted">
                    <th className="font-medium">Unit</th>
                    <th className="text-right font-medium">Public / month</th>
                    <th className="text-right font-medium">Wholesale / month</th>
                    {deal.request ? <th className="text-right font-medium">Deal wholesale / month</th> : null}
                    {showCustomer ? <th className="text-right font-medium">Customer / month</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {product.unitPrices.map((u) => (
                    <tr key={u.unitName} className="border-t border-line">
                      <td className="py-1">{u.unitName}</td>
                      <td className="text-right tabular-nums">{formatMoney(u.publicCents, product.currency)}</td>
                      <td className="text-right tabular-nums">{formatMoney(u.wholesaleCents, product.currency)}</td>
                      {deal.request ? (
                        <td className="text-right font-medium tabular-nums" data-testid={`deal-wholesale-${product.name}-${u.unitName}`}>
                          {formatMoney(u.dealWholesaleCents, product.currency)}
                        </td>
                      ) : null}
                      {showCustomer ? (
                        <td className="text-right tabular-nums" data-testid={`deal-customer-${product.name}-${u.unitName}`}>
                          {u.customerCents !== null ? formatMoney(u.customerCents, product.currency) : "—"}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

function Offers({ deal, side }: { deal: DealDetail; side: DealSide }) {
  if (!deal.offers.length) return null;
  const partnerSide = side !== "vendor";
  const sum = (pick: (o: DealDetail["offers"][number]) => number | null) => deal.offers.reduce((s, o) => s + (pick(o) ?? 0), 0);
  const currency = deal.offers[0]!.currency;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{deal.offers.length === 1 ? "The offer" : "The offers"} (over the contract)</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Deal offers">
          <thead>
            <tr className="text-left text-xs text-muted">
              <th className="font-medium">Offer</th>
              <th className="font-medium">Status</th>
              {partnerSide ? <th className="text-right font-medium">Customer pays</th> : null}
              <th className="text-right font-medium">{partnerSide ? "Cost to the ISV (wholesale)" : "Wholesale revenue"}</th>
              <th className="text-right font-medium">Listing fee</th>
              {partnerSide ? <th className="text-right font-medium">Partner margin</th> : <th className="text-right font-medium">Net revenue</th>}
            </tr>
          </thead>
          <tbody>
            {deal.offers.map((o) => (
              <tr key={o.id} className="border-t border-line" data-testid="deal-offer">
                <td className="py-1.5">
                  {side === "partner" ? (
                    <Link href={`/partner/offers/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  ) : side === "marketplace" ? (
                    <Link href={`/marketplace/offers/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  ) : (
                    <span className="font-medium">{o.name}</span>
                  )}
                  <span className="block text-xs text-muted">
                    {o.durationMonths} months, billed {o.billing}
                  </span>
                </td>
                <td>
                  <Badge tone={OFFER_STATUS_TONES[o.status]}>{OFFER_STATUS_LABELS[o.status]}</Badge>
                </td>
                {partnerSide ? <td className="text-right tabular-nums" data-testid="deal-customer-total">{formatMoney(o.customerTotalCents ?? 0, o.currency)}</td> : null}
                <td className="text-right tabular-nums" data-testid="deal-wholesale-total">{formatMoney(o.wholesaleTotalCents, o.currency)}</td>
                <td className="text-right tabular-nums" data-testid="deal-fee-total">{formatMoney(o.feeTotalCents, o.currency)}</td>
                <td className="text-right tabular-nums" data-testid={partnerSide ? "deal-margin-total" : "deal-net-total"}>
                  {formatMoney(partnerSide ? (o.partnerMarginCents ?? 0) : o.isvNetCents, o.currency)}
                </td>
              </tr>
            ))}
          </tbody>
          {deal.offers.length > 1 ? (
            <tfoot>
              <tr className="border-t-2 border-line font-medium">
                <td className="py-1.5">Total</td>
                <td />
                {partnerSide ? <td className="text-right tabular-nums">{formatMoney(sum((o) => o.customerTotalCents), currency)}</td> : null}
                <td className="text-right tabular-nums">{formatMoney(sum((o) => o.wholesaleTotalCents), currency)}</td>
                <td className="text-right tabular-nums">{formatMoney(sum((o) => o.feeTotalCents), currency)}</td>
                <td className="text-right tabular-nums">{formatMoney(sum((o) => (partnerSide ? o.partnerMarginCents : o.isvNetCents)), currency)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </CardContent>
    </Card>
  );
}

export function DealView({ deal, side, actions, history, notice }: { deal: DealDetail; side: DealSide; actions?: ReactNode; history: ReactNode; notice?: ReactNode }) {
  const r = deal.request;
  const facts = [
    ["Partner (seller of record)", <>{deal.partnerName} <span className="block font-mono text-xs text-muted">{formatAccountId(deal.partnerAccountId)}</span></>, "deal-partner"],
    ["Vendor (ISV)", <>{deal.isvName} <span className="block font-mono text-xs text-muted">{formatAccountId(deal.isvAccountId)}</span></>, "deal-vendor"],
    ["Customer", <>{deal.customerName} <span className="block font-mono text-xs text-muted">{formatAccountId(deal.customerAccountId)}</span></>, "deal-customer"],
    ["Expected value", formatMoney(deal.expectedValueCents, deal.currency), "deal-expected-value"],
    ["Expected close", deal.expectedCloseOn ?? "—", "deal-expected-close"],
    ["Registered", instantOf(deal.createdAt), "deal-registered"],
  ] as const;
  const requestFacts = r
    ? ([
        ["Additional discount", `${bpsToPercent(r.additionalDiscountBps)}% off wholesale`, "deal-additional-discount"],
        ["Acceptable", `${dayOf(r.startsAt)} to ${dayOf(r.endsAt)} (UTC)`, "deal-window"],
        ...(side !== "vendor" ? ([["Partner markup", r.markupBps !== null ? `${bpsToPercent(r.markupBps)}%` : "not given yet", "deal-markup"]] as const) : []),
      ] as const)
    : [];
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <DealProgress deal={deal} />
        <Badge tone={STAGE_TONES[deal.stage]} data-testid="deal-stage">
          {STAGE_LABELS[deal.stage]}
        </Badge>
      </div>
      {notice}
      {deal.stage === "rejected" && deal.decisionReason ? <Callout tone="warn">Rejected by {deal.isvName}: {deal.decisionReason}</Callout> : null}
      {r?.status === "cancelled" && r.cancelReason ? <Callout tone="warn">Cancelled by the marketplace: {r.cancelReason}</Callout> : null}
      {actions}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Opportunity</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Facts items={facts} />
            <div className="sm:col-span-2">
              <p className="text-xs font-medium uppercase tracking-wide text-muted">Products registered</p>
              <p className="mt-0.5 text-sm">{deal.products.map((p) => p.name).join(", ")}</p>
            </div>
            <div className="sm:col-span-2">
              <p className="text-xs font-medium uppercase tracking-wide text-muted">Business data (appears in both parties&apos; reports)</p>
              <p className="mt-0.5 whitespace-pre-wrap text-sm" data-testid="deal-description">
                {deal.description}
              </p>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{r ? "Non-recurring discount" : "Prices today"}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            {r ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <Facts items={requestFacts} />
              </div>
            ) : (
              <p className="text-sm text-muted">The ISV has not approved a discount yet. Wholesale below is the partner&apos;s authorization price.</p>
            )}
            <UnitPrices deal={deal} side={side} />
          </CardContent>
        </Card>
      </div>
      <Offers deal={deal} side={side} />
      {history}
    </div>
  );
}
