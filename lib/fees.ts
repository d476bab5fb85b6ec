// The listing-fee schedule as stored (editable by reps for future offers).
import { and, desc, eq, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { feeTiers } from "@/db/schema";
import { DEFAULT_FEE_TIERS, type FeeTier } from "@/lib/money";

/** The standard tiers in force at `at`: the most recent schedule that had taken effect. */
export async function feeTiersAt(db: Db | Tx, at: Date): Promise<FeeTier[]> {
  const [latest] = await db
    .select({ effectiveFrom: feeTiers.effectiveFrom })
    .from(feeTiers)
    .where(and(eq(feeTiers.kind, "standard"), lte(feeTiers.effectiveFrom, at)))
    .orderBy(desc(feeTiers.effectiveFrom))
    .limit(1);
  if (!latest) return [...DEFAULT_FEE_TIERS];
  return db
    .select({ minContractCents: feeTiers.minContractCents, feeBps: feeTiers.feeBps })
    .from(feeTiers)
    .where(and(eq(feeTiers.kind, "standard"), eq(feeTiers.effectiveFrom, latest.effectiveFrom)));
}
