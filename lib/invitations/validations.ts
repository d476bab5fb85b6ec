import { z } from "zod";
import { AUTHORIZATION_USES } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { percentToBps } from "@/lib/money";
import { dateOnly, multiLine, objectId } from "@/lib/validation";

const accountIdField = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .refine((v) => parseAccountId(v) !== null, "An account id has 12 digits, e.g. 1234-5678-9012")
    .transform((v) => parseAccountId(v) ?? v);

const dateField = dateOnly;

/** "2026-12-31" → that day; the instant is the end of the day in UTC. */export function endOfDayUtc(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

export const discountField = z
  .string({ message: "Discount is required" })
  .trim()
  .min(1, "Discount is required")
  .refine((v) => percentToBps(v) !== null, "Enter a percentage like 20 or 12.5 (two decimals at most)")
  .refine((v) => {
    const bps = percentToBps(v) ?? 0;
    return bps > 0 && bps < 10_000;
  }, "The discount must be more than 0% and less than 100%")
  .transform((v) => percentToBps(v) ?? 0);

export const invitationItemSchema = z.object({
  productId: objectId("Product"),
  discountPercent: discountField,
  additionalTerms: multiLine("Additional terms", { max: 10_000 }).optional(),
});

export const sendInvitationSchema = z
  .object({
    partnerAccountId: accountIdField("Partner account id"),
    items: z
      .array(invitationItemSchema, { message: "Choose at least one product" })
      .min(1, "Choose at least one product")
      .max(20, "At most 20 products per invitation"),
    expiresOn: dateField("Accept by"),
    endsOn: dateField("Authorization end").optional().or(z.literal("").transform(() => undefined)),
    use: z.enum(AUTHORIZATION_USES, { message: "Choose multi-use or one-time" }),
    buyerAccountId: accountIdField("Buyer account id").optional().or(z.literal("").transform(() => undefined)),
    /** Made when the form is shown: a double submit, or five identical sends in parallel, make one invitation. */
    requestKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, "Reload the page and try again")
      .optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((item, i) => {
      if (seen.has(item.productId)) ctx.addIssue({ code: "custom", path: ["items", i, "productId"], message: "Each product can appear once" });
      seen.add(item.productId);
    });
    if (value.endsOn && value.endsOn <= value.expiresOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The authorization must end after the accept-by date" });
    }
  });

export type SendInvitationInput = z.input<typeof sendInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: objectId("Invitation") });

export const declineInvitationSchema = invitationIdSchema.extend({
  reason: multiLine("Reason", { max: 1000 }).optional(),
});

export const lookupPartnerSchema = z.object({ partnerAccountId: accountIdField("Partner account id") });
