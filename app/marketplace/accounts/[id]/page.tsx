import type { Metadata } from "next";
import { Timeline } from "@/app/_shell/timeline";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { accountForRep } from "@/lib/backoffice/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { REGISTRATION_LABELS } from "@/lib/sellers/registration";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("backoffice.view");
  const { id } = await params;
  const found = await accountForRep(getDb(), id);
  if (!found) return deniedNotFound(user, "backoffice.view", "account", id);
  const { account, people, registration, balances, timeline } = found;
  const seller = account.type === "isv" || account.type === "partner";
  return (
    <>
      <PageHeader title={account.name} description={<span className="font-mono">{formatAccountId(account.id)}</span>} actions={<Badge>{account.type}</Badge>} />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-1 gap-4 pt-5 sm:grid-cols-3">
            <Facts
              items={[
                ["Created", dayOf(account.createdAt)],
                ["Seller registration", seller ? REGISTRATION_LABELS[registration.status] : "—"],
                ["Money waiting", seller ? balances.map((b) => `${formatMoney(b.pendingCents, b.currency)} collected, ${formatMoney(b.owedCents, b.currency)} owed, ${formatMoney(b.paidOutCents, b.currency)} paid out`).join("; ") || "none" : "—"],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>People</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm">
              {people.map((p) => (
                <li key={p.id}>
                  {p.name} · <span className="font-mono text-xs">{p.email}</span> · {ROLE_LABELS[p.role]}
                  {p.disabledAt ? <Badge tone="bad" className="ml-2">Disabled</Badge> : null}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Timeline entries={timeline} description="What this account's people did, and what was done to the account, most recent 200." />
      </div>
    </>
  );
}
