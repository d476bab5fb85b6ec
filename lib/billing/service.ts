// Billing and disbursement runs as operations a rep starts. With `wait` the run
// completes before the answer (tests, scripts); without, it continues in the
// background of this server process and the console polls its progress row.
import { z } from "zod";
import { jobRuns } from "@/db/schema";
import { defineOperation } from "@/lib/actions/operation";
import { runDisbursements } from "@/lib/billing/disburse";
import { runBilling } from "@/lib/billing/run";
import { periodSchema } from "@/lib/billing/validations";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";

const wait = z.boolean().optional();

export const startBillingRun = defineOperation("billing.run", periodSchema.extend({ wait }), async (ctx, input) => {
  const runId = newId("run");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(jobRuns).values({ id: runId, kind: "billing", period: input.period, status: "running", startedAt: now() });
    await ctx.audit(tx, { action: "billing.run", objectType: "job_run", objectId: runId, after: { period: input.period } });
  });
  const run = runBilling(ctx.db, input.period, { runId });
  if (input.wait) return { runId, summary: await run };
  run.catch((error: unknown) => console.error(`billing run ${runId} failed`, error));
  return { runId };
});

export const startDisbursementRun = defineOperation("disbursement.run", z.object({ wait }), async (ctx, input) => {
  const runId = newId("run");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(jobRuns).values({ id: runId, kind: "disbursement", status: "running", startedAt: now() });
    await ctx.audit(tx, { action: "disbursement.run", objectType: "job_run", objectId: runId });
  });
  const run = runDisbursements(ctx.db, { runId });
  if (input.wait) return { runId, summary: await run };
  run.catch((error: unknown) => console.error(`disbursement run ${runId} failed`, error));
  return { runId };
});
