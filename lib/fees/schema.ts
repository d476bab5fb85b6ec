import { z } from "zod";
import { parseMoneyToCents, percentToBps } from "@/lib/money";
import { dateOnly } from "@/lib/validation";

export const feeScheduleSchema = z
  .object({
    effectiveOn: dateOnly("First day of the new schedule"),
    tiers: z
      .array(
        z.object({
          fromDollars: z
            .string({ message: "Enter an amount like 1,000,000" })
            .max(40, "Enter an amount like 1,000,000")
            .trim()
            .refine((v) => parseMoneyToCents(v) !== null, "Enter an amount like 1,000,000"),
          percent: z
            .string({ message: "Enter a percentage below 100, two decimals at most" })
            .max(20, "Enter a percentage below 100, two decimals at most")
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
