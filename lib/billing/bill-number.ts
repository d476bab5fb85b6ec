// The number a customer quotes for a bill: period, customer account id and the
// bill's place in the period ("B-202609-851347962018-1"; a supplementary bill
// ends in 2, 3, …). Currencies other than USD are suffixed, so every bill of a
// customer and period has its own number. The migration that introduced the
// column computes the same text in SQL for bills made before it.
export function billNumber(customerAccountId: string, period: string, sequence: number, currency: string): string {
  return `B-${period.replace("-", "")}-${customerAccountId}-${sequence + 1}${currency === "USD" ? "" : `-${currency}`}`;
}

/** The key under which billing chunks and payments serialize for one customer's bills of one period. */
export function billLockKey(customerAccountId: string, period: string) {
  return `bill:${customerAccountId}:${period}`;
}
