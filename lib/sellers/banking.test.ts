import { describe, expect, it } from "vitest";
import { isValidBic, isValidIban, isValidRoutingNumber, last4 } from "@/lib/sellers/banking";
import { bankingSchema, taxSchema } from "@/lib/sellers/validations";

describe("bank identifiers", () => {
  it("checks ABA routing numbers", () => {
    expect(isValidRoutingNumber("021000021")).toBe(true);
    expect(isValidRoutingNumber("011000015")).toBe(true);
    expect(isValidRoutingNumber("021000022")).toBe(false);
    expect(isValidRoutingNumber("02100002")).toBe(false);
    expect(isValidRoutingNumber("02100002a")).toBe(false);
  });

  it("checks IBANs by mod 97", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("DE88370400440532013000")).toBe(false);
    expect(isValidIban("DE89")).toBe(false);
  });

  it("checks SWIFT/BIC shape", () => {
    expect(isValidBic("COBADEFFXXX")).toBe(true);
    expect(isValidBic("DEUTDEFF")).toBe(true);
    expect(isValidBic("DEUTDEF")).toBe(false);
  });

  it("keeps the last four for display", () => {
    expect(last4("000123456789")).toBe("6789");
    expect(last4("12-3456789")).toBe("6789");
  });
});

describe("banking and tax forms", () => {
  const us = {
    bankType: "us_ach",
    accountHolder: "Acme LLC",
    routingNumber: "021000021",
    accountNumber: "000123456789",
    disbursementCurrency: "USD",
    disbursementSchedule: "monthly",
    disbursementDay: "15",
  };
  it("accepts a US account and coerces the day", () => {
    expect(bankingSchema.parse(us)).toMatchObject({ disbursementDay: 15 });
  });
  it("puts a bad routing checksum on the routing field", () => {
    const r = bankingSchema.safeParse({ ...us, routingNumber: "021000022" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["routingNumber"]);
  });
  it("requires a day for monthly payouts, 1–28", () => {
    expect(bankingSchema.safeParse({ ...us, disbursementDay: undefined }).error?.issues[0]?.path).toEqual(["disbursementDay"]);
    expect(bankingSchema.safeParse({ ...us, disbursementDay: "29" }).success).toBe(false);
    expect(bankingSchema.safeParse({ ...us, disbursementSchedule: "daily", disbursementDay: undefined }).success).toBe(true);
  });
  it("accepts an IBAN account and refuses a bad one", () => {
    const iban = { bankType: "iban", accountHolder: "GmbH", iban: "de89 3704 0044 0532 0130 00", swiftBic: "cobadeffxxx", disbursementCurrency: "EUR", disbursementSchedule: "daily" };
    expect(bankingSchema.parse(iban)).toMatchObject({ iban: "DE89370400440532013000", swiftBic: "COBADEFFXXX" });
    expect(bankingSchema.safeParse({ ...iban, iban: "DE88370400440532013000" }).error?.issues[0]?.path).toEqual(["iban"]);
  });
  it("matches the tax id to the form and the country", () => {
    expect(taxSchema.safeParse({ taxForm: "W-9", taxId: "12-3456789", taxCountry: "US" }).success).toBe(true);
    expect(taxSchema.safeParse({ taxForm: "W-9", taxId: "1234", taxCountry: "US" }).error?.issues[0]?.path).toEqual(["taxId"]);
    expect(taxSchema.safeParse({ taxForm: "W-9", taxId: "12-3456789", taxCountry: "DE" }).error?.issues[0]?.path).toEqual(["taxCountry"]);
    expect(taxSchema.safeParse({ taxForm: "W-8BEN-E", taxId: "DE123456789", taxCountry: "DE" }).success).toBe(true);
  });
});
