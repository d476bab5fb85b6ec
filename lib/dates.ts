// Calendar arithmetic in UTC, for contract terms and billing periods.

/** The same day-of-month n months later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonthsUtc(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

/** "2026-11-30" */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2026-11-30 14:05 UTC" */
export function instantOf(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
