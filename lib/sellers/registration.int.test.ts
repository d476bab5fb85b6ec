// The seller registration wizard's operations: saved per step, editable, masked on the way out.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents, sellerRegistrations } from "@/db/schema";
import { saveBanking, saveProfile, saveTax, registrationView } from "@/lib/sellers/service";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
});
afterAll(() => test.drop());

const profile = {
  legalName: "Blue Harbor LLC",
  addressLine1: "1 Pier",
  city: "Boston",
  region: "MA",
  postalCode: "02110",
  country: "US",
  contactName: "Ann",
  contactEmail: "ann@example.com",
  contactPhone: "+1 617 555 0100",
};
const usBank = {
  bankType: "us_ach",
  accountHolder: "Blue Harbor LLC",
  routingNumber: "021000021",
  accountNumber: "000987654321",
  disbursementCurrency: "USD",
  disbursementSchedule: "monthly",
  disbursementDay: 15,
};
const tax = { taxForm: "W-9", taxId: "98-7654321", taxCountry: "US" };

describe(`seller registration on ${dialect}`, () => {
  it.each(["isv", "partner"] as const)("a %s completes all three steps and is then a registered seller", async (role) => {
    const seller = await makeActor(db, role);
    expect((await registrationView(db, seller.accountId)).status).toBe("not_started");
    expect((await saveProfile(db, seller, profile)).ok).toBe(true);
    expect((await registrationView(db, seller.accountId)).status).toBe("in_progress");
    expect((await saveBanking(db, seller, usBank)).ok).toBe(true);
    expect((await saveTax(db, seller, tax)).ok).toBe(true);
    const view = await registrationView(db, seller.accountId);
    expect(view).toMatchObject({ status: "complete", completedSteps: 3 });
    expect(view.registration).toMatchObject({ bankLast4: "4321", taxIdLast4: "4321", disbursementDay: 15, legalName: "Blue Harbor LLC" });
    // The view screens read has no full identifier in it, and neither does the audit trail.
    const shown = JSON.stringify(view);
    expect(shown).not.toContain("000987654321");
    expect(shown).not.toContain("021000021");
    expect(shown).not.toContain("98-7654321");
    const audit = JSON.stringify(await db.select().from(auditEvents).where(eq(auditEvents.accountId, seller.accountId)));
    expect(audit).not.toContain("000987654321");
    expect(audit).not.toContain("98-7654321");
  });

  it("changes the payout schedule without re-entering the account (numbers left blank are kept), and the tax form likewise", async () => {
    const seller = await makeActor(db, "isv");
    await saveBanking(db, seller, usBank);
    await saveTax(db, seller, tax);
    const { sellerRegistrations } = await import("@/db/schema");
    const stored = async () => (await db.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, seller.accountId)))[0]!;
    expect(await saveBanking(db, seller, { ...usBank, routingNumber: "", accountNumber: "", keepAccount: true, disbursementSchedule: "daily" })).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ bankRoutingNumber: "021000021", bankAccountNumber: "000987654321", bankLast4: "4321", disbursementSchedule: "daily", disbursementDay: null });
    // Blank numbers without an account of that kind on file are a field error, not a wiped account.
    expect(await saveBanking(db, seller, { bankType: "iban", accountHolder: "X", iban: "", swiftBic: "", keepAccount: true, disbursementCurrency: "EUR", disbursementSchedule: "daily" })).toMatchObject({
      ok: false,
      fieldErrors: { iban: [expect.stringContaining("No account of this kind")] },
    });
    expect(await saveBanking(db, seller, { ...usBank, routingNumber: "", accountNumber: "" })).toMatchObject({ ok: false, fieldErrors: { routingNumber: ["Routing number is required"] } });
    expect(await saveTax(db, seller, { ...tax, taxId: "", keepTaxId: true })).toMatchObject({ ok: true });
    expect((await stored()).taxId).toBe("98-7654321");
    expect(await saveTax(db, seller, { taxForm: "W-8BEN-E", taxId: "", keepTaxId: true, taxCountry: "DE" })).toMatchObject({ ok: false, fieldErrors: { taxId: [expect.any(String)] } });
  });

  it("replaces banking with an IBAN account when edited, clearing the US numbers", async () => {
    const seller = await makeActor(db, "partner");
    await saveBanking(db, seller, usBank);
    const result = await saveBanking(db, seller, {
      bankType: "iban",
      accountHolder: "Blue Harbor GmbH",
      iban: "DE89 3704 0044 0532 0130 00",
      swiftBic: "COBADEFFXXX",
      disbursementCurrency: "EUR",
      disbursementSchedule: "daily",
      disbursementDay: 9,
    });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(sellerRegistrations).where(eq(sellerRegistrations.accountId, seller.accountId));
    expect(row).toMatchObject({ bankType: "iban", bankIban: "DE89370400440532013000", bankRoutingNumber: null, bankAccountNumber: null, bankLast4: "3000", disbursementDay: null });
  });

  it("puts each bad value on its field and writes nothing", async () => {
    const seller = await makeActor(db, "isv");
    const cases: [string, Promise<{ ok: boolean; fieldErrors?: Partial<Record<string, string[]>> }>, string][] = [
      ["routing checksum", saveBanking(db, seller, { ...usBank, routingNumber: "021000022" }), "routingNumber"],
      ["account number letters", saveBanking(db, seller, { ...usBank, accountNumber: "12ab" }), "accountNumber"],
      ["day 29", saveBanking(db, seller, { ...usBank, disbursementDay: 29 }), "disbursementDay"],
      ["IBAN checksum", saveBanking(db, seller, { ...usBank, bankType: "iban", iban: "DE88370400440532013000", swiftBic: "COBADEFFXXX" }), "iban"],
      ["W-9 abroad", saveTax(db, seller, { ...tax, taxCountry: "DE" }), "taxCountry"],
      ["EIN shape", saveTax(db, seller, { ...tax, taxId: "12345" }), "taxId"],
      ["RTL override in name", saveProfile(db, seller, { ...profile, legalName: "Evil\u202Ecorp" }), "legalName"],
      ["unknown country", saveProfile(db, seller, { ...profile, country: "XX" }), "country"],
      ["bad phone", saveProfile(db, seller, { ...profile, contactPhone: "<script>" }), "contactPhone"],
    ];
    const before = await tableCounts(db);
    for (const [label, pending, field] of cases) {
      const result = await pending;
      expect(result.ok, label).toBe(false);
      expect(result.fieldErrors?.[field]?.[0], label).toEqual(expect.any(String));
    }
    expect(await tableCounts(db)).toEqual(before);
  });
});
