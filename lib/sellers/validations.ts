// The seller registration wizard's three forms, shared by the browser and the server.
import { z } from "zod";
import { BANK_TYPES, DISBURSEMENT_SCHEDULES, TAX_FORMS } from "@/db/enums";
import { COUNTRY_CODES, DISBURSEMENT_CURRENCIES } from "@/lib/sellers/countries";
import { isValidBic, isValidIban, isValidRoutingNumber, normalizeIban } from "@/lib/sellers/banking";
import { emailField, plainText, wholeNumber } from "@/lib/validation";

export const REGISTRATION_STEPS = ["profile", "banking", "tax"] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];

const country = z.enum(COUNTRY_CODES, { message: "Choose a country" });

export const profileSchema = z.object({
  legalName: plainText("Legal name", { min: 2, max: 200 }),
  addressLine1: plainText("Address", { max: 200 }),
  addressLine2: plainText("Address line 2", { min: 0, max: 200 }).optional(),
  city: plainText("City", { max: 100 }),
  region: plainText("State or region", { min: 0, max: 100 }).optional(),
  postalCode: plainText("Postal code", { max: 20 }),
  country,
  contactName: plainText("Contact name", { max: 120 }),
  contactEmail: emailField,
  contactPhone: z
    .string({ message: "Phone is required" })
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, "Enter a phone number, e.g. +1 206 555 0100"),
});

const schedule = {
  disbursementCurrency: z.enum(DISBURSEMENT_CURRENCIES, { message: "Choose a currency" }),
  disbursementSchedule: z.enum(DISBURSEMENT_SCHEDULES, { message: "Choose daily or monthly" }),
  disbursementDay: wholeNumber("Payout day", { min: 1, max: 28 }).optional(),
};

const routingNumber = z
  .string({ message: "Routing number is required" })
  .trim()
  .regex(/^[0-9]{9}$/, "A routing number has 9 digits")
  .refine(isValidRoutingNumber, "This routing number's check digit is wrong; check for a typo");
const accountNumber = z
  .string({ message: "Account number is required" })
  .trim()
  .regex(/^[0-9]{4,17}$/, "An account number has 4 to 17 digits");
const iban = z
  .string({ message: "IBAN is required" })
  .max(64, "An IBAN has at most 34 characters")
  .transform(normalizeIban)
  .refine((v) => /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(v), "An IBAN starts with a country code and check digits, e.g. DE89 3704 …")
  .refine(isValidIban, "This IBAN's check digits are wrong; check for a typo");
const swiftBic = z
  .string({ message: "SWIFT/BIC is required" })
  .max(20, "A SWIFT/BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX")
  .trim()
  .toUpperCase()
  .refine(isValidBic, "A SWIFT/BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX");
/** Blank keeps what is on file (see keepAccount); anything typed must be a valid identifier. */
const orBlank = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).optional();

/**
 * The banking step. With `keepAccount` (an account of the same kind is on file
 * and its numbers were left blank) only the holder and the payout schedule
 * change: nobody re-types a bank account to move their payout day.
 */
export const bankingSchema = z
  .discriminatedUnion(
    "bankType",
    [
      z.object({
        bankType: z.literal(BANK_TYPES[0]),
        accountHolder: plainText("Account holder", { max: 200 }),
        routingNumber: orBlank(routingNumber),
        accountNumber: orBlank(accountNumber),
        keepAccount: z.boolean().optional(),
        ...schedule,
      }),
      z.object({
        bankType: z.literal(BANK_TYPES[1]),
        accountHolder: plainText("Account holder", { max: 200 }),
        iban: orBlank(iban),
        swiftBic: orBlank(swiftBic),
        keepAccount: z.boolean().optional(),
        ...schedule,
      }),
    ],
    { message: "Choose how you are paid" },
  )
  .superRefine((value, ctx) => {
    if (value.disbursementSchedule === "monthly" && value.disbursementDay === undefined) {
      ctx.addIssue({ code: "custom", path: ["disbursementDay"], message: "Choose a day from 1 to 28" });
    }
    if (value.keepAccount) return;
    const required = value.bankType === "us_ach" ? { routingNumber: "Routing number is required", accountNumber: "Account number is required" } : { iban: "IBAN is required", swiftBic: "SWIFT/BIC is required" };
    for (const [field, message] of Object.entries(required)) {
      if (!(value as Record<string, unknown>)[field]) ctx.addIssue({ code: "custom", path: [field], message });
    }
  });

/** W-9: a US taxpayer with an EIN (12-3456789) or SSN; W-8BEN-E: a foreign entity with its own tax id. */
export const taxSchema = z
  .object({
    taxForm: z.enum(TAX_FORMS, { message: "Choose a tax form" }),
    /** Blank with `keepTaxId` keeps the id on file (same form and country). */
    taxId: z.string({ message: "Tax id is required" }).max(60, "Tax id is too long").trim().max(30, "Tax id is too long").optional(),
    keepTaxId: z.boolean().optional(),
    taxCountry: country,
  })
  .superRefine((value, ctx) => {
    if (value.taxForm === "W-9" && value.taxCountry !== "US") ctx.addIssue({ code: "custom", path: ["taxCountry"], message: "A W-9 is for US taxpayers; choose W-8BEN-E" });
    if (value.taxForm !== "W-9" && value.taxCountry === "US") ctx.addIssue({ code: "custom", path: ["taxCountry"], message: "A W-8BEN-E is for non-US entities; choose W-9" });
    if (!value.taxId) {
      if (!value.keepTaxId) ctx.addIssue({ code: "custom", path: ["taxId"], message: "Tax id is required" });
      return;
    }
    if (value.taxForm === "W-9" && !/^([0-9]{2}-?[0-9]{7}|[0-9]{3}-?[0-9]{2}-?[0-9]{4})$/.test(value.taxId)) {
      ctx.addIssue({ code: "custom", path: ["taxId"], message: "Enter an EIN (12-3456789) or SSN (123-45-6789)" });
    }
    if (value.taxForm !== "W-9" && !/^[A-Z0-9][A-Z0-9 .\/-]{3,28}[A-Z0-9]$/i.test(value.taxId)) {
      ctx.addIssue({ code: "custom", path: ["taxId"], message: "Enter the entity's foreign tax id (5–30 letters and digits)" });
    }
  });

export type ProfileInput = z.input<typeof profileSchema>;
export type BankingInput = z.input<typeof bankingSchema>;
export type TaxInput = z.input<typeof taxSchema>;
