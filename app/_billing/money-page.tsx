import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Callout } from "@/components/ui/callout";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import type { CurrentUser } from "@/lib/auth/authorize";
import { sellerMoney, sellerPayouts } from "@/lib/billing/queries";
import { PAYOUTS_TABLE } from "@/lib/billing/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { PayoutsTable } from "./payouts-table";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

/** A seller's money (kept as data): owed on its sales, collected and waiting, paid out; its payouts, one page at a time. */
export async function MoneyPage({ user, role, searchParams }: { user: CurrentUser; role: "isv" | "partner"; searchParams: RawSearchParams }) {
  const base = role === "isv" ? "/vendor" : "/partner";
  const params = parseTableParams(PAYOUTS_TABLE, searchParams);
  const [money, payouts] = await Promise.all([sellerMoney(getDb(), user.accountId), sellerPayouts(getDb(), user.accountId, params)]);
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
      <PayoutsTable rows={payouts.rows} total={payouts.total} params={params} side={role === "isv" ? "vendor" : "partner"} />
    </>
  );
}
