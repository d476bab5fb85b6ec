// DOMAIN.md's worked example as real rows, through the real operations:
// $10,000 a month (one unit), 20% wholesale discount, 10% markup, 12 months monthly.
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, privateOffers } from "@/db/schema";
import { acceptInvitation, sendInvitation } from "@/lib/invitations/service";
import { acceptOffer, extendOffer, saveOfferDraft } from "@/lib/offers/service";
import { createProduct } from "@/lib/products/service";
import { productsWithDimensions } from "@/lib/products/service";
import { makeActor } from "@/db/testing/fixtures";

export async function createWorkedExample(db: Db, startsOn: string) {
  const isv = await makeActor(db, "isv", { registered: true, name: "Contoso" });
  const partner = await makeActor(db, "partner", { registered: true, name: "Blue Harbor" });
  const customer = await makeActor(db, "customer", { name: "Acme" });
  const must = <T>(r: { ok: true; data: T } | { ok: false }) => {
    if (!r.ok) throw new Error(`worked example setup failed: ${JSON.stringify(r)}`);
    return r.data;
  };
  const { productId } = must(await createProduct(db, isv, { name: "Platform", description: "d", eulaText: "The standard EULA, long enough.", dimensions: [{ unitName: "Platform", price: "10000" }] }));
  const product = (await productsWithDimensions(db, [productId], isv.accountId))[0];
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const { invitationId } = must(await sendInvitation(db, isv, { partnerAccountId: partner.accountId, items: [{ productId, discountPercent: "20" }], expiresOn: inDays(5), use: "multi_use" }));
  must(await acceptInvitation(db, partner, { invitationId }));
  const { offerId } = must(
    await saveOfferDraft(db, partner, {
      authorizationId: invitationId,
      productId,
      name: "Worked example",
      customerAccountId: customer.accountId,
      quantities: [{ dimensionId: product!.dimensions[0]!.id, quantity: 1 }],
      durationMonths: 12,
      billing: "monthly",
      markupPercent: "10",
      expiresOn: inDays(10),
    }),
  );
  must(await extendOffer(db, partner, { offerId }));
  const { agreementId } = must(await acceptOffer(db, customer, { offerId, acceptTerms: true }));
  // Move the contract to the chosen start (an agreement accepted months ago).
  const startsAt = new Date(`${startsOn}T00:00:00Z`);
  const endsAt = new Date(Date.UTC(startsAt.getUTCFullYear(), startsAt.getUTCMonth() + 12, startsAt.getUTCDate()));
  await db.transaction(async (tx) => {
    await tx.update(agreements).set({ startsAt, endsAt, createdAt: startsAt }).where(eq(agreements.id, agreementId));
    await tx.update(privateOffers).set({ acceptedAt: startsAt }).where(eq(privateOffers.id, offerId));
  });
  return { isv, partner, customer, productId, offerId, agreementId };
}
