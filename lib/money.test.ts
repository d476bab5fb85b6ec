import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bpsToPercent,
  customerCents,
  DEFAULT_FEE_TIERS,
  feeBpsForContract,
  feeCents,
  formatMoney,
  listCents,
  parseMoneyToCents,
  percentToBps,
  scaleHalfUp,
  split,
  splitWholesale,
  wholesaleCents,
} from "@/lib/money";

describe("the worked example of DOMAIN.md", () => {
  // $10,000 a month, one unit, 20% discount, 10% markup, 12 months billed monthly.
  const monthly = split({
    dimensions: [{ quantity: 1, unitPriceCents: 1_000_000 }],
    months: 1,
    discountBps: 2000,
    markupBps: 1000,
    feeBps: feeBpsForContract(96_000_00),
  });

  it("prices one month", () => {
    expect(monthly).toEqual({
      listCents: 1_000_000,
      wholesaleCents: 800_000,
      customerCents: 880_000,
      feeCents: 28_000,
      isvShareCents: 772_000,
      partnerShareCents: 80_000,
    });
  });

  it("uses the under-$1M tier for a $96,000 contract at wholesale", () => {
    expect(feeBpsForContract(96_000_00)).toBe(350);
  });

  it("totals the twelve-month contract", () => {
    expect(monthly.customerCents * 12).toBe(105_600_00);
    expect(monthly.isvShareCents * 12).toBe(92_640_00);
    expect(monthly.partnerShareCents * 12).toBe(9_600_00);
    expect(monthly.feeCents * 12).toBe(3_360_00);
  });

  it("gives the same twelve-month totals billed upfront", () => {
    const upfront = split({
      dimensions: [{ quantity: 1, unitPriceCents: 1_000_000 }],
      months: 12,
      discountBps: 2000,
      markupBps: 1000,
      feeBps: 350,
    });
    expect(upfront).toEqual({
      listCents: 120_000_00,
      wholesaleCents: 96_000_00,
      customerCents: 105_600_00,
      feeCents: 3_360_00,
      isvShareCents: 92_640_00,
      partnerShareCents: 9_600_00,
    });
  });
});

describe("rounding", () => {
  it("rounds half up to the cent", () => {
    expect(scaleHalfUp(1, 5000)).toBe(1); // 0.5 → 1
    expect(scaleHalfUp(1, 4999)).toBe(0); // 0.4999 → 0
    expect(scaleHalfUp(3, 5000)).toBe(2); // 1.5 → 2
    expect(wholesaleCents(333, 1250)).toBe(291); // 291.375 → 291
    expect(customerCents(999, 1250)).toBe(1124); // 1123.875 → 1124
    expect(feeCents(10, 350)).toBe(0); // 0.35 → 0
    expect(feeCents(15, 350)).toBe(1); // 0.525 → 1
  });

  it("computes each step from the rounded figure before it", () => {
    const list = listCents([{ quantity: 3, unitPriceCents: 333 }], 1); // 999
    const wholesale = wholesaleCents(list, 1250); // 874.125 → 874
    expect(customerCents(wholesale, 1250)).toBe(983); // 983.25 → 983, not round(999 × .875 × 1.125) = 983.4
  });

  it("stays exact beyond 2^53 intermediate products", () => {
    const big = 9_000_000_000_000; // $90 billion in cents
    expect(wholesaleCents(big, 1)).toBe(8_999_100_000_000);
  });

  it("refuses fractional or negative inputs", () => {
    expect(() => wholesaleCents(1.5, 100)).toThrow(RangeError);
    expect(() => wholesaleCents(-1, 100)).toThrow(RangeError);
    expect(() => customerCents(100, Number.NaN)).toThrow(RangeError);
    expect(() => listCents([{ quantity: 1, unitPriceCents: 1 }], 0.5)).toThrow(RangeError);
  });
});

describe("split invariant (property)", () => {
  const arbitrary = fc.record({
    dimensions: fc.array(
      fc.record({ quantity: fc.integer({ min: 0, max: 10_000 }), unitPriceCents: fc.integer({ min: 0, max: 100_000_000 }) }),
      { minLength: 1, maxLength: 5 },
    ),
    months: fc.integer({ min: 1, max: 60 }),
    discountBps: fc.integer({ min: 1, max: 9999 }),
    additionalDiscountBps: fc.integer({ min: 0, max: 9999 }),
    markupBps: fc.integer({ min: 0, max: 100_000 }),
    feeBps: fc.integer({ min: 0, max: 9999 }),
  });

  it("customer = partner + ISV + fee to the cent, every share ≥ 0", () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const s = split(input);
        expect(s.customerCents).toBe(s.partnerShareCents + s.isvShareCents + s.feeCents);
        for (const value of Object.values(s)) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(s.wholesaleCents).toBeLessThanOrEqual(s.listCents);
        expect(s.customerCents).toBeGreaterThanOrEqual(s.wholesaleCents);
      }),
      { numRuns: 10_000 },
    );
  });

  it("splitWholesale agrees with split", () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const s = split(input);
        expect(splitWholesale(s.listCents, s.wholesaleCents, input.markupBps, input.feeBps)).toEqual(s);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("fee tiers", () => {
  it("follows DOMAIN.md's schedule at the boundaries", () => {
    expect(feeBpsForContract(0)).toBe(350);
    expect(feeBpsForContract(1_000_000_00 - 1)).toBe(350);
    expect(feeBpsForContract(1_000_000_00)).toBe(250);
    expect(feeBpsForContract(10_000_000_00 - 1)).toBe(250);
    expect(feeBpsForContract(10_000_000_00)).toBe(200);
    expect(feeBpsForContract(5, DEFAULT_FEE_TIERS, { renewal: true })).toBe(200);
  });

  it("reads a changed schedule", () => {
    expect(feeBpsForContract(50, [{ minContractCents: 0, feeBps: 300 }])).toBe(300);
    expect(() => feeBpsForContract(50, [{ minContractCents: 100, feeBps: 300 }])).toThrow(RangeError);
  });
});

describe("percent and display", () => {
  it("parses percentages to basis points", () => {
    expect(percentToBps("20")).toBe(2000);
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps("0.01")).toBe(1);
    expect(percentToBps(" 99.99 ")).toBe(9999);
    for (const bad of ["", "-1", "50%", "NaN", "Infinity", "1e2", "12.345", "1,5", ".5", "abc"]) {
      expect(percentToBps(bad)).toBeNull();
    }
  });

  it("round-trips basis points to percent text", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (bps) => percentToBps(bpsToPercent(bps)) === bps));
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(2000)).toBe("20");
    expect(bpsToPercent(5)).toBe("0.05");
  });

  it("formats money in its currency", () => {
    expect(formatMoney(880_000)).toBe("$8,800.00");
    expect(formatMoney(5, "EUR")).toBe("€0.05");
    // Chart axes: short, and never "$0.0".
    expect([0, 200_000, 150_000, 123_456_700].map((c) => formatMoney(c, "USD", { compact: true }))).toEqual(["$0", "$2K", "$1.5K", "$1.2M"]);
    expect(formatMoney(150_000)).toBe("$1,500.00");
    expect(parseMoneyToCents("1,234.5")).toBe(123_450);
    expect(parseMoneyToCents("-3")).toBeNull();
  });
});
