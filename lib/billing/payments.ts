// Paying a consolidated bill, once: the idempotency key is unique, so a retried
// or double-submitted payment records once; the same key for another bill is an error.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, insertMany, isUniqueViolation, lockKeys } from "@/db";
import { charges, consolidatedBills, ledgerEntries, payments, pendingShares } from "@/db/schema";
import { adjustSellerBalances } from "@/lib/billing/balances";
import { addCollected, addLedgerTotals } from "@/lib/reports/totals";
import { billLockKey } from "@/lib/billing/bill-number";
import { defineOperation, NotFound, Refused } from "@/lib/actions/operation";
import type { CurrentUser } from "@/lib/auth/authorize";
import { recordAudit, type Actor } from "@/lib/audit";
import { bankTransferSchema, payBillSchema } from "@/lib/billing/validations";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { paymentJournal } from "@/lib/ledger/journal";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";

export const KEY_REUSED = "This payment key was already used for a different payment; reload the page and try again.";

interface PaymentRequest {
  billId: string;
  idempotencyKey: string;
  method: "portal" | "bank_transfer";
  reference: string | null;
  /** Only the bill's customer may pay through the portal; a rep may record any bill's transfer. */
  customerAccountId: string | null;
  /** The user who recorded it; null for the portal itself (tests, imports). */
  userId: string | null;
}

async function existingPayment(db: Db | Tx, key: string) {
  const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, key));
  return row ?? null;
}

function replay(existing: typeof payments.$inferSelect, request: PaymentRequest) {
  if (existing.billId !== request.billId || existing.method !== request.method) throw new Refused(KEY_REUSED);
  return { paymentId: existing.id, replayed: true };
}

/** The bill, if the requester may pay it: the customer only its own, a rep any. */
async function billFor(db: Db | Tx, request: PaymentRequest, lock: boolean) {
  const query = db
    .select()
    .from(consolidatedBills)
    .where(and(eq(consolidatedBills.id, request.billId), request.customerAccountId ? eq(consolidatedBills.customerAccountId, request.customerAccountId) : undefined))
    .$dynamic();
  const [bill] = lock ? await forUpdate(query) : await query;
  return bill ?? null;
}

/**
 * Records the payment of a whole bill: payment row, ledger journal, bill paid,
 * each seller's share queued for disbursement (pending_shares) and moved from
 * owed to collected in seller_balances, audit, notification — one transaction.
 * Ownership comes before idempotency: another tenant's bill id is not found,
 * whatever key comes with it. The bill is read under the lock billing chunks
 * take for the same customer and period, so a charge can never land on it
 * between this read and its payment: a paid bill's total is its payment.
 */
export async function recordPayment(db: Db, actor: Actor, request: PaymentRequest, at: Date = now()) {
  const visible = await billFor(db, request, false);
  if (!visible) throw new NotFound("consolidated_bill", request.billId);
  const earlier = await existingPayment(db, request.idempotencyKey);
  if (earlier) return replay(earlier, request);
  try {
    return await db.transaction(async (tx) => {
      await lockKeys(tx, [billLockKey(visible.customerAccountId, visible.period)]);
      const bill = await billFor(tx, request, true);
      if (!bill) throw new NotFound("consolidated_bill", request.billId);
      const again = await existingPayment(tx, request.idempotencyKey);
      if (again) return replay(again, request);
      if (bill.status === "paid") throw new Refused("This bill is already paid.");
      if (bill.totalCents <= 0) throw new Refused("This bill has nothing to pay.");
      const id = newId("pay");
      await tx.insert(payments).values({
        id,
        billId: bill.id,
        amountCents: bill.totalCents,
        method: request.method,
        reference: request.reference,
        idempotencyKey: request.idempotencyKey,
        recordedByUserId: request.userId,
        createdAt: at,
      });
      const postings = paymentJournal({ id, customerAccountId: bill.customerAccountId, amountCents: bill.totalCents }, bill.currency, at);
      await tx.insert(ledgerEntries).values(postings);
      await tx.update(consolidatedBills).set({ status: "paid", paidAt: at }).where(eq(consolidatedBills.id, bill.id));
      await queueShares(tx, bill, at);
      await recordAudit(tx, actor, {
        action: request.method === "portal" ? "bill.pay" : "bill.record_transfer",
        objectType: "consolidated_bill",
        objectId: bill.id,
        before: { status: "issued" },
        after: { status: "paid", amountCents: bill.totalCents, paymentId: id, reference: request.reference },
      });
      await notify(tx, bill.customerAccountId, {
        kind: "bill.paid",
        title: `Payment of ${formatMoney(bill.totalCents, bill.currency)} recorded`,
        body: `Your bill ${bill.number} (${bill.period}) is paid${request.reference ? ` (bank reference ${request.reference})` : ""}.`,
        href: `/buyer/bills/${bill.id}`,
        facts: { Bill: bill.number, Period: bill.period, Paid: formatMoney(bill.totalCents, bill.currency) },
      });
      // Last, in one order: the figures kept as data (lib/reports/totals.ts).
      await addLedgerTotals(tx, postings);
      await addCollected(tx, bill);
      return { paymentId: id, replayed: false };
    });
  } catch (error) {
    // Two submissions with one key raced past the first read: the unique index kept one.
    if (isUniqueViolation(error)) {
      const winner = await existingPayment(db, request.idempotencyKey);
      if (winner) return replay(winner, request);
    }
    throw error;
  }
}

/** The paid bill's seller shares become pending disbursement, and move from owed to collected. */
async function queueShares(tx: Tx, bill: typeof consolidatedBills.$inferSelect, at: Date) {
  const lines = await tx
    .select({ id: charges.id, isv: charges.isvAccountId, partner: charges.partnerAccountId, isvCents: charges.isvShareCents, partnerCents: charges.partnerShareCents })
    .from(charges)
    .where(eq(charges.billId, bill.id));
  const shares = lines.flatMap((c) => [
    { chargeId: c.id, shareRole: "isv" as const, sellerAccountId: c.isv, amountCents: c.isvCents },
    { chargeId: c.id, shareRole: "partner" as const, sellerAccountId: c.partner, amountCents: c.partnerCents },
  ]);
  const owed = shares.filter((s) => s.amountCents > 0);
  await insertMany(
    tx,
    pendingShares,
    owed.map((s) => ({ ...s, currency: bill.currency, billId: bill.id, collectedAt: at })),
  );
  await adjustSellerBalances(
    tx,
    owed.map((s) => ({ sellerAccountId: s.sellerAccountId, currency: bill.currency, owedCents: -s.amountCents, pendingCents: s.amountCents, pendingCount: 1 })),
  );
}

const requestOf = (user: CurrentUser, input: { billId: string; idempotencyKey: string }, method: PaymentRequest["method"], reference: string | null): PaymentRequest => ({
  billId: input.billId,
  idempotencyKey: input.idempotencyKey,
  method,
  reference,
  customerAccountId: method === "portal" ? user.accountId : null,
  userId: user.id,
});

export const payBill = defineOperation("bill.pay", payBillSchema, (ctx, input) => recordPayment(ctx.db, ctx.actor, requestOf(ctx.user, input, "portal", null)));

export const recordBankTransfer = defineOperation("bill.record_transfer", bankTransferSchema, (ctx, input) =>
  recordPayment(ctx.db, ctx.actor, requestOf(ctx.user, input, "bank_transfer", input.reference)),
);
