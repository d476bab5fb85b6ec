import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager, pageParam } from "@/components/ui/pager";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartCard, ReportFilters } from "@/app/_reports/report-parts";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { channelSales } from "@/lib/agreements/queries";
import { requirePermission } from "@/lib/auth/guard";
import { formatMoney } from "@/lib/money";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import { describeRange, parseReportFilter } from "@/lib/reports/filters";
import { channelEffectiveness, reportByMonth } from "@/lib/reports/queries";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { ChannelSalesTable } from "./sales-table";

export const metadata: Metadata = { title: "Channel" };

/** Partners shown per page of the effectiveness table, busiest first (`cp` is its page in the URL). */
const PARTNERS_PER_PAGE = 25;

const percent = (bps: number | null) => (bps === null ? "—" : `${(bps / 100).toFixed(1)}%`);

export default async function ChannelPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("channel.view");
  const raw = await searchParams;
  const params = parseTableParams(AGREEMENTS_TABLE, raw);
  const filter = { ...parseReportFilter(raw), productId: null, isvId: null };
  const viewer = { role: "isv" as const, accountId: user.accountId };
  const db = getDb();
  const [partners, byMonth, sales] = await Promise.all([
    channelEffectiveness(db, user.accountId, filter),
    reportByMonth(db, viewer, filter),
    channelSales(db, user.accountId, params),
  ]);
  const chosen = filter.partnerId ? partners.find((p) => p.partnerAccountId === filter.partnerId) : null;
  const page = pageParam(raw.cp, Math.max(1, Math.ceil(partners.length / PARTNERS_PER_PAGE)));
  const shown = partners.slice((page - 1) * PARTNERS_PER_PAGE, page * PARTNERS_PER_PAGE);
  const pageHref = (to: number) => {
    const q = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (k === "cp" ? [] : [v ?? []].flat().map((one) => [k, one]))));
    if (to > 1) q.set("cp", String(to));
    const query = q.toString();
    return `/vendor/channel${query ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Channel"
        description="How partners use your resale authorizations: invitations, offers, conversion and what their sales billed. Partners are listed as the buyer, at wholesale."
        actions={
          <Link href="/vendor/reports" className="text-sm font-medium text-brand-700 hover:underline">
            Every charge line →
          </Link>
        }
      />
      <div className="grid gap-6">
        <ReportFilters action="/vendor/channel" filter={filter} pickers={{ partner: chosen ? { id: chosen.partnerAccountId, name: chosen.partnerName } : null }} />
        <ChartCard
          title={`Wholesale billed by month${chosen ? ` — ${chosen.partnerName}` : ""}`}
          description={`USD, by billing period, ${describeRange(filter)}. Choose a partner above to see its own.`}
        >
          <BarChart testId="chart-channel" title="Wholesale billed by month" bars={byMonth.map((m) => ({ label: m.period, cents: m.wholesaleCents }))} />
          {byMonth.length > 0 ? (
            <Table aria-label="Billed by month" containerClassName="mt-2 max-h-72 overflow-y-auto">
              <TableHeader>
                <TableRow>
                  <TableHead>Period</TableHead>
                  <TableHead className="text-right">Lines</TableHead>
                  <TableHead className="text-right">Wholesale billed</TableHead>
                  <TableHead className="text-right">Listing fee</TableHead>
                  <TableHead className="text-right">Net revenue</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...byMonth].reverse().map((m) => (
                  <TableRow key={m.period} data-testid="channel-month">
                    <TableCell>{m.period}</TableCell>
                    <TableCell className="text-right tabular-nums">{m.lines.toLocaleString("en-US")}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(m.wholesaleCents)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(m.feeCents)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(m.isvShareCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </ChartCard>
        <Card>
          <CardHeader>
            <CardTitle>Channel effectiveness</CardTitle>
          </CardHeader>
          <CardContent>
            {partners.length === 0 ? (
              <p className="text-sm text-muted">No partner yet. Invite partners from Invitations; their offers, conversion and sales show here.</p>
            ) : (
              <div className="overflow-x-auto">
                <Table aria-label="Channel by partner">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Partner</TableHead>
                      <TableHead className="text-right">Invitations sent</TableHead>
                      <TableHead className="text-right">Accepted</TableHead>
                      <TableHead className="text-right">Offers extended</TableHead>
                      <TableHead className="text-right">Offers accepted</TableHead>
                      <TableHead className="text-right">Conversion</TableHead>
                      <TableHead className="text-right">Wholesale billed ({describeRange(filter)})</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.map((p) => (
                      <TableRow key={p.partnerAccountId} data-testid="channel-partner">
                        <TableCell>
                          <Link href={`/vendor/channel?partner=${p.partnerAccountId}`} className="font-medium text-brand-700 hover:underline">
                            {p.partnerName}
                          </Link>
                          <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(p.partnerAccountId)}</span>
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{p.invitationsSent}</TableCell>
                        <TableCell className="text-right tabular-nums">{p.invitationsAccepted}</TableCell>
                        <TableCell className="text-right tabular-nums">{p.offersExtended}</TableCell>
                        <TableCell className="text-right tabular-nums">{p.offersAccepted}</TableCell>
                        <TableCell className="text-right tabular-nums" data-testid="channel-conversion">{percent(p.conversionBps)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatMoney(p.billedWholesaleCents)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <Pager page={page} pageSize={PARTNERS_PER_PAGE} total={partners.length} href={pageHref} />
              </div>
            )}
          </CardContent>
        </Card>
        <section className="grid gap-2">
          <h2 className="text-base font-semibold">Sales through partners (contract value)</h2>
          <ChannelSalesTable rows={sales.rows} total={sales.total} params={params} />
        </section>
      </div>
    </>
  );
}
