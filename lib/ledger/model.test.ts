// TESTING.md item 9: a model of the money flow driven by random sequences of
// offer, accept, bill, pay and disburse, posting with the same journal and
// split code the portal uses. After every step: every journal balances,
// disbursed ≤ collected per bill, and nothing is disbursed before payment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargeSplit } from "@/lib/billing/charges";
import { chargeJournal, disbursementJournal, paymentJournal } from "@/lib/ledger/journal";
import { offerPrice } from "@/lib/offers/pricing";

type Step =
  | { kind: "offer"; price: number; quantity: number; discountBps: number; markupBps: number; months: number; upfront: boolean }
  | { kind: "accept"; pick: number }
  | { kind: "bill" }
  | { kind: "pay"; pick: number }
  | { kind: "disburse" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("offer" as const),
    price: fc.integer({ min: 0, max: 5_000_000 }),
    quantity: fc.integer({ min: 1, max: 50 }),
    discountBps: fc.integer({ min: 1, max: 9999 }),
    markupBps: fc.integer({ min: 0, max: 100_000 }),
    months: fc.integer({ min: 1, max: 24 }),
    upfront: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("accept" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("bill" as const) }),
  fc.record({ kind: fc.constant("pay" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("disburse" as const) }),
);

interface Model {
  offers: { id: string; terms: Parameters<typeof chargeSplit>[0]; accepted: boolean; billedMonths: number }[];
  bills: { id: string; charges: ReturnType<typeof chargeSplit>[]; chargeIds: string[]; paid: boolean; collected: number; disbursed: number }[];
  disbursedShares: Set<string>;
  period: number;
  cash: number;
}

function run(steps: Step[]) {
  const m: Model = { offers: [], bills: [], disbursedShares: new Set(), period: 0, cash: 0 };
  const at = new Date(0);
  const balances = new Map<string, number>();
  const post = (rows: ReturnType<typeof paymentJournal>) => {
    const debit = rows.reduce((s, r) => s + (r.debitCents ?? 0), 0);
    const credit = rows.reduce((s, r) => s + (r.creditCents ?? 0), 0);
    expect(debit).toBe(credit); // every posting balances
    for (const r of rows) {
      const key = `${r.ledgerAccount}:${r.partyAccountId ?? ""}`;
      balances.set(key, (balances.get(key) ?? 0) + (r.debitCents ?? 0) - (r.creditCents ?? 0));
    }
  };
  for (const s of steps) {
    if (s.kind === "offer") {
      const price = offerPrice({ dimensions: [{ quantity: s.quantity, unitPriceCents: s.price }], durationMonths: s.months, billing: s.upfront ? "upfront" : "monthly", discountBps: s.discountBps, markupBps: s.markupBps });
      m.offers.push({
        id: `o${m.offers.length}`,
        accepted: false,
        billedMonths: 0,
        terms: { billing: s.upfront ? "upfront" : "monthly", durationMonths: s.months, listCentsPerMonth: price.listPerMonthCents, wholesaleCentsPerMonth: price.wholesalePerMonthCents, customerCentsPerMonth: price.customerPerMonthCents, feeBps: price.feeBps, discountBps: s.discountBps, additionalDiscountBps: 0, markupBps: s.markupBps },
      });
    } else if (s.kind === "accept") {
      const open = m.offers.filter((o) => !o.accepted);
      if (open.length) open[s.pick % open.length]!.accepted = true;
    } else if (s.kind === "bill") {
      const bill = { id: `b${m.bills.length}`, charges: [] as ReturnType<typeof chargeSplit>[], chargeIds: [] as string[], paid: false, collected: 0, disbursed: 0 };
      for (const o of m.offers.filter((x) => x.accepted)) {
        const due = o.terms.billing === "upfront" ? o.billedMonths === 0 : o.billedMonths < o.terms.durationMonths;
        if (!due) continue;
        const split = chargeSplit(o.terms);
        const chargeId = `${o.id}:${o.billedMonths}`;
        post(chargeJournal({ id: chargeId, customerAccountId: "customer", partnerAccountId: "partner", isvAccountId: "isv", period: String(m.period), ...split }, "USD", at));
        bill.charges.push(split);
        bill.chargeIds.push(chargeId);
        o.billedMonths += o.terms.billing === "upfront" ? o.terms.durationMonths : 1;
      }
      m.period++;
      if (bill.charges.length) m.bills.push(bill);
    } else if (s.kind === "pay") {
      const unpaid = m.bills.filter((b) => !b.paid);
      const bill = unpaid.length ? unpaid[s.pick % unpaid.length]! : undefined;
      const total = bill?.charges.reduce((sum, c) => sum + c.customerCents, 0) ?? 0;
      if (bill && total > 0) {
        post(paymentJournal({ id: `p${bill.id}`, customerAccountId: "customer", amountCents: total }, "USD", at));
        bill.paid = true;
        bill.collected = total;
        m.cash += total;
      }
    } else {
      for (const seller of ["isv", "partner"] as const) {
        let amount = 0;
        for (const bill of m.bills) {
          bill.charges.forEach((c, i) => {
            const share = seller === "isv" ? c.isvShareCents : c.partnerShareCents;
            const key = `${bill.chargeIds[i]}:${seller}`;
            if (share <= 0 || m.disbursedShares.has(key)) return;
            if (!bill.paid) return; // never before payment
            m.disbursedShares.add(key);
            bill.disbursed += share;
            amount += share;
          });
        }
        if (amount > 0) {
          post(disbursementJournal({ id: `d${seller}`, sellerAccountId: seller, amountCents: amount }, "USD", at));
          m.cash -= amount;
        }
      }
    }
    // Invariants after every step.
    for (const bill of m.bills) {
      if (!bill.paid) expect(bill.disbursed).toBe(0);
      expect(bill.disbursed).toBeLessThanOrEqual(bill.collected);
    }
    expect(m.cash).toBeGreaterThanOrEqual(0);
    expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
  }
  return m;
}

describe("ledger model", () => {
  it("balances every posting and never disburses unpaid or more than collected", () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      run(steps);
    }), { numRuns: 10_000 });
  });

  it("leaves the marketplace exactly its fees once everything is paid and disbursed", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const billed = run([...steps, { kind: "bill" }]);
        // Then pay every bill (one pay step per bill pays the first unpaid) and disburse everything.
        const payAll: Step[] = billed.bills.map(() => ({ kind: "pay", pick: 0 }));
        const finished = run([...steps, { kind: "bill" }, ...payAll, { kind: "disburse" }]);
        const fees = finished.bills.filter((b) => b.paid).reduce((s, b) => s + b.charges.reduce((x, c) => x + c.feeCents, 0), 0);
        expect(finished.cash).toBe(fees);
      }),
      { numRuns: 10_000 },
    );
  });
});
