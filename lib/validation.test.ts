import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/accounts/validations";
import { plainText } from "@/lib/validation";

const valid = {
  accountType: "partner",
  organizationName: "Blue Harbor",
  name: "Paula",
  email: "Paula@Example.com ",
  password: "a-long-password",
  confirmPassword: "a-long-password",
};

describe("sign-up schema", () => {
  it("accepts a valid form, normalizing the email and dropping smuggled fields", () => {
    const parsed = signUpSchema.parse({ ...valid, role: "rep", accountId: "123456789012" });
    expect(parsed.email).toBe("paula@example.com");
    expect(parsed).not.toHaveProperty("role");
    expect(parsed).not.toHaveProperty("accountId");
  });

  it("puts each problem on its field", () => {
    const result = signUpSchema.safeParse({ ...valid, accountType: "rep", email: "nope", confirmPassword: "other" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["accountType", "email"]));
  });

  it("checks the repeated password on its own field", () => {
    const result = signUpSchema.safeParse({ ...valid, confirmPassword: "different-pass" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["confirmPassword"]);
  });
});

describe("plain text", () => {
  const field = plainText("Name", { max: 10 });
  it("refuses invisible and direction-changing characters, control characters and overlong text", () => {
    expect(field.safeParse("Acme\u202Eevil").success).toBe(false);
    expect(field.safeParse("Ac\u200Bme").success).toBe(false);
    expect(field.safeParse("Ac\u0007me").success).toBe(false);
    expect(field.safeParse("x".repeat(11)).success).toBe(false);
    expect(field.safeParse("   ").success).toBe(false);
    expect(field.safeParse(42).success).toBe(false);
  });
  it("keeps ordinary text, including non-Latin scripts", () => {
    expect(field.safeParse("  Ümlaut ").data).toBe("Ümlaut");
    expect(field.safeParse("شركة").success).toBe(true);
  });
});

describe("the input policy", () => {
  it("keeps one-line text to one line, and lets paragraphs keep theirs", async () => {
    const { singleLine, multiLine } = await import("@/lib/validation");
    const name = singleLine("Name");
    for (const bad of ["Acme\r\nBcc: x", "Acme\nCorp", "A\tB", "A\u0000", "A\u2028B", "A\u00ADB", "\uD800x"]) expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const terms = multiLine("Terms", { max: 50 });
    expect(terms.parse("Net 30.\r\nNo resale.\tNone.")).toBe("Net 30.\nNo resale.\tNone.");
    for (const bad of ["Net\u0000", "a\u202Eb", "\u200B", "x".repeat(51), 42]) expect(terms.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(terms.safeParse("x".repeat(2_000_000)).error?.issues[0]?.message).toBe("Terms must be at most 50 characters");
  });

  it("parses whole numbers strictly: digits, or a safe integer", async () => {
    const { wholeNumber } = await import("@/lib/validation");
    const months = wholeNumber("Months", { min: 1, max: 60 });
    expect(months.parse("12")).toBe(12);
    expect(months.parse(" 7 ")).toBe(7);
    expect(months.parse(31)).toBe(31);
    for (const bad of ["0x1F", "1e1", "12.0", "1,2", "", " ", "-1", "+3", "٣", true, null, undefined, NaN, Infinity, 2.5, 61, 0, "61", [12], { n: 12 }, 2 ** 60]) {
      expect(months.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("parses calendar dates strictly, never throwing", async () => {
    const { dateOnly, isCalendarDate } = await import("@/lib/validation");
    const date = dateOnly("Accept-by date");
    expect(date.parse("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "2027-02-31", "2026-13-01", "2026-00-10", "2026-4-1", "31/12/2026", "", "tomorrow", 20261231, null, "2026-12-31T00:00:00Z"]) {
      expect(() => date.safeParse(bad)).not.toThrow();
      expect(date.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(date.safeParse("").error?.issues[0]?.message).toBe("Accept-by date is required");
    expect(isCalendarDate("2100-02-29")).toBe(false);
    expect(isCalendarDate("2000-02-29")).toBe(true);
  });
});
