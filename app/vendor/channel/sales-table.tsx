"use client";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { AGREEMENT_STATUSES } from "@/lib/enums";
import { formatMoney } from "@/lib/money";
import { AGREEMENT_STATUS_LABELS } from "@/lib/offers/state";
import { AGREEMENTS_TABLE, type ChannelSaleRow } from "@/lib/offers/table";
import type { TableParams } from "@/lib/tables/params";

const money = (cents: number, row: ChannelSaleRow) => <span className="whitespace-nowrap tabular-nums">{formatMoney(cents, row.currency)}</span>;

const col = dataTableColumns<ChannelSaleRow>();
const COLUMNS = col.columns([
  col.accessor("startsAt", { id: "starts", header: "Started", cell: (c) => <span className="whitespace-nowrap">{c.getValue().slice(0, 10)}</span> }),
  col.accessor("productName", {
    id: "product",
    header: "Product",
    cell: (c) => (
      <>
        {c.getValue()}
        <span className="block text-xs text-muted">
          {c.row.original.durationMonths} months, {c.row.original.billing}
        </span>
      </>
    ),
  }),
  col.accessor("buyerName", {
    id: "counterparty",
    header: "Buyer (partner)",
    cell: (c) => (
      <>
        {c.getValue()}
        <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(c.row.original.buyerAccountId)}</span>
      </>
    ),
  }),
  col.accessor("status", { header: "Status", cell: (c) => <Badge tone={c.getValue() === "active" ? "good" : "neutral"}>{AGREEMENT_STATUS_LABELS[c.getValue()]}</Badge> }),
  col.accessor("wholesaleTotalCents", { header: "Contract value at wholesale", meta: { align: "end" }, cell: (c) => money(c.getValue(), c.row.original) }),
  col.accessor("listingFeeCents", { header: "Listing fee (contract)", meta: { align: "end" }, cell: (c) => money(c.getValue(), c.row.original) }),
  col.accessor("netRevenueCents", { header: "Net (contract)", meta: { align: "end" }, cell: (c) => money(c.getValue(), c.row.original) }),
]);

const FILTERS = [{ id: "status" as const, label: "Status", options: AGREEMENT_STATUSES.map((s) => ({ value: s, label: AGREEMENT_STATUS_LABELS[s] })) }];

export function ChannelSalesTable(props: { rows: ChannelSaleRow[]; total: number; params: TableParams<(typeof AGREEMENTS_TABLE.sortable)[number], "status"> }) {
  return (
    <DataTable
      {...props}
      columns={COLUMNS}
      spec={AGREEMENTS_TABLE}
      filters={FILTERS}
      label="Sales through partners"
      getRowId={(r) => r.id}
      rowTestId="channel-sale"
      searchPlaceholder="Product, partner or partner account id"
      emptyState={<p>No sales yet. When a partner&apos;s customer accepts an offer for your product, the sale shows here with the partner as the buyer.</p>}
    />
  );
}
