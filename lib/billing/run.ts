// The billing run for one period: a charge for every agreement due in it, its
// ledger journal, and one consolidated bill per customer. Idempotent and
// resumable: the unique (agreement, period) index decides what exists, inserts
// skip what another run (or a run killed part-way) already committed, and each
// bill's total grows only by the charges this run actually inserted. Rows are
// written through the dialect's bulk path (prepared statements on SQLite,
// unnest arrays on PostgreSQL), 1,000 agreements per transaction.
import { and, asc, eq, gt, gte, inArray, lt, notExists, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { insertMany } from "@/db";
import { countAll } from "@/db/sql";
import { agreements, charges, consolidatedBills, jobRuns, ledgerEntries, privateOffers } from "@/db/schema";
import { chargeSplit } from "@/lib/billing/charges";
import { contractMonthDue, isPeriod, periodEnd, periodStart } from "@/lib/billing/periods";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { chargeJournal } from "@/lib/ledger/journal";

export const NET_DAYS = 30;
/** Agreements per transaction: small enough that the portal's own requests never wait long behind the write lock. */
export const DEFAULT_CHUNK = 1000;
const UPDATE_BATCH = 400;

export interface BillingSummary {
  runId: string;
  period: string;
  agreementsDue: number;
  chargesCreated: number;
  chargesAlreadyThere: number;
  billsTouched: number;
  billedCents: number;
  skippedPaidBills: number;
}

export interface BillingOptions {
  at?: Date;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  runId?: string;
}

function dueFilter(period: string) {
  const start = periodStart(period);
  const end = periodEnd(period);
  // A superset of what is due, refined by contractMonthDue in code.
  return and(
    eq(agreements.status, "active"),
    lt(agreements.startsAt, end),
    or(and(eq(agreements.billing, "monthly"), gt(agreements.endsAt, start)), and(eq(agreements.billing, "upfront"), gte(agreements.startsAt, start))),
    // An agreement already charged for this period is done.
    notExists(sql`(select 1 from ${charges} where ${charges.agreementId} = ${agreements.id} and ${charges.period} = ${period})`),
  );
}

async function inBatches<T>(rows: T[], run: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) await run(rows.slice(i, i + UPDATE_BATCH));
}

export async function runBilling(db: Db, period: string, options: BillingOptions = {}): Promise<BillingSummary> {
  if (!isPeriod(period)) throw new RangeError(`A period is a month written YYYY-MM, not "${period}"`);
  const at = options.at ?? now();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const runId = options.runId ?? newId("run");
  const [{ total } = { total: 0 }] = await db.select({ total: countAll() }).from(agreements).where(dueFilter(period));
  await db.transaction((tx) =>
    tx
      .insert(jobRuns)
      .values({ id: runId, kind: "billing", period, status: "running", done: 0, total, startedAt: at })
      .onConflictDoUpdate({ target: jobRuns.id, set: { total } }),
  );
  const summary: BillingSummary = { runId, period, agreementsDue: 0, chargesCreated: 0, chargesAlreadyThere: 0, billsTouched: 0, billedCents: 0, skippedPaidBills: 0 };
  const touched = new Set<string>();
  let cursor = "";
  let done = 0;
  try {
    for (;;) {
      const candidates = await db
        .select({ agreement: agreements, discountBps: privateOffers.discountBps, additionalDiscountBps: privateOffers.additionalDiscountBps, markupBps: privateOffers.markupBps })
        .from(agreements)
        .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
        .where(and(dueFilter(period), gt(agreements.id, cursor)))
        .orderBy(asc(agreements.id))
        .limit(chunkSize);
      if (candidates.length === 0) break;
      cursor = candidates[candidates.length - 1]!.agreement.id;
      const due = candidates.filter((c) => contractMonthDue(c.agreement, period) !== null);
      summary.agreementsDue += due.length;
      if (due.length) {
        const result = await db.transaction((tx) => billChunk(tx, period, due, at));
        summary.chargesCreated += result.created;
        summary.chargesAlreadyThere += due.length - result.created - result.skippedPaid;
        summary.skippedPaidBills += result.skippedPaid;
        summary.billedCents += result.billedCents;
        for (const id of result.bills) touched.add(id);
      }
      done += candidates.length;
      await db.transaction((tx) => tx.update(jobRuns).set({ done: Math.min(done, total) }).where(eq(jobRuns.id, runId)));
      options.onProgress?.(Math.min(done, total), total);
      if (candidates.length < chunkSize) break;
    }
    summary.billsTouched = touched.size;
    await db.transaction((tx) =>
      tx
        .update(jobRuns)
        .set({ status: "completed", done: total, finishedAt: now(), summary: { agreementsDue: summary.agreementsDue, chargesCreated: summary.chargesCreated, chargesAlreadyThere: summary.chargesAlreadyThere, billsTouched: summary.billsTouched, billedCents: summary.billedCents, skippedPaidBills: summary.skippedPaidBills } })
        .where(eq(jobRuns.id, runId)),
    );
    return summary;
  } catch (error) {
    await db.transaction((tx) => tx.update(jobRuns).set({ status: "failed", finishedAt: now() }).where(eq(jobRuns.id, runId))).catch(() => undefined);
    throw error;
  }
}

type Candidate = {
  agreement: typeof agreements.$inferSelect;
  discountBps: number;
  additionalDiscountBps: number;
  markupBps: number;
};

async function billChunk(tx: Tx, period: string, due: Candidate[], at: Date) {
  // One bill per customer, period and currency: create the missing ones, then read them all.
  const keys = [...new Map(due.map((d) => [`${d.agreement.customerAccountId}|${d.agreement.currency}`, d.agreement])).values()];
  const issuedAt = periodEnd(period) <= at ? periodEnd(period) : at;
  await insertMany(
    tx,
    consolidatedBills,
    keys.map((a) => ({
      id: newId("bill"),
      customerAccountId: a.customerAccountId,
      period,
      currency: a.currency,
      status: "issued" as const,
      totalCents: 0,
      issuedAt,
      dueAt: new Date(issuedAt.getTime() + NET_DAYS * 86_400_000),
      paidAt: null,
    })),
    { skipConflicts: true },
  );
  const bills = await tx
    .select()
    .from(consolidatedBills)
    .where(and(eq(consolidatedBills.period, period), inArray(consolidatedBills.customerAccountId, [...new Set(keys.map((k) => k.customerAccountId))])));
  const billFor = (a: Candidate["agreement"]) => bills.find((b) => b.customerAccountId === a.customerAccountId && b.currency === a.currency)!;

  // A paid bill is closed: charges arriving after payment wait for a correction, they never reopen it.
  const billable = due.filter((d) => billFor(d.agreement).status === "issued");
  const rows = billable.map(({ agreement: a, ...terms }) => {
    const split = chargeSplit({ ...a, ...terms });
    return {
      id: newId("chg"),
      agreementId: a.id,
      billId: billFor(a).id,
      period,
      customerAccountId: a.customerAccountId,
      partnerAccountId: a.partnerAccountId,
      isvAccountId: a.isvAccountId,
      ...split,
      createdAt: at,
    };
  });
  // Another run (or one killed part-way) may have charged some of these already: those rows are skipped.
  const kept = await insertMany(tx, charges, rows, { skipConflicts: true });
  const inserted = rows.filter((r) => kept.has(r.id));

  const currencyOf = new Map(billable.map((d) => [d.agreement.id, d.agreement.currency]));
  await insertMany(
    tx,
    ledgerEntries,
    inserted.flatMap((c) => chargeJournal(c, currencyOf.get(c.agreementId) ?? "USD", at)),
  );

  const perBill = new Map<string, number>();
  for (const c of inserted) perBill.set(c.billId, (perBill.get(c.billId) ?? 0) + c.customerCents);
  // One set-based UPDATE per batch of bills (not one statement per bill); ids sorted so two runs lock in the same order.
  await inBatches([...perBill.entries()].sort(([a], [b]) => (a < b ? -1 : 1)), async (batch) => {
    const increment = sql.join(
      batch.map(([id, cents]) => sql`when ${id} then ${cents}`),
      sql` `,
    );
    await tx
      .update(consolidatedBills)
      .set({ totalCents: sql`${consolidatedBills.totalCents} + (case ${consolidatedBills.id} ${increment} else 0 end)` })
      .where(inArray(consolidatedBills.id, batch.map(([id]) => id)));
  });
  return {
    created: inserted.length,
    skippedPaid: due.length - billable.length,
    billedCents: inserted.reduce((sum, c) => sum + c.customerCents, 0),
    bills: [...perBill.keys()],
  };
}
