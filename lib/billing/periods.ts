// Billing periods are calendar months in UTC, written "YYYY-MM".
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** Months since year 0: consecutive periods differ by 1. */
export function periodIndex(period: string): number {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function periodFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function periodOfDate(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function periodStart(period: string): Date {
  const index = periodIndex(period);
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
}

/** The first instant after the period. */
export function periodEnd(period: string): Date {
  return periodStart(periodFromIndex(periodIndex(period) + 1));
}

/**
 * Which contract month (0-based) of an agreement falls in `period`, or null
 * when none is due: monthly agreements bill every month of the contract;
 * upfront agreements bill the whole contract in their first month.
 */
export function contractMonthDue(agreement: { startsAt: Date; durationMonths: number; billing: "upfront" | "monthly" }, period: string): number | null {
  const k = periodIndex(period) - periodIndex(periodOfDate(agreement.startsAt));
  if (agreement.billing === "upfront") return k === 0 ? 0 : null;
  return k >= 0 && k < agreement.durationMonths ? k : null;
}
