import { z } from "zod";
import { SIGN_UP_ACCOUNT_TYPES } from "@/lib/accounts/sign-up-types";
import { emailField, plainText } from "@/lib/validation";

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
