// Billing and disbursement runs as operations a rep starts. The operation
// claims the run (so a double click, a second rep or another instance follows
// the same run instead of starting a second) and hands it to a worker process
// (lib/jobs/spawn.ts); the console polls the run's row. With `wait` the run
// completes in this process before the answer (tests, scripts).
import { z } from "zod";
import { defineOperation, InvalidInput } from "@/lib/actions/operation";
import { runDisbursements } from "@/lib/billing/disburse";
import { assertBillable, runBilling } from "@/lib/billing/run";
import { periodSchema } from "@/lib/billing/validations";
import { now } from "@/lib/clock";
import { claimRun, newOwner, RunBusy, type Claim } from "@/lib/jobs/lease";
import { spawnJob } from "@/lib/jobs/spawn";

const wait = z.boolean().optional();

export type StartedRun = { runId: string; alreadyRunning: boolean; tookOver: boolean; summary?: unknown };

async function claimOrFollow(claim: () => Promise<Claim>): Promise<Claim | StartedRun> {
  try {
    return await claim();
  } catch (error) {
    if (error instanceof RunBusy) return { runId: error.run.id, alreadyRunning: true, tookOver: false };
    throw error;
  }
}

export const startBillingRun = defineOperation("billing.run", periodSchema.extend({ wait }), async (ctx, input): Promise<StartedRun> => {
  const at = now();
  try {
    assertBillable(input.period, at);
  } catch (error) {
    throw new InvalidInput({ period: [error instanceof Error ? error.message : String(error)] });
  }
  const owner = newOwner("console");
  const claimed = await claimOrFollow(() => claimRun(ctx.db, { kind: "billing", scope: input.period, period: input.period, trigger: "console", at, owner }));
  if ("alreadyRunning" in claimed) return claimed;
  const runId = claimed.lease.runId;
  await ctx.db.transaction((tx) => ctx.audit(tx, { action: claimed.tookOver ? "billing.resume" : "billing.run", objectType: "job_run", objectId: runId, after: { period: input.period } }));
  if (input.wait) return { runId, alreadyRunning: false, tookOver: claimed.tookOver, summary: await runBilling(ctx.db, input.period, { at, claim: claimed }) };
  void spawnJob({ kind: "billing", period: input.period, runId, owner });
  return { runId, alreadyRunning: false, tookOver: claimed.tookOver };
});

export const startDisbursementRun = defineOperation("disbursement.run", z.object({ wait }), async (ctx, input): Promise<StartedRun> => {
  const at = now();
  const owner = newOwner("console");
  const claimed = await claimOrFollow(() => claimRun(ctx.db, { kind: "disbursement", trigger: "console", at, owner }));
  if ("alreadyRunning" in claimed) return claimed;
  const runId = claimed.lease.runId;
  await ctx.db.transaction((tx) => ctx.audit(tx, { action: claimed.tookOver ? "disbursement.resume" : "disbursement.run", objectType: "job_run", objectId: runId }));
  if (input.wait) return { runId, alreadyRunning: false, tookOver: claimed.tookOver, summary: await runDisbursements(ctx.db, { at, claim: claimed }) };
  void spawnJob({ kind: "disbursement", runId, owner });
  return { runId, alreadyRunning: false, tookOver: claimed.tookOver };
});
