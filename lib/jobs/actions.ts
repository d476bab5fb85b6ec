"use server";
import { runOperation } from "@/lib/actions/run";
import { pauseScheduledJob, resumeScheduledJob } from "@/lib/jobs/service";

export async function pauseScheduledJobAction(raw: unknown) {
  return runOperation(pauseScheduledJob, raw, ["/marketplace/schedule"]);
}

export async function resumeScheduledJobAction(raw: unknown) {
  return runOperation(resumeScheduledJob, raw, ["/marketplace/schedule"]);
}
