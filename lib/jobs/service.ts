// A rep pauses and resumes scheduled jobs.
import { z } from "zod";
import { SCHEDULED_JOBS } from "@/db/enums";
import { defineOperation, NotFound } from "@/lib/actions/operation";
import { now } from "@/lib/clock";
import { ensureScheduledJobs, setPaused } from "@/lib/jobs/scheduler";

const jobName = z.object({ name: z.enum(SCHEDULED_JOBS, { message: "Unknown scheduled job" }) });

function toggle(paused: boolean) {
  return defineOperation("schedule.manage", jobName, async (ctx, input) => {
    const at = now();
    await ensureScheduledJobs(ctx.db, at);
    return ctx.db.transaction(async (tx) => {
      const job = await setPaused(tx, input.name, paused, at);
      if (!job) throw new NotFound("scheduled_job", input.name);
      await ctx.audit(tx, { action: paused ? "schedule.pause" : "schedule.resume", objectType: "scheduled_job", objectId: input.name, after: { paused, nextRunAt: job.nextRunAt.toISOString() } });
      return { name: job.name, paused: job.paused, nextRunAt: job.nextRunAt.toISOString() };
    });
  });
}

export const pauseScheduledJob = toggle(true);
export const resumeScheduledJob = toggle(false);
