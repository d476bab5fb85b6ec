// What one agreement is charged for one period, split by the money module.
import { discountedWholesaleCents, feeCents, listCents, splitWholesale, wholesaleCents, type Split } from "@/lib/money";

export interface ChargeableAgreement {
  billing: "upfront" | "monthly";
  durationMonths: number;
  listCentsPerMonth: number;
  wholesaleCentsPerMonth: number;
  customerCentsPerMonth: number;
  feeBps: number;
  /** The offer's terms, for the upfront chain over the whole contract. */
  discountBps: number;
  additionalDiscountBps: number;
  markupBps: number;
}

/**
 * Monthly: the one-month figures frozen when the offer was extended. Upfront:
 * the chain once over the whole contract (list × months → wholesale →
 * customer), as DOMAIN.md's formulas read, so a bill can be recomputed by hand.
 * Either way customer = partner + ISV + fee, to the cent.
 */
export function chargeSplit(a: ChargeableAgreement): Split {
  if (a.billing === "monthly") {
    const fee = feeCents(a.wholesaleCentsPerMonth, a.feeBps);
    return {
      listCents: a.listCentsPerMonth,
      wholesaleCents: a.wholesaleCentsPerMonth,
      customerCents: a.customerCentsPerMonth,
      feeCents: fee,
      isvShareCents: a.wholesaleCentsPerMonth - fee,
      partnerShareCents: a.customerCentsPerMonth - a.wholesaleCentsPerMonth,
    };
  }
  const list = listCents([{ quantity: 1, unitPriceCents: a.listCentsPerMonth }], a.durationMonths);
  let wholesale = wholesaleCents(list, a.discountBps);
  if (a.additionalDiscountBps) wholesale = discountedWholesaleCents(wholesale, a.additionalDiscountBps);
  return splitWholesale(list, wholesale, a.markupBps, a.feeBps);
}
