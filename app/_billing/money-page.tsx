import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import type { CurrentUser } from "@/lib/auth/authorize";
import { sellerMoney } from "@/lib/billing/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

/** A seller's money: owed on its sales, collected and not yet paid out, and every disbursement with its lines. */
export async function MoneyPage({ user, role }: { user: CurrentUser; role: "isv" | "partner" }) {
  const money = await sellerMoney(getDb(), user.accountId, role);
  const base = role === "isv" ? "/vendor" : "/partner";
  return (
    <>
      <PageHeader
        title="Money"
        description={
          money.schedule
            ? `Payouts ${money.schedule.schedule === "monthly" ? `monthly on day ${money.schedule.day}` : "daily"}, after customers pay.`
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
        <Stat label="Owed by customers" value={formatMoney(money.owedCents)} hint="your share of issued, unpaid bills" />
        <Stat label="Collected, not yet paid out" value={formatMoney(money.collectedCents)} hint="customers paid; next disbursement" />
        <Stat label="Paid out" value={formatMoney(money.paidOutCents)} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Disbursements</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          {money.disbursements.length === 0 ? (
            <p className="text-sm text-muted">No disbursements yet. Once a customer pays a bill with your sales on it, your share is paid out on your schedule.</p>
          ) : (
            money.disbursements.map((d) => (
              <details key={d.id} className="rounded-md border border-line p-3" data-testid="disbursement">
                <summary className="flex cursor-pointer flex-wrap justify-between gap-2 text-sm">
                  <span>
                    {dayOf(d.createdAt)} · <span className="font-mono text-xs">{d.reference}</span>
                  </span>
                  <span className="font-semibold tabular-nums" data-testid="disbursement-amount">
                    {formatMoney(d.amountCents, d.currency)}
                  </span>
                </summary>
                <ul className="mt-2 grid gap-1 text-sm">
                  {d.lines.map((line, i) => (
                    <li key={i} className="flex justify-between gap-2">
                      <span>
                        {line.period} · {line.productName} · {line.customerName}
                      </span>
                      <span className="tabular-nums">{formatMoney(line.amountCents, d.currency)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ))
          )}
        </CardContent>
      </Card>
    </>
  );
}
