import { z } from "zod";
import { BILLING_TERMS } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { percentToBps } from "@/lib/money";
import { dateOnly, multiLine, objectId, plainText, wholeNumber } from "@/lib/validation";

export const MAX_QUANTITY = 1_000_000;

export const markupField = z
  .string({ message: "Markup is required" })
  .trim()
  .min(1, "Markup is required")
  .refine((v) => percentToBps(v) !== null, "Enter a percentage like 10 or 12.5 (two decimals at most)")
  .refine((v) => (percentToBps(v) ?? 0) <= 100_000, "The markup can be at most 1000%")
  .transform((v) => percentToBps(v) ?? 0);

const offerFields = z.object({
    authorizationId: objectId("Authorization"),
    productId: objectId("Product"),
    name: plainText("Offer name", { min: 2, max: 120 }),
    customerAccountId: z
      .string({ message: "Customer account id is required" })
      .trim()
      .min(1, "Customer account id is required")
      .refine((v) => parseAccountId(v) !== null, "An account id has 12 digits, e.g. 1234-5678-9012")
      .transform((v) => parseAccountId(v) ?? v),
    quantities: z
      .array(
        z.object({
          dimensionId: objectId("Unit"),
          quantity: wholeNumber("Quantity", { min: 0, max: MAX_QUANTITY }),
        }),
      )
      .min(1, "Enter a quantity")
      .max(50, "At most 50 units")
      .refine((q) => q.some((d) => d.quantity > 0), "Enter a quantity above 0 for at least one unit"),
    durationMonths: wholeNumber("Contract length in months", { min: 1, max: 60 }),
    billing: z.enum(BILLING_TERMS, { message: "Choose upfront or monthly billing" }),
    markupPercent: markupField,
    partnerTerms: multiLine("Terms", { max: 10_000 }).optional(),
    expiresOn: dateOnly("Accept-by date"),
});

// A unit typed twice would silently lose one of its quantities.
function eachUnitOnce(value: { quantities: { dimensionId: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  value.quantities.forEach((q, i) => {
    if (seen.has(q.dimensionId)) ctx.addIssue({ code: "custom", path: ["quantities", i, "quantity"], message: "Each unit can appear once" });
    seen.add(q.dimensionId);
  });
}

export const offerFieldsSchema = offerFields.superRefine(eachUnitOnce);

/** Create a draft (no offerId) or edit one. */
export const saveOfferSchema = offerFields.extend({ offerId: objectId("Offer").optional() }).superRefine(eachUnitOnce);

export type SaveOfferInput = z.input<typeof saveOfferSchema>;

export const offerIdSchema = z.object({ offerId: objectId("Offer") });

export const acceptOfferSchema = offerIdSchema.extend({
  acceptTerms: z.literal(true, { message: "Tick the box to accept the terms" }),
});
