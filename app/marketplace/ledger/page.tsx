import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { trialBalance } from "@/lib/billing/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Trial balance" };

const LABELS: Record<string, string> = { receivable: "Receivables (customers)", payable: "Payables (sellers)", fee_revenue: "Listing-fee revenue", cash: "Cash" };

export default async function LedgerPage() {
  await requirePermission("ledger.view");
  const tb = await trialBalance(getDb());
  return (
    <>
      <PageHeader
        title="Trial balance"
        description="Every ledger account's debits, credits and balance. The ledger is append-only; corrections are reversing entries."
        actions={<Badge tone={tb.balanced ? "good" : "bad"}>{tb.balanced ? "Debits equal credits" : "Out of balance"}</Badge>}
      />
      <Card>
        <CardContent className="pt-5">
          <Table aria-label="Trial balance">
            <TableHeader>
              <TableRow>
                <TableHead>Account</TableHead>
                <TableHead className="text-right">Entries</TableHead>
                <TableHead className="text-right">Debits</TableHead>
                <TableHead className="text-right">Credits</TableHead>
                <TableHead className="text-right">Balance</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tb.rows.map((r) => (
                <TableRow key={`${r.account}-${r.currency}`}>
                  <TableCell>{LABELS[r.account] ?? r.account} <span className="text-xs text-muted">{r.currency}</span></TableCell>
                  <TableCell className="text-right tabular-nums">{r.entries}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(r.debits, r.currency)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(r.credits, r.currency)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(r.debits - r.credits, r.currency)}</TableCell>
                </TableRow>
              ))}
              <TableRow className="font-semibold">
                <TableCell>Total</TableCell>
                <TableCell />
                <TableCell className="text-right tabular-nums" data-testid="tb-debits">{formatMoney(tb.debits)}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid="tb-credits">{formatMoney(tb.credits)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(tb.debits - tb.credits)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
