import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import type { CurrentUser } from "@/lib/auth/authorize";
import { sellerMoney, sellerPayouts } from "@/lib/billing/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

const PAGE_SIZE = 25;

/** A seller's money (kept as data): owed on its sales, collected and waiting, paid out; its payouts, one page at a time. */
export async function MoneyPage({ user, role, page }: { user: CurrentUser; role: "isv" | "partner"; page: number }) {
  const base = role === "isv" ? "/vendor" : "/partner";
  const [money, payouts] = await Promise.all([sellerMoney(getDb(), user.accountId), sellerPayouts(getDb(), user.accountId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })]);
  const c = money.currency;
  return (
    <>
      <PageHeader
        title="Money"
        description={
          money.scheduleText
            ? `Payouts ${money.scheduleText}, once customers pay.${money.nextPayout ? ` Next payout: ${dayOf(money.nextPayout)}.` : ""}`
            : "Payouts start once your seller registration is complete."
        }
      />
      {money.hold ? (
        <Callout tone="warn" className="mb-6">
          {money.hold}{" "}
          <Link href={`${base}/registration`} className="font-medium underline">
            Complete seller registration
          </Link>
        </Callout>
      ) : null}
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Owed by customers" value={formatMoney(money.owedCents, c)} hint="your share of issued, unpaid bills" />
        <Stat label="Collected, not yet paid out" value={formatMoney(money.collectedCents, c)} hint={money.nextPayout ? `customers paid; next payout ${dayOf(money.nextPayout)}` : "customers paid; waiting for your next payout"} />
        <Stat label="Paid out" value={formatMoney(money.paidOutCents, c)} hint={money.lastPaidAt ? `last payout ${dayOf(money.lastPaidAt)}` : "no payout yet"} />
      </div>
      {money.otherCurrencies.length ? (
        <p className="mb-6 text-sm text-muted">
          Also in{" "}
          {money.otherCurrencies.map((b) => `${b.currency}: ${formatMoney(b.owedCents, b.currency)} owed, ${formatMoney(b.pendingCents, b.currency)} collected, ${formatMoney(b.paidOutCents, b.currency)} paid out`).join("; ")}
          .
        </p>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Payouts</CardTitle>
        </CardHeader>
        <CardContent>
          {payouts.total === 0 ? (
            <p className="text-sm text-muted">No payouts yet. Once a customer pays a bill with your sales on it, your share is paid out on your schedule.</p>
          ) : (
            <>
              <div className="overflow-x-auto">
                <Table aria-label="Payouts">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Date</TableHead>
                      <TableHead>Reference</TableHead>
                      <TableHead>Status</TableHead>
                      <TableHead className="text-right">Shares</TableHead>
                      <TableHead className="text-right">Amount</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {payouts.rows.map((d) => (
                      <TableRow key={d.id} data-testid="disbursement">
                        <TableCell className="whitespace-nowrap">{dayOf(d.completedAt ?? d.createdAt)}</TableCell>
                        <TableCell>
                          <Link href={`${base}/money/payouts/${d.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                            {d.reference}
                          </Link>
                        </TableCell>
                        <TableCell>{d.status === "completed" ? <Badge tone="good">Paid</Badge> : <Badge tone="info">In progress</Badge>}</TableCell>
                        <TableCell className="text-right tabular-nums">{d.lineCount}</TableCell>
                        <TableCell className="text-right tabular-nums" data-testid="disbursement-amount">
                          {formatMoney(d.amountCents, d.currency)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              <Pager page={page} pageSize={PAGE_SIZE} total={payouts.total} href={(p) => `${base}/money?page=${p}`} />
            </>
          )}
        </CardContent>
      </Card>
    </>
  );
}
