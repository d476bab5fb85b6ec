import type { OfferPrice } from "@/lib/offers/pricing";
import { bpsToPercent, formatMoney } from "@/lib/money";

/** The partner's view of an offer's money: everything, from public list to the ISV's listing fee. */
export function PricePanel({ price, currency, billing, durationMonths }: { price: OfferPrice | null; currency: string; billing: "upfront" | "monthly"; durationMonths: number }) {
  const row = (label: string, value: string, testId: string, strong = false) => (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-muted">{label}</dt>
      <dd className={strong ? "font-semibold tabular-nums" : "tabular-nums"} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  const money = (cents: number | undefined) => (price && cents !== undefined ? formatMoney(cents, currency) : "—");
  return (
    <dl className="divide-y divide-line text-sm" aria-label="Price panel">
      {row("Public list, per month", money(price?.listPerMonthCents), "panel-list")}
      {row("Your wholesale cost, per month", money(price?.wholesalePerMonthCents), "panel-wholesale")}
      {row(billing === "upfront" ? `Customer pays upfront (${durationMonths} months)` : "Customer pays per month", money(price?.customerPerPeriodCents), "panel-customer-period", true)}
      {row("Total contract value", money(price?.customerTotalCents), "panel-total", true)}
      {row("Your margin over the contract", money(price?.partnerMarginCents), "panel-margin", true)}
      {row(`Listing fee the vendor pays${price ? ` (${bpsToPercent(price.feeBps)}%)` : ""}`, money(price?.feeTotalCents), "panel-fee")}
    </dl>
  );
}
