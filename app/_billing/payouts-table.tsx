"use client";
// A seller's payouts as the portal's one table; each opens its remittance advice.
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { PAYOUTS_TABLE, type PayoutRow } from "@/lib/billing/table";
import { formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";

function columnsFor(base: string) {
  const col = dataTableColumns<PayoutRow>();
  return col.columns([
    col.accessor("date", { header: "Date", cell: (c) => <span className="whitespace-nowrap">{c.getValue().slice(0, 10)}</span> }),
    col.accessor("reference", {
      header: "Reference",
      cell: (c) => (
        <Link href={`${base}/${c.row.original.id}`} className="whitespace-nowrap font-mono text-xs font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor("status", { header: "Status", cell: (c) => (c.getValue() === "completed" ? <Badge tone="good">Paid</Badge> : <Badge tone="info">In progress</Badge>) }),
    col.accessor("lineCount", { header: "Shares", meta: { align: "end" }, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
    col.accessor("amountCents", {
      id: "amount",
      header: "Amount",
      meta: { align: "end", testId: "disbursement-amount" },
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{formatMoney(c.getValue(), c.row.original.currency)}</span>,
    }),
  ]);
}

const VENDOR = columnsFor("/vendor/money/payouts");
const PARTNER = columnsFor("/partner/money/payouts");
const FILTERS = [{ id: "status" as const, label: "Status", options: [{ value: "completed", label: "Paid" }, { value: "in_progress", label: "In progress" }] }];

export function PayoutsTable(props: { rows: PayoutRow[]; total: number; params: TableParams<(typeof PAYOUTS_TABLE.sortable)[number], "status">; side: "vendor" | "partner" }) {
  return (
    <DataTable
      rows={props.rows}
      total={props.total}
      params={props.params}
      columns={props.side === "vendor" ? VENDOR : PARTNER}
      spec={PAYOUTS_TABLE}
      filters={FILTERS}
      label="Payouts"
      getRowId={(r) => r.id}
      rowTestId="disbursement"
      searchPlaceholder="Bank trace reference"
      emptyState={<p>No payouts yet. Once a customer pays a bill with your sales on it, your share is paid out on your schedule.</p>}
    />
  );
}
