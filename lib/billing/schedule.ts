// When a seller is paid. Daily sellers: on every disbursement run. Monthly
// sellers on day D (1–28): on the first run on or after day D of each month, so
// a run on the 11th still pays a seller of the 10th, and a missed day never
// costs a month. A payday counts when money was already waiting on it (collected
// on or before it) and nothing was paid since it. Days are UTC calendar days.
import { DISBURSEMENT_SCHEDULES } from "@/db/enums";

export type ScheduleKind = (typeof DISBURSEMENT_SCHEDULES)[number];

export interface PayoutSchedule {
  schedule: ScheduleKind | null;
  day: number | null;
}

function startOfDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Day D of the month `monthOffset` months from `at`'s month, at 00:00 UTC. */
function paydayOf(at: Date, day: number, monthOffset: number): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + monthOffset, day));
}

function isMonthly(s: PayoutSchedule): s is { schedule: "monthly"; day: number } {
  return s.schedule === "monthly" && Number.isInteger(s.day) && (s.day as number) >= 1 && (s.day as number) <= 28;
}

/** The latest payday on or before `at`. */
export function latestPayday(day: number, at: Date): Date {
  const thisMonth = paydayOf(at, day, 0);
  return thisMonth.getTime() <= at.getTime() ? thisMonth : paydayOf(at, day, -1);
}

export interface PayoutHistory {
  /** The seller's last payout, if any. */
  lastPaidAt: Date | null;
  /** When the oldest share now waiting was collected. */
  oldestPendingAt: Date | null;
}

/** Whether a run at `at` pays this seller: daily always; monthly when a payday passed with money waiting and nothing paid since. */
export function payoutDue(schedule: PayoutSchedule, history: PayoutHistory, at: Date): boolean {
  if (!isMonthly(schedule)) return true;
  const payday = latestPayday(schedule.day, at);
  if (history.lastPaidAt && history.lastPaidAt.getTime() >= payday.getTime()) return false;
  return !history.oldestPendingAt || history.oldestPendingAt.getTime() <= payday.getTime();
}

/** The day of the next payout: today when a run today would pay, else the next payday. */
export function nextPayoutDate(schedule: PayoutSchedule, history: PayoutHistory, at: Date): Date {
  if (!isMonthly(schedule) || payoutDue(schedule, history, at)) return startOfDay(at);
  const thisMonth = paydayOf(at, schedule.day, 0);
  return thisMonth.getTime() > at.getTime() ? thisMonth : paydayOf(at, schedule.day, 1);
}

/** "monthly on day 10" / "daily" */
export function describeSchedule(schedule: PayoutSchedule): string {
  return isMonthly(schedule) ? `monthly on day ${schedule.day}` : "daily";
}
