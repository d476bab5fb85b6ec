import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { formatAccountId } from "@/lib/account-id";
import type { CurrentUser } from "@/lib/auth/authorize";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getDb } from "@/db";
import { emailPreferences } from "@/lib/outbox/service";
import { EmailPreferencesForm } from "./email-preferences-form";
import { PasswordForm } from "./password-form";

/** The signed-in user's own settings, the same in every console. */
export async function AccountPage({ user }: { user: CurrentUser }) {
  const groups = await emailPreferences(getDb(), user);
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email}`} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-1 gap-4 pt-5 sm:grid-cols-3">
            <Facts
              items={[
                ["Organization", user.accountName],
                ["Account id", <span key="id" className="font-mono">{formatAccountId(user.accountId)}</span>],
                ["Role", ROLE_LABELS[user.role]],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>E-mail</CardTitle>
            <CardDescription>
              Every event also shows up under Notifications. Choose which ones e-mail you at {user.email} as well.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EmailPreferencesForm groups={groups} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Change password</CardTitle>
            <CardDescription>Changing it signs you out everywhere, on every device; sign in again with the new one.</CardDescription>
          </CardHeader>
          <CardContent>
            <PasswordForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
