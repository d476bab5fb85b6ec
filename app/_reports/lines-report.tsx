// One charge-line report page, for whoever asks: filters in the URL, the
// headline charts, the totals row, the paged table and the CSV exports.
import { PageHeader } from "@/components/shell/app-shell";
import { BarChart } from "@/components/charts/bar-chart";
import { getDb } from "@/db";
import { filterSearchParams, parseReportFilter, type ReportFilter } from "@/lib/reports/filters";
import { chosenFilterNames, reportByMonth, reportByProduct, reportLines, type ReportTotals, type ReportViewer } from "@/lib/reports/queries";
import { LINES_TABLE } from "@/lib/reports/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { ChartCard, ExportLinks, ReportFilters, ReportTotalsRow, type TotalItem } from "./report-parts";
import { LinesTable } from "./lines-table";

const COPY = {
  isv: {
    title: "Channel report",
    description: "Every charge line of your products sold through partners. The partner is the buyer, at wholesale; figures are billed to date.",
    totals: [
      { label: "Wholesale revenue (billed)", pick: (t: ReportTotals) => t.wholesaleCents, testId: "total-wholesale" },
      { label: "Listing fee", pick: (t: ReportTotals) => t.feeCents, testId: "total-fee" },
      { label: "Net revenue", pick: (t: ReportTotals) => t.isvShareCents, testId: "total-net" },
    ],
    month: { title: "Net revenue by month", pick: (t: { isvShareCents: number }) => t.isvShareCents },
    product: { title: "Wholesale revenue by product", pick: (t: { wholesaleCents: number }) => t.wholesaleCents },
  },
  partner: {
    title: "Sales report",
    description: "Every charge line you sold as seller of record: what the customer paid, your cost to the ISV, the listing fee the ISV pays from it, and your margin. Figures are billed to date.",
    totals: [
      { label: "Gross revenue (billed)", pick: (t: ReportTotals) => t.customerCents, testId: "total-gross" },
      { label: "Cost to ISVs", pick: (t: ReportTotals) => t.wholesaleCents, testId: "total-cost" },
      { label: "Listing fee (ISVs pay)", pick: (t: ReportTotals) => t.feeCents, testId: "total-fee" },
      { label: "Net margin", pick: (t: ReportTotals) => t.partnerShareCents, testId: "total-margin" },
    ],
    month: { title: "Margin by month", pick: (t: { partnerShareCents: number }) => t.partnerShareCents },
    product: { title: "Margin by product", pick: (t: { partnerShareCents: number }) => t.partnerShareCents },
  },
  rep: {
    title: "Charge lines",
    description: "Every charge line in the marketplace, with every party and figure. Figures are billed to date.",
    totals: [
      { label: "Gross merchandise value", pick: (t: ReportTotals) => t.customerCents, testId: "total-gross" },
      { label: "Listing-fee revenue", pick: (t: ReportTotals) => t.feeCents, testId: "total-fee" },
      { label: "Owed to ISVs", pick: (t: ReportTotals) => t.isvShareCents, testId: "total-net" },
      { label: "Owed to partners", pick: (t: ReportTotals) => t.partnerShareCents, testId: "total-margin" },
    ],
    month: { title: "Gross merchandise value by month", pick: (t: { customerCents: number }) => t.customerCents },
    product: { title: "Gross merchandise value by product", pick: (t: { customerCents: number }) => t.customerCents },
  },
} satisfies Record<ReportViewer["role"], { title: string; description: string; totals: TotalItem[]; month: unknown; product: unknown }>;

export async function LinesReport({ viewer, path, searchParams, back }: { viewer: ReportViewer; path: string; searchParams: RawSearchParams; back?: React.ReactNode }) {
  const filter: ReportFilter = parseReportFilter(searchParams);
  const params = parseTableParams(LINES_TABLE, searchParams);
  const db = getDb();
  const [lines, byMonth, byProduct, chosen] = await Promise.all([reportLines(db, viewer, filter, params), reportByMonth(db, viewer, filter), reportByProduct(db, viewer, filter), chosenFilterNames(db, viewer, filter)]);
  const copy = COPY[viewer.role];
  const query = filterSearchParams(filter);
  const monthHref = (period: string) => {
    const q = new URLSearchParams(query);
    q.set("from", period);
    q.set("to", period);
    return `${path}?${q.toString()}`;
  };
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} actions={<ExportLinks filter={filter} feed={viewer.role !== "rep"} />} />
      {back}
      <div className="grid gap-4">
        <ReportFilters
          action={path}
          filter={filter}
          pickers={{
            product: chosen.product,
            ...(viewer.role === "partner" ? {} : { partner: chosen.partner }),
            ...(viewer.role === "isv" ? {} : { isv: chosen.isv }),
          }}
        />
        <ReportTotalsRow totals={lines.totals} items={copy.totals} filter={filter} />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartCard title={copy.month.title} description="USD, by billing period. Click a bar for that month's lines.">
            <BarChart testId="chart-by-month" title={copy.month.title} bars={byMonth.map((m) => ({ label: m.period, cents: copy.month.pick(m), href: monthHref(m.period) }))} />
          </ChartCard>
          <ChartCard title={copy.product.title} description="USD, largest first.">
            <BarChart testId="chart-by-product" title={copy.product.title} bars={byProduct.slice(0, 12).map((p) => ({ label: p.name, cents: copy.product.pick(p) }))} />
          </ChartCard>
        </div>
        <LinesTable rows={lines.rows} total={lines.total} params={lines.page === params.page ? params : { ...params, page: lines.page, cursor: null }} role={viewer.role} />
      </div>
    </>
  );
}
