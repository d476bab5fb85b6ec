// Products: an ISV manages its own catalogue, and only its own.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { pricingDimensions, products } from "@/db/schema";
import { createProduct, updateProduct } from "@/lib/products/service";
import { listProducts, ownProduct, PRODUCTS_TABLE } from "@/lib/products/queries";
import { NOT_FOUND } from "@/lib/result";
import { parseTableParams } from "@/lib/tables/parse";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

const input = (overrides: Record<string, unknown> = {}) => ({
  name: "Vault",
  description: "Backups",
  eulaText: "The standard EULA text, long enough.",
  dimensions: [
    { unitName: "Users", price: "15" },
    { unitName: "TB", price: "1,250.50" },
  ],
  ...overrides,
});

describe(`products on ${dialect}`, () => {
  it("creates a product with dimensions in cents, and edits them (rename, swap, add, remove)", async () => {
    const isv = await makeActor(db, "isv");
    const created = await createProduct(db, isv, input());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const product = await ownProduct(db, isv.accountId, created.data.productId);
    expect(product?.dimensions.map((d) => [d.unitName, d.unitPriceCents])).toEqual([
      ["Users", 1500],
      ["TB", 125050],
    ]);
    const [users, tb] = product!.dimensions;
    const updated = await updateProduct(db, isv, {
      productId: created.data.productId,
      product: input({
        name: "Vault 2",
        dimensions: [
          { id: tb!.id, unitName: "Users", price: "2" }, // takes the other row's name: a swap
          { id: users!.id, unitName: "TB", price: "3" },
          { unitName: "Regions", price: "0.5" },
        ],
      }),
    });
    expect(updated.ok).toBe(true);
    const after = await ownProduct(db, isv.accountId, created.data.productId);
    expect(after?.name).toBe("Vault 2");
    expect(after?.dimensions.map((d) => [d.unitName, d.unitPriceCents])).toEqual([
      ["Users", 200],
      ["TB", 300],
      ["Regions", 50],
    ]);
    const removed = await updateProduct(db, isv, { productId: created.data.productId, product: input({ dimensions: [{ id: tb!.id, unitName: "Users", price: "2" }] }) });
    expect(removed.ok).toBe(true);
    expect(await db.select().from(pricingDimensions).where(eq(pricingDimensions.productId, created.data.productId))).toHaveLength(1);
  });

  it("answers another ISV's product with not found and leaves it alone", async () => {
    const owner = await makeActor(db, "isv");
    const intruder = await makeActor(db, "isv");
    const created = await createProduct(db, owner, input());
    if (!created.ok) throw new Error("create failed");
    const before = await tableCounts(db, ["auditEvents"]);
    expect(await updateProduct(db, intruder, { productId: created.data.productId, product: input({ name: "Mine now" }) })).toEqual({ ok: false, error: NOT_FOUND });
    expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
    expect(await ownProduct(db, intruder.accountId, created.data.productId)).toBeNull();
    const [row] = await db.select().from(products).where(eq(products.id, created.data.productId));
    expect(row?.name).toBe("Vault");
    const list = await listProducts(db, intruder.accountId, parseTableParams(PRODUCTS_TABLE, {}));
    expect(list.total).toBe(0);
  });

  it.each([
    ["no dimensions", { dimensions: [] }, "dimensions"],
    ["a negative price", { dimensions: [{ unitName: "U", price: "-1" }] }, "dimensions.0.price"],
    ["three decimals", { dimensions: [{ unitName: "U", price: "1.005" }] }, "dimensions.0.price"],
    ["a price in words", { dimensions: [{ unitName: "U", price: "ten" }] }, "dimensions.0.price"],
    ["a duplicate unit", { dimensions: [{ unitName: "U", price: "1" }, { unitName: "u", price: "2" }] }, "dimensions.1.unitName"],
    ["a short EULA", { eulaText: "short" }, "eulaText"],
    ["a zero-width name", { name: "Va\u200Bult" }, "name"],
    ["a 2 MB description", { description: "x".repeat(2_000_000) }, "description"],
  ])("refuses %s on its field and writes nothing", async (_label, overrides, field) => {
    const isv = await makeActor(db, "isv");
    const before = await tableCounts(db);
    const result = await createProduct(db, isv, input(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
    expect(await tableCounts(db)).toEqual(before);
  });

  it("stores markup-looking text as text", async () => {
    const isv = await makeActor(db, "isv");
    const created = await createProduct(db, isv, input({ name: "<img src=x onerror=alert(1)>" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await ownProduct(db, isv.accountId, created.data.productId))?.name).toBe("<img src=x onerror=alert(1)>");
  });
});
