import type { Metadata } from "next";
import Link from "next/link";
import { RunConsole } from "@/app/_billing/run-console";
import { RunsTable } from "@/app/_billing/runs-table";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager, pageParam } from "@/components/ui/pager";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { requirePermission } from "@/lib/auth/guard";
import { marketplaceMoney, openRunOf, recentRuns, sellersWithMoneyWaiting } from "@/lib/billing/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Disbursements" };

const PAGE_SIZE = 25;

export default async function DisbursementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("disbursement.run");
  const page = pageParam((await searchParams).page);
  const db = getDb();
  const [runs, open, money, waiting] = await Promise.all([
    recentRuns(db, "disbursement"),
    openRunOf(db, "disbursement"),
    marketplaceMoney(db),
    sellersWithMoneyWaiting(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  return (
    <>
      <PageHeader
        title="Disbursements"
        description={
          <>
            Collected and not yet paid out: {formatMoney(money.disbursementsDueCents)} for {money.sellersWaiting} seller(s). The{" "}
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
        <Card>
          <CardHeader>
            <CardTitle>Sellers with money waiting</CardTitle>
            <CardDescription>Largest first. Monthly sellers are paid on the first run on or after their day; held sellers wait for their registration.</CardDescription>
          </CardHeader>
          <CardContent>
            {waiting.total === 0 ? (
              <p className="text-sm text-muted">No seller has collected money waiting: every share of every paid bill has been paid out.</p>
            ) : (
              <>
                <div className="overflow-x-auto">
                  <Table aria-label="Sellers with money waiting">
                    <TableHeader>
                      <TableRow>
                        <TableHead>Seller</TableHead>
                        <TableHead className="text-right">Waiting</TableHead>
                        <TableHead>Schedule</TableHead>
                        <TableHead>Next payout</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {waiting.rows.map((s) => (
                        <TableRow key={`${s.sellerAccountId}-${s.currency}`} data-testid="seller-waiting">
                          <TableCell>
                            <span className="font-medium">{s.name}</span> <span className="text-xs text-muted">{s.role}</span>
                            <span className="block font-mono text-xs text-muted">{formatAccountId(s.sellerAccountId)}</span>
                          </TableCell>
                          <TableCell className="text-right tabular-nums">
                            {formatMoney(s.amountCents, s.currency)}
                            <span className="block text-xs text-muted">{s.shares} shares</span>
                          </TableCell>
                          <TableCell>{s.schedule ?? "—"}</TableCell>
                          <TableCell className="max-w-sm">
                            {s.hold ? (
                              <>
                                <Badge tone="warn">Held</Badge> <span className="text-sm">{s.hold}</span>
                              </>
                            ) : (
                              <span className="whitespace-nowrap">{s.nextPayout ? dayOf(s.nextPayout) : "—"}</span>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                <Pager page={page} pageSize={PAGE_SIZE} total={waiting.total} href={(p) => `/marketplace/disbursements?page=${p}`} />
              </>
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
