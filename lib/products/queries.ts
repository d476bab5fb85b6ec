import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { countAll } from "@/db/sql";
import { pricingDimensions, products } from "@/db/schema";
import { offsetOf, type TableParams } from "@/lib/tables/params";
import type { ProductRow } from "@/lib/products/table";
import { productsWithDimensions } from "@/lib/products/service";

export { PRODUCTS_TABLE } from "@/lib/products/table";

export async function listProducts(db: Db, isvAccountId: string, params: TableParams<string, never>) {
  const where = and(eq(products.isvAccountId, isvAccountId), params.q ? containsInsensitive(products.name, params.q) : undefined);
  const direction = params.sort.desc ? desc : asc;
  const order = params.sort.id === "updated" ? direction(products.updatedAt) : direction(products.name);
  const [page, [total]] = await Promise.all([
    db.select().from(products).where(where).orderBy(order, asc(products.id)).limit(params.pageSize).offset(offsetOf(params)),
    db.select({ n: countAll() }).from(products).where(where),
  ]);
  const dims = page.length
    ? await db
        .select()
        .from(pricingDimensions)
        .where(inArray(pricingDimensions.productId, page.map((p) => p.id)))
        .orderBy(pricingDimensions.position)
    : [];
  const rows: ProductRow[] = page.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    currency: p.currency,
    updatedAt: p.updatedAt.toISOString(),
    dimensions: dims.filter((d) => d.productId === p.id).map((d) => ({ unitName: d.unitName, unitPriceCents: d.unitPriceCents })),
  }));
  return { rows, total: total?.n ?? 0 };
}

/** The ISV's own product, or null (another tenant's product is simply not found). */
export async function ownProduct(db: Db, isvAccountId: string, productId: string) {
  const [product] = await productsWithDimensions(db, [productId], isvAccountId);
  return product ?? null;
}

/** All of the ISV's products with their dimensions, for the invitation form. */
export async function catalogue(db: Db, isvAccountId: string) {
  const ids = (await db.select({ id: products.id }).from(products).where(eq(products.isvAccountId, isvAccountId))).map((r) => r.id);
  return (await productsWithDimensions(db, ids, isvAccountId)).sort((a, b) => a.name.localeCompare(b.name));
}
