// The disbursement run: each seller (ISV and partner) is paid its shares of
// charges on paid bills, each share exactly once (unique charge × role), never
// before the customer's payment, honouring its schedule; sellers without
// complete banking are held. One transaction per seller, under a lock on the
// seller's registration row, so concurrent or resumed runs pay nothing twice.
import { randomInt } from "node:crypto";
import { and, eq, gt, inArray, notExists, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { forUpdate } from "@/db";
import { charges, consolidatedBills, disbursementLines, disbursements, jobRuns, ledgerEntries, sellerRegistrations } from "@/db/schema";
import type { ShareRole } from "@/db/enums";
import { recordAudit, SYSTEM } from "@/lib/audit";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { disbursementJournal } from "@/lib/ledger/journal";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { registrationStatus } from "@/lib/sellers/registration";

export interface Share {
  chargeId: string;
  role: ShareRole;
  sellerAccountId: string;
  amountCents: number;
  currency: string;
}

export interface DisbursementSummary {
  runId: string;
  sellersPaid: number;
  disbursedCents: number;
  held: { sellerAccountId: string; reason: string; amountCents: number }[];
  notDue: { sellerAccountId: string; nextDay: number; amountCents: number }[];
}

const undisbursed = (role: ShareRole) =>
  notExists(sql`(select 1 from ${disbursementLines} where ${disbursementLines.chargeId} = ${charges.id} and ${disbursementLines.shareRole} = ${role})`);

/** Shares of charges on paid bills not yet disbursed; only for the given sellers when set. */
export async function pendingShares(db: Db | Tx, sellers?: string[]): Promise<Share[]> {
  const out: Share[] = [];
  for (const role of ["isv", "partner"] as const) {
    const seller = role === "isv" ? charges.isvAccountId : charges.partnerAccountId;
    const amount = role === "isv" ? charges.isvShareCents : charges.partnerShareCents;
    const rows = await db
      .select({ chargeId: charges.id, sellerAccountId: seller, amountCents: amount, currency: consolidatedBills.currency })
      .from(charges)
      .innerJoin(consolidatedBills, eq(consolidatedBills.id, charges.billId))
      .where(and(eq(consolidatedBills.status, "paid"), gt(amount, 0), undisbursed(role), sellers ? inArray(seller, sellers) : undefined));
    out.push(...rows.map((r) => ({ ...r, role })));
  }
  return out;
}

/** "TRC20261130" + 8 digits, like a bank trace id. */
function traceReference(at: Date) {
  return `TRC${at.toISOString().slice(0, 10).replace(/-/g, "")}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export async function runDisbursements(db: Db, options: { at?: Date; onProgress?: (done: number, total: number) => void; runId?: string } = {}): Promise<DisbursementSummary> {
  const at = options.at ?? now();
  const runId = options.runId ?? newId("run");
  const sellers = [...new Set((await pendingShares(db)).map((s) => s.sellerAccountId))].sort();
  await db.transaction((tx) =>
    tx
      .insert(jobRuns)
      .values({ id: runId, kind: "disbursement", status: "running", done: 0, total: sellers.length, startedAt: at })
      .onConflictDoUpdate({ target: jobRuns.id, set: { total: sellers.length } }),
  );
  const summary: DisbursementSummary = { runId, sellersPaid: 0, disbursedCents: 0, held: [], notDue: [] };
  try {
    for (const [index, sellerAccountId] of sellers.entries()) {
      const outcome = await db.transaction((tx) => disburseSeller(tx, sellerAccountId, runId, at));
      if (outcome.kind === "paid") {
        summary.sellersPaid += outcome.disbursements;
        summary.disbursedCents += outcome.amountCents;
      } else if (outcome.kind === "held") summary.held.push({ sellerAccountId, reason: outcome.reason, amountCents: outcome.amountCents });
      else if (outcome.kind === "not_due") summary.notDue.push({ sellerAccountId, nextDay: outcome.day, amountCents: outcome.amountCents });
      await db.transaction((tx) => tx.update(jobRuns).set({ done: index + 1 }).where(eq(jobRuns.id, runId)));
      options.onProgress?.(index + 1, sellers.length);
    }
    await db.transaction((tx) =>
      tx
        .update(jobRuns)
        .set({ status: "completed", finishedAt: now(), summary: { sellersPaid: summary.sellersPaid, disbursedCents: summary.disbursedCents, held: summary.held.length, notDue: summary.notDue.length } })
        .where(eq(jobRuns.id, runId)),
    );
    return summary;
  } catch (error) {
    await db.transaction((tx) => tx.update(jobRuns).set({ status: "failed", finishedAt: now() }).where(eq(jobRuns.id, runId))).catch(() => undefined);
    throw error;
  }
}

export const HOLD_REASON = "Payouts are on hold until the seller registration's banking and tax steps are complete.";

type Outcome =
  | { kind: "paid"; amountCents: number; disbursements: number }
  | { kind: "held"; reason: string; amountCents: number }
  | { kind: "not_due"; day: number; amountCents: number }
  | { kind: "nothing" };

async function disburseSeller(tx: Tx, sellerAccountId: string, runId: string, at: Date): Promise<Outcome> {
  const [registration] = await forUpdate(tx.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, sellerAccountId)).$dynamic());
  // Read again under the lock: a concurrent run may have paid these shares meanwhile.
  const shares = await pendingShares(tx, [sellerAccountId]);
  const amount = shares.reduce((sum, s) => sum + s.amountCents, 0);
  if (shares.length === 0) return { kind: "nothing" };
  if (!registration || registrationStatus(registration).status !== "complete") return { kind: "held", reason: HOLD_REASON, amountCents: amount };
  if (registration.disbursementSchedule === "monthly" && registration.disbursementDay && at.getUTCDate() !== registration.disbursementDay) {
    return { kind: "not_due", day: registration.disbursementDay, amountCents: amount };
  }
  let count = 0;
  for (const currency of [...new Set(shares.map((s) => s.currency))].sort()) {
    const own = shares.filter((s) => s.currency === currency);
    const total = own.reduce((sum, s) => sum + s.amountCents, 0);
    const id = newId("dsb");
    await tx.insert(disbursements).values({ id, sellerAccountId, runId, status: "completed", currency, amountCents: total, reference: traceReference(at), createdAt: at });
    for (let i = 0; i < own.length; i += 400) {
      await tx.insert(disbursementLines).values(own.slice(i, i + 400).map((s) => ({ id: newId("dln"), disbursementId: id, chargeId: s.chargeId, shareRole: s.role, amountCents: s.amountCents })));
    }
    await tx.insert(ledgerEntries).values(disbursementJournal({ id, sellerAccountId, amountCents: total }, currency, at));
    await recordAudit(tx, SYSTEM, { action: "disbursement.complete", objectType: "disbursement", objectId: id, after: { sellerAccountId, amountCents: total, lines: own.length } });
    await notify(tx, sellerAccountId, {
      kind: "disbursement.completed",
      title: `${formatMoney(total, currency)} disbursed to your bank account`,
      body: `${own.length} share${own.length === 1 ? "" : "s"} of paid charges.`,
      href: own[0]?.role === "isv" ? "/vendor/money" : "/partner/money",
    });
    count++;
  }
  return { kind: "paid", amountCents: amount, disbursements: count };
}
