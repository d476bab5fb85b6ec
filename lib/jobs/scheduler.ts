// The cycle runs by itself. Each scheduled job is one row with a cron
// expression (UTC) and its next slot. Every instance ticks; an instance owns a
// slot when it moves `next_run_at` forward from the value it read (a
// compare-and-set), so however many instances tick at once — or a process that
// restarts mid-tick — each slot runs once. Missed slots are not replayed one by
// one: the next tick runs the job once, and the jobs themselves catch up
// (billing bills every period from the last fully billed one; the disbursement
// schedule pays sellers whose payday passed). A job's work is a run (job_runs)
// under a lease, so a slot whose process died is finished by the next run.
import { Cron } from "croner";
import { and, eq, lte, min } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { agreements, jobRuns, scheduledJobs } from "@/db/schema";
import { SCHEDULED_JOBS, type ScheduledJobName } from "@/db/enums";
import { periodEnd, periodFromIndex, periodIndex, periodOfDate } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { runDisbursements } from "@/lib/billing/disburse";
import { now } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { claimRun, RunBusy, runState } from "@/lib/jobs/lease";
import { runSweep } from "@/lib/jobs/sweep";

/** How long after a month ends a completed run counts as its final one. */
const SETTLE_MS = 3_600_000;

export const DEFAULT_CRONS: Record<ScheduledJobName, string> = {
  billing: "0 2 * * *",
  sweep: "*/15 * * * *",
  disbursement: "0 6 * * *",
};

export const SCHEDULED_JOB_LABELS: Record<ScheduledJobName, { title: string; description: string }> = {
  billing: { title: "Billing", description: "Bills the current month daily, and any earlier month not fully billed, so agreements accepted since the last run join their period." },
  sweep: { title: "Expiry and overdue sweep", description: "Expires invitations and offers past their accept-by date and marks bills past due, telling the parties." },
  disbursement: { title: "Disbursements", description: "Pays every seller whose payout is due, daily or on its monthly day (a missed day is caught up)." },
};

export function nextSlot(cron: string, after: Date): Date {
  const next = new Cron(cron, { timezone: "UTC", paused: true }).nextRun(after);
  if (!next) throw new Error(`cron "${cron}" has no future slot`);
  return next;
}

/** Creates the scheduled jobs that do not exist yet, each first due at its next slot. */
export async function ensureScheduledJobs(db: Db, at: Date = now()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(scheduledJobs)
      .values(SCHEDULED_JOBS.map((name) => ({ name, cron: DEFAULT_CRONS[name], paused: false, nextRunAt: nextSlot(DEFAULT_CRONS[name], at), updatedAt: at })))
      .onConflictDoNothing();
  });
}

/** Claims every due slot this instance wins; returns the claimed jobs with their slot times. */
export async function claimDueSlots(db: Db, at: Date): Promise<{ name: ScheduledJobName; slotAt: Date }[]> {
  const due = await db.select().from(scheduledJobs).where(and(eq(scheduledJobs.paused, false), lte(scheduledJobs.nextRunAt, at)));
  const claimed: { name: ScheduledJobName; slotAt: Date }[] = [];
  for (const job of due) {
    const won = await db.transaction((tx) =>
      tx
        .update(scheduledJobs)
        .set({ nextRunAt: nextSlot(job.cron, at), lastSlotAt: job.nextRunAt, lastStartedAt: at, lastFinishedAt: null, lastStatus: "running", lastResult: null, updatedAt: at })
        .where(and(eq(scheduledJobs.name, job.name), eq(scheduledJobs.nextRunAt, job.nextRunAt), eq(scheduledJobs.paused, false)))
        .returning({ name: scheduledJobs.name }),
    );
    if (won.length === 1) claimed.push({ name: job.name, slotAt: job.nextRunAt });
  }
  return claimed;
}

async function recordOutcome(db: Db, name: ScheduledJobName, outcome: { status: "completed" | "failed"; result: string; runId?: string | null; state?: Record<string, string> }) {
  await db.transaction((tx) =>
    tx
      .update(scheduledJobs)
      .set({
        lastStatus: outcome.status,
        lastResult: outcome.result.slice(0, 1000),
        lastFinishedAt: new Date(),
        ...(outcome.runId ? { lastRunId: outcome.runId } : {}),
        ...(outcome.state ? { state: outcome.state } : {}),
        updatedAt: new Date(),
      })
      .where(eq(scheduledJobs.name, name)),
  );
}

async function noteRun(db: Db, name: ScheduledJobName, runId: string) {
  await db.transaction((tx) => tx.update(scheduledJobs).set({ lastRunId: runId, updatedAt: new Date() }).where(eq(scheduledJobs.name, name)));
}

/** Billing catch-up: every period from the one after the last fully billed through the current one. */
async function scheduledBilling(db: Db, at: Date, state: Record<string, string> | null) {
  const current = periodIndex(periodOfDate(at));
  let from = state?.billedThrough ? periodIndex(state.billedThrough) + 1 : null;
  if (from === null) {
    const [earliest] = await db.select({ at: min(agreements.startsAt) }).from(agreements);
    from = earliest?.at ? Math.min(current, periodIndex(periodOfDate(earliest.at))) : current;
  }
  let billedThrough = state?.billedThrough ?? periodFromIndex(from - 1);
  let contiguous = true;
  const notes: string[] = [];
  let created = 0;
  let cents = 0;
  let lastRunId: string | null = null;
  for (let index = from; index <= current; index++) {
    const period = periodFromIndex(index);
    try {
      const claim = await claimRun(db, { kind: "billing", scope: period, period, trigger: "schedule", at });
      await noteRun(db, "billing", claim.lease.runId);
      const summary = await runBilling(db, period, { at, claim });
      lastRunId = summary.runId;
      created += summary.chargesCreated;
      cents += summary.billedCents;
      if (summary.supplementaryBills) notes.push(`${summary.supplementaryBills} supplementary bill(s) for ${period}`);
      // A month is fully billed once a run that began well after its end completed
      // (an acceptance committing at midnight is not missed).
      if (contiguous && index < current && at.getTime() - periodEnd(period).getTime() >= SETTLE_MS) billedThrough = period;
      else contiguous = false;
    } catch (error) {
      if (!(error instanceof RunBusy)) throw error;
      contiguous = false;
      notes.push(`${period}: a run is already in progress`);
    }
  }
  const periods = current - from + 1;
  return {
    runId: lastRunId,
    result: `Billed ${periods} period${periods === 1 ? "" : "s"} (${periodFromIndex(from)}–${periodFromIndex(current)}): ${created} charges, ${formatMoney(cents)}.${notes.length ? ` ${notes.join("; ")}.` : ""}`,
    state: { billedThrough },
  };
}

/** Runs one scheduled job to the end and records its outcome on the job's row. */
export async function runScheduledJob(db: Db, name: ScheduledJobName, at: Date = now()) {
  const [job] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name));
  try {
    if (name === "billing") {
      const outcome = await scheduledBilling(db, at, job?.state ?? null);
      await recordOutcome(db, name, { status: "completed", ...outcome });
      return outcome;
    }
    if (name === "disbursement") {
      const claim = await claimRun(db, { kind: "disbursement", trigger: "schedule", at });
      await noteRun(db, name, claim.lease.runId);
      const summary = await runDisbursements(db, { at, claim });
      const result = `${formatMoney(summary.disbursedCents)} paid out in ${summary.sellersPaid} payout${summary.sellersPaid === 1 ? "" : "s"}; ${summary.held} seller(s) held, ${summary.notDue} not due.`;
      await recordOutcome(db, name, { status: "completed", result, runId: summary.runId });
      return { runId: summary.runId, result };
    }
    const claim = await claimRun(db, { kind: "sweep", trigger: "schedule", at });
    await noteRun(db, name, claim.lease.runId);
    const summary = await runSweep(db, { at, claim });
    const result = `${summary.invitationsExpired} invitation(s), ${summary.offersExpired} offer(s) and ${summary.dealsExpired} deal(s) expired; ${summary.billsOverdue} bill(s) marked overdue; ${summary.invitationsExpiring} partner(s) warned of an invitation expiring within 3 days.`;
    await recordOutcome(db, name, { status: "completed", result, runId: summary.runId });
    return { runId: summary.runId, result };
  } catch (error) {
    const busy = error instanceof RunBusy;
    const result = busy ? `Skipped: ${error.message}` : `Failed: ${error instanceof Error ? error.message : String(error)}`;
    await recordOutcome(db, name, { status: busy ? "completed" : "failed", result, runId: busy ? error.run.id : null });
    if (!busy) throw error;
    return { runId: error.run.id, result };
  }
}

export type Executor = (name: ScheduledJobName, slotAt: Date) => Promise<unknown>;

/** One tick: claim due slots, run each claimed job (in this process by default). */
export async function tick(db: Db, options: { at?: Date; execute?: Executor } = {}) {
  const at = options.at ?? now();
  const claimed = await claimDueSlots(db, at);
  const execute: Executor = options.execute ?? ((name) => runScheduledJob(db, name, at));
  for (const { name, slotAt } of claimed) {
    try {
      await execute(name, slotAt);
    } catch (error) {
      console.error(`scheduled job ${name} failed`, error);
    }
  }
  return claimed;
}

/** Pauses or resumes a job in the caller's transaction; resuming starts from the next slot (a paused week is not replayed at once: the jobs catch up by themselves). */
export async function setPaused(tx: Tx, name: ScheduledJobName, paused: boolean, at: Date = now()) {
  const [job] = await tx
    .update(scheduledJobs)
    .set(paused ? { paused, updatedAt: at } : { paused, nextRunAt: nextSlot(DEFAULT_CRONS[name], at), updatedAt: at })
    .where(eq(scheduledJobs.name, name))
    .returning();
  return job ?? null;
}

/** The rep's view: each job's schedule, last run (with the run's live state) and next run. */
export async function listScheduledJobs(db: Db) {
  const jobs = await db.select().from(scheduledJobs);
  const runs = await Promise.all(jobs.map((j) => (j.lastRunId ? db.select().from(jobRuns).where(eq(jobRuns.id, j.lastRunId)) : Promise.resolve([]))));
  const wall = Date.now();
  return SCHEDULED_JOBS.map((name) => {
    const job = jobs.find((j) => j.name === name);
    if (!job) return null;
    const run = runs[jobs.indexOf(job)]?.[0] ?? null;
    let state: "never" | "running" | "interrupted" | "completed" | "failed" = (job.lastStatus as "running" | "completed" | "failed" | null) ?? "never";
    // A slot whose process died shows as interrupted: its run lost its lease, or it never got to start one.
    if (state === "running") {
      const live = run && run.status === "running" && runState(run, wall) === "running";
      const justStarted = job.lastStartedAt && wall - job.lastStartedAt.getTime() < 120_000;
      if (!live && !justStarted) state = "interrupted";
    }
    return { ...job, ...SCHEDULED_JOB_LABELS[name], state, run };
  }).filter((j): j is NonNullable<typeof j> => j !== null);
}
