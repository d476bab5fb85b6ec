// The change-password form, shared by the browser and the server.
import { z } from "zod";
import { passwordField } from "@/lib/accounts/validations";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(200, "Password is too long"),
    newPassword: passwordField,
    confirmPassword: z.string({ message: "Repeat the new password" }).max(200, "Password is too long"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

