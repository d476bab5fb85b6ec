import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guard";
import { areaForRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(`/${areaForRole(user.role).slug}`);
  const { callbackUrl, passwordChanged } = await searchParams;
  const demo = env().demo;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">Sign in</CardTitle>
          <CardDescription>Vendors, partners, customers and marketplace staff all sign in here.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {passwordChanged ? <Callout tone="success">Your password was changed and every session ended. Sign in with the new password.</Callout> : null}
          <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </CardContent>
      </Card>
      {demo ? (
        <Card>
          <CardHeader>
            <CardTitle>Demo accounts</CardTitle>
            <CardDescription>
              Demo mode: every demo user&apos;s password is <code className="whitespace-nowrap font-mono text-ink">{DEMO_PASSWORD}</code>.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm">
              {DEMO_USERS.map((u) => (
                <li key={u.email} className="grid">
                  <span className="font-mono">{u.email}</span>
                  <span className="text-xs text-muted">
                    {ROLE_LABELS[u.role]} · {u.note}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
