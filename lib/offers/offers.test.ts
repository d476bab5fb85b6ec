import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFER_STATUSES } from "@/db/enums";
import { offerPrice } from "@/lib/offers/pricing";
import { effectiveOfferStatus, offerRefusal, type OfferTransition } from "@/lib/offers/state";
import { saveOfferSchema } from "@/lib/offers/validations";
import { addMonthsUtc } from "@/lib/dates";

describe("offer price panel", () => {
  it("reproduces the worked example, monthly and upfront", () => {
    const base = { dimensions: [{ quantity: 1, unitPriceCents: 1_000_000 }], durationMonths: 12, discountBps: 2000, markupBps: 1000 };
    expect(offerPrice({ ...base, billing: "monthly" })).toEqual({
      listPerMonthCents: 1_000_000,
      wholesalePerMonthCents: 800_000,
      customerPerMonthCents: 880_000,
      customerPerPeriodCents: 880_000,
      listTotalCents: 12_000_000,
      wholesaleTotalCents: 9_600_000,
      customerTotalCents: 10_560_000,
      partnerMarginCents: 960_000,
      feeBps: 350,
      feeTotalCents: 336_000,
    });
    const upfront = offerPrice({ ...base, billing: "upfront" });
    expect(upfront.customerPerPeriodCents).toBe(10_560_000);
    expect(upfront.customerTotalCents).toBe(10_560_000);
    expect(upfront.feeTotalCents).toBe(336_000);
  });

  it("picks the fee tier from the contract value at wholesale", () => {
    const big = offerPrice({ dimensions: [{ quantity: 1, unitPriceCents: 10_000_000 }], durationMonths: 12, billing: "monthly", discountBps: 1000, markupBps: 0 });
    expect(big.wholesaleTotalCents).toBe(108_000_000); // $1.08M
    expect(big.feeBps).toBe(250);
  });

  it("keeps total = margin + wholesale, and margin ≥ 0, for any offer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 0, max: 1000 }), unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom("monthly" as const, "upfront" as const),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 100_000 }),
        (dimensions, durationMonths, billing, discountBps, markupBps) => {
          const p = offerPrice({ dimensions, durationMonths, billing, discountBps, markupBps });
          expect(p.customerTotalCents).toBe(p.wholesaleTotalCents + p.partnerMarginCents);
          expect(p.partnerMarginCents).toBeGreaterThanOrEqual(0);
          expect(p.feeTotalCents).toBeLessThanOrEqual(p.wholesaleTotalCents);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("offer states", () => {
  const expiresAt = new Date("2026-12-20T23:59:59.999Z");
  const at = (ms: number) => new Date(expiresAt.getTime() + ms);
  it("expires an extended offer at its accept-by instant", () => {
    expect(effectiveOfferStatus({ status: "extended", expiresAt }, at(-1))).toBe("extended");
    expect(effectiveOfferStatus({ status: "extended", expiresAt }, at(0))).toBe("expired");
    expect(offerRefusal({ status: "extended", expiresAt }, "accept", at(-1))).toBeNull();
    expect(offerRefusal({ status: "extended", expiresAt }, "accept", at(0))).toBe("This offer has expired.");
  });

  it("allows exactly draft → extended → accepted | withdrawn", () => {
    const allowed: Record<OfferTransition, string[]> = { edit: ["draft"], extend: ["draft"], withdraw: ["draft", "extended"], accept: ["extended"] };
    for (const transition of Object.keys(allowed) as OfferTransition[]) {
      for (const status of OFFER_STATUSES) {
        expect(offerRefusal({ status, expiresAt }, transition, at(-86_400_000)) === null, `${transition} from ${status}`).toBe(allowed[transition].includes(status));
      }
    }
    expect(offerRefusal({ status: "draft", expiresAt }, "extend", at(0))).toMatch(/accept-by date has passed/);
  });
});

describe("offer form", () => {
  const valid = {
    authorizationId: "a",
    productId: "p",
    name: "Offer",
    customerAccountId: "8513-4796-2018",
    quantities: [{ dimensionId: "d", quantity: "3" }],
    durationMonths: "12",
    billing: "monthly",
    markupPercent: "10",
    expiresOn: "2027-01-31",
  };
  it("parses quantities, months and markup", () => {
    expect(saveOfferSchema.parse(valid)).toMatchObject({ customerAccountId: "851347962018", quantities: [{ quantity: 3 }], durationMonths: 12, markupPercent: 1000 });
  });
  it.each([
    ["markup above 1000%", { markupPercent: "1000.01" }, "markupPercent"],
    ["negative markup", { markupPercent: "-1" }, "markupPercent"],
    ["61 months", { durationMonths: "61" }, "durationMonths"],
    ["0 months", { durationMonths: "0" }, "durationMonths"],
    ["half a month", { durationMonths: "1.5" }, "durationMonths"],
    ["all quantities zero", { quantities: [{ dimensionId: "d", quantity: "0" }] }, "quantities"],
    ["a negative quantity", { quantities: [{ dimensionId: "d", quantity: "-2" }] }, "quantities.0.quantity"],
    ["an account id of letters", { customerAccountId: "abcd-efgh-ijkl" }, "customerAccountId"],
  ])("refuses %s on its field", (_label, overrides, field) => {
    const result = saveOfferSchema.safeParse({ ...valid, ...overrides });
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("contract dates", () => {
  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonthsUtc(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonthsUtc(new Date("2026-08-01T00:00:00Z"), 12).toISOString()).toBe("2027-08-01T00:00:00.000Z");
    expect(addMonthsUtc(new Date("2026-12-15T00:00:00Z"), -3).toISOString()).toBe("2026-09-15T00:00:00.000Z");
  });
});
