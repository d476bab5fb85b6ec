import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { billDetail } from "@/lib/billing/queries";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import type { TimelineEntry } from "@/lib/audit/timeline";

type Bill = NonNullable<Awaited<ReturnType<typeof billDetail>>>;

export function BillStatus({ bill }: { bill: { status: string; overdue: boolean } }) {
  if (bill.status === "paid") return <Badge tone="good">Paid</Badge>;
  return bill.overdue ? <Badge tone="bad">Overdue</Badge> : <Badge tone="info">Issued</Badge>;
}

/** The bill's first event (the billing run issues bills; it is not an audited action of anyone's). */
export function issued(bill: { id: string; issuedAt: Date; dueAt: Date; number: string }): TimelineEntry {
  return { id: `issued-${bill.id}`, at: bill.issuedAt, what: `Bill ${bill.number} issued, due ${dayOf(bill.dueAt)}`, who: "the marketplace (billing run)", outcome: "success", detail: null };
}

/** A consolidated bill: every line with product, manufacturer, seller of record, period and amount. */
export function BillDetailView({ bill, actions, history }: { bill: Bill; actions?: ReactNode; history?: ReactNode }) {
  return (
    <>
      <PageHeader
        title={`${bill.sequence > 0 ? "Supplementary bill" : "Bill"} for ${bill.period}`}
        description={`${bill.number} · ${bill.customerName} · issued ${dayOf(bill.issuedAt)} · due ${dayOf(bill.dueAt)} (net 30)`}
        actions={<BillStatus bill={bill} />}
      />
      <div className="grid gap-6">
        {bill.siblings.length ? (
          <Callout tone="info" data-testid="bill-siblings">
            {bill.sequence > 0
              ? `This bill holds charges for ${bill.period} that came due after the period's first bill was paid. `
              : `Charges for ${bill.period} that came due after this bill was paid are on a supplementary bill. `}
            Other {bill.period} bills:{" "}
            {bill.siblings.map((s, i) => (
              <span key={s.id}>
                {i > 0 ? ", " : null}
                <Link href={`./${s.id}`} className="font-mono text-xs font-medium underline">
                  {s.number}
                </Link>{" "}
                ({s.status === "paid" ? "paid" : "open"}, {formatMoney(s.totalCents, s.currency)})
              </span>
            ))}
            .
          </Callout>
        ) : null}
        <Card>
          <CardContent className="pt-5">
            <Table aria-label="Bill lines">
              <TableHeader>
                <TableRow>
                  <TableHead>Product</TableHead>
                  <TableHead>Manufacturer</TableHead>
                  <TableHead>Seller of record</TableHead>
                  <TableHead>Period</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {bill.lines.map((line) => (
                  <TableRow key={line.id} data-testid="bill-line">
                    <TableCell>
                      {line.productName}
                      {line.billing === "upfront" ? <span className="block text-xs text-muted">whole contract, upfront</span> : null}
                    </TableCell>
                    <TableCell>{line.manufacturer}</TableCell>
                    <TableCell>{line.sellerOfRecord}</TableCell>
                    <TableCell>{line.period}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(line.amountCents, bill.currency)}</TableCell>
                  </TableRow>
                ))}
                <TableRow className="font-semibold">
                  <TableCell colSpan={4}>Total</TableCell>
                  <TableCell className="text-right tabular-nums" data-testid="bill-total">
                    {formatMoney(bill.totalCents, bill.currency)}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        {bill.payments.length ? (
          <Card>
            <CardContent className="pt-5 text-sm">
              {bill.payments.map((p) => (
                <p key={p.id}>
                  Paid {formatMoney(p.amountCents, bill.currency)} on {dayOf(p.createdAt)} {p.method === "bank_transfer" ? `by bank transfer (reference ${p.reference})` : "in the portal"}.
                </p>
              ))}
            </CardContent>
          </Card>
        ) : null}
        {actions}
        {history}
      </div>
    </>
  );
}
