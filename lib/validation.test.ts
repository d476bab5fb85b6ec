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
