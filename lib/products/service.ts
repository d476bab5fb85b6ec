// Products and their pricing dimensions, owned by one ISV.
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { isForeignKeyViolation } from "@/db";
import { offerDimensions, pricingDimensions, products } from "@/db/schema";
import { defineOperation, InvalidInput, NotFound } from "@/lib/actions/operation";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { parseMoneyToCents } from "@/lib/money";
import { productSchema, updateProductSchema } from "@/lib/products/validations";
import type { z } from "zod";

type ProductData = z.output<typeof productSchema>;

const centsOf = (price: string) => parseMoneyToCents(price) ?? 0;

export const createProduct = defineOperation("product.manage", productSchema, async (ctx, input) => {
  const id = newId("prod");
  await ctx.db.transaction(async (tx) => {
    const at = now();
    await tx.insert(products).values({
      id,
      isvAccountId: ctx.user.accountId,
      name: input.name,
      description: input.description,
      eulaText: input.eulaText,
      currency: "USD",
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(pricingDimensions).values(
      input.dimensions.map((d, position) => ({ id: newId("dim"), productId: id, unitName: d.unitName, unitPriceCents: centsOf(d.price), position })),
    );
    await ctx.audit(tx, { action: "product.create", objectType: "product", objectId: id, after: summary(input) });
  });
  return { productId: id };
});

export const updateProduct = defineOperation("product.manage", updateProductSchema, async (ctx, { productId, product: input }) => {
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(products)
      .where(and(eq(products.id, productId), eq(products.isvAccountId, ctx.user.accountId)));
    if (!existing) throw new NotFound("product", productId);
    const before = await tx.select().from(pricingDimensions).where(eq(pricingDimensions.productId, productId));
    const beforeIds = new Set(before.map((d) => d.id));
    input.dimensions.forEach((d, i) => {
      if (d.id && !beforeIds.has(d.id)) throw new InvalidInput({ [`dimensions.${i}.unitName`]: ["This dimension no longer exists; reload the page"] });
    });
    const keptIds = input.dimensions.flatMap((d) => (d.id ? [d.id] : []));
    const removed = before.filter((d) => !keptIds.includes(d.id)).map((d) => d.id);
    if (removed.length) {
      const [used] = await tx.select({ id: offerDimensions.id }).from(offerDimensions).where(inArray(offerDimensions.dimensionId, removed)).limit(1);
      if (used) throw new InvalidInput({ dimensions: ["A dimension used by an offer cannot be removed; change its price instead"] });
    }
    await tx
      .update(products)
      .set({ name: input.name, description: input.description, eulaText: input.eulaText, updatedAt: now() })
      .where(eq(products.id, productId));
    // Free unit names of removed and renamed rows first, so the unique (product, unit) index never sees a swap half-done.
    await tx
      .delete(pricingDimensions)
      .where(and(eq(pricingDimensions.productId, productId), keptIds.length ? notInArray(pricingDimensions.id, keptIds) : undefined));
    for (const id of keptIds) await tx.update(pricingDimensions).set({ unitName: `~${id}` }).where(eq(pricingDimensions.id, id));
    for (const [position, d] of input.dimensions.entries()) {
      const values = { unitName: d.unitName, unitPriceCents: centsOf(d.price), position };
      if (d.id) await tx.update(pricingDimensions).set(values).where(eq(pricingDimensions.id, d.id));
      else await tx.insert(pricingDimensions).values({ id: newId("dim"), productId, ...values });
    }
    await ctx.audit(tx, {
      action: "product.update",
      objectType: "product",
      objectId: productId,
      before: { name: existing.name, dimensions: before.map((d) => [d.unitName, d.unitPriceCents]) },
      after: summary(input),
    });
  }).catch((error: unknown) => {
    if (isForeignKeyViolation(error)) throw new InvalidInput({ dimensions: ["A dimension in use cannot be removed"] });
    throw error;
  });
  return { productId };
});

function summary(input: ProductData) {
  return { name: input.name, dimensions: input.dimensions.map((d) => [d.unitName, centsOf(d.price)]) };
}

export interface ProductWithDimensions {
  id: string;
  name: string;
  description: string;
  eulaText: string;
  currency: string;
  updatedAt: Date;
  dimensions: { id: string; unitName: string; unitPriceCents: number }[];
}

/** Products by id with their dimensions in order; only the given ISV's when `isvAccountId` is set. */
export async function productsWithDimensions(db: Db | Tx, ids: string[], isvAccountId?: string): Promise<ProductWithDimensions[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(products)
    .where(and(inArray(products.id, ids), isvAccountId ? eq(products.isvAccountId, isvAccountId) : undefined));
  const dims = await db
    .select()
    .from(pricingDimensions)
    .where(inArray(pricingDimensions.productId, rows.map((r) => r.id)))
    .orderBy(pricingDimensions.productId, pricingDimensions.position);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    eulaText: p.eulaText,
    currency: p.currency,
    updatedAt: p.updatedAt,
    dimensions: dims.filter((d) => d.productId === p.id).map((d) => ({ id: d.id, unitName: d.unitName, unitPriceCents: d.unitPriceCents })),
  }));
}
