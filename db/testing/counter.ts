// A read-then-write counter used by the concurrency tests: the classic lost-update shape.
import { eq } from "drizzle-orm";
import { forUpdate, type Db } from "@/db";
import { resaleAuthorizations } from "@/db/schema";
import { createAccount } from "@/lib/accounts/accounts";
import { newId } from "@/lib/ids";

export async function makeCounter(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    const isv = await createAccount(tx, { type: "isv", name: "counter isv" });
    const partner = await createAccount(tx, { type: "partner", name: "counter partner" });
    const id = newId("auth");
    await tx.insert(resaleAuthorizations).values({
      id,
      isvAccountId: isv.id,
      partnerAccountId: partner.id,
      status: "accepted",
      expiresAt: new Date(Date.now() + 86_400_000),
      use: "multi_use",
      createdAt: new Date(),
    });
    return id;
  });
}

/** Reads the counter under a row lock, yields to the event loop, then writes value + 1. */
export async function increment(db: Db, id: string, { lock = true }: { lock?: boolean } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const query = tx
      .select({ value: resaleAuthorizations.offersExtended })
      .from(resaleAuthorizations)
      .where(eq(resaleAuthorizations.id, id))
      .$dynamic();
    const [row] = await (lock ? forUpdate(query) : query);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await tx
      .update(resaleAuthorizations)
      .set({ offersExtended: (row?.value ?? 0) + 1 })
      .where(eq(resaleAuthorizations.id, id));
  });
}

export async function readCounter(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ value: resaleAuthorizations.offersExtended })
    .from(resaleAuthorizations)
    .where(eq(resaleAuthorizations.id, id));
  return row?.value ?? -1;
}
