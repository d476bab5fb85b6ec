// The prices of a non-recurring discount, per unit and month, from the one money
// module (DOMAIN.md): public → wholesale (the authorization's discount) → the
// deal's wholesale (the ISV's additional discount on that) → the customer's
// price (the partner's markup on the deal's wholesale). Each step rounds
// half-up from the figure before it, exactly as the offer and its bills will.
import { customerCents, discountedWholesaleCents, wholesaleCents } from "@/lib/money";

export interface DealDimension {
  unitName: string;
  unitPriceCents: number;
}

export interface DealUnitPrice {
  unitName: string;
  publicCents: number;
  wholesaleCents: number;
  dealWholesaleCents: number;
  /** Present once a markup is known. */
  customerCents: number | null;
}

export function dealUnitPrices(
  dimensions: readonly DealDimension[],
  discountBps: number,
  additionalDiscountBps: number,
  markupBps: number | null = null,
): DealUnitPrice[] {
  return dimensions.map((d) => {
    const wholesale = wholesaleCents(d.unitPriceCents, discountBps);
    const dealWholesale = discountedWholesaleCents(wholesale, additionalDiscountBps);
    return {
      unitName: d.unitName,
      publicCents: d.unitPriceCents,
      wholesaleCents: wholesale,
      dealWholesaleCents: dealWholesale,
      customerCents: markupBps === null ? null : customerCents(dealWholesale, markupBps),
    };
  });
}
