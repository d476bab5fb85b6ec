// Double entry: every journal balances (Σ debits = Σ credits) or is refused
// before it reaches the database. Entries are append-only; the database's
// triggers refuse updates and deletes, and corrections are reversing entries.
import type { LedgerAccount } from "@/db/enums";
import { newId } from "@/lib/ids";
import { ledgerEntries } from "@/db/schema";

export interface Posting {
  account: LedgerAccount;
  party: string | null;
  debitCents?: number;
  creditCents?: number;
}

export interface JournalRefs {
  chargeId?: string;
  paymentId?: string;
  disbursementId?: string;
  memo?: string;
}

export class UnbalancedJournal extends Error {}

/** The rows of one balanced journal; zero lines are left out (a 0% markup has no partner share). */
export function journalRows(postings: Posting[], refs: JournalRefs, currency: string, at: Date): (typeof ledgerEntries.$inferInsert)[] {
  let debits = 0;
  let credits = 0;
  for (const p of postings) {
    const debit = p.debitCents ?? 0;
    const credit = p.creditCents ?? 0;
    if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit) || debit < 0 || credit < 0 || (debit > 0 && credit > 0)) {
      throw new UnbalancedJournal(`a posting must be a non-negative debit or credit: ${JSON.stringify(p)}`);
    }
    debits += debit;
    credits += credit;
  }
  if (debits !== credits) throw new UnbalancedJournal(`journal does not balance: debits ${debits} ≠ credits ${credits}`);
  const journalId = newId("jnl");
  return postings
    .filter((p) => (p.debitCents ?? 0) > 0 || (p.creditCents ?? 0) > 0)
    .map((p) => ({
      id: newId("led"),
      journalId,
      ledgerAccount: p.account,
      partyAccountId: p.party,
      currency,
      debitCents: p.debitCents ?? 0,
      creditCents: p.creditCents ?? 0,
      chargeId: refs.chargeId ?? null,
      paymentId: refs.paymentId ?? null,
      disbursementId: refs.disbursementId ?? null,
      memo: refs.memo ?? null,
      createdAt: at,
    }));
}

/** charge: receivable(customer) = payable(partner) + payable(ISV) + fee revenue */
export function chargeJournal(c: { id: string; customerAccountId: string; partnerAccountId: string; isvAccountId: string; customerCents: number; partnerShareCents: number; isvShareCents: number; feeCents: number; period: string }, currency: string, at: Date) {
  return journalRows(
    [
      { account: "receivable", party: c.customerAccountId, debitCents: c.customerCents },
      { account: "payable", party: c.partnerAccountId, creditCents: c.partnerShareCents },
      { account: "payable", party: c.isvAccountId, creditCents: c.isvShareCents },
      { account: "fee_revenue", party: null, creditCents: c.feeCents },
    ],
    { chargeId: c.id, memo: `charge ${c.period}` },
    currency,
    at,
  );
}

/** payment: cash = receivable(customer) */
export function paymentJournal(p: { id: string; customerAccountId: string; amountCents: number }, currency: string, at: Date) {
  return journalRows(
    [
      { account: "cash", party: null, debitCents: p.amountCents },
      { account: "receivable", party: p.customerAccountId, creditCents: p.amountCents },
    ],
    { paymentId: p.id, memo: "payment" },
    currency,
    at,
  );
}

/** disbursement: payable(seller) = cash */
export function disbursementJournal(d: { id: string; sellerAccountId: string; amountCents: number }, currency: string, at: Date) {
  return journalRows(
    [
      { account: "payable", party: d.sellerAccountId, debitCents: d.amountCents },
      { account: "cash", party: null, creditCents: d.amountCents },
    ],
    { disbursementId: d.id, memo: "disbursement" },
    currency,
    at,
  );
}
