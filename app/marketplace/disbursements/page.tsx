import type { Metadata } from "next";
import { RunConsole } from "@/app/_billing/run-console";
import { RunsTable } from "@/app/_billing/runs-table";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { heldSellers, marketplaceMoney, recentRuns } from "@/lib/billing/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Disbursements" };

export default async function DisbursementsPage() {
  await requirePermission("disbursement.run");
  const [runs, held, money] = await Promise.all([recentRuns(getDb(), "disbursement"), heldSellers(getDb()), marketplaceMoney(getDb())]);
  return (
    <>
      <PageHeader title="Disbursements" description={`Collected and not yet paid out: ${formatMoney(money.disbursementsDueCents)}.`} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Run disbursements</CardTitle>
            <CardDescription>
              Pays each seller its shares of charges on paid bills, once. Also: <code className="font-mono">npm run disburse</code>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RunConsole kind="disbursement" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Held sellers</CardTitle>
          </CardHeader>
          <CardContent>
            {held.length === 0 ? (
              <p className="text-sm text-muted">No seller is held.</p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {held.map((h) => (
                  <li key={h.sellerAccountId}>
                    <span className="font-medium">{h.name}</span> ({formatAccountId(h.sellerAccountId)}): {formatMoney(h.amountCents)} held — {h.reason}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent disbursement runs</CardTitle>
          </CardHeader>
          <CardContent>
            <RunsTable runs={runs} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
