import type { Metadata } from "next";
import { RunConsole } from "@/app/_billing/run-console";
import { RunsTable } from "@/app/_billing/runs-table";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { periodOfDate } from "@/lib/billing/periods";
import { recentRuns } from "@/lib/billing/queries";
import { now } from "@/lib/clock";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  await requirePermission("billing.run");
  const runs = await recentRuns(getDb(), "billing");
  return (
    <>
      <PageHeader title="Billing" description="Charge every agreement due in a month and issue each customer one consolidated bill (net 30)." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Run billing</CardTitle>
            <CardDescription>
              Safe to repeat or to run while another run is going: nothing is billed twice. Also from the command line:{" "}
              <code className="font-mono">npm run billing -- --period {periodOfDate(now())}</code>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RunConsole kind="billing" defaultPeriod={periodOfDate(now())} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent billing runs</CardTitle>
          </CardHeader>
          <CardContent>
            <RunsTable runs={runs} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
