"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { signUp } from "@/lib/accounts/accounts";
import { signInSchema, signUpSchema } from "@/lib/accounts/validations";
import { signIn, signOut } from "@/lib/auth/auth";
import { currentUser, requestAddress } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/authorize";
import { signOutEverywhere } from "@/lib/accounts/sessions";
import { areaForRole } from "@/lib/auth/permissions";
import { fail, fieldErrorsOf, INVALID_INPUT, type ActionResult } from "@/lib/result";

const WRONG_CREDENTIALS = "Email or password is incorrect.";
const RATE_LIMITED = "Too many failed sign-ins. Wait 15 minutes and try again.";

/** Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. */
function safeCallback(callbackUrl: unknown, fallback: string): string {
  return typeof callbackUrl === "string" && /^\/(?![/\\])/.test(callbackUrl) ? callbackUrl : fallback;
}

async function homeFor(email: string): Promise<string> {
  const [user] = await getDb().select({ role: users.role }).from(users).where(eq(users.email, email));
  return user ? `/${areaForRole(user.role).slug}` : "/";
}

async function signInWithPassword(email: string, password: string): Promise<ActionResult | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const rateLimited = "code" in error && error.code === "rate_limited";
      return fail(rateLimited ? RATE_LIMITED : WRONG_CREDENTIALS);
    }
    throw error;
  }
}

export async function signInAction(raw: unknown, callbackUrl?: string): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return fail(INVALID_INPUT, fieldErrorsOf(parsed.error));
  const failed = await signInWithPassword(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  const home = await homeFor(parsed.data.email);
  // A callback into another role's area would only answer "not found".
  const target = safeCallback(callbackUrl, home);
  redirect(target.startsWith(home) ? target : home);
}

export async function signUpAction(raw: unknown): Promise<ActionResult> {
  const result = await signUp(getDb(), raw, await requestAddress());
  if (!result.ok) return result;
  const { password } = signUpSchema.parse(raw);
  const failed = await signInWithPassword(result.data.email, password);
  if (failed) return failed;
  redirect(`/${areaForRole(result.data.role).slug}?welcome=1`);
}

/** Ends every session of the user on the server (the cookie alone would stay valid until it expires), then this one. */
export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(getDb(), actorOf(user), user.id);
  await signOut({ redirectTo: "/sign-in" });
}
