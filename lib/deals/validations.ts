// The forms of a non-recurring discount deal, one schema each, shared by the
// browser (field errors as you type) and the server (the word that counts).
import { z } from "zod";
import { BILLING_TERMS } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { parseMoneyToCents, percentToBps } from "@/lib/money";
import { MAX_QUANTITY, markupField } from "@/lib/offers/validations";
import { dateOnly, multiLine, objectId, singleLine, wholeNumber } from "@/lib/validation";

/** The largest expected value a partner can register: $100 billion, like a contract's list value. */
export const MAX_EXPECTED_VALUE_CENTS = 10_000_000_000_000;

const accountIdField = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(40, "An account id has 12 digits, e.g. 1234-5678-9012")
    .refine((v) => parseAccountId(v) !== null, "An account id has 12 digits, e.g. 1234-5678-9012")
    .transform((v) => parseAccountId(v) ?? v);

const moneyField = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(40, `Enter ${label.toLowerCase()} in dollars, like 120000 or 120,000.50`)
    .refine((v) => parseMoneyToCents(v) !== null, `Enter ${label.toLowerCase()} in dollars, like 120000 or 120,000.50`)
    .refine((v) => (parseMoneyToCents(v) ?? 0) <= MAX_EXPECTED_VALUE_CENTS, `${label} can be at most $100,000,000,000`)
    .transform((v) => parseMoneyToCents(v) ?? 0);

const productIds = z
  .array(objectId("Product"), { message: "Choose at least one product" })
  .min(1, "Choose at least one product")
  .max(20, "At most 20 products in one deal")
  .refine((ids) => new Set(ids).size === ids.length, "Each product can appear once");

/** Made when the form is shown: a double submit makes one opportunity. */
const requestKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "Reload the page and try again")
  .optional();

export const registerOpportunitySchema = z.object({
  isvAccountId: accountIdField("Vendor"),
  productIds,
  customerAccountId: accountIdField("Customer account id"),
  name: singleLine("Opportunity name", { min: 2, max: 120 }),
  description: multiLine("Description", { min: 1, max: 10_000 }),
  expectedValue: moneyField("Expected value"),
  expectedCloseOn: dateOnly("Expected close date"),
  requestKey,
});
export type RegisterOpportunityInput = z.input<typeof registerOpportunitySchema>;

export const opportunityIdSchema = z.object({ opportunityId: objectId("Opportunity") });

export const additionalDiscountField = z
  .string({ message: "Additional discount is required" })
  .trim()
  .min(1, "Additional discount is required")
  .max(20, "Enter a percentage like 5 or 7.5 (two decimals at most)")
  .refine((v) => percentToBps(v) !== null, "Enter a percentage like 5 or 7.5 (two decimals at most)")
  .refine((v) => {
    const bps = percentToBps(v) ?? 0;
    return bps > 0 && bps < 10_000;
  }, "The additional discount must be more than 0% and less than 100%")
  .transform((v) => percentToBps(v) ?? 0);

export const approveOpportunitySchema = opportunityIdSchema
  .extend({
    additionalDiscountPercent: additionalDiscountField,
    productIds,
    startsOn: dateOnly("Start date"),
    endsOn: dateOnly("End date"),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date must be on or after the start date" });
  });
export type ApproveOpportunityInput = z.input<typeof approveOpportunitySchema>;

export const rejectOpportunitySchema = opportunityIdSchema.extend({
  reason: multiLine("Reason", { min: 1, max: 2000 }),
});

export const requestIdSchema = z.object({ requestId: objectId("Discount request") });

export const provideMarkupSchema = requestIdSchema.extend({ markupPercent: markupField });

export const cancelRequestSchema = requestIdSchema.extend({ reason: multiLine("Reason", { min: 1, max: 2000 }) });

export const dealOfferSchema = requestIdSchema
  .extend({
    name: singleLine("Offer name", { min: 2, max: 120 }),
    durationMonths: wholeNumber("Contract length in months", { min: 1, max: 60 }),
    billing: z.enum(BILLING_TERMS, { message: "Choose upfront or monthly billing" }),
    terms: multiLine("Terms", { max: 10_000 }).optional(),
    items: z
      .array(
        z.object({
          productId: objectId("Product"),
          quantities: z
            .array(z.object({ dimensionId: objectId("Unit"), quantity: wholeNumber("Quantity", { min: 0, max: MAX_QUANTITY }) }))
            .min(1, "Enter a quantity")
            .max(50, "At most 50 units"),
        }),
      )
      .min(1, "The deal has no products")
      .max(20, "At most 20 products in one deal"),
  })
  .superRefine((value, ctx) => {
    const products = new Set<string>();
    value.items.forEach((item, i) => {
      if (products.has(item.productId)) ctx.addIssue({ code: "custom", path: ["items", i, "productId"], message: "Each product can appear once" });
      products.add(item.productId);
      const units = new Set<string>();
      item.quantities.forEach((q, j) => {
        if (units.has(q.dimensionId)) ctx.addIssue({ code: "custom", path: ["items", i, "quantities", j, "quantity"], message: "Each unit can appear once" });
        units.add(q.dimensionId);
      });
      if (!item.quantities.some((q) => q.quantity > 0)) {
        ctx.addIssue({ code: "custom", path: ["items", i, "quantities", 0, "quantity"], message: "Enter a quantity above 0 for at least one unit of this product" });
      }
    });
  });
export type DealOfferInput = z.input<typeof dealOfferSchema>;
