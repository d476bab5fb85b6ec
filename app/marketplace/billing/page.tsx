import type { Metadata } from "next";
import Link from "next/link";
import { RunConsole } from "@/app/_billing/run-console";
import { RunsTable } from "@/app/_billing/runs-table";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { periodOfDate } from "@/lib/billing/periods";
import { openRunOf, recentRuns } from "@/lib/billing/queries";
import { now } from "@/lib/clock";
import { RUNS_TABLE } from "@/lib/billing/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("billing.run");
  const current = periodOfDate(now());
  const params = parseTableParams(RUNS_TABLE, await searchParams);
  const [runs, open] = await Promise.all([recentRuns(getDb(), "billing", params), openRunOf(getDb(), "billing")]);
  return (
    <>
      <PageHeader
        title="Billing"
        description={
          <>
            Charge every agreement due in a month and put it on its customer&apos;s consolidated bill (net 30). The{" "}
            <Link href="/marketplace/schedule" className="underline">
              scheduler
            </Link>{" "}
            bills the current month every day by itself.
          </>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Run billing</CardTitle>
            <CardDescription>
              Safe to repeat: nothing is billed twice. A period can be billed from its first day. Also from the command line:{" "}
              <code className="font-mono">npm run billing -- --period {current}</code>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RunConsole kind="billing" defaultPeriod={current} latestPeriod={current} openRun={open} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Billing runs</CardTitle>
          </CardHeader>
          <CardContent>
            <RunsTable rows={runs.rows} total={runs.total} params={params} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
