// The billing run for one period: a charge for every agreement due in it, its
// ledger journal, and its customer's consolidated bill.
//
// - Exactly once: the unique (agreement, period) index decides what exists;
//   inserts skip what another run (or a run killed part-way) already committed.
// - Bills close atomically: a chunk takes the same per-customer-and-period lock
//   a payment takes, reads the bills' status under it, and puts charges only on
//   a bill that is still open. A charge that comes due after its period's bill
//   was paid goes on a supplementary bill (sequence 1, 2, …), never on the
//   paid one; the database refuses it too (trigger charges_open_bill_only).
// - Owned by a lease (lib/jobs/lease.ts): every chunk commits with the run's
//   progress and cursor, fenced by the lease, so a run killed anywhere is taken
//   over by the next one and finished from its cursor.
// - Periods in order: a period can be billed once it has begun, never before.
// - Customer by customer: agreements are read in the order of agreements_customer_idx (customer,
//   start, id), so a chunk's bills, charges, postings and notifications land next to each other in
//   every index keyed by the customer instead of on a page each (with time-ordered ids, a SQLite
//   chunk of 100 agreements wrote ~200 pages to the WAL in agreement-id order).
// Rows are written through the dialect's bulk path (prepared statements on
// SQLite, unnest arrays on PostgreSQL).
import { and, asc, eq, gt, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { builtDialect, forUpdate, insertMany, lockKeys } from "@/db";
import { countAll, sumCents } from "@/db/sql";
import { agreements, charges, consolidatedBills, ledgerEntries, privateOffers } from "@/db/schema";
import type { JobTrigger } from "@/db/enums";
import { adjustSellerBalances, type BalanceDelta } from "@/lib/billing/balances";
import { billLockKey, billNumber } from "@/lib/billing/bill-number";
import { chargeSplit } from "@/lib/billing/charges";
import { addChargeTotals, addLedgerTotals } from "@/lib/reports/totals";
import { contractMonthDue, isPeriod, periodEnd, periodOfDate, periodStart } from "@/lib/billing/periods";
import { now } from "@/lib/clock";
import { dayOf } from "@/lib/dates";
import { newId } from "@/lib/ids";
import { claimRun, fence, finishRun, LeaseLost, SimulatedDeath, withHeartbeat, type Claim } from "@/lib/jobs/lease";
import { chargeJournal } from "@/lib/ledger/journal";
import { notifyMany } from "@/lib/notifications/notify";

export const NET_DAYS = 30;
/**
 * Agreements per transaction. On SQLite every chunk holds the database's one
 * write lock, so chunks stay small enough (~20–40 ms) that the portal's own
 * writes never wait long behind a run; PostgreSQL locks rows, so chunks can be larger.
 */
export const DEFAULT_CHUNK = builtDialect === "sqlite" ? 100 : 1000;
const UPDATE_BATCH = 400;

/** Every figure a run reports; kept in the run's row, so a run taken over reports the whole of it. */
export interface BillingSummary {
  runId: string;
  period: string;
  agreementsDue: number;
  chargesCreated: number;
  /** Due agreements another run charged between this run's read and its write. */
  chargesAlreadyThere: number;
  billsCreated: number;
  supplementaryBills: number;
  chargesOnSupplementary: number;
  billedCents: number;
  /** What exists for the period once the run ends, whoever billed it. */
  periodCharges: number;
  periodBills: number;
  periodBilledCents: number;
  takeovers: number;
}

const COUNTERS = ["agreementsDue", "chargesCreated", "chargesAlreadyThere", "billsCreated", "supplementaryBills", "chargesOnSupplementary", "billedCents"] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

export class PeriodNotBegun extends RangeError {
  constructor(readonly period: string) {
    super(`${period} has not begun: a period can be billed from its first day, ${dayOf(periodStart(period))}.`);
  }
}

export interface BillingOptions {
  at?: Date;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  trigger?: JobTrigger;
  /** A run already claimed (the console claims before it hands the run to a worker process). */
  claim?: Claim;
  leaseMs?: number;
  /**
   * Pause after each chunk, as a fraction of the chunk's own time, so other
   * processes' writers get the SQLite write lock between chunks. Default: 0.5 on
   * SQLite, 0 on PostgreSQL.
   */
  yieldRatio?: number;
  /** Tests: force interleavings between the chunk's read and its write. */
  hooks?: {
    /** After the candidates are read, before the chunk's transaction. */
    beforeChunk?: (agreementIds: string[]) => Promise<void>;
    /** Inside the chunk's transaction, once its bills are locked and read, before any write. */
    afterLock?: (billIds: string[]) => Promise<void>;
  };
  /** Tests: stop after this many chunks as a killed process would, leaving the lease to expire. */
  stopAfterChunks?: number;
}

/** Refuses a malformed period or one that has not begun (clear messages for the console and the CLI). */
export function assertBillable(period: string, at: Date) {
  if (!isPeriod(period)) throw new RangeError(`A period is a month written YYYY-MM, not "${period}".`);
  if (periodStart(period).getTime() > at.getTime()) throw new PeriodNotBegun(period);
}

function dueFilter(period: string) {
  const start = periodStart(period);
  const end = periodEnd(period);
  // A superset of what is due, refined by contractMonthDue in code. Whether an agreement is already
  // charged for the period is not asked here: see unchargedCount and chargedAmong.
  return and(
    eq(agreements.status, "active"),
    lt(agreements.startsAt, end),
    or(and(eq(agreements.billing, "monthly"), gt(agreements.endsAt, start)), and(eq(agreements.billing, "upfront"), gte(agreements.startsAt, start))),
  );
}

/**
 * How many agreements are due and not yet charged for the period: those due, less the period's
 * charges of due agreements (an agreement has at most one charge a period). Two plain counts, not an
 * anti-join: PostgreSQL's statistics never know the month being billed (its charges did not exist
 * when the table was last analyzed), so a NOT EXISTS over charges was planned as a nested loop over
 * the period's index, reading every new charge of the month once per agreement — a run of 41,459
 * agreements beside 1,000,000 charges stalled at 72% with one chunk's read past 55 s (#13's soak).
 */
async function unchargedCount(db: Db, period: string) {
  const [due] = await db.select({ n: countAll() }).from(agreements).where(dueFilter(period));
  const [charged] = await db
    .select({ n: countAll() })
    .from(charges)
    .innerJoin(agreements, eq(agreements.id, charges.agreementId))
    .where(and(eq(charges.period, period), dueFilter(period)));
  return Math.max(0, (due?.n ?? 0) - (charged?.n ?? 0));
}

/** The ids among `agreementIds` already charged for the period (one probe of a chunk's ids). */
async function chargedAmong(db: Db | Tx, period: string, agreementIds: string[]) {
  if (agreementIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ agreementId: charges.agreementId })
    .from(charges)
    .where(and(eq(charges.period, period), inArray(charges.agreementId, agreementIds)));
  return new Set(rows.map((r) => r.agreementId));
}

/** Where a run is in agreements_customer_idx's order: (customer, start, id). */
interface AgreementKey {
  customerAccountId: string;
  startsAt: Date;
  id: string;
}

const KEY = sql`(${agreements.customerAccountId}, ${agreements.startsAt}, ${agreements.id})`;
const keyParams = (k: AgreementKey) => sql`(${k.customerAccountId}, ${sql.param(k.startsAt, agreements.startsAt)}, ${k.id})`;

/** The cursor as kept in the run's row: `customer/start ms/id`. */
export function formatCursor(k: AgreementKey): string {
  return `${k.customerAccountId}/${k.startsAt.getTime()}/${k.id}`;
}

/** A kept cursor, or null for none or one written in another form (the run then starts from the top; charged agreements are skipped). */
export function parseCursor(raw: string | null | undefined): AgreementKey | null {
  const match = raw ? /^([^/]+)\/(\d{1,15})\/([^/]+)$/.exec(raw) : null;
  return match ? { customerAccountId: match[1]!, startsAt: new Date(Number(match[2])), id: match[3]! } : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What exists for a period: charges, bills and their total, read from the bills (kept with each chunk). */
export async function periodTotals(db: Db | Tx, period: string) {
  const [row] = await db
    .select({ bills: countAll(), charges: sumCents(consolidatedBills.lineCount), cents: sumCents(consolidatedBills.totalCents) })
    .from(consolidatedBills)
    .where(eq(consolidatedBills.period, period));
  return { periodBills: row?.bills ?? 0, periodCharges: row?.charges ?? 0, periodBilledCents: row?.cents ?? 0 };
}

export async function runBilling(db: Db, period: string, options: BillingOptions = {}): Promise<BillingSummary> {
  const at = options.at ?? now();
  assertBillable(period, at);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const yieldRatio = options.yieldRatio ?? (builtDialect === "sqlite" ? 0.5 : 0);
  const claim = options.claim ?? (await claimRun(db, { kind: "billing", scope: period, period, trigger: options.trigger ?? "cli", at, leaseMs: options.leaseMs }));
  const { lease, run } = claim;
  const counters: Counters = Object.fromEntries(COUNTERS.map((k) => [k, run.summary?.[k] ?? 0])) as Counters;
  // A run taken over resumes after its cursor, then wraps around to the start:
  // agreements accepted while it was dead may sort before the cursor.
  const resumeFrom = parseCursor(run.cursor);
  const ranges: { after: AgreementKey | null; upTo: AgreementKey | null }[] = resumeFrom
    ? [
        { after: resumeFrom, upTo: null },
        { after: null, upTo: resumeFrom },
      ]
    : [{ after: null, upTo: null }];
  let done = run.done;
  let chunks = 0;
  try {
    return await withHeartbeat(db, lease, async () => {
      // Everything still due and not yet charged, wherever it sits (a takeover resumes after its cursor).
      const total = done + (await unchargedCount(db, period));
      await db.transaction((tx) => fence(tx, lease, { total }));
      for (const range of ranges) {
        let cursor: AgreementKey | null = range.after;
        for (;;) {
          const candidates = await db
            .select({ agreement: agreements, discountBps: privateOffers.discountBps, additionalDiscountBps: privateOffers.additionalDiscountBps, markupBps: privateOffers.markupBps })
            .from(agreements)
            .innerJoin(privateOffers, eq(privateOffers.id, agreements.offerId))
            .where(and(dueFilter(period), cursor ? sql`${KEY} > ${keyParams(cursor)}` : undefined, range.upTo ? sql`${KEY} <= ${keyParams(range.upTo)}` : undefined))
            .orderBy(asc(agreements.customerAccountId), asc(agreements.startsAt), asc(agreements.id))
            .limit(chunkSize);
          if (candidates.length === 0) break;
          // Charged already (an earlier run, or this one before a takeover): not this run's to count or bill.
          const charged = await chargedAmong(db, period, candidates.map((c) => c.agreement.id));
          const uncharged = candidates.filter((c) => !charged.has(c.agreement.id));
          const due = uncharged.filter((c) => contractMonthDue(c.agreement, period) !== null);
          await options.hooks?.beforeChunk?.(due.map((d) => d.agreement.id));
          const last = candidates[candidates.length - 1]!.agreement;
          const nextCursor: AgreementKey = { customerAccountId: last.customerAccountId, startsAt: last.startsAt, id: last.id };
          const started = performance.now();
          await db.transaction(async (tx) => {
            const result = due.length ? await billChunk(tx, period, due, at, options.hooks) : null;
            const next = { ...counters };
            if (result) {
              next.agreementsDue += due.length;
              next.chargesCreated += result.created;
              next.chargesAlreadyThere += due.length - result.created;
              next.billsCreated += result.billsCreated;
              next.supplementaryBills += result.supplementaryBills;
              next.chargesOnSupplementary += result.chargesOnSupplementary;
              next.billedCents += result.billedCents;
            }
            // Progress, cursor and figures commit with the chunk, or not at all.
            await fence(tx, lease, { done: Math.min(done + uncharged.length, total), cursor: formatCursor(range.upTo === null ? nextCursor : resumeFrom!), summary: next });
            Object.assign(counters, next);
          });
          cursor = nextCursor;
          done = Math.min(done + uncharged.length, total);
          options.onProgress?.(done, total);
          chunks++;
          if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) throw new SimulatedDeath();
          if (candidates.length < chunkSize) break;
          if (yieldRatio > 0) await sleep(Math.min(200, (performance.now() - started) * yieldRatio));
        }
      }
      const summary: BillingSummary = { runId: lease.runId, period, ...counters, ...(await periodTotals(db, period)), takeovers: run.takeovers };
      const { runId: _runId, period: _period, ...figures } = summary;
      await finishRun(db, lease, { status: "completed", summary: figures, done: total });
      return summary;
    });
  } catch (error) {
    if (!(error instanceof SimulatedDeath) && !(error instanceof LeaseLost)) {
      await finishRun(db, lease, { status: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    }
    throw error;
  }
}

type Candidate = {
  agreement: typeof agreements.$inferSelect;
  discountBps: number;
  additionalDiscountBps: number;
  markupBps: number;
};

type Bill = typeof consolidatedBills.$inferSelect;

async function billChunk(tx: Tx, period: string, due: Candidate[], at: Date, hooks: BillingOptions["hooks"]) {
  const customers = [...new Set(due.map((d) => d.agreement.customerAccountId))].sort();
  // The lock a payment of any of these customers' bills for the period also takes.
  await lockKeys(
    tx,
    customers.map((c) => billLockKey(c, period)),
  );
  // Charged since the candidates were read (another run): skip before making bills for them.
  const charged = await chargedAmong(
    tx,
    period,
    due.map((d) => d.agreement.id),
  );
  const todo = due.filter((d) => !charged.has(d.agreement.id));
  const existing = await forUpdate(
    tx
      .select()
      .from(consolidatedBills)
      .where(and(eq(consolidatedBills.period, period), inArray(consolidatedBills.customerAccountId, customers)))
      .orderBy(asc(consolidatedBills.id))
      .$dynamic(),
  );
  await hooks?.afterLock?.(existing.map((b) => b.id));
  if (todo.length === 0) return { created: 0, billsCreated: 0, supplementaryBills: 0, chargesOnSupplementary: 0, billedCents: 0 };

  // The open bill of each customer and currency: its latest, if still issued; otherwise a new one.
  const latest = new Map<string, Bill>();
  for (const bill of existing) {
    const key = `${bill.customerAccountId}|${bill.currency}`;
    const seen = latest.get(key);
    if (!seen || bill.sequence > seen.sequence) latest.set(key, bill);
  }
  const issuedAt = periodEnd(period) <= at ? periodEnd(period) : at;
  const created: Bill[] = [];
  const openBill = new Map<string, Bill>();
  for (const d of todo) {
    const key = `${d.agreement.customerAccountId}|${d.agreement.currency}`;
    if (openBill.has(key)) continue;
    const last = latest.get(key);
    if (last && last.status === "issued") {
      openBill.set(key, last);
      continue;
    }
    const sequence = last ? last.sequence + 1 : 0;
    const bill: Bill = {
      id: newId("bill"),
      customerAccountId: d.agreement.customerAccountId,
      period,
      sequence,
      number: billNumber(d.agreement.customerAccountId, period, sequence, d.agreement.currency),
      currency: d.agreement.currency,
      status: "issued",
      totalCents: 0,
      lineCount: 0,
      issuedAt,
      dueAt: new Date(issuedAt.getTime() + NET_DAYS * 86_400_000),
      paidAt: null,
      overdueAt: null,
    };
    created.push(bill);
    openBill.set(key, bill);
  }
  const rows = todo.map(({ agreement: a, ...terms }) => ({
    id: newId("chg"),
    agreementId: a.id,
    billId: openBill.get(`${a.customerAccountId}|${a.currency}`)!.id,
    period,
    customerAccountId: a.customerAccountId,
    partnerAccountId: a.partnerAccountId,
    isvAccountId: a.isvAccountId,
    ...chargeSplit({ ...a, ...terms }),
    createdAt: at,
  }));
  // A new bill is written with the total of the lines made for it: no UPDATE of the rows just inserted.
  const planned = billTotals(rows);
  for (const bill of created) Object.assign(bill, { totalCents: planned.get(bill.id)?.cents ?? 0, lineCount: planned.get(bill.id)?.lines ?? 0 });
  await insertMany(tx, consolidatedBills, created);
  // Under the lock nothing else charges these agreements; skipConflicts is the unique index's belt and braces.
  const kept = await insertMany(tx, charges, rows, { skipConflicts: true });
  const inserted = rows.filter((r) => kept.has(r.id));

  const currencyOf = new Map(todo.map((d) => [d.agreement.id, d.agreement.currency]));
  const postings = inserted.flatMap((c) => chargeJournal(c, currencyOf.get(c.agreementId) ?? "USD", at));
  await insertMany(tx, ledgerEntries, postings);

  const perBill = billTotals(inserted);
  // What the bills still need: the lines added to bills that were already open, and on a new bill
  // the lines planned but not inserted (none, unless the unique index skipped one), taken off again.
  const isNew = new Set(created.map((b) => b.id));
  const deltas = new Map([...perBill.entries()].filter(([id]) => !isNew.has(id)));
  for (const bill of created) {
    const plan = planned.get(bill.id) ?? { cents: 0, lines: 0 };
    const got = perBill.get(bill.id) ?? { cents: 0, lines: 0 };
    if (got.lines !== plan.lines) deltas.set(bill.id, { cents: got.cents - plan.cents, lines: got.lines - plan.lines });
  }
  // One set-based UPDATE per batch of bills; ids sorted so concurrent transactions lock in one order.
  const updates = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (let i = 0; i < updates.length; i += UPDATE_BATCH) {
    const batch = updates.slice(i, i + UPDATE_BATCH);
    const cents = sql.join(
      batch.map(([id, v]) => sql`when ${id} then ${v.cents}`),
      sql` `,
    );
    const lines = sql.join(
      batch.map(([id, v]) => sql`when ${id} then ${v.lines}`),
      sql` `,
    );
    await tx
      .update(consolidatedBills)
      .set({
        totalCents: sql`${consolidatedBills.totalCents} + (case ${consolidatedBills.id} ${cents} else 0 end)`,
        lineCount: sql`${consolidatedBills.lineCount} + (case ${consolidatedBills.id} ${lines} else 0 end)`,
      })
      .where(inArray(consolidatedBills.id, batch.map(([id]) => id)));
  }

  await adjustSellerBalances(
    tx,
    inserted.flatMap((c): BalanceDelta[] => {
      const currency = currencyOf.get(c.agreementId) ?? "USD";
      return [
        { sellerAccountId: c.isvAccountId, currency, owedCents: c.isvShareCents },
        { sellerAccountId: c.partnerAccountId, currency, owedCents: c.partnerShareCents },
      ];
    }),
  );

  const withLines = created.filter((b) => perBill.has(b.id));
  await notifyMany(
    tx,
    withLines.map((b) => ({
      accountId: b.customerAccountId,
      kind: "bill.issued",
      title: b.sequence === 0 ? `Your ${period} bill is issued` : `A supplementary ${period} bill is issued`,
      body: `Bill ${b.number}, due ${dayOf(b.dueAt)} (net 30).${b.sequence > 0 ? ` It holds charges that came due after your first ${period} bill was paid.` : ""}`,
      href: `/buyer/bills/${b.id}`,
      facts: { Bill: b.number, Period: period, Due: dayOf(b.dueAt) },
    })),
  );
  // A bill made for agreements another run charged first would stay empty: it is not kept.
  const empty = created.filter((b) => !perBill.has(b.id));
  if (empty.length) await tx.delete(consolidatedBills).where(inArray(consolidatedBills.id, empty.map((b) => b.id)));

  // Last, in one order: the figures kept as data (lib/reports/totals.ts).
  const productOf = new Map(todo.map((d) => [d.agreement.id, d.agreement.productId]));
  await addLedgerTotals(tx, postings);
  await addChargeTotals(
    tx,
    inserted.map((c) => ({ ...c, productId: productOf.get(c.agreementId)!, currency: currencyOf.get(c.agreementId) ?? "USD" })),
    created.filter((b) => perBill.has(b.id)),
    // Charges billed onto a bill the sweep already marked overdue add to its period's overdue figure.
    existing.filter((b) => b.status === "issued" && b.overdueAt && perBill.has(b.id)).map((b) => ({ period: b.period, currency: b.currency, cents: perBill.get(b.id)!.cents })),
  );

  const sequenceOf = new Map([...openBill.values()].map((b) => [b.id, b.sequence]));
  const onSupplementary = inserted.filter((c) => (sequenceOf.get(c.billId) ?? 0) > 0);
  return {
    created: inserted.length,
    billsCreated: withLines.length,
    supplementaryBills: withLines.filter((b) => b.sequence > 0).length,
    chargesOnSupplementary: onSupplementary.length,
    billedCents: inserted.reduce((sum, c) => sum + c.customerCents, 0),
  };
}

/** Cents and lines per bill of some charge rows. */
function billTotals(rows: readonly { billId: string; customerCents: number }[]) {
  const totals = new Map<string, { cents: number; lines: number }>();
  for (const c of rows) {
    const into = totals.get(c.billId) ?? { cents: 0, lines: 0 };
    into.cents += c.customerCents;
    into.lines += 1;
    totals.set(c.billId, into);
  }
  return totals;
}

/** The period a run for `at` bills by default: the current month. */
export function currentPeriod(at: Date = now()) {
  return periodOfDate(at);
}
