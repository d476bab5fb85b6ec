import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { PageHeader } from "@/components/shell/app-shell";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartCard, ExportLinks, ReportFilters } from "@/app/_reports/report-parts";
import { getDb } from "@/db";
import { requireArea } from "@/lib/auth/guard";
import { formatMoney } from "@/lib/money";
import { describeRange, parseReportFilter } from "@/lib/reports/filters";
import { marketplaceOverview } from "@/lib/reports/queries";
import type { RawSearchParams } from "@/lib/tables/params";

export const metadata: Metadata = { title: "Marketplace overview" };

export default async function MarketplaceReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireArea("marketplace");
  const filter = { ...parseReportFilter(await searchParams), productId: null, partnerId: null, isvId: null };
  const o = await marketplaceOverview(getDb(), filter);
  const lines = (period: string) => `/marketplace/reports/lines?from=${period}&to=${period}`;
  return (
    <>
      <PageHeader
        title="Marketplace overview"
        description="Billed, collected and paid out, by month. Billed and collected are by billing period; paid out by payout date; receivables and disbursements due are as of now."
        actions={<ExportLinks filter={filter} />}
      />
      <div className="grid gap-4">
        <ReportFilters action="/marketplace/reports" filter={filter} />
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label="Gross merchandise value (billed)" value={<span data-testid="overview-gmv">{formatMoney(o.gmvCents)}</span>} hint={describeRange(filter)} />
          <Stat label="Listing-fee revenue (billed)" value={<span data-testid="overview-fees">{formatMoney(o.feeCents)}</span>} hint={describeRange(filter)} />
          <Stat label="Collected" value={<span data-testid="overview-collected">{formatMoney(o.collectedCents)}</span>} hint={`bills of ${describeRange(filter)}`} />
          <Stat label="Paid out to sellers" value={<span data-testid="overview-paid-out">{formatMoney(o.paidOutCents)}</span>} hint={`payouts dated ${describeRange(filter)}`} />
          <Stat label="Receivables (open bills)" value={<span data-testid="overview-receivables">{formatMoney(o.receivablesCents)}</span>} hint={`${o.openBills} bill${o.openBills === 1 ? "" : "s"}, as of now`} />
          <Stat label="Overdue" value={<span data-testid="overview-overdue">{formatMoney(o.overdueCents)}</span>} hint={`${o.overdueBills} bill${o.overdueBills === 1 ? "" : "s"} past due`} />
          <Stat label="Disbursements due" value={<span data-testid="overview-due">{formatMoney(o.disbursementsDueCents)}</span>} hint={`collected, ${o.sellersWaiting} seller${o.sellersWaiting === 1 ? "" : "s"} waiting`} />
          <Stat label="Paid out, all time" value={formatMoney(o.paidOutAllTimeCents)} hint="from the ledger" />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartCard title="Gross merchandise value by month" description="USD, by billing period. Click a bar for that month's charge lines.">
            <BarChart testId="chart-gmv" title="Gross merchandise value by month" bars={o.periods.map((p) => ({ label: p.period, cents: p.gmvCents, href: lines(p.period) }))} />
          </ChartCard>
          <ChartCard title="Paid out by month" description="USD, by payout date.">
            <BarChart testId="chart-paid-out" title="Paid out by month" bars={o.paidOutByMonth.map((p) => ({ label: p.month, cents: p.cents }))} />
          </ChartCard>
        </div>
        <Card className="p-4">
          {o.periods.length === 0 ? (
            <p className="text-sm text-muted">Nothing billed in {describeRange(filter)}. Run billing for a period from Billing; its figures show here.</p>
          ) : (
            <Table aria-label="By billing period">
              <TableHeader>
                <TableRow>
                  <TableHead>Period</TableHead>
                  <TableHead className="text-right">Lines</TableHead>
                  <TableHead className="text-right">Gross merchandise value</TableHead>
                  <TableHead className="text-right">Listing-fee revenue</TableHead>
                  <TableHead className="text-right">Collected</TableHead>
                  <TableHead className="text-right">Outstanding</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {o.periods.map((p) => (
                  <TableRow key={p.period} data-testid="overview-period">
                    <TableCell>
                      <Link href={lines(p.period)} className="font-medium text-brand-700 hover:underline">
                        {p.period}
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{p.lines.toLocaleString("en-US")}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(p.gmvCents)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(p.feeCents)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(p.collectedCents)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(p.gmvCents - p.collectedCents)}</TableCell>
                  </TableRow>
                ))}
                <TableRow className="font-semibold">
                  <TableCell>Total</TableCell>
                  <TableCell className="text-right tabular-nums">{o.periods.reduce((s, p) => s + p.lines, 0).toLocaleString("en-US")}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(o.gmvCents)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(o.feeCents)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(o.collectedCents)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(o.gmvCents - o.collectedCents)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
        </Card>
        <p className="text-sm">
          <Link href="/marketplace/reports/lines" className="font-medium text-brand-700 hover:underline">
            Every charge line →
          </Link>
        </p>
      </div>
    </>
  );
}
