// Paying a consolidated bill, once: the idempotency key is unique, so a retried
// or double-submitted payment records once; the same key for another bill is an error.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate, isUniqueViolation } from "@/db";
import { consolidatedBills, ledgerEntries, payments } from "@/db/schema";
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
  userId: string;
}

async function existingPayment(db: Db | Tx, key: string) {
  const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, key));
  return row ?? null;
}

function replay(existing: typeof payments.$inferSelect, request: PaymentRequest) {
  if (existing.billId !== request.billId || existing.method !== request.method) throw new Refused(KEY_REUSED);
  return { paymentId: existing.id, replayed: true };
}

/** Records the payment of a whole bill: payment row, ledger journal, bill paid, audit, notification. */
export async function recordPayment(db: Db, actor: Actor, request: PaymentRequest, at: Date = now()) {
  const earlier = await existingPayment(db, request.idempotencyKey);
  if (earlier) return replay(earlier, request);
  try {
    return await db.transaction(async (tx) => {
      const [bill] = await forUpdate(
        tx
          .select()
          .from(consolidatedBills)
          .where(and(eq(consolidatedBills.id, request.billId), request.customerAccountId ? eq(consolidatedBills.customerAccountId, request.customerAccountId) : undefined))
          .$dynamic(),
      );
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
      await tx.insert(ledgerEntries).values(paymentJournal({ id, customerAccountId: bill.customerAccountId, amountCents: bill.totalCents }, bill.currency, at));
      await tx.update(consolidatedBills).set({ status: "paid", paidAt: at }).where(eq(consolidatedBills.id, bill.id));
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
        body: `Your ${bill.period} bill is paid${request.reference ? ` (bank reference ${request.reference})` : ""}.`,
        href: `/buyer/bills/${bill.id}`,
      });
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
