// What the HTTP authorization probe (e2e/matrix.spec.ts) needs from the
// database: every object a URL can name, who may see it, and every account's
// name (the private strings to look for). `counts` prints row counts, to prove
// that refused server actions wrote nothing. Run with tsx and the dialect's tsconfig.
import { count } from "drizzle-orm";
import { openDatabase } from "@/db/dialect/client";
import * as schema from "@/db/schema";
import { accounts, agreements, consolidatedBills, discountRequests, disbursements, jobRuns, mailMessages, notifications, opportunities, privateOffers, products, resaleAuthorizations } from "@/db/schema";

async function main() {
  const [command, url] = process.argv.slice(2);
  const handle = openDatabase(url);
  const db = handle.db;
  try {
    if (command === "operations") {
      const { OPERATIONS } = await import("@/lib/actions/registry");
      console.log(JSON.stringify(Object.fromEntries(Object.entries(OPERATIONS).map(([name, operation]) => [name, operation.permission]))));
      return;
    }
    if (command === "counts") {
      const out: Record<string, number> = {};
      for (const [name, table] of Object.entries(schema)) {
        // The dispatcher writes deliveries and mail on its own time, whatever the probe does.
        if (["auditEvents", "throttleCounters", "signInAttempts", "deliveries", "mailMessages"].includes(name)) continue;
        if (typeof table !== "object" || !table || !("getSQL" in (table as object))) continue;
        const [row] = await db.select({ n: count() }).from(table as typeof accounts);
        out[name] = row?.n ?? 0;
      }
      console.log(JSON.stringify(out));
      return;
    }
    const [accountRows, offers, invitations, bills, productRows, agreementRows, payouts, runs, notes, deals, requests, mail] = await Promise.all([
      db.select({ id: accounts.id, type: accounts.type, name: accounts.name }).from(accounts),
      db.select({ id: privateOffers.id, partner: privateOffers.partnerAccountId, customer: privateOffers.customerAccountId, isv: privateOffers.isvAccountId, status: privateOffers.status, extendedAt: privateOffers.extendedAt }).from(privateOffers),
      db.select({ id: resaleAuthorizations.id, isv: resaleAuthorizations.isvAccountId, partner: resaleAuthorizations.partnerAccountId, buyer: resaleAuthorizations.buyerAccountId }).from(resaleAuthorizations),
      db.select({ id: consolidatedBills.id, customer: consolidatedBills.customerAccountId }).from(consolidatedBills),
      db.select({ id: products.id, isv: products.isvAccountId, name: products.name }).from(products),
      db.select({ id: agreements.id, customer: agreements.customerAccountId, partner: agreements.partnerAccountId, isv: agreements.isvAccountId }).from(agreements),
      db.select({ id: disbursements.id, seller: disbursements.sellerAccountId }).from(disbursements),
      db.select({ id: jobRuns.id }).from(jobRuns),
      db.select({ id: notifications.id, account: notifications.accountId }).from(notifications),
      db.select({ id: opportunities.id, partner: opportunities.partnerAccountId, isv: opportunities.isvAccountId, customer: opportunities.customerAccountId }).from(opportunities),
      db.select({ id: discountRequests.id, partner: discountRequests.partnerAccountId, isv: discountRequests.isvAccountId, opportunity: discountRequests.opportunityId }).from(discountRequests),
      db.select({ id: mailMessages.id, to: mailMessages.toAddress, account: mailMessages.accountId }).from(mailMessages),
    ]);
    console.log(JSON.stringify({ accounts: accountRows, offers, invitations, bills, products: productRows, agreements: agreementRows, payouts, runs, notifications: notes, opportunities: deals, requests, mail }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
