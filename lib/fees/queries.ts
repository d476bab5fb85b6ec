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

/** Every schedule, newest first, for the rep's page. */
export async function allSchedules(db: Db) {
  const rows = await db
    .select()
    .from(feeTiers)
    .where(eq(feeTiers.kind, "standard"))
    .orderBy(desc(feeTiers.effectiveFrom), feeTiers.minContractCents);
  const byDate = new Map<string, { effectiveFrom: Date; tiers: FeeTier[] }>();
  for (const row of rows) {
    const key = row.effectiveFrom.toISOString();
    const entry = byDate.get(key) ?? { effectiveFrom: row.effectiveFrom, tiers: [] };
    entry.tiers.push({ minContractCents: row.minContractCents, feeBps: row.feeBps });
    byDate.set(key, entry);
  }
  return [...byDate.values()];
}
