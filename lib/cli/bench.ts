// `npm run bench`: data-layer figures on the configured dialect, in a
// throw-away database (a temp SQLite file, or a fresh PostgreSQL database on
// DATABASE_URL's server). Figures, not pass/fail: speed targets live
// here, not in timed tests.
import { eq } from "drizzle-orm";
import { accounts, notifications, pricingDimensions, products } from "@/db/schema";
import { runBilling } from "@/lib/billing/run";
import { createBillingFixture, expectedCharges } from "@/db/testing/billing-fixture";
import { createTestDatabase } from "@/db/testing/database";
import { increment, makeCounter, readCounter } from "@/db/testing/counter";
import { createAccount } from "@/lib/accounts/accounts";
import { newId } from "@/lib/ids";

async function measure(label: string, units: number, unit: string, work: () => Promise<void>) {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const rate = Math.round((units / ms) * 1000);
  console.log(`${label.padEnd(48)} ${String(units).padStart(7)} ${unit.padEnd(8)} ${ms.toFixed(0).padStart(7)} ms ${String(rate).padStart(9)} ${unit}/s`);
  return rate;
}

export async function runBench() {
  // On PostgreSQL the throw-away database is made on DATABASE_URL's server.
  if (process.env.DATABASE_URL?.startsWith("postgres")) process.env.TEST_PG_URL ??= process.env.DATABASE_URL;
  const test = await createTestDatabase();
  const db = test.handle.db;
  console.log(`\ncppo-portal data-layer bench · ${test.handle.dialect} · node ${process.version}\n`);
  try {
    await measure("write transactions, one insert each, sequential", 2_000, "tx", async () => {
      for (let i = 0; i < 2_000; i++) await db.transaction((tx) => createAccount(tx, { type: "customer", name: `bench ${i}` }));
    });

    const counter = await makeCounter(db);
    await measure("read-then-write, row lock + 1 ms await, 20 in flight", 1_000, "tx", async () => {
      for (let batch = 0; batch < 50; batch++) await Promise.all(Array.from({ length: 20 }, () => increment(db, counter)));
    });
    const value = await readCounter(db, counter);
    if (value !== 1_000) throw new Error(`lost updates: counter is ${value}, expected 1000`);

    const isv = await db.transaction((tx) => createAccount(tx, { type: "isv", name: "bench isv" }));
    const productId = newId("prod");
    const at = new Date();
    await db.transaction((tx) =>
      tx.insert(products).values({ id: productId, isvAccountId: isv.id, name: "p", description: "d", eulaText: "e", currency: "USD", createdAt: at, updatedAt: at }),
    );
    await measure("bulk insert, drizzle VALUES, 500 rows/statement", 20_000, "rows", async () => {
      for (let chunk = 0; chunk < 40; chunk++) {
        await db.transaction((tx) =>
          tx.insert(pricingDimensions).values(
            Array.from({ length: 500 }, (_, i) => ({
              id: newId("dim"),
              productId,
              unitName: `unit ${chunk}-${i}`,
              unitPriceCents: chunk * 500 + i,
              position: i,
            })),
          ),
        );
      }
    });

    // The billing run's bulk path beside a plain batched insert loop on the same database.
    const customers = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 20_000);
    const fixture = await createBillingFixture(db, { customers, period: "2026-09" });
    const due = expectedCharges(fixture, "2026-09").size;
    await measure(`billing run (${customers} agreements, ${due} due): charges`, due, "charges", async () => {
      const summary = await runBilling(db, "2026-09");
      if (summary.chargesCreated !== due) throw new Error(`billing created ${summary.chargesCreated}, expected ${due}`);
    });
    await measure("same rows, plain 400-row INSERT loop (no split, bills, ledger)", due, "rows", async () => {
      const rows = Array.from({ length: due }, (_, i) => ({ id: newId("ntf"), accountId: isv.id, kind: "bench", title: `row ${i}`, body: "b", createdAt: at }));
      for (let i = 0; i < rows.length; i += 400) {
        const batch = rows.slice(i, i + 400);
        await db.transaction((tx) => tx.insert(notifications).values(batch));
      }
    });

    const ids = (await db.select({ id: accounts.id }).from(accounts).limit(500)).map((r) => r.id);
    await measure("point reads by primary key, outside transactions", 5_000, "reads", async () => {
      for (let i = 0; i < 5_000; i++) await db.select().from(accounts).where(eq(accounts.id, ids[i % ids.length]!));
    });
  } finally {
    await test.drop();
  }
}
