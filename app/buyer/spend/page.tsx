import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { PageHeader } from "@/components/shell/app-shell";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartCard, ReportFilters } from "@/app/_reports/report-parts";
import { getDb } from "@/db";
import { requireArea } from "@/lib/auth/guard";
import { formatMoney } from "@/lib/money";
import { describeRange, parseReportFilter } from "@/lib/reports/filters";
import { customerSpend } from "@/lib/reports/queries";
import type { RawSearchParams } from "@/lib/tables/params";

export const metadata: Metadata = { title: "Spend" };

function Breakdown({ label, rows, extra }: { label: string; rows: readonly { id: string; name: string; cents: number; lines: number; manufacturer?: string }[]; extra?: string }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{label}</TableHead>
          {extra ? <TableHead>{extra}</TableHead> : null}
          <TableHead className="text-right">Lines</TableHead>
          <TableHead className="text-right">Billed</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.name}</TableCell>
            {extra ? <TableCell>{r.manufacturer}</TableCell> : null}
            <TableCell className="text-right tabular-nums">{r.lines}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(r.cents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function SpendPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireArea("buyer");
  const filter = { ...parseReportFilter(await searchParams), productId: null, partnerId: null, isvId: null };
  const spend = await customerSpend(getDb(), user.accountId, filter);
  return (
    <>
      <PageHeader title="Spend" description="What your bills charged, by month, by product and by seller of record." />
      <div className="grid gap-4">
        <ReportFilters action="/buyer/spend" filter={filter} />
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
          <Stat label="Billed" value={<span data-testid="spend-total">{formatMoney(spend.totalCents)}</span>} hint={describeRange(filter)} />
          <Stat label="Paid" value={<span data-testid="spend-paid">{formatMoney(spend.paidCents)}</span>} hint="of what was billed" />
          <Stat label="To pay" value={formatMoney(spend.totalCents - spend.paidCents)} hint={<Link href="/buyer/bills?state=open,overdue" className="underline">Open bills</Link>} />
        </div>
        {spend.lines === 0 ? (
          <Card className="p-4 text-sm text-muted">Nothing billed in {describeRange(filter)}. Once you accept an offer and its first bill is issued, your spend shows here.</Card>
        ) : (
          <>
            <ChartCard title="Spend by month" description="USD, by billing period.">
              <BarChart testId="chart-spend" title="Spend by month" bars={spend.byMonth.map((m) => ({ label: m.period, cents: m.cents }))} />
            </ChartCard>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card className="p-4">
                <Breakdown label="Product" extra="Manufacturer" rows={spend.byProduct} />
              </Card>
              <Card className="p-4">
                <Breakdown label="Seller of record" rows={spend.bySeller} />
              </Card>
            </div>
          </>
        )}
      </div>
    </>
  );
}
