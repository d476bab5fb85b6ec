"use server";
import { signOut } from "@/lib/auth/auth";
import { runOperation } from "@/lib/actions/run";
import { changePassword } from "@/lib/accounts/sessions";

/** On success every session has ended, this one too: sign in again with the new password. */
export async function changePasswordAction(raw: unknown) {
  const result = await runOperation(changePassword, raw);
  if (result.ok) await signOut({ redirectTo: "/sign-in?passwordChanged=1" });
  return result;
}
