import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { Pager } from "@/components/ui/pager";
import type { payoutDetail } from "@/lib/billing/queries";
import { dayOf } from "@/lib/dates";
import { RemittanceTable } from "./remittance-table";
import { formatMoney } from "@/lib/money";

// 25 lines a page, as every report table starts: at 50, a payout page was ~100 kB of HTML at size.
export const REMITTANCE_PAGE_SIZE = 25;

type Payout = NonNullable<Awaited<ReturnType<typeof payoutDetail>>>;

/**
 * A payout's remittance advice: which charges it paid — bill, period, product,
 * share — paged. `counterpart` says whom a line names: the vendor sees the
 * partner as its buyer, the partner its customer, a rep both.
 */
export function PayoutView({ payout, page, back, counterpart, href }: { payout: Payout; page: number; back: string; counterpart: "partner" | "customer" | "both"; href: (page: number) => string }) {
  return (
    <>
      <PageHeader
        title={`Payout ${payout.reference}`}
        description={
          <>
            {payout.sellerName} ·{" "}
            <Link href={back} className="underline">
              back
            </Link>
          </>
        }
        actions={payout.status === "completed" ? <Badge tone="good">Paid</Badge> : <Badge tone="info">In progress</Badge>}
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid grid-cols-2 gap-4 pt-5 sm:grid-cols-4">
            <Facts
              items={[
                ["Amount", formatMoney(payout.amountCents, payout.currency), "payout-amount"],
                ["Shares paid", String(payout.lineCount)],
                ["Date", dayOf(payout.completedAt ?? payout.createdAt)],
                ["Bank trace reference", <span key="ref" className="font-mono text-xs">{payout.reference}</span>],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-5">
            <div className="overflow-x-auto">
              <RemittanceTable
                currency={payout.currency}
                counterpart={counterpart}
                lines={payout.lines.map((l) => ({ id: l.id, billNumber: l.billNumber, period: l.period, productName: l.productName, partnerName: l.partnerName, partnerAccountId: l.partnerAccountId, customerName: l.customerName, shareRole: l.shareRole, amountCents: l.amountCents }))}
              />
            </div>
            <Pager page={page} pageSize={REMITTANCE_PAGE_SIZE} total={payout.lineCount} href={href} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
