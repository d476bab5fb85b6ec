// The price panel of a private offer, from the one money module. The partner
// sees every line; the customer only the customer price lines; the ISV only
// wholesale and fee.
import { customerCents, discountedWholesaleCents, feeBpsForContract, feeCents, listCents, wholesaleCents, type FeeTier } from "@/lib/money";

export interface OfferPriceInput {
  dimensions: readonly { quantity: number; unitPriceCents: number }[];
  durationMonths: number;
  billing: "upfront" | "monthly";
  discountBps: number;
  additionalDiscountBps?: number;
  markupBps: number;
  feeTiers?: readonly FeeTier[];
}

export interface OfferPrice {
  /** One month at public prices. */
  listPerMonthCents: number;
  wholesalePerMonthCents: number;
  customerPerMonthCents: number;
  /** What the customer is charged each billing period: a month, or the whole contract upfront. */
  customerPerPeriodCents: number;
  /** Over the contract. */
  listTotalCents: number;
  wholesaleTotalCents: number;
  customerTotalCents: number;
  partnerMarginCents: number;
  feeBps: number;
  /** Listing fee the ISV pays over the contract. */
  feeTotalCents: number;
}

function chain(input: OfferPriceInput, months: number) {
  const list = listCents(input.dimensions, months);
  let wholesale = wholesaleCents(list, input.discountBps);
  if (input.additionalDiscountBps) wholesale = discountedWholesaleCents(wholesale, input.additionalDiscountBps);
  return { list, wholesale, customer: customerCents(wholesale, input.markupBps) };
}

/**
 * Monthly billing charges the one-month figures every month; upfront billing
 * charges the chain computed once on the whole contract (DOMAIN.md's formula
 * with "months in the period" = the duration).
 */
export function offerPrice(input: OfferPriceInput): OfferPrice {
  const month = chain(input, 1);
  const whole = input.billing === "upfront" ? chain(input, input.durationMonths) : null;
  const wholesaleTotal = whole ? whole.wholesale : month.wholesale * input.durationMonths;
  const customerTotal = whole ? whole.customer : month.customer * input.durationMonths;
  const listTotal = whole ? whole.list : month.list * input.durationMonths;
  const feeBps = feeBpsForContract(wholesaleTotal, input.feeTiers);
  const feeTotal = whole ? feeCents(whole.wholesale, feeBps) : feeCents(month.wholesale, feeBps) * input.durationMonths;
  return {
    listPerMonthCents: month.list,
    wholesalePerMonthCents: month.wholesale,
    customerPerMonthCents: month.customer,
    customerPerPeriodCents: whole ? whole.customer : month.customer,
    listTotalCents: listTotal,
    wholesaleTotalCents: wholesaleTotal,
    customerTotalCents: customerTotal,
    partnerMarginCents: customerTotal - wholesaleTotal,
    feeBps,
    feeTotalCents: feeTotal,
  };
}
