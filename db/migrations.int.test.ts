// Migrations apply once, even from two instances at once; constraints live in the database.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { accounts, charges, pricingDimensions, products } from "@/db/schema";
import { createAccount } from "@/lib/accounts/accounts";
import { newId } from "@/lib/ids";
import { createEmptyDatabase, createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";

const dropped: TestDatabase[] = [];
afterAll(async () => {
  for (const t of dropped) await t.drop();
});

describe(`migrations on ${dialect}`, () => {
  it("reports pending migrations, applies them, and is a no-op the second time", async () => {
    const t = await createEmptyDatabase();
    dropped.push(t);
    const before = await t.handle.migrationStatus();
    expect(before.applied).toBe(0);
    expect(before.current).toBe(false);
    expect(before.expected).toBeGreaterThan(0);
    await t.handle.migrate();
    await t.handle.migrate();
    const after = await t.handle.migrationStatus();
    expect(after).toEqual({ applied: before.expected, expected: before.expected, current: true });
  });

  it("applies once when several instances start together", async () => {
    const t = await createEmptyDatabase();
    dropped.push(t);
    const instances = [t.handle, t.reopen(), t.reopen(), t.reopen()];
    const results = await Promise.allSettled(instances.map((h) => h.migrate()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const status = await t.handle.migrationStatus();
    expect(status.current).toBe(true);
    expect(status.applied).toBe(status.expected);
  });
});

describe(`constraints in the ${dialect} database`, () => {
  it("refuses bad rows even when code would let them through", async () => {
    const t = await createTestDatabase();
    dropped.push(t);
    const db = t.handle.db;
    const now = new Date();
    const insertAccount = (id: string) =>
      db.transaction((tx) => tx.insert(accounts).values({ id, type: "isv", name: "x", createdAt: now }));

    await expect(insertAccount("12345678901")).rejects.toThrow(); // 11 digits
    await expect(insertAccount("12345678901a")).rejects.toThrow(); // not digits
    await expect(insertAccount("123456789012")).resolves.toBeDefined();

    // Foreign key: a product of an account that does not exist.
    await expect(
      db.transaction((tx) =>
        tx.insert(products).values({
          id: newId("prod"),
          isvAccountId: "999999999999",
          name: "p",
          description: "d",
          eulaText: "e",
          currency: "USD",
          createdAt: now,
          updatedAt: now,
        }),
      ),
    ).rejects.toThrow();

    const isv = await db.transaction((tx) => createAccount(tx, { type: "isv", name: "isv" }));
    const productId = newId("prod");
    await db.transaction((tx) =>
      tx.insert(products).values({ id: productId, isvAccountId: isv.id, name: "p", description: "d", eulaText: "e", currency: "USD", createdAt: now, updatedAt: now }),
    );
    // A negative price.
    await expect(
      db.transaction((tx) =>
        tx.insert(pricingDimensions).values({ id: newId("dim"), productId, unitName: "u", unitPriceCents: -1, position: 0 }),
      ),
    ).rejects.toThrow();
    const [row] = await db.select().from(pricingDimensions).where(eq(pricingDimensions.productId, productId));
    expect(row).toBeUndefined();
  });

  it("refuses a charge whose split does not balance", async () => {
    const t = await createTestDatabase();
    dropped.push(t);
    // CHECK constraints fire before foreign keys on both dialects, so the dangling ids do not matter here.
    const db = t.handle.db;
    const error = await db
      .transaction((tx) =>
        tx.insert(charges).values({
          id: newId("chg"),
          agreementId: "missing",
          billId: "missing",
          period: "2026-11",
          customerAccountId: "1",
          partnerAccountId: "2",
          isvAccountId: "3",
          listCents: 100,
          wholesaleCents: 80,
          customerCents: 88,
          feeCents: 3,
          isvShareCents: 77,
          partnerShareCents: 9, // 9 + 77 + 3 = 89 ≠ 88
          createdAt: new Date(),
        }),
      )
      .catch((e: unknown) => e);
    expect(String((error as Error).cause ?? error)).toMatch(/charges_split_balances/);
  });
});

describe(`migrations from two processes on ${dialect}`, () => {
  it("apply once when two `npm run db:migrate` start together", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const path = await import("node:path");
    const t = await createEmptyDatabase();
    dropped.push(t);
    const root = path.resolve(import.meta.dirname, "..");
    const migrate = () =>
      promisify(execFile)("node", ["lib/cli/run.mjs", "db:migrate"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.url, AUTH_SECRET: "x".repeat(32) },
      });
    const outputs = await Promise.all([migrate(), migrate()]);
    for (const output of outputs) expect(output.stdout).toContain("Migrations applied");
    const status = await t.handle.migrationStatus();
    expect(status).toEqual({ applied: status.expected, expected: status.expected, current: true });
  }, 60_000);
});
