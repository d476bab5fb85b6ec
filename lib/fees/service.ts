// The rep edits the listing-fee schedule for future offers: a new set of tiers
// that takes effect on a date. Extended offers keep the rate they were frozen with.
import { and, eq } from "drizzle-orm";
import { feeTiers } from "@/db/schema";
import { defineOperation, InvalidInput } from "@/lib/actions/operation";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { feeScheduleSchema } from "@/lib/fees/schema";
import { parseMoneyToCents, percentToBps } from "@/lib/money";

export const updateFeeSchedule = defineOperation("fees.manage", feeScheduleSchema, async (ctx, input) => {
  const effectiveFrom = new Date(`${input.effectiveOn}T00:00:00Z`);
  if (Number.isNaN(effectiveFrom.getTime())) throw new InvalidInput({ effectiveOn: ["That date does not exist"] });
  if (effectiveFrom.getTime() < new Date(now().toISOString().slice(0, 10) + "T00:00:00Z").getTime()) {
    throw new InvalidInput({ effectiveOn: ["A new schedule starts today or later; past offers keep their rates"] });
  }
  const rows = input.tiers.map((t) => ({
    id: newId("fee"),
    kind: "standard" as const,
    minContractCents: parseMoneyToCents(t.fromDollars) ?? 0,
    feeBps: percentToBps(t.percent) ?? 0,
    effectiveFrom,
  }));
  await ctx.db.transaction(async (tx) => {
    // A second schedule for the same day replaces the first (offers already extended keep their frozen rate).
    const replaced = await tx
      .delete(feeTiers)
      .where(and(eq(feeTiers.kind, "standard"), eq(feeTiers.effectiveFrom, effectiveFrom)))
      .returning({ minContractCents: feeTiers.minContractCents, feeBps: feeTiers.feeBps });
    await tx.insert(feeTiers).values(rows);
    await ctx.audit(tx, {
      action: "fees.update",
      objectType: "fee_schedule",
      objectId: input.effectiveOn,
      before: replaced.length ? { tiers: replaced.map((r) => [r.minContractCents, r.feeBps]) } : null,
      after: { tiers: rows.map((r) => [r.minContractCents, r.feeBps]) },
    });
  });
  return { effectiveFrom: input.effectiveOn, tiers: rows.length };
});
