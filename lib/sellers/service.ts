// Seller registration: the wizard's three steps, each saved on its own and
// editable later. Full bank and tax identifiers are stored for paying out;
// nothing here ever returns them — screens get the last four only.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { sellerRegistrations } from "@/db/schema";
import { defineOperation, InvalidInput, Refused } from "@/lib/actions/operation";
import { now } from "@/lib/clock";
import { last4 } from "@/lib/sellers/banking";
import { registrationStatus } from "@/lib/sellers/registration";
import { bankingSchema, profileSchema, taxSchema } from "@/lib/sellers/validations";

async function upsert(tx: Tx, accountId: string, values: Partial<typeof sellerRegistrations.$inferInsert>) {
  const at = now();
  const [existing] = await tx
    .select({ accountId: sellerRegistrations.accountId })
    .from(sellerRegistrations)
    .where(eq(sellerRegistrations.accountId, accountId));
  if (existing) {
    await tx.update(sellerRegistrations).set({ ...values, updatedAt: at }).where(eq(sellerRegistrations.accountId, accountId));
  } else {
    await tx.insert(sellerRegistrations).values({ accountId, ...values, updatedAt: at });
  }
}

export const saveProfile = defineOperation("seller.register", profileSchema, async (ctx, input) => {
  await ctx.db.transaction(async (tx) => {
    await upsert(tx, ctx.user.accountId, {
      ...input,
      addressLine2: input.addressLine2 || null,
      region: input.region || null,
      profileCompletedAt: now(),
    });
    await ctx.audit(tx, { action: "seller.profile.save", objectType: "account", objectId: ctx.user.accountId, after: { legalName: input.legalName, country: input.country } });
  });
  return { step: "profile" as const };
});

async function onFile(tx: Tx, accountId: string) {
  const [row] = await tx.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, accountId));
  return row ?? null;
}

export const saveBanking = defineOperation("seller.register", bankingSchema, async (ctx, input) => {
  await ctx.db.transaction(async (tx) => {
    const existing = await onFile(tx, ctx.user.accountId);
    const common = {
      bankAccountHolder: input.accountHolder,
      bankType: input.bankType,
      disbursementCurrency: input.disbursementCurrency,
      disbursementSchedule: input.disbursementSchedule,
      disbursementDay: input.disbursementSchedule === "monthly" ? (input.disbursementDay ?? null) : null,
      bankingCompletedAt: now(),
    };
    let identifiers: Partial<typeof sellerRegistrations.$inferInsert> = {};
    if (input.keepAccount) {
      // Numbers left blank keep the account on file, which must be of the same kind.
      if (!existing?.bankingCompletedAt || existing.bankType !== input.bankType) {
        const field = input.bankType === "us_ach" ? "routingNumber" : "iban";
        throw new InvalidInput({ [field]: ["No account of this kind is on file: enter its details"] });
      }
    } else if (input.bankType === "us_ach") {
      identifiers = { bankRoutingNumber: input.routingNumber!, bankAccountNumber: input.accountNumber!, bankIban: null, bankSwiftBic: null, bankLast4: last4(input.accountNumber!) };
    } else {
      identifiers = { bankRoutingNumber: null, bankAccountNumber: null, bankIban: input.iban!, bankSwiftBic: input.swiftBic!, bankLast4: last4(input.iban!) };
    }
    await upsert(tx, ctx.user.accountId, { ...common, ...identifiers });
    // The audit trail keeps only masked identifiers too.
    await ctx.audit(tx, {
      action: "seller.banking.save",
      objectType: "account",
      objectId: ctx.user.accountId,
      after: { bankType: input.bankType, last4: identifiers.bankLast4 ?? existing?.bankLast4 ?? null, kept: Boolean(input.keepAccount), schedule: common.disbursementSchedule, day: common.disbursementDay },
    });
  });
  return { step: "banking" as const };
});

export const saveTax = defineOperation("seller.register", taxSchema, async (ctx, input) => {
  await ctx.db.transaction(async (tx) => {
    const existing = await onFile(tx, ctx.user.accountId);
    let taxId = input.taxId;
    if (!taxId) {
      // Blank keeps the id on file, only for the same form and country.
      if (!input.keepTaxId || !existing?.taxId || existing.taxForm !== input.taxForm || existing.taxCountry !== input.taxCountry) {
        throw new InvalidInput({ taxId: ["Enter the tax id: the one on file is for another form or country"] });
      }
      taxId = existing.taxId;
    }
    await upsert(tx, ctx.user.accountId, {
      taxForm: input.taxForm,
      taxId,
      taxIdLast4: last4(taxId),
      taxCountry: input.taxCountry,
      taxCompletedAt: now(),
    });
    await ctx.audit(tx, { action: "seller.tax.save", objectType: "account", objectId: ctx.user.accountId, after: { taxForm: input.taxForm, last4: last4(taxId), kept: !input.taxId } });
  });
  return { step: "tax" as const };
});

/** What screens may show of a registration: profile in full, identifiers masked. */
export async function registrationView(db: Db | Tx, accountId: string) {
  const [row] = await db
    .select({
      legalName: sellerRegistrations.legalName,
      addressLine1: sellerRegistrations.addressLine1,
      addressLine2: sellerRegistrations.addressLine2,
      city: sellerRegistrations.city,
      region: sellerRegistrations.region,
      postalCode: sellerRegistrations.postalCode,
      country: sellerRegistrations.country,
      contactName: sellerRegistrations.contactName,
      contactEmail: sellerRegistrations.contactEmail,
      contactPhone: sellerRegistrations.contactPhone,
      profileCompletedAt: sellerRegistrations.profileCompletedAt,
      bankAccountHolder: sellerRegistrations.bankAccountHolder,
      bankType: sellerRegistrations.bankType,
      bankLast4: sellerRegistrations.bankLast4,
      disbursementCurrency: sellerRegistrations.disbursementCurrency,
      disbursementSchedule: sellerRegistrations.disbursementSchedule,
      disbursementDay: sellerRegistrations.disbursementDay,
      bankingCompletedAt: sellerRegistrations.bankingCompletedAt,
      taxForm: sellerRegistrations.taxForm,
      taxIdLast4: sellerRegistrations.taxIdLast4,
      taxCountry: sellerRegistrations.taxCountry,
      taxCompletedAt: sellerRegistrations.taxCompletedAt,
    })
    .from(sellerRegistrations)
    .where(eq(sellerRegistrations.accountId, accountId));
  return { registration: row ?? null, ...registrationStatus(row) };
}

export const REGISTRATION_INCOMPLETE = "Complete your seller registration (profile, banking and tax) first.";

/** Refuses (in the caller's transaction) unless the account is a fully registered seller. */
export async function requireRegisteredSeller(tx: Tx, accountId: string): Promise<void> {
  const { status } = await registrationView(tx, accountId);
  if (status !== "complete") throw new Refused(REGISTRATION_INCOMPLETE, "registration_incomplete");
}
