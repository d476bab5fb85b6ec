// TESTING.md item 15 and DATA-LAYER.md: transactions are real on both dialects.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, type Db } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { accounts, pricingDimensions, products } from "@/db/schema";
import { createAccount } from "@/lib/accounts/accounts";
import { newId } from "@/lib/ids";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { increment, makeCounter, readCounter } from "@/db/testing/counter";

let test: TestDatabase;
let db: Db;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function accountCount(name: string) {
  const [row] = await db.select({ n: count() }).from(accounts).where(eq(accounts.name, name));
  return row?.n ?? 0;
}

describe(`transactions on ${dialect}`, () => {
  it("commits every write of a successful async transaction", async () => {
    await db.transaction(async (tx) => {
      await createAccount(tx, { type: "isv", name: "commit-a" });
      await tick();
      await createAccount(tx, { type: "isv", name: "commit-a" });
    });
    expect(await accountCount("commit-a")).toBe(2);
  });

  it("rolls back writes made before and after an await when the callback throws", async () => {
    await expect(
      db.transaction(async (tx) => {
        await createAccount(tx, { type: "isv", name: "rollback-a" });
        await tick();
        await createAccount(tx, { type: "isv", name: "rollback-a" });
        await tick();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await accountCount("rollback-a")).toBe(0);
  });

  it("rolls back a failed statement's whole transaction (a constraint error after an await)", async () => {
    await expect(
      db.transaction(async (tx) => {
        await createAccount(tx, { type: "isv", name: "rollback-b" });
        await tick();
        await tx.insert(accounts).values({ id: "not-12-digits", type: "isv", name: "rollback-b", createdAt: new Date() });
      }),
    ).rejects.toThrow();
    expect(await accountCount("rollback-b")).toBe(0);
  });

  it("rolls back only the savepoint when a nested transaction throws", async () => {
    await db.transaction(async (tx) => {
      await createAccount(tx, { type: "isv", name: "sp-outer" });
      await expect(
        tx.transaction(async (inner) => {
          await createAccount(inner, { type: "isv", name: "sp-inner" });
          await tick();
          throw new Error("inner boom");
        }),
      ).rejects.toThrow("inner boom");
      await tx.transaction(async (inner) => {
        await createAccount(inner, { type: "isv", name: "sp-kept" });
        await inner.transaction(async (innermost) => {
          await createAccount(innermost, { type: "isv", name: "sp-kept" });
        });
      });
      await createAccount(tx, { type: "isv", name: "sp-outer" });
    });
    expect(await accountCount("sp-outer")).toBe(2);
    expect(await accountCount("sp-inner")).toBe(0);
    expect(await accountCount("sp-kept")).toBe(2);
  });

  it("rolls back committed savepoints when the outer transaction fails", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await createAccount(inner, { type: "isv", name: "sp-released" });
        });
        throw new Error("outer boom");
      }),
    ).rejects.toThrow("outer boom");
    expect(await accountCount("sp-released")).toBe(0);
  });

  it("refuses to run statements on a transaction that has finished", async () => {
    let escaped: Parameters<Parameters<Db["transaction"]>[0]>[0] | undefined;
    await db.transaction(async (tx) => {
      escaped = tx;
    });
    if (dialect === "sqlite") {
      expect(() => escaped!.select().from(accounts)).toThrow(/already finished/);
    } else {
      // drizzle's pg transaction is bound to a released connection; the statement must not commit anything.
      await expect(
        escaped!.transaction(async () => undefined),
      ).rejects.toThrow();
    }
  });

  it("serializes concurrent read-then-write transactions: no lost update, no SQLITE_BUSY", async () => {
    const id = await makeCounter(db);
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => increment(db, id)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await readCounter(db, id)).toBe(25);
  });

  it("lets reads outside transactions proceed while a transaction is open", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const open = db.transaction(async (tx) => {
      await createAccount(tx, { type: "isv", name: "reader-visible" });
      await gate;
    });
    await tick();
    // The uncommitted row is invisible to an outside read, and the read does not wait for the writer.
    expect(await accountCount("reader-visible")).toBe(0);
    release();
    await open;
    expect(await accountCount("reader-visible")).toBe(1);
  });

  it("keeps no write path outside a transaction on the shared handle", () => {
    if (dialect === "sqlite") {
      expect("insert" in db).toBe(false);
      expect("update" in db).toBe(false);
      expect("delete" in db).toBe(false);
    }
    // On both dialects the Db type exposes only reads and `transaction` (checked by tsc per dialect).
    expect(typeof db.transaction).toBe("function");
  });

  it("reports unique violations the same way on both dialects", async () => {
    const id = "123123123123";
    await db.transaction((tx) => createAccount(tx, { type: "isv", name: "dup", id }));
    const error = await db
      .transaction((tx) => createAccount(tx, { type: "isv", name: "dup", id }).then(() => null))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("round-trips instants to the millisecond and returns counts and sums as numbers", async () => {
    const at = new Date(Date.UTC(2026, 10, 30, 12, 34, 56, 789));
    const account = await db.transaction((tx) => createAccount(tx, { type: "isv", name: "ms" }));
    const productId = newId("prod");
    await db.transaction(async (tx) => {
      await tx.insert(products).values({
        id: productId,
        isvAccountId: account.id,
        name: "p",
        description: "d",
        eulaText: "e",
        currency: "USD",
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(pricingDimensions).values([
        { id: newId("dim"), productId, unitName: "a", unitPriceCents: 9_007_199_254_740, position: 0 },
        { id: newId("dim"), productId, unitName: "b", unitPriceCents: 1, position: 1 },
      ]);
    });
    const [row] = await db.select().from(products).where(eq(products.id, productId));
    expect(row?.createdAt.toISOString()).toBe(at.toISOString());
    const [agg] = await db
      .select({ n: countAll(), total: sumCents(pricingDimensions.unitPriceCents) })
      .from(pricingDimensions)
      .where(eq(pricingDimensions.productId, productId));
    expect(agg).toEqual({ n: 2, total: 9_007_199_254_741 });
  });
});

describe(`two processes writing one ${dialect} database`, () => {
  it("loses no update and fails no transaction", async () => {
    const id = await makeCounter(db);
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, "..");
    const tsconfig = dialect === "pg" ? "tsconfig.pg.json" : "tsconfig.json";
    const child = () =>
      run(path.join(root, "node_modules/.bin/tsx"), ["--tsconfig", tsconfig, "db/testing/concurrent-writer.ts", test.url, id, "150"], {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
      });
    const outputs = await Promise.all([child(), child(), Promise.all(Array.from({ length: 50 }, () => increment(db, id)))]);
    const reports = outputs.slice(0, 2).map((o) => JSON.parse((o as { stdout: string }).stdout) as { ok: number; errors: string[] });
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(reports.map((r) => r.ok)).toEqual([150, 150]);
    expect(await readCounter(db, id)).toBe(350);
  }, 120_000);
});
