// Public → wholesale per pricing dimension, from the one money module; used by
// the live preview in the browser and by every server page that shows prices.
import { wholesaleCents } from "@/lib/money";

export interface DimensionPrice {
  unitName: string;
  unitPriceCents: number;
}

export function wholesaleByDimension(dimensions: readonly DimensionPrice[], discountBps: number) {
  return dimensions.map((d) => ({
    unitName: d.unitName,
    publicCents: d.unitPriceCents,
    wholesaleCents: wholesaleCents(d.unitPriceCents, discountBps),
  }));
}
