// Database side of the browser tests that run their own server (e2e/crash.spec.ts):
// `make <url> <agreements>` builds a marketplace and a rep to sign in as;
// `check <url> <period>` prints what the period holds against a clean run's
// figures, and every money invariant. Run with tsx and the dialect's tsconfig.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { openDatabase } from "@/db/dialect/client";
import { ensureReferenceData } from "@/db/seed";
import { agreements, charges, jobRuns } from "@/db/schema";
import { createAccount, createUser } from "@/lib/accounts/accounts";
import { hashPassword } from "@/lib/auth/password";
import { periodEnd, periodStart } from "@/lib/billing/periods";
import { DEMO_PASSWORD } from "@/lib/demo";
import { createBulkMarketplace } from "@/db/testing/bulk-fixture";
import { moneyViolations } from "@/db/testing/money";

async function main() {
  const [command, url, arg] = process.argv.slice(2);
  const handle = openDatabase(url);
  const db = handle.db;
  try {
    if (command === "make") {
      await handle.migrate();
      await ensureReferenceData(db);
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await db.transaction(async (tx) => {
        const account = await createAccount(tx, { type: "marketplace", name: "The Marketplace" });
        await createUser(tx, { accountId: account.id, email: "rep@crash.example", name: "Crash Rep", role: "rep", passwordHash });
      });
      const now = new Date();
      const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6));
      await createBulkMarketplace(db, { vendors: 3, partners: 3, customers: 500, agreements: Number(arg), startsAt: () => startsAt });
      console.log(JSON.stringify({ ok: true }));
    } else if (command === "check") {
      const period = arg!;
      const [due] = await db
        .select({ n: sql`count(*)`.mapWith(Number), cents: sql`coalesce(sum(${agreements.customerCentsPerMonth}), 0)`.mapWith(Number) })
        .from(agreements)
        .where(and(gte(agreements.startsAt, periodStart(period)), lt(agreements.startsAt, periodEnd(period))));
      const [billed] = await db
        .select({ n: sql`count(*)`.mapWith(Number), cents: sql`coalesce(sum(${charges.customerCents}), 0)`.mapWith(Number) })
        .from(charges)
        .where(eq(charges.period, period));
      const runs = await db.select({ status: jobRuns.status, takeovers: jobRuns.takeovers, done: jobRuns.done, total: jobRuns.total }).from(jobRuns).where(eq(jobRuns.kind, "billing"));
      console.log(JSON.stringify({ due, billed, runs, violations: await moneyViolations(db) }));
    } else throw new Error(`unknown command ${command}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
