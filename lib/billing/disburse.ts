// The disbursement run: each seller (ISV and partner) is paid its shares of
// charges on paid bills, each share exactly once, never before the customer's
// payment, on its schedule (lib/billing/schedule.ts); sellers without complete
// registration are held.
//
// It works at any backlog in bounded memory and never re-reads paid history:
// the shares waiting are data (pending_shares, written when a bill is paid),
// found by index per seller and currency. A seller's payout is written in
// bounded chunks, each its own transaction: the payout row is `in_progress`
// while lines move from pending_shares into it (a share leaves the queue in the
// same transaction that pays it, and the unique (charge, role) line index makes
// a second payment impossible); the last chunk completes it — ledger journal,
// paid-out balance, audit, notification. A run killed between chunks leaves the
// payout in progress, and the next run (which takes over the run's lease)
// finishes it first.
import { randomInt } from "node:crypto";
import { and, asc, count, eq, gt, inArray, isNull, min, or } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { builtDialect, forUpdate, insertMany } from "@/db";
import { accounts, disbursementLines, disbursements, ledgerEntries, pendingShares, sellerBalances, sellerRegistrations } from "@/db/schema";
import type { JobTrigger } from "@/db/enums";
import { recordAudit, SYSTEM } from "@/lib/audit";
import { adjustSellerBalances } from "@/lib/billing/balances";
import { addLedgerTotals, addPaidOut } from "@/lib/reports/totals";
import { payoutDue } from "@/lib/billing/schedule";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { claimRun, fence, finishRun, LeaseLost, SimulatedDeath, withHeartbeat, type Claim, type Lease } from "@/lib/jobs/lease";
import { disbursementJournal } from "@/lib/ledger/journal";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { registrationStatus } from "@/lib/sellers/registration";

/** Shares per transaction: bounded memory, and a short hold on SQLite's write lock. */
export const DEFAULT_LINE_CHUNK = builtDialect === "sqlite" ? 500 : 2000;
const SELLER_PAGE = 200;

export const HOLD_REASON = "Payouts are on hold until the seller registration's banking and tax steps are complete.";

export interface DisbursementSummary {
  runId: string;
  /** Payouts completed by this run. */
  sellersPaid: number;
  disbursedCents: number;
  linesPaid: number;
  held: number;
  notDue: number;
  /** The first few held and not-due sellers, for the CLI's report. */
  heldSellers: { sellerAccountId: string; reason: string; amountCents: number }[];
  notDueSellers: { sellerAccountId: string; amountCents: number }[];
  takeovers: number;
}

const COUNTERS = ["sellersPaid", "disbursedCents", "linesPaid", "held", "notDue"] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

export interface DisbursementOptions {
  at?: Date;
  onProgress?: (done: number, total: number) => void;
  trigger?: JobTrigger;
  claim?: Claim;
  leaseMs?: number;
  chunkSize?: number;
  yieldRatio?: number;
  /** Tests: stop after this many chunk transactions, as a killed process would. */
  stopAfterChunks?: number;
}

/** "TRC20261130" + 8 digits, like a bank trace id. */
function traceReference(at: Date) {
  return `TRC${at.toISOString().slice(0, 10).replace(/-/g, "")}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Key = { sellerAccountId: string; currency: string };

/** Sellers (and currencies) with money waiting, after `after`, in key order. */
async function sellersWaiting(db: Db, after: Key | null, limit: number): Promise<Key[]> {
  return db
    .select({ sellerAccountId: sellerBalances.sellerAccountId, currency: sellerBalances.currency })
    .from(sellerBalances)
    .where(
      and(
        gt(sellerBalances.pendingCents, 0),
        after
          ? or(gt(sellerBalances.sellerAccountId, after.sellerAccountId), and(eq(sellerBalances.sellerAccountId, after.sellerAccountId), gt(sellerBalances.currency, after.currency)))
          : undefined,
      ),
    )
    .orderBy(asc(sellerBalances.sellerAccountId), asc(sellerBalances.currency))
    .limit(limit);
}

export async function runDisbursements(db: Db, options: DisbursementOptions = {}): Promise<DisbursementSummary> {
  const at = options.at ?? now();
  const chunkSize = options.chunkSize ?? DEFAULT_LINE_CHUNK;
  const yieldRatio = options.yieldRatio ?? (builtDialect === "sqlite" ? 0.5 : 0);
  const claim = options.claim ?? (await claimRun(db, { kind: "disbursement", trigger: options.trigger ?? "cli", at, leaseMs: options.leaseMs }));
  const { lease, run } = claim;
  const counters: Counters = Object.fromEntries(COUNTERS.map((k) => [k, run.summary?.[k] ?? 0])) as Counters;
  const heldSellers: DisbursementSummary["heldSellers"] = [];
  const notDueSellers: DisbursementSummary["notDueSellers"] = [];
  let chunks = 0;
  let done = 0;
  const step = async (work: (tx: Tx) => Promise<Partial<Counters>>) => {
    const started = performance.now();
    await db.transaction(async (tx) => {
      const delta = await work(tx);
      const next = { ...counters };
      for (const [k, v] of Object.entries(delta) as [keyof Counters, number][]) next[k] += v;
      await fence(tx, lease, { summary: next, done });
      Object.assign(counters, next);
    });
    chunks++;
    if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) throw new SimulatedDeath();
    if (yieldRatio > 0) await sleep(Math.min(200, (performance.now() - started) * yieldRatio));
  };
  try {
    return await withHeartbeat(db, lease, async () => {
      const [{ waiting } = { waiting: 0 }] = await db.select({ waiting: count() }).from(sellerBalances).where(gt(sellerBalances.pendingCents, 0));
      // Payouts a killed run left in progress come first: their shares have already left the queue.
      const unfinished = await db.select({ sellerAccountId: disbursements.sellerAccountId, currency: disbursements.currency }).from(disbursements).where(eq(disbursements.status, "in_progress"));
      const total = waiting + unfinished.length;
      await db.transaction((tx) => fence(tx, lease, { total, done: 0 }));
      const visit = async (key: Key, resuming: boolean) => {
        const outcome = await payoutSeller(db, key, at, lease, chunkSize, resuming, step);
        if (outcome.kind === "held" && heldSellers.length < 50) heldSellers.push({ sellerAccountId: key.sellerAccountId, reason: HOLD_REASON, amountCents: outcome.amountCents });
        if (outcome.kind === "not_due" && notDueSellers.length < 50) notDueSellers.push({ sellerAccountId: key.sellerAccountId, amountCents: outcome.amountCents });
        done++;
        options.onProgress?.(Math.min(done, total), total);
      };
      for (const key of unfinished) await visit(key, true);
      let after: Key | null = null;
      for (;;) {
        const page = await sellersWaiting(db, after, SELLER_PAGE);
        for (const key of page) await visit(key, false);
        if (page.length < SELLER_PAGE) break;
        after = page[page.length - 1]!;
      }
      await finishRun(db, lease, { status: "completed", summary: { ...counters }, done: Math.max(done, total) });
      return { runId: lease.runId, ...counters, heldSellers, notDueSellers, takeovers: run.takeovers };
    });
  } catch (error) {
    if (!(error instanceof SimulatedDeath) && !(error instanceof LeaseLost)) {
      await finishRun(db, lease, { status: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    }
    throw error;
  }
}

type Outcome = { kind: "paid" | "held" | "not_due" | "nothing"; amountCents: number };

async function payoutSeller(
  db: Db,
  key: Key,
  at: Date,
  lease: Lease,
  chunkSize: number,
  resuming: boolean,
  step: (work: (tx: Tx) => Promise<Partial<Counters>>) => Promise<void>,
): Promise<Outcome> {
  const [registration] = await db.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, key.sellerAccountId));
  const [balance] = await db.select().from(sellerBalances).where(and(eq(sellerBalances.sellerAccountId, key.sellerAccountId), eq(sellerBalances.currency, key.currency)));
  const waiting = balance?.pendingCents ?? 0;
  if (!registration || registrationStatus(registration).status !== "complete") {
    await step(async (tx) => {
      await noticeHold(tx, key, at);
      return { held: 1 };
    });
    return { kind: "held", amountCents: waiting };
  }
  if (!resuming) {
    const [oldest] = await db
      .select({ at: min(pendingShares.collectedAt) })
      .from(pendingShares)
      .where(and(eq(pendingShares.sellerAccountId, key.sellerAccountId), eq(pendingShares.currency, key.currency)));
    const schedule = { schedule: registration.disbursementSchedule, day: registration.disbursementDay };
    if (!payoutDue(schedule, { lastPaidAt: balance?.lastPaidAt ?? null, oldestPendingAt: oldest?.at ?? null }, at)) {
      await step(async () => ({ notDue: 1 }));
      return { kind: "not_due", amountCents: waiting };
    }
  }
  let paid = 0;
  for (let finished = false; !finished; ) {
    await step(async (tx) => {
      const result = await payoutChunk(tx, key, at, lease.runId, chunkSize);
      finished = result.finished;
      paid += result.linesCents;
      return { linesPaid: result.lines, ...(result.completed ? { sellersPaid: 1, disbursedCents: result.completed.amountCents } : {}) };
    });
  }
  return { kind: paid > 0 ? "paid" : "nothing", amountCents: paid };
}

/** Tells the seller its payout is held — once per hold: the flag is cleared when a payout completes. */
async function noticeHold(tx: Tx, key: Key, at: Date) {
  const [balance] = await tx
    .update(sellerBalances)
    .set({ holdNotifiedAt: at })
    .where(and(eq(sellerBalances.sellerAccountId, key.sellerAccountId), eq(sellerBalances.currency, key.currency), isNull(sellerBalances.holdNotifiedAt), gt(sellerBalances.pendingCents, 0)))
    .returning();
  if (!balance) return;
  const [seller] = await tx.select({ type: accounts.type }).from(accounts).where(eq(accounts.id, key.sellerAccountId));
  const base = seller?.type === "isv" ? "/vendor" : "/partner";
  await notify(tx, key.sellerAccountId, {
    kind: "disbursement.held",
    title: `Your payout of ${formatMoney(balance.pendingCents, key.currency)} is on hold`,
    body: `${HOLD_REASON} Complete your registration and the next disbursement run pays you.`,
    href: `${base}/registration`,
    facts: { "Waiting to be paid": formatMoney(balance.pendingCents, key.currency) },
  });
}

/** Moves up to `chunkSize` waiting shares into the seller's payout in progress; completes it with the last chunk. */
async function payoutChunk(tx: Tx, key: Key, at: Date, runId: string, chunkSize: number) {
  // Serializes with a concurrent change of this seller's registration (and any stray second run).
  await forUpdate(tx.select({ id: sellerRegistrations.accountId }).from(sellerRegistrations).where(eq(sellerRegistrations.accountId, key.sellerAccountId)).$dynamic());
  let [payout] = await tx
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.sellerAccountId, key.sellerAccountId), eq(disbursements.currency, key.currency), eq(disbursements.status, "in_progress")));
  const shares = await tx
    .select()
    .from(pendingShares)
    .where(and(eq(pendingShares.sellerAccountId, key.sellerAccountId), eq(pendingShares.currency, key.currency)))
    .orderBy(asc(pendingShares.collectedAt), asc(pendingShares.chargeId))
    .limit(chunkSize);
  if (!payout && shares.length === 0) return { finished: true, lines: 0, linesCents: 0, completed: null };
  if (!payout) {
    [payout] = await tx
      .insert(disbursements)
      .values({ id: newId("dsb"), sellerAccountId: key.sellerAccountId, runId, status: "in_progress", currency: key.currency, amountCents: 0, lineCount: 0, reference: traceReference(at), createdAt: at })
      .returning();
  }
  const payoutRow = payout!;
  const linesCents = shares.reduce((sum, s) => sum + s.amountCents, 0);
  if (shares.length) {
    await insertMany(
      tx,
      disbursementLines,
      shares.map((s) => ({ id: newId("dln"), disbursementId: payoutRow.id, chargeId: s.chargeId, shareRole: s.shareRole, amountCents: s.amountCents })),
    );
    // Exactly the shares just paid (a payment may have queued others meanwhile); a seller is one role per charge.
    for (let i = 0; i < shares.length; i += 400) {
      await tx.delete(pendingShares).where(
        and(
          eq(pendingShares.sellerAccountId, key.sellerAccountId),
          inArray(
            pendingShares.chargeId,
            shares.slice(i, i + 400).map((s) => s.chargeId),
          ),
        ),
      );
    }
    await adjustSellerBalances(tx, [{ sellerAccountId: key.sellerAccountId, currency: key.currency, pendingCents: -linesCents, pendingCount: -shares.length }]);
  }
  const amountCents = payoutRow.amountCents + linesCents;
  const lineCount = payoutRow.lineCount + shares.length;
  const finished = shares.length < chunkSize;
  if (!finished) {
    await tx.update(disbursements).set({ amountCents, lineCount }).where(eq(disbursements.id, payoutRow.id));
    return { finished, lines: shares.length, linesCents, completed: null };
  }
  await tx.update(disbursements).set({ amountCents, lineCount, status: "completed", completedAt: at }).where(eq(disbursements.id, payoutRow.id));
  const postings = amountCents > 0 ? disbursementJournal({ id: payoutRow.id, sellerAccountId: key.sellerAccountId, amountCents }, key.currency, at) : [];
  if (postings.length) await tx.insert(ledgerEntries).values(postings);
  await adjustSellerBalances(tx, [{ sellerAccountId: key.sellerAccountId, currency: key.currency, paidOutCents: amountCents, lastPaidAt: at }]);
  await tx.update(sellerBalances).set({ holdNotifiedAt: null }).where(and(eq(sellerBalances.sellerAccountId, key.sellerAccountId), eq(sellerBalances.currency, key.currency)));
  await recordAudit(tx, SYSTEM, {
    action: "disbursement.complete",
    objectType: "disbursement",
    objectId: payoutRow.id,
    after: { sellerAccountId: key.sellerAccountId, amountCents, lines: lineCount, reference: payoutRow.reference },
  });
  const [seller] = await tx.select({ type: accounts.type }).from(accounts).where(eq(accounts.id, key.sellerAccountId));
  const base = seller?.type === "isv" ? "/vendor" : "/partner";
  await notify(tx, key.sellerAccountId, {
    kind: "disbursement.completed",
    title: `${formatMoney(amountCents, key.currency)} disbursed to your bank account`,
    body: `Payout ${payoutRow.reference}: ${lineCount} share${lineCount === 1 ? "" : "s"} of paid charges.`,
    href: `${base}/money/payouts/${payoutRow.id}`,
  });
  // Last: the trial balance's totals and the month's paid-out figure (lib/reports/totals.ts).
  await addLedgerTotals(tx, postings);
  await addPaidOut(tx, { completedAt: at, currency: key.currency, amountCents });
  return { finished, lines: shares.length, linesCents, completed: { amountCents } };
}
