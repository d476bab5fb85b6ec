// The sweep the scheduler runs: expiry of invitations (and a warning 3 days before), offers and discount deals, and bills
// found past due (marked once, and the customer told), and what the portal forgets after a while
// (lib/jobs/retention.ts). Pages never write; this
// job keeps stored statuses, filters and notifications true.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { consolidatedBills } from "@/db/schema";
import { unmarkedPastDue } from "@/lib/billing/overdue";
import { recordAudits, SYSTEM } from "@/lib/audit";
import { now } from "@/lib/clock";
import { dayOf } from "@/lib/dates";
import { sweepExpiredDeals } from "@/lib/deals/service";
import { sweepExpiredInvitations, warnExpiringInvitations } from "@/lib/invitations/service";
import { forgetExpired } from "@/lib/jobs/retention";
import { claimRun, fence, finishRun, withHeartbeat, type Claim } from "@/lib/jobs/lease";
import { formatMoney } from "@/lib/money";
import { notifyMany } from "@/lib/notifications/notify";
import { sweepExpiredOffers } from "@/lib/offers/service";
import { addOverdue } from "@/lib/reports/totals";
import type { JobTrigger } from "@/db/enums";

const OVERDUE_CHUNK = 500;

/** Marks issued bills past their due date as overdue, once each, telling the customer; in bounded chunks. */
export async function markOverdueBills(db: Db, at: Date = now()): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(consolidatedBills)
        .where(unmarkedPastDue(at))
        .orderBy(asc(consolidatedBills.dueAt))
        .limit(OVERDUE_CHUNK);
      if (rows.length === 0) return { read: 0, marked: 0 };
      // What the update marked, as it marked it: a bill paid (or charged more) since the read above is
      // seen as it is now, so the kept overdue figure moves by exactly what became overdue.
      const marked = await tx
        .update(consolidatedBills)
        .set({ overdueAt: at })
        .where(and(inArray(consolidatedBills.id, rows.map((r) => r.id)), eq(consolidatedBills.status, "issued"), isNull(consolidatedBills.overdueAt)))
        .returning();
      await recordAudits(
        tx,
        SYSTEM,
        marked.map((bill) => ({ action: "bill.overdue", objectType: "consolidated_bill", objectId: bill.id, after: { dueAt: bill.dueAt.toISOString() } })),
      );
      await notifyMany(
        tx,
        marked.map((bill) => ({
          accountId: bill.customerAccountId,
          kind: "bill.overdue",
          title: `Your ${bill.period} bill is overdue`,
          body: `Bill ${bill.number} for ${formatMoney(bill.totalCents, bill.currency)} was due on ${dayOf(bill.dueAt)}.`,
          href: `/buyer/bills/${bill.id}`,
          facts: { Bill: bill.number, Amount: formatMoney(bill.totalCents, bill.currency), "Was due": dayOf(bill.dueAt) },
        })),
      );
      await addOverdue(tx, marked);
      return { read: rows.length, marked: marked.length };
    });
    // Counted as marked (a bill paid between the read and the update is not); a full read means more may wait.
    total += batch.marked;
    if (batch.read < OVERDUE_CHUNK) return total;
  }
}

export async function runSweep(db: Db, options: { at?: Date; trigger?: JobTrigger; claim?: Claim; leaseMs?: number } = {}) {
  const at = options.at ?? now();
  const claim = options.claim ?? (await claimRun(db, { kind: "sweep", trigger: options.trigger ?? "cli", at, leaseMs: options.leaseMs }));
  try {
    return await withHeartbeat(db, claim.lease, async () => {
      const summary = {
        invitationsExpired: await sweepExpiredInvitations(db, at),
        invitationsExpiring: await warnExpiringInvitations(db, at),
        offersExpired: await sweepExpiredOffers(db, at),
        dealsExpired: await sweepExpiredDeals(db, at),
        billsOverdue: await markOverdueBills(db, at),
        ...(await forgetExpired(db, at)),
      };
      await db.transaction((tx) => fence(tx, claim.lease, { done: 6, total: 6 }));
      await finishRun(db, claim.lease, { status: "completed", summary, done: 6 });
      return { runId: claim.lease.runId, ...summary };
    });
  } catch (error) {
    await finishRun(db, claim.lease, { status: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}
