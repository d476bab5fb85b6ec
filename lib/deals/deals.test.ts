import { describe, expect, it } from "vitest";
import { DISCOUNT_REQUEST_STATUSES, OPPORTUNITY_STATUSES } from "@/db/enums";
import { dealUnitPrices } from "@/lib/deals/pricing";
import { dealStage, decisionRefusal, effectiveRequestStatus, requestRefusal, type RequestTransition } from "@/lib/deals/state";
import { approveOpportunitySchema, dealOfferSchema, registerOpportunitySchema } from "@/lib/deals/validations";
import { offerPrice } from "@/lib/offers/pricing";

const startsAt = new Date("2026-12-01T00:00:00.000Z");
const endsAt = new Date("2026-12-31T23:59:59.999Z");
const inside = new Date("2026-12-10T12:00:00.000Z");

describe("the extra-discount math (DOMAIN.md: W' = round(W × (10000 − extra) / 10000))", () => {
  it("reproduces a hand-computed round example", () => {
    // $10,000 public, 20% wholesale discount → $8,000; 10% extra → $7,200; 10% markup → $7,920.
    expect(dealUnitPrices([{ unitName: "Platform", unitPriceCents: 1_000_000 }], 2000, 1000, 1000)).toEqual([
      { unitName: "Platform", publicCents: 1_000_000, wholesaleCents: 800_000, dealWholesaleCents: 720_000, customerCents: 792_000 },
    ]);
  });

  it("rounds half-up at each step from the rounded figure before it", () => {
    // $33.33 × 0.85 = 2833.05 → 2833; × 0.925 = 2620.525 → 2621; × 1.125 = 2948.625 → 2949.
    const [unit] = dealUnitPrices([{ unitName: "Seat", unitPriceCents: 3333 }], 1500, 750, 1250);
    expect(unit).toEqual({ unitName: "Seat", publicCents: 3333, wholesaleCents: 2833, dealWholesaleCents: 2621, customerCents: 2949 });
    // Without a markup yet, the customer's price is unknown, not zero.
    expect(dealUnitPrices([{ unitName: "Seat", unitPriceCents: 3333 }], 1500, 750)[0]!.customerCents).toBeNull();
  });

  it("prices the deal's offer with the extra discount, and C = partner + ISV + fee to the cent", () => {
    const price = offerPrice({ dimensions: [{ quantity: 1, unitPriceCents: 1_000_000 }], durationMonths: 12, billing: "monthly", discountBps: 2000, additionalDiscountBps: 1000, markupBps: 1000 });
    expect(price).toMatchObject({ wholesalePerMonthCents: 720_000, customerPerMonthCents: 792_000, wholesaleTotalCents: 8_640_000, customerTotalCents: 9_504_000, feeBps: 350, feeTotalCents: 302_400, partnerMarginCents: 864_000 });
    const isvShare = price.wholesaleTotalCents - price.feeTotalCents;
    expect(price.partnerMarginCents + isvShare + price.feeTotalCents).toBe(price.customerTotalCents);
    // Upfront: the chain runs once on the whole contract (12 × $10,000 → $96,000 → $86,400 → $95,040).
    const upfront = offerPrice({ dimensions: [{ quantity: 1, unitPriceCents: 1_000_000 }], durationMonths: 12, billing: "upfront", discountBps: 2000, additionalDiscountBps: 1000, markupBps: 1000 });
    expect(upfront).toMatchObject({ customerPerPeriodCents: 9_504_000, wholesaleTotalCents: 8_640_000, feeTotalCents: 302_400 });
  });
});

describe("discount request states", () => {
  const request = (status: (typeof DISCOUNT_REQUEST_STATUSES)[number]) => ({ status, startsAt, endsAt });

  it("allows exactly the transitions of DOMAIN.md", () => {
    const allowed: Record<Exclude<RequestTransition, "expire">, string[]> = {
      ask_markup: ["submitted"],
      give_markup: ["awaiting_markup", "markup_provided"],
      extend_offer: ["markup_provided"],
      accept: ["offer_extended"],
      cancel: ["submitted", "awaiting_markup", "markup_provided", "offer_extended"],
    };
    for (const transition of Object.keys(allowed) as (keyof typeof allowed)[]) {
      for (const status of DISCOUNT_REQUEST_STATUSES) {
        const ok = requestRefusal(request(status), transition, inside) === null;
        expect(ok, `${transition} from ${status}`).toBe(allowed[transition].includes(status));
      }
    }
  });

  it("is acceptable only between the start and the end (the end exclusive)", () => {
    const open = request("offer_extended");
    expect(requestRefusal(open, "accept", new Date(startsAt.getTime() - 1))).toMatch(/from 2026-12-01/);
    expect(requestRefusal(open, "accept", startsAt)).toBeNull();
    expect(requestRefusal(open, "accept", new Date(endsAt.getTime() - 1))).toBeNull();
    expect(requestRefusal(open, "accept", endsAt)).toMatch(/expired/);
    expect(effectiveRequestStatus(open, endsAt)).toBe("expired");
    expect(effectiveRequestStatus(request("accepted"), endsAt)).toBe("accepted");
  });

  it("refuses a second acceptance and says why", () => {
    expect(requestRefusal(request("accepted"), "accept", inside)).toMatch(/used once/);
    expect(requestRefusal(request("cancelled"), "accept", inside)).toMatch(/cancelled/);
  });

  it("expires only open requests past their end", () => {
    for (const status of DISCOUNT_REQUEST_STATUSES) {
      const open = ["submitted", "awaiting_markup", "markup_provided", "offer_extended"].includes(status);
      expect(requestRefusal(request(status), "expire", endsAt) === null, status).toBe(open);
      expect(requestRefusal(request(status), "expire", inside)).not.toBeNull();
    }
  });

  it("lets the ISV decide a pending opportunity once", () => {
    for (const status of OPPORTUNITY_STATUSES) expect(decisionRefusal(status) === null).toBe(status === "pending");
  });

  it("reads one stage from the opportunity and its request", () => {
    expect(dealStage("pending", null, inside)).toBe("registered");
    expect(dealStage("rejected", null, inside)).toBe("rejected");
    expect(dealStage("approved", request("awaiting_markup"), inside)).toBe("awaiting_markup");
    expect(dealStage("approved", request("offer_extended"), endsAt)).toBe("expired");
  });
});

describe("deal forms", () => {
  const registration = {
    isvAccountId: "3104-5287-1906",
    productIds: ["prod_1"],
    customerAccountId: "851347962018",
    name: "Acme renewal",
    description: "Three-year data platform renewal.",
    expectedValue: "120,000.50",
    expectedCloseOn: "2027-01-31",
  };

  it("parses a registration: account ids, dollars to cents", () => {
    const parsed = registerOpportunitySchema.parse(registration);
    expect(parsed).toMatchObject({ isvAccountId: "310452871906", customerAccountId: "851347962018", expectedValue: 12_000_050 });
  });

  it("answers bad registrations on their fields", () => {
    const bad = registerOpportunitySchema.safeParse({ ...registration, productIds: [], customerAccountId: "12", expectedValue: "-5", expectedCloseOn: "2027-02-30", name: "x" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["productIds", "customerAccountId", "expectedValue", "expectedCloseOn", "name"]));
    expect(registerOpportunitySchema.safeParse({ ...registration, productIds: ["a", "a"] }).success).toBe(false);
    expect(registerOpportunitySchema.safeParse({ ...registration, expectedValue: "1e9" }).success).toBe(false);
    expect(registerOpportunitySchema.safeParse({ ...registration, expectedValue: "100000000001" }).success).toBe(false);
  });

  it("bounds the extra discount and orders the dates", () => {
    const approval = { opportunityId: "opp_1", additionalDiscountPercent: "7.5", productIds: ["prod_1"], startsOn: "2026-12-01", endsOn: "2026-12-31" };
    expect(approveOpportunitySchema.parse(approval).additionalDiscountPercent).toBe(750);
    for (const percent of ["0", "100", "-1", "5%", "7.555", ""]) {
      expect(approveOpportunitySchema.safeParse({ ...approval, additionalDiscountPercent: percent }).success, percent).toBe(false);
    }
    const backwards = approveOpportunitySchema.safeParse({ ...approval, endsOn: "2026-11-30" });
    expect(backwards.error?.issues[0]?.path).toEqual(["endsOn"]);
    // One day is a valid window: from its start to its end.
    expect(approveOpportunitySchema.safeParse({ ...approval, endsOn: "2026-12-01" }).success).toBe(true);
  });

  it("wants a quantity for every product of the deal's offer", () => {
    const offer = { requestId: "dr_1", name: "Acme deal", durationMonths: "12", billing: "monthly", items: [{ productId: "p1", quantities: [{ dimensionId: "d1", quantity: "0" }] }] };
    const none = dealOfferSchema.safeParse(offer);
    expect(none.error?.issues[0]?.path).toEqual(["items", 0, "quantities", 0, "quantity"]);
    expect(dealOfferSchema.safeParse({ ...offer, items: [{ productId: "p1", quantities: [{ dimensionId: "d1", quantity: "3" }] }] }).success).toBe(true);
  });
});
