// Which of the partner's authorizations from an ISV a non-recurring discount
// rests on, product by product: the additional discount comes on top of the
// wholesale discount of an authorization the partner may extend offers under
// now, one that allows this customer.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate } from "@/db";
import { authorizationItems, pricingDimensions, products, resaleAuthorizations } from "@/db/schema";
import { canExtendOffers } from "@/lib/invitations/state";

export interface DealAuthorization {
  authorizationId: string;
  discountBps: number;
  endsAt: Date | null;
  offersExtended: number;
}

/**
 * Product id → the authorization to use (the deepest discount; the newest on a
 * tie), for the products the partner may resell to this customer now. Products
 * without one are absent from the map. `lock` locks the chosen rows, so a
 * one-time authorization is used once even under races.
 */
export async function dealAuthorizations(
  tx: Db | Tx,
  { partnerAccountId, isvAccountId, customerAccountId, productIds, at, lock = false }: { partnerAccountId: string; isvAccountId: string; customerAccountId: string | null; productIds: readonly string[]; at: Date; lock?: boolean },
): Promise<Map<string, DealAuthorization>> {
  const found = new Map<string, DealAuthorization>();
  if (!productIds.length) return found;
  const query = tx
    .select({ authorization: resaleAuthorizations, productId: authorizationItems.productId, discountBps: authorizationItems.discountBps })
    .from(resaleAuthorizations)
    .innerJoin(authorizationItems, eq(authorizationItems.authorizationId, resaleAuthorizations.id))
    .where(
      and(
        eq(resaleAuthorizations.partnerAccountId, partnerAccountId),
        eq(resaleAuthorizations.isvAccountId, isvAccountId),
        eq(resaleAuthorizations.status, "accepted"),
        inArray(authorizationItems.productId, [...productIds]),
      ),
    )
    .orderBy(desc(authorizationItems.discountBps), desc(resaleAuthorizations.createdAt), desc(resaleAuthorizations.id))
    .$dynamic();
  const rows = await (lock ? forUpdate(query) : query);
  for (const row of rows) {
    if (found.has(row.productId)) continue;
    if (!canExtendOffers(row.authorization, at)) continue;
    if (customerAccountId && row.authorization.buyerAccountId && row.authorization.buyerAccountId !== customerAccountId) continue;
    found.set(row.productId, {
      authorizationId: row.authorization.id,
      discountBps: row.discountBps,
      endsAt: row.authorization.endsAt,
      offersExtended: row.authorization.offersExtended,
    });
  }
  return found;
}

/** The products with their pricing dimensions in order (name, currency, owner). */
export async function productsWithDimensions(tx: Db | Tx, productIds: readonly string[]) {
  if (!productIds.length) return [];
  const rows = await tx.select().from(products).where(inArray(products.id, [...productIds])).orderBy(products.name);
  const dims = await tx.select().from(pricingDimensions).where(inArray(pricingDimensions.productId, [...productIds])).orderBy(pricingDimensions.position);
  return rows.map((p) => ({ ...p, dimensions: dims.filter((d) => d.productId === p.id) }));
}
