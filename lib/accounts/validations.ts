import { z } from "zod";
import { emailField, plainText } from "@/lib/validation";

export const SIGN_UP_ACCOUNT_TYPES = ["isv", "partner", "customer"] as const;

export const SIGN_UP_TYPE_LABELS: Record<(typeof SIGN_UP_ACCOUNT_TYPES)[number], string> = {
  isv: "Software vendor (ISV): I make products and authorize resellers",
  partner: "Consulting partner: I resell vendors' products to my customers",
  customer: "Customer: I buy software through private offers",
};

export const passwordField = z
  .string({ message: "Password is required" })
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const signUpSchema = z
  .object({
    accountType: z.enum(SIGN_UP_ACCOUNT_TYPES, { message: "Choose an account type" }),
    organizationName: plainText("Organization name", { min: 2, max: 120 }),
    name: plainText("Your name", { max: 120 }),
    email: emailField,
    password: passwordField,
    confirmPassword: z.string({ message: "Repeat the password" }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ message: "Password is required" }).min(1, "Password is required").max(200, "Password is too long"),
});

export type SignInInput = z.input<typeof signInSchema>;
