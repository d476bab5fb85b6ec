"use server";
import { runOperation } from "@/lib/actions/run";
import { updateFeeSchedule } from "@/lib/fees/service";

export async function updateFeeScheduleAction(raw: unknown) {
  return runOperation(updateFeeSchedule, raw, ["/marketplace/fees"]);
}
