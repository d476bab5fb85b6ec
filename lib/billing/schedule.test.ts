import { describe, expect, it } from "vitest";
import { latestPayday, nextPayoutDate, payoutDue } from "@/lib/billing/schedule";

const d = (iso: string) => new Date(iso);
const monthly10 = { schedule: "monthly" as const, day: 10 };
const waiting = (lastPaidAt: string | null, oldestPendingAt: string | null) => ({ lastPaidAt: lastPaidAt ? d(lastPaidAt) : null, oldestPendingAt: oldestPendingAt ? d(oldestPendingAt) : null });

describe("payout schedule", () => {
  it("pays daily sellers on every run", () => {
    expect(payoutDue({ schedule: "daily", day: null }, waiting("2026-11-29T12:00:00Z", "2026-11-29T13:00:00Z"), d("2026-11-30T01:00:00Z"))).toBe(true);
    expect(nextPayoutDate({ schedule: "daily", day: null }, waiting(null, null), d("2026-11-30T13:00:00Z"))).toEqual(d("2026-11-30T00:00:00Z"));
  });

  it("pays a monthly seller on the first run on or after its day, once a month", () => {
    // Paid on October 10th, money waiting since October 20th: the 9th is too early, the 10th and the 11th pay.
    const history = waiting("2026-10-10T06:00:00Z", "2026-10-20T00:00:00Z");
    expect(payoutDue(monthly10, history, d("2026-11-09T23:59:59Z"))).toBe(false);
    expect(nextPayoutDate(monthly10, history, d("2026-11-09T23:59:59Z"))).toEqual(d("2026-11-10T00:00:00Z"));
    expect(payoutDue(monthly10, history, d("2026-11-10T00:00:00Z"))).toBe(true);
    expect(payoutDue(monthly10, history, d("2026-11-11T09:00:00Z"))).toBe(true);
    // Paid on the 11th (the 10th was missed): not again until December's 10th.
    const paid = waiting("2026-11-11T09:00:00Z", "2026-11-20T00:00:00Z");
    expect(payoutDue(monthly10, paid, d("2026-11-30T09:00:00Z"))).toBe(false);
    expect(nextPayoutDate(monthly10, paid, d("2026-11-30T09:00:00Z"))).toEqual(d("2026-12-10T00:00:00Z"));
    expect(payoutDue(monthly10, paid, d("2026-12-10T00:00:01Z"))).toBe(true);
  });

  it("catches up after months without a run, and waits for the payday after money arrives", () => {
    expect(payoutDue(monthly10, waiting("2026-06-10T00:00:00Z", "2026-06-20T00:00:00Z"), d("2026-11-02T00:00:00Z"))).toBe(true);
    // Never paid, money since October 5th: October 10th was missed, so November 2nd pays.
    expect(payoutDue(monthly10, waiting(null, "2026-10-05T00:00:00Z"), d("2026-11-02T00:00:00Z"))).toBe(true);
    // Money only since November 1st: it waits for November 10th.
    expect(payoutDue(monthly10, waiting(null, "2026-11-01T00:00:00Z"), d("2026-11-02T00:00:00Z"))).toBe(false);
    expect(nextPayoutDate(monthly10, waiting(null, "2026-11-01T00:00:00Z"), d("2026-11-02T00:00:00Z"))).toEqual(d("2026-11-10T00:00:00Z"));
    expect(latestPayday(10, d("2026-01-05T00:00:00Z"))).toEqual(d("2025-12-10T00:00:00Z"));
  });
});
