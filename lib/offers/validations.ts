import { z } from "zod";
import { BILLING_TERMS } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { percentToBps } from "@/lib/money";
import { plainText } from "@/lib/validation";

export const MAX_QUANTITY = 1_000_000;

export const markupField = z
  .string({ message: "Markup is required" })
  .trim()
  .min(1, "Markup is required")
  .refine((v) => percentToBps(v) !== null, "Enter a percentage like 10 or 12.5 (two decimals at most)")
  .refine((v) => (percentToBps(v) ?? 0) <= 100_000, "The markup can be at most 1000%")
  .transform((v) => percentToBps(v) ?? 0);

export const offerFieldsSchema = z
  .object({
    authorizationId: z.string({ message: "Choose an authorized product" }).min(1, "Choose an authorized product").max(40),
    productId: z.string({ message: "Choose an authorized product" }).min(1, "Choose an authorized product").max(40),
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
          dimensionId: z.string().min(1).max(40),
          quantity: z.coerce
            .number({ message: "Enter a whole number" })
            .int("Enter a whole number")
            .min(0, "The quantity cannot be negative")
            .max(MAX_QUANTITY, `At most ${MAX_QUANTITY.toLocaleString("en-US")}`),
        }),
      )
      .min(1, "Enter a quantity")
      .refine((q) => q.some((d) => d.quantity > 0), "Enter a quantity above 0 for at least one unit"),
    durationMonths: z.coerce
      .number({ message: "Enter the contract length in months" })
      .int("Enter whole months")
      .min(1, "From 1 to 60 months")
      .max(60, "From 1 to 60 months"),
    billing: z.enum(BILLING_TERMS, { message: "Choose upfront or monthly billing" }),
    markupPercent: markupField,
    partnerTerms: z.string().trim().max(10_000, "At most 10,000 characters").optional(),
    expiresOn: z
      .string({ message: "Accept-by date is required" })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the accept-by date")
      .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "That date does not exist"),
  });

/** Create a draft (no offerId) or edit one. */
export const saveOfferSchema = offerFieldsSchema.extend({ offerId: z.string().max(40).optional() });

export type SaveOfferInput = z.input<typeof saveOfferSchema>;

export const offerIdSchema = z.object({ offerId: z.string().min(1).max(40) });

export const acceptOfferSchema = offerIdSchema.extend({
  acceptTerms: z.literal(true, { message: "Tick the box to accept the terms" }),
});
