// Words for runs, shared by the console (client) and the runs table (server).
import type { RunState } from "@/lib/jobs/lease";
import { formatMoney } from "@/lib/money";

export const RUN_STATE_LABELS: Record<RunState, string> = {
  running: "Running",
  interrupted: "Interrupted",
  completed: "Completed",
  failed: "Failed",
};

export const RUN_STATE_TONES: Record<RunState, "info" | "warn" | "good" | "bad"> = {
  running: "info",
  interrupted: "warn",
  completed: "good",
  failed: "bad",
};

export const TRIGGER_LABELS = { console: "Console", cli: "Command line", schedule: "Scheduler" } as const;

type Summary = Record<string, number> | null | undefined;

/** One sentence for a run's figures, whatever its kind. */
export function summarizeRun(kind: string, summary: Summary): string {
  const n = (key: string) => summary?.[key] ?? 0;
  if (!summary) return "";
  if (kind === "billing") {
    const parts = [`${n("chargesCreated")} charges created (${formatMoney(n("billedCents"))})`];
    if ("periodCharges" in summary) parts.push(`the period holds ${n("periodCharges")} charges on ${n("periodBills")} bills (${formatMoney(n("periodBilledCents"))})`);
    if (n("supplementaryBills")) parts.push(`${n("chargesOnSupplementary")} on ${n("supplementaryBills")} supplementary bill(s): due after the first bill was paid`);
    if (n("chargesAlreadyThere")) parts.push(`${n("chargesAlreadyThere")} charged meanwhile by another run`);
    return parts.join("; ") + ".";
  }
  if (kind === "disbursement") {
    return `${formatMoney(n("disbursedCents"))} paid out in ${n("sellersPaid")} payout(s), ${n("linesPaid")} shares; ${n("held")} seller(s) held, ${n("notDue")} not due yet.`;
  }
  return `${n("invitationsExpired")} invitation(s), ${n("offersExpired")} offer(s) and ${n("dealsExpired")} deal(s) expired; ${n("billsOverdue")} bill(s) marked overdue; ${n("invitationsExpiring")} expiring invitation(s) announced${n("idempotencyKeys") || n("throttleCounters") ? `; ${n("idempotencyKeys")} expired API idempotency key(s) and ${n("throttleCounters")} old throttle counter(s) forgotten` : ""}.`;
}
