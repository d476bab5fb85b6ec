import type { Metadata } from "next";
import Link from "next/link";
import { RunConsole } from "@/app/_billing/run-console";
import { RunsTable } from "@/app/_billing/runs-table";
import { WaitingTable } from "@/app/_billing/waiting-table";
import { RUNS_TABLE, WAITING_TABLE } from "@/lib/billing/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { openRunOf, recentRuns, sellersWithMoneyWaiting } from "@/lib/billing/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Disbursements" };

export default async function DisbursementsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("disbursement.run");
  const raw = await searchParams;
  const waitingParams = parseTableParams(WAITING_TABLE, raw);
  const runParams = parseTableParams(RUNS_TABLE, raw);
  const db = getDb();
  const [runs, open, waiting] = await Promise.all([recentRuns(db, "disbursement", runParams), openRunOf(db, "disbursement"), sellersWithMoneyWaiting(db, waitingParams)]);
  return (
    <>
      <PageHeader
        title="Disbursements"
        description={
          <>
            Collected and not yet paid out: {formatMoney(waiting.due.cents)} for {waiting.due.sellers} seller(s). The{" "}
            <Link href="/marketplace/schedule" className="underline">
              scheduler
            </Link>{" "}
            pays sellers daily by itself.
          </>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Run disbursements</CardTitle>
            <CardDescription>
              Pays each seller whose payout is due its shares of paid bills, once. Also: <code className="font-mono">npm run disburse</code>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RunConsole kind="disbursement" openRun={open} />
          </CardContent>
        </Card>
        <section className="grid gap-2">
          <h2 className="text-base font-semibold">Sellers with money waiting</h2>
          <p className="text-sm text-muted">Monthly sellers are paid on the first run on or after their day; held sellers wait for their registration.</p>
          <WaitingTable rows={waiting.rows} total={waiting.total} params={waitingParams} />
        </section>
        <section className="grid gap-2">
          <h2 className="text-base font-semibold">Disbursement runs</h2>
          <RunsTable rows={runs.rows} total={runs.total} params={runParams} />
        </section>
      </div>
    </>
  );
}
