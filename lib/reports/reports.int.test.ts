// Reports on a real database: every figure against the ledger for the same
// filter, to the cent, over generated months of billing, payments and payouts
// for two ISVs; the rollups against the lines they sum; who sees which rows and
// columns; the CSV against the table, streamed in chunks.
import fs from "node:fs";
import path from "node:path";
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { alias } from "@/db/dialect/core";
import { accounts, agreements, chargeRollups, charges, consolidatedBills, disbursementLines, disbursements, ledgerEntries, ledgerTotals, pendingShares, periodTotals, privateOffers, products } from "@/db/schema";
import { runDisbursements } from "@/lib/billing/disburse";
import { periodEnd } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { markOverdueBills } from "@/lib/jobs/sweep";
import { listBills, payoutDetail, trialBalance } from "@/lib/billing/queries";
import { BILLS_TABLE } from "@/lib/billing/table";
import { csvResponse } from "@/lib/reports/csv";
import { FEED_HEADER, feedCsvChunks, lineColumns, lineCsvChunks } from "@/lib/reports/export";
import { EMPTY_FILTER, parseReportFilter, type ReportFilter } from "@/lib/reports/filters";
import { allReportLines, channelEffectiveness, customerSpend, marketplaceOverview, reportByMonth, reportByProduct, reportLines, reportTotals, type ReportViewer } from "@/lib/reports/queries";
import { LINES_TABLE, lineCursor } from "@/lib/reports/table";
import { parseTableParams } from "@/lib/tables/parse";
import { addFixtureAgreement, createBillingFixture, type BillingFixture } from "@/db/testing/billing-fixture";
import { createTestDatabase, dialect, execRaw, type TestDatabase } from "@/db/testing/database";
import { moneyViolations, payBills } from "@/db/testing/money";
import { now } from "@/lib/clock";

let test: TestDatabase;
let db: Db;
let a: BillingFixture;
let b: BillingFixture;
const PERIODS = ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  a = await createBillingFixture(db, { customers: 60, period: "2026-07" });
  b = await createBillingFixture(db, { customers: 25, period: "2026-07" });
  // Every third customer of each fixture (billed monthly) leaves its bills from June on unpaid.
  const unpaid = new Set([...a.agreements, ...b.agreements].filter((_, i) => i % 3 === 1).map((g) => g.customerAccountId));
  for (const [i, period] of PERIODS.entries()) {
    const at = new Date(periodEnd(period).getTime() - 1);
    await runBilling(db, period, { at });
    // Most bills paid, some left open (and so overdue later), then a payout run.
    await payBills(db, { at, which: (bill) => bill.period === period && (i < 3 || !unpaid.has(bill.customerAccountId)) });
    if (i % 2 === 1) await runDisbursements(db, { at: new Date(at.getTime() + 3_600_000), chunkSize: 7 });
  }
  // The sweep marks June's unpaid bills overdue (July's are not due yet): the kept overdue figure.
  // Then a late June agreement bills onto one marked bill, and another marked bill is paid.
  const swept = new Date("2026-08-15T00:00:00Z");
  expect(await markOverdueBills(db, swept)).toBeGreaterThan(2);
  const marked = await db.select().from(consolidatedBills).where(and(eq(consolidatedBills.status, "issued"), isNotNull(consolidatedBills.overdueAt)));
  const ofA = marked.filter((bill) => a.agreements.some((g) => g.customerAccountId === bill.customerAccountId));
  expect(ofA.length).toBeGreaterThan(1);
  await addFixtureAgreement(db, a, { customerAccountId: ofA[0]!.customerAccountId, partnerIndex: 0, billing: "monthly", durationMonths: 12, startsAt: new Date("2026-06-10T00:00:00Z"), quantity: 3, unitPriceCents: 4_999, markupBps: 1000 });
  await runBilling(db, "2026-06", { at: new Date(swept.getTime() + 60_000) });
  const [grown] = await db.select().from(consolidatedBills).where(eq(consolidatedBills.id, ofA[0]!.id));
  expect(grown!.totalCents).toBeGreaterThan(ofA[0]!.totalCents);
  await payBills(db, { at: new Date(swept.getTime() + 120_000), which: (bill) => bill.id === ofA[1]!.id });
}, 240_000);
afterAll(async () => {
  await test?.drop();
});

const num = (v: unknown) => Number(v ?? 0);

/** The ledger's view of a filter: postings of the charge journals of the lines in scope. */
async function ledgerSums(filter: ReportFilter, scope: SQL | undefined) {
  const where = and(
    scope,
    isNotNull(ledgerEntries.chargeId),
    filter.from ? gte(charges.period, filter.from) : undefined,
    filter.to ? lte(charges.period, filter.to) : undefined,
    filter.productId ? eq(agreements.productId, filter.productId) : undefined,
    filter.partnerId ? eq(charges.partnerAccountId, filter.partnerId) : undefined,
    filter.isvId ? eq(charges.isvAccountId, filter.isvId) : undefined,
  );
  const rows = await db
    .select({ account: ledgerEntries.ledgerAccount, party: ledgerEntries.partyAccountId, debits: sql`sum(${ledgerEntries.debitCents})`, credits: sql`sum(${ledgerEntries.creditCents})`, n: sql`count(distinct ${charges.id})` })
    .from(ledgerEntries)
    .innerJoin(charges, eq(charges.id, ledgerEntries.chargeId))
    .innerJoin(agreements, eq(agreements.id, charges.agreementId))
    .where(where)
    .groupBy(ledgerEntries.ledgerAccount, ledgerEntries.partyAccountId);
  const sum = (account: string, side: "debits" | "credits", party?: (p: string | null) => boolean) =>
    rows.filter((r) => r.account === account && (!party || party(r.party))).reduce((s, r) => s + num(r[side]), 0);
  return { sum, lines: rows.filter((r) => r.account === "receivable").reduce((s, r) => s + num(r.n), 0) };
}

const filters = (fixture: () => BillingFixture) =>
  fc.record({
    from: fc.option(fc.constantFrom(...PERIODS), { nil: null }),
    to: fc.option(fc.constantFrom(...PERIODS), { nil: null }),
    partner: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
  }).map(({ from, to, partner }) => parseReportFilter({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(partner !== null ? { partner: fixture().partners[partner]! } : {}) }));

describe(`reports on ${dialect}`, () => {
  it("keeps every invariant of the money cycle and of the totals kept as data", async () => {
    expect(await moneyViolations(db)).toEqual([]);
    const tb = await trialBalance(db);
    expect(tb.balanced).toBe(true);
    expect(tb.debits).toBeGreaterThan(0);
  });

  it("gives an ISV, under any filter, the ledger's figures to the cent: totals, every line, each month and product", async () => {
    await fc.assert(
      fc.asyncProperty(filters(() => a), async (filter) => {
        const viewer: ReportViewer = { role: "isv", accountId: a.isv };
        const [totals] = await reportTotals(db, viewer, filter);
        const ledger = await ledgerSums(filter, eq(charges.isvAccountId, a.isv));
        const net = ledger.sum("payable", "credits", (p) => p === a.isv);
        const fee = ledger.sum("fee_revenue", "credits");
        expect(totals?.isvShareCents ?? 0).toBe(net);
        expect(totals?.feeCents ?? 0).toBe(fee);
        expect(totals?.wholesaleCents ?? 0).toBe(net + fee);
        expect(totals?.lines ?? 0).toBe(ledger.lines);
        // Line by line, streamed in small chunks: the same sums and count.
        let lines = 0;
        let wholesale = 0;
        for await (const chunk of allReportLines(db, viewer, filter, 13)) {
          lines += chunk.length;
          wholesale += chunk.reduce((s, l) => s + l.wholesaleCents, 0);
          for (const l of chunk) {
            expect(l.isvAccountId).toBe(a.isv);
            expect(l.customerName).toBeNull();
            expect(l.offerName).toBeNull();
            expect(l.customerCents).toBeNull();
            expect(l.partnerShareCents).toBeNull();
          }
        }
        expect(lines).toBe(ledger.lines);
        expect(wholesale).toBe(net + fee);
        const months = await reportByMonth(db, viewer, filter);
        expect(months.reduce((s, m) => s + m.isvShareCents, 0)).toBe(net);
        const products = await reportByProduct(db, viewer, filter);
        expect(products.reduce((s, p) => s + p.wholesaleCents, 0)).toBe(net + fee);
      }),
      { numRuns: 12 },
    );
  });

  it("gives a partner its gross, cost, fee and margin as the ledger has them", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        filters(() => a),
        async (which, raw) => {
          const partner = a.partners[which]!;
          const filter = { ...raw, partnerId: null };
          const viewer: ReportViewer = { role: "partner", accountId: partner };
          const [totals] = await reportTotals(db, viewer, filter);
          const ledger = await ledgerSums(filter, eq(charges.partnerAccountId, partner));
          expect(totals?.partnerShareCents ?? 0).toBe(ledger.sum("payable", "credits", (p) => p === partner));
          expect(totals?.customerCents ?? 0).toBe(ledger.sum("receivable", "debits"));
          expect(totals?.feeCents ?? 0).toBe(ledger.sum("fee_revenue", "credits"));
          expect(totals?.wholesaleCents ?? 0).toBe(ledger.sum("payable", "credits", (p) => p === a.isv) + ledger.sum("fee_revenue", "credits"));
        },
      ),
      { numRuns: 10 },
    );
  });

  it("pages the lines by page number in exactly the order of the whole list, newest or oldest first, under a filter", async () => {
    const cases: Array<[ReportViewer, ReportFilter]> = [
      [{ role: "isv", accountId: a.isv }, EMPTY_FILTER],
      [{ role: "rep" }, EMPTY_FILTER],
      // Deep pages skip over the charges alone: the product (an agreement's) must narrow them the same way.
      [{ role: "rep" }, { ...EMPTY_FILTER, productId: b.productId }],
      [{ role: "isv", accountId: a.isv }, { ...EMPTY_FILTER, productId: a.productId, partnerId: a.partners[1]!, from: PERIODS[1]! }],
    ];
    for (const [viewer, filter] of cases) {
      const all: string[] = [];
      for await (const chunk of allReportLines(db, viewer, filter, 50)) all.push(...chunk.map((l) => l.id));
      const [totals] = await reportTotals(db, viewer, filter);
      expect(all.length).toBe(totals!.lines);
      expect(all.length).toBeGreaterThan(50);
      for (const dir of ["desc", "asc"] as const) {
        const seen: string[] = [];
        for (let page = 1; ; page++) {
          const { rows, total } = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: String(page), size: "25", dir }));
          seen.push(...rows.map((r) => r.id));
          if (page * 25 >= total) break;
        }
        expect(seen).toEqual(dir === "asc" ? all : [...all].reverse());
      }
    }
  });

  it("pages by cursor as by page number: Next from the last line, Previous from the first, either order", async () => {
    const viewer: ReportViewer = { role: "rep" };
    const filter = parseReportFilter({ from: PERIODS[1]! });
    for (const dir of ["desc", "asc"] as const) {
      const byNumber: string[][] = [];
      const first = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { size: "25", dir }));
      const pages = Math.ceil(first.total / 25);
      expect(pages).toBeGreaterThan(3);
      for (let page = 1; page <= pages; page++) {
        byNumber.push((await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: String(page), size: "25", dir }))).rows.map((r) => r.id));
      }
      // Forward by the last line's cursor, as the table's Next writes the URL.
      let rows = first.rows;
      for (let page = 2; page <= pages; page++) {
        const next = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: String(page), size: "25", dir, after: lineCursor(rows[rows.length - 1]!) }));
        expect(next.page).toBe(page);
        expect(next.rows.map((r) => r.id)).toEqual(byNumber[page - 1]);
        rows = next.rows;
      }
      // Past the end: nothing, not an error.
      const past = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: String(pages + 1), size: "25", dir, after: lineCursor(rows[rows.length - 1]!) }));
      expect(past.rows).toEqual([]);
      // Back by the first line's cursor, page by page, to page 2 (page 1 is read from the top).
      for (let page = pages - 1; page >= 2; page--) {
        const prev = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: String(page), size: "25", dir, before: lineCursor(rows[0]!) }));
        expect(prev.rows.map((r) => r.id)).toEqual(byNumber[page - 1]);
        rows = prev.rows;
      }
    }
    // A Previous whose cursor sits within the first page (lines billed since) starts again at page 1.
    const top = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { size: "25" }));
    const near = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: "3", size: "25", before: lineCursor(top.rows[5]!) }));
    expect(near.page).toBe(1);
    expect(near.rows.map((r) => r.id)).toEqual(top.rows.map((r) => r.id));
    // A cursor the table never wrote is ignored: the page number decides.
    for (const after of ["2026-05~x' OR 1=1 --", "junk", "9999-99", "2026-05~" + "a".repeat(200)]) {
      const page = await reportLines(db, viewer, filter, parseTableParams(LINES_TABLE, { page: "2", size: "25", after }));
      expect(page.page).toBe(2);
      expect(page.rows.map((r) => r.id)).toHaveLength(25);
    }
    // Another seller's line as the cursor moves the window, never widens the scope.
    const other = await reportLines(db, { role: "partner", accountId: b.partners[0]! }, EMPTY_FILTER, parseTableParams(LINES_TABLE, {}));
    const foreign = await reportLines(db, { role: "partner", accountId: a.partners[0]! }, filter, parseTableParams(LINES_TABLE, { page: "2", size: "100", after: lineCursor(other.rows[0]!) }));
    expect(foreign.rows.length).toBeGreaterThan(0);
    expect(foreign.rows.every((r) => r.partnerAccountId === a.partners[0])).toBe(true);
  });

  it("shows each line's payout as the disbursements record it", async () => {
    const viewer: ReportViewer = { role: "isv", accountId: a.isv };
    let paidOut = 0;
    const statuses = new Set<string>();
    for await (const chunk of allReportLines(db, viewer, EMPTY_FILTER)) {
      for (const l of chunk) {
        statuses.add(l.status);
        if (l.status === "paid_out") paidOut += l.isvShareCents;
      }
    }
    const [disbursed] = await db
      .select({ cents: sql`coalesce(sum(${disbursementLines.amountCents}), 0)` })
      .from(disbursementLines)
      .innerJoin(disbursements, eq(disbursements.id, disbursementLines.disbursementId))
      .where(and(eq(disbursements.sellerAccountId, a.isv), eq(disbursements.status, "completed")));
    expect(paidOut).toBe(num(disbursed?.cents));
    // The history holds every stage: paid out, collected and waiting, and invoiced or overdue.
    expect(statuses.has("paid_out")).toBe(true);
    expect(statuses.has("collected")).toBe(true);
    expect([...statuses].some((s) => s === "invoiced" || s === "overdue")).toBe(true);
  });

  it("names on each line its own product, offer, vendor, partner, customer and payout, as one join of the rows says", async () => {
    // The lines' query joins only the charge, bill and agreement; the names are read after, by id.
    // The oracle is the single join the report was before.
    const partnerAccount = alias(accounts, "partner");
    const isvAccount = alias(accounts, "isv");
    const customerAccount = alias(accounts, "customer");
    const joined = async (role: "isv" | "partner") =>
      db
        .select({
          id: charges.id,
          product: products.name,
          offer: privateOffers.name,
          partner: partnerAccount.name,
          isv: isvAccount.name,
          customer: customerAccount.name,
          payout: disbursements.reference,
        })
        .from(charges)
        .innerJoin(agreements, eq(agreements.id, charges.agreementId))
        .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
        .innerJoin(products, eq(products.id, agreements.productId))
        .innerJoin(partnerAccount, eq(partnerAccount.id, charges.partnerAccountId))
        .innerJoin(isvAccount, eq(isvAccount.id, charges.isvAccountId))
        .innerJoin(customerAccount, eq(customerAccount.id, charges.customerAccountId))
        .leftJoin(disbursementLines, and(eq(disbursementLines.chargeId, charges.id), eq(disbursementLines.shareRole, role)))
        .leftJoin(disbursements, eq(disbursements.id, disbursementLines.disbursementId));
    const truth = new Map((await joined("partner")).map((r) => [r.id, r]));
    let seen = 0;
    let paidOut = 0;
    for await (const chunk of allReportLines(db, { role: "partner", accountId: a.partners[0]! }, EMPTY_FILTER, 17)) {
      for (const l of chunk) {
        const t = truth.get(l.id)!;
        expect({ id: l.id, product: l.productName, offer: l.offerName, partner: l.partnerName, isv: l.isvName, customer: l.customerName, payout: l.payoutReference }).toEqual(t);
        seen++;
        if (t.payout) paidOut++;
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(paidOut).toBeGreaterThan(0);
    // A payout's remittance: each line's product, partner and customer (the vendor's without the customer).
    const isvTruth = new Map((await joined("isv")).map((r) => [r.id, r]));
    const [payout] = await db.select().from(disbursements).where(and(eq(disbursements.sellerAccountId, a.isv), eq(disbursements.status, "completed"))).limit(1);
    for (const viewer of [{ role: "isv", accountId: a.isv }, { role: "rep" }] as const) {
      const detail = (await payoutDetail(db, payout!.id, viewer, { limit: 500 }))!;
      expect(detail.lines.length).toBe(payout!.lineCount);
      const chargeOf = new Map((await db.select({ id: disbursementLines.id, chargeId: disbursementLines.chargeId }).from(disbursementLines).where(eq(disbursementLines.disbursementId, payout!.id))).map((r) => [r.id, r.chargeId]));
      for (const line of detail.lines) {
        const t = isvTruth.get(chargeOf.get(line.id)!)!;
        expect({ product: line.productName, partner: line.partnerName, customer: line.customerName }).toEqual({ product: t.product, partner: t.partner, customer: viewer.role === "isv" ? null : t.customer });
      }
    }
  });

  it("never shows one ISV's or partner's lines to another", async () => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for await (const chunk of allReportLines(db, { role: "isv", accountId: own.isv }, EMPTY_FILTER)) expect(chunk.every((l) => l.isvAccountId === own.isv)).toBe(true);
      for await (const chunk of allReportLines(db, { role: "partner", accountId: own.partners[0]! }, EMPTY_FILTER)) expect(chunk.every((l) => l.partnerAccountId === own.partners[0])).toBe(true);
      // Filtering by another tenant's partner finds nothing rather than its lines.
      const [none] = await reportTotals(db, { role: "isv", accountId: own.isv }, { ...EMPTY_FILTER, partnerId: other.partners[0]! });
      expect(none).toBeUndefined();
      const crossed = await reportLines(db, { role: "isv", accountId: own.isv }, { ...EMPTY_FILTER, partnerId: other.partners[0]! }, parseTableParams(LINES_TABLE, {}));
      expect(crossed.rows).toEqual([]);
    }
    // A partner's isv filter cannot reach past its own lines either.
    const [partnerTotals] = await reportTotals(db, { role: "partner", accountId: a.partners[0]! }, { ...EMPTY_FILTER, isvId: b.isv });
    expect(partnerTotals).toBeUndefined();
  });

  it("exports exactly the filtered lines as CSV, the ISV's without customer, price or markup", async () => {
    const filter = parseReportFilter({ from: "2026-04", to: "2026-06", partner: a.partners[1]! });
    const viewer: ReportViewer = { role: "isv", accountId: a.isv };
    const columns = lineColumns("isv");
    const text = await csvResponse("x.csv", columns.map((c) => c.header), lineCsvChunks(db, viewer, filter)).text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(columns.map((c) => c.header));
    expect(rows[0]!.join(",")).not.toMatch(/customer|gross|margin|markup/);
    const body = rows.slice(1);
    const [totals] = await reportTotals(db, viewer, filter);
    expect(body.length).toBe(totals!.lines);
    const net = columns.findIndex((c) => c.header === "net_revenue");
    expect(body.reduce((s, r) => s + Math.round(Number(r[net]) * 100), 0)).toBe(totals!.isvShareCents);
    // Nor the partner's name for its offer, which may name the customer.
    expect(text).not.toMatch(/Fixture Customer|Fixture offer/);
    const feed = await csvResponse("feed.csv", FEED_HEADER, feedCsvChunks(db, viewer, EMPTY_FILTER)).text();
    expect(feed).toMatch(/\r\ndisbursed,/);
    expect(feed).not.toMatch(/Fixture Customer|Fixture offer/);
    const buyer = columns.findIndex((c) => c.header === "buyer_name");
    expect(new Set(body.map((r) => r[buyer]))).toEqual(new Set(["Fixture Partner 1"]));
  });

  it("feeds a seller's money events: each line invoiced, collected when paid, and each paid-out share", async () => {
    const seller = { role: "partner" as const, accountId: a.partners[0]! };
    const text = await csvResponse("feed.csv", FEED_HEADER, feedCsvChunks(db, seller, EMPTY_FILTER)).text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...FEED_HEADER]);
    const events = rows.slice(1);
    const [totals] = await reportTotals(db, seller, EMPTY_FILTER);
    const net = FEED_HEADER.indexOf("net_amount");
    const cents = (event: string) => events.filter((r) => r[0] === event).reduce((s, r) => s + Math.round(Number(r[net]) * 100), 0);
    expect(events.filter((r) => r[0] === "invoiced").length).toBe(totals!.lines);
    expect(cents("invoiced")).toBe(totals!.partnerShareCents);
    const ledger = await ledgerSums(EMPTY_FILTER, eq(charges.partnerAccountId, seller.accountId));
    expect(cents("invoiced")).toBe(ledger.sum("payable", "credits", (p) => p === seller.accountId));
    const [paid] = await db
      .select({ cents: sql`coalesce(sum(${disbursements.amountCents}), 0)` })
      .from(disbursements)
      .where(and(eq(disbursements.sellerAccountId, seller.accountId), eq(disbursements.status, "completed")));
    expect(cents("disbursed")).toBe(num(paid?.cents));
    const [ledgerPaid] = await db
      .select({ cents: sql`coalesce(sum(${ledgerEntries.debitCents}), 0)` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.ledgerAccount, "payable"), eq(ledgerEntries.partyAccountId, seller.accountId)));
    expect(cents("disbursed")).toBe(num(ledgerPaid?.cents));
    // A partner's counterpart is its customer.
    expect(events.every((r) => r[FEED_HEADER.indexOf("counterpart_name")]!.startsWith("Fixture Customer"))).toBe(true);
  });

  it("gives a customer its spend as the ledger charged it", async () => {
    for (const customer of a.customers.slice(0, 8)) {
      const spend = await customerSpend(db, customer, { from: "2026-04", to: "2026-07" });
      const [ledger] = await db
        .select({ cents: sql`coalesce(sum(${ledgerEntries.debitCents}), 0)` })
        .from(ledgerEntries)
        .innerJoin(charges, eq(charges.id, ledgerEntries.chargeId))
        .where(and(eq(ledgerEntries.ledgerAccount, "receivable"), eq(ledgerEntries.partyAccountId, customer), gte(charges.period, "2026-04"), lte(charges.period, "2026-07")));
      expect(spend.totalCents).toBe(num(ledger?.cents));
      expect(spend.byProduct.reduce((s, p) => s + p.cents, 0)).toBe(spend.totalCents);
      expect(spend.bySeller.reduce((s, p) => s + p.cents, 0)).toBe(spend.totalCents);
    }
  });

  it("gives reps the marketplace's figures as the ledger holds them", async () => {
    const o = await marketplaceOverview(db, { from: null, to: null });
    const account = async (name: "receivable" | "cash" | "fee_revenue" | "payable", side: "debit" | "credit", chargeOnly = false) => {
      const column = side === "debit" ? ledgerEntries.debitCents : ledgerEntries.creditCents;
      const [row] = await db
        .select({ cents: sql`coalesce(sum(${column}), 0)` })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.ledgerAccount, name), chargeOnly ? isNotNull(ledgerEntries.chargeId) : undefined));
      return num(row?.cents);
    };
    expect(o.gmvCents).toBe(await account("receivable", "debit", true));
    expect(o.feeCents).toBe(await account("fee_revenue", "credit"));
    expect(o.collectedCents).toBe(await account("cash", "debit"));
    expect(o.paidOutCents).toBe(await account("payable", "debit"));
    expect(o.paidOutAllTimeCents).toBe(await account("payable", "debit"));
    expect(o.receivablesCents).toBe((await account("receivable", "debit")) - (await account("receivable", "credit")));
    const [pending] = await db.select({ cents: sql`coalesce(sum(${pendingShares.amountCents}), 0)` }).from(pendingShares);
    expect(o.disbursementsDueCents).toBe(num(pending?.cents));
    const [open] = await db.select({ n: sql`count(*)`, cents: sql`coalesce(sum(${consolidatedBills.totalCents}), 0)` }).from(consolidatedBills).where(eq(consolidatedBills.status, "issued"));
    expect(o.openBills).toBe(num(open?.n));
    expect(o.receivablesCents).toBe(num(open?.cents));
    // Overdue: the sweep's marked bills (kept) and those past due it has not seen (read) — every
    // open bill past due, as a full scan finds them. Both parts are present in this history.
    const at = now();
    const [overdue] = await db.select({ n: sql`count(*)`, cents: sql`coalesce(sum(${consolidatedBills.totalCents}), 0)` }).from(consolidatedBills).where(and(eq(consolidatedBills.status, "issued"), lt(consolidatedBills.dueAt, at)));
    const [unmarked] = await db.select({ n: sql`count(*)` }).from(consolidatedBills).where(and(eq(consolidatedBills.status, "issued"), lt(consolidatedBills.dueAt, at), isNull(consolidatedBills.overdueAt)));
    expect(num(unmarked?.n)).toBeGreaterThan(0);
    expect(num(overdue?.n)).toBeGreaterThan(num(unmarked?.n));
    expect({ bills: o.overdueBills, cents: o.overdueCents }).toEqual({ bills: num(overdue?.n), cents: num(overdue?.cents) });
    expect(o.periods.map((p) => p.period)).toEqual(PERIODS);
    // Paid out by the month (UTC) each payout completed (kept as data), as grouping the payouts finds it.
    const byMonth = new Map<string, { month: string; cents: number; payouts: number }>();
    for (const d of await db.select().from(disbursements).where(and(eq(disbursements.status, "completed"), eq(disbursements.currency, "USD")))) {
      const month = d.completedAt!.toISOString().slice(0, 7);
      const into = byMonth.get(month) ?? { month, cents: 0, payouts: 0 };
      into.cents += d.amountCents;
      into.payouts += 1;
      byMonth.set(month, into);
    }
    expect(byMonth.size).toBeGreaterThan(0);
    expect(o.paidOutByMonth).toEqual([...byMonth.values()].sort((x, y) => x.month.localeCompare(y.month)));
    // A period range: the months inside it.
    const some = await marketplaceOverview(db, { from: "2026-04", to: "2026-05" });
    const [inRange] = await db
      .select({ cents: sql`coalesce(sum(${charges.customerCents}), 0)` })
      .from(charges)
      .where(inArray(charges.period, ["2026-04", "2026-05"]));
    expect(some.gmvCents).toBe(num(inRange?.cents));
    expect(some.periods.map((p) => p.period)).toEqual(["2026-04", "2026-05"]);
    // Open bills and receivables are as of now, whatever range the charts show.
    expect({ bills: some.openBills, cents: some.receivablesCents }).toEqual({ bills: num(open?.n), cents: num(open?.cents) });
  });

  it("counts the marketplace's bills by state as kept, equal to counting the rows", async () => {
    const at = now();
    const rows = await db.select({ status: consolidatedBills.status, dueAt: consolidatedBills.dueAt }).from(consolidatedBills);
    const byState = { paid: rows.filter((r) => r.status === "paid").length, overdue: rows.filter((r) => r.status === "issued" && r.dueAt < at).length, open: rows.filter((r) => r.status === "issued" && r.dueAt >= at).length };
    expect(byState.overdue).toBeGreaterThan(0);
    expect(byState.paid).toBeGreaterThan(0);
    for (const states of [[], ["open"], ["overdue"], ["paid"], ["open", "overdue"], ["overdue", "paid"], ["open", "overdue", "paid"]] as const) {
      const { total, rows: page } = await listBills(db, null, parseTableParams(BILLS_TABLE, { state: states.join(",") }));
      const expected = states.length ? states.reduce((n, s) => n + byState[s], 0) : rows.length;
      expect({ states, total }).toEqual({ states, total: expected });
      expect(page.length).toBe(Math.min(25, expected));
    }
    // A search is counted from the rows.
    const one = rows.length > 0 ? (await db.select({ number: consolidatedBills.number }).from(consolidatedBills).limit(1))[0]!.number : "";
    expect((await listBills(db, null, parseTableParams(BILLS_TABLE, { q: one }))).total).toBe(1);
  });

  it("measures each partner's channel: invitations, offers, conversion and billed wholesale", async () => {
    const rows = await channelEffectiveness(db, a.isv, EMPTY_FILTER);
    expect(rows.map((r) => r.partnerAccountId).sort()).toEqual([...a.partners].sort());
    const [totals] = await reportTotals(db, { role: "isv", accountId: a.isv }, EMPTY_FILTER);
    expect(rows.reduce((s, r) => s + r.billedWholesaleCents, 0)).toBe(totals!.wholesaleCents);
    for (const r of rows) {
      expect(r.invitationsSent).toBe(1);
      expect(r.invitationsAccepted).toBe(1);
      expect(r.offersAccepted).toBe(r.offersExtended);
      expect(r.conversionBps).toBe(10_000);
    }
    expect(rows.reduce((s, r) => s + r.offersExtended, 0)).toBe(61);
  });
});

describe(`the reports migration on ${dialect}`, () => {
  it("fills the kept totals from an existing history exactly as the transactions keep them", async () => {
    // The backfill statements of 0006, 0007 (the overdue figures) and 0014 (paid out by month), run on this
    // history after emptying what they fill.
    const read = (name: string) => fs.readFileSync(path.join(process.cwd(), "db", "migrations", dialect, name), "utf8");
    const statements = (text: string) => text.split("--> statement-breakpoint").map((s) => s.trim()).filter(Boolean);
    const reports = read("0006_reports.sql");
    const backfill = [
      ...statements(reports.slice(reports.indexOf("INSERT INTO ledger_totals"))),
      ...statements(read("0007_overdue_kept.sql")).filter((s) => s.startsWith("UPDATE")),
      ...statements(read("0014_payouts_by_month.sql")).filter((s) => s.startsWith("INSERT")),
    ];
    expect(backfill).toHaveLength(5);
    const [kept] = await db.select({ bills: sql`sum(${periodTotals.overdueBills})`, payouts: sql`sum(${periodTotals.payouts})` }).from(periodTotals);
    expect(num(kept?.bills)).toBeGreaterThan(0);
    expect(num(kept?.payouts)).toBeGreaterThan(0);
    const before = { ledger: await db.select().from(ledgerTotals), rollups: await db.select().from(chargeRollups), periods: await db.select().from(periodTotals) };
    await execRaw(test.url, ["delete from ledger_totals", "delete from charge_rollups", "delete from period_totals", ...backfill]);
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(await db.select().from(ledgerTotals))).toEqual(sorted(before.ledger));
    expect(sorted(await db.select().from(chargeRollups))).toEqual(sorted(before.rollups));
    expect(sorted(await db.select().from(periodTotals))).toEqual(sorted(before.periods));
    expect(await moneyViolations(db)).toEqual([]);
  });
});

/** RFC 4180, for reading our own exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}
