import { z } from "zod";
import { parseMoneyToCents, percentToBps } from "@/lib/money";

export const feeScheduleSchema = z
  .object({
    effectiveOn: z
      .string({ message: "Choose the first day of the new schedule" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the first day of the new schedule"),
    tiers: z
      .array(
        z.object({
          fromDollars: z.string().trim().refine((v) => parseMoneyToCents(v) !== null, "Enter an amount like 1,000,000"),
          percent: z
            .string()
            .trim()
            .refine((v) => percentToBps(v) !== null && (percentToBps(v) ?? 0) < 10_000, "Enter a percentage below 100, two decimals at most"),
        }),
      )
      .min(1, "Add at least one tier")
      .max(10, "At most 10 tiers"),
  })
  .superRefine((value, ctx) => {
    const mins = value.tiers.map((t) => parseMoneyToCents(t.fromDollars) ?? -1);
    if (mins[0] !== 0) ctx.addIssue({ code: "custom", path: ["tiers", 0, "fromDollars"], message: "The first tier starts at 0" });
    mins.forEach((m, i) => {
      if (i > 0 && m <= mins[i - 1]!) ctx.addIssue({ code: "custom", path: ["tiers", i, "fromDollars"], message: "Each tier starts above the one before" });
    });
  });
