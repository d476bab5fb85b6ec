"use client";
// The charge-line report as the portal's one table, with each role's columns:
// the ISV sees the partner as the buyer at wholesale; the partner its customer,
// gross, cost and margin; a rep every party and figure.
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { formatMoney } from "@/lib/money";
import { LINE_STATUS_LABELS, LINES_TABLE, lineCursor, type LineStatus, type ReportLine, type ReportRole } from "@/lib/reports/table";
import type { TableParams } from "@/lib/tables/params";

const col = dataTableColumns<ReportLine>();
const money = (cents: number | null, row: ReportLine) => (cents === null ? null : <span className="whitespace-nowrap tabular-nums">{formatMoney(cents, row.currency)}</span>);
const TONE: Record<LineStatus, "neutral" | "info" | "good" | "bad" | "warn"> = { invoiced: "neutral", overdue: "bad", collected: "info", paying: "info", paid_out: "good" };

const date = col.accessor("invoiceDate", {
  id: "period",
  header: "Invoice date",
  cell: (c) => (
    <span className="whitespace-nowrap">
      {c.getValue()}
      <span className="block text-xs text-muted">period {c.row.original.period}</span>
    </span>
  ),
});
// An ISV gets the offer's id, not the partner's name for it (which may name the customer).
const offer = col.accessor("offerName", {
  id: "offer",
  header: "Offer · product",
  cell: (c) => (
    <>
      {c.getValue() ?? <span className="whitespace-nowrap font-mono text-xs">{c.row.original.offerId}</span>}
      <span className="block text-xs text-muted">{c.row.original.productName}</span>
    </>
  ),
});
const party = (pick: (r: ReportLine) => [string | null, string | null], header: string, id: string) =>
  col.display({
    id,
    header,
    cell: (c) => {
      const [name, account] = pick(c.row.original);
      return (
        <>
          {name}
          {account ? <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(account)}</span> : null}
        </>
      );
    },
  });
const status = col.accessor("status", {
  header: "Status",
  cell: (c) => (
    <Badge tone={TONE[c.getValue()]}>
      <span className="whitespace-nowrap">{LINE_STATUS_LABELS[c.getValue()]}</span>
    </Badge>
  ),
});
const opportunity = col.accessor("opportunityName", {
  id: "opportunity",
  header: "Opportunity",
  cell: (c) =>
    c.getValue() ? (
      <span className="block max-w-56">
        {c.getValue()}
        <span className="block text-xs text-muted">{c.row.original.opportunityDescription}</span>
      </span>
    ) : (
      <span className="text-muted">—</span>
    ),
});
const amount = (key: "wholesaleCents" | "feeCents" | "isvShareCents" | "customerCents" | "partnerShareCents", header: string, testId: string) =>
  col.accessor(key, { header, meta: { align: "end", testId }, cell: (c) => money(c.getValue(), c.row.original) });

const COLUMNS: Record<ReportRole, ReturnType<typeof col.columns>> = {
  isv: col.columns([
    date,
    offer,
    party((r) => [r.partnerName, r.partnerAccountId], "Buyer (partner)", "buyer"),
    amount("wholesaleCents", "Wholesale revenue", "line-wholesale"),
    amount("feeCents", "Listing fee", "line-fee"),
    amount("isvShareCents", "Net revenue", "line-net"),
    status,
    opportunity,
  ]),
  partner: col.columns([
    date,
    party((r) => [r.customerName, r.customerAccountId], "Customer", "customer"),
    offer,
    col.accessor("isvName", { id: "manufacturer", header: "Manufacturer" }),
    amount("customerCents", "Gross revenue", "line-gross"),
    amount("wholesaleCents", "Cost to ISV", "line-cost"),
    amount("feeCents", "Listing fee (ISV pays)", "line-fee"),
    amount("partnerShareCents", "Net margin", "line-margin"),
    status,
    opportunity,
  ]),
  rep: col.columns([
    date,
    party((r) => [r.customerName, r.customerAccountId], "Customer", "customer"),
    party((r) => [r.partnerName, r.partnerAccountId], "Partner", "partner"),
    party((r) => [r.isvName, r.isvAccountId], "ISV", "isv"),
    offer,
    amount("customerCents", "Gross", "line-gross"),
    amount("feeCents", "Listing fee", "line-fee"),
    amount("isvShareCents", "ISV net", "line-net"),
    amount("partnerShareCents", "Partner margin", "line-margin"),
    status,
  ]),
};

export function LinesTable(props: { rows: ReportLine[]; total: number; params: TableParams<(typeof LINES_TABLE.sortable)[number], never>; role: ReportRole }) {
  return (
    <DataTable
      rows={props.rows}
      total={props.total}
      params={props.params}
      columns={COLUMNS[props.role]}
      spec={LINES_TABLE}
      label="Charge lines"
      getRowId={(r) => r.id}
      getCursor={lineCursor}
      rowTestId="report-line"
      emptyState={<p>No charge lines match. Lines appear once a billing run charges an agreement; widen the period or clear the filters.</p>}
    />
  );
}
