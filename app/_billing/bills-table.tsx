"use client";
// Consolidated bills as the portal's one table: the customer's own, or every bill for a rep.
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { BILLS_TABLE, type BillRow } from "@/lib/billing/table";
import { formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";

const STATE = { open: ["info", "Issued"], overdue: ["bad", "Overdue"], paid: ["good", "Paid"] } as const;

function columnsFor(base: string, showCustomer: boolean) {
  const col = dataTableColumns<BillRow>();
  return col.columns([
    col.accessor("number", {
      header: "Bill",
      cell: (c) => (
        <Link href={`${base}/${c.row.original.id}`} className="whitespace-nowrap font-mono text-xs font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor("period", {
      header: "Period",
      cell: (c) => (
        <span className="whitespace-nowrap">
          {c.getValue()}
          {c.row.original.sequence > 0 ? (
            <Badge tone="neutral" className="ml-2" title="Charges that came due after this period's first bill was paid">
              Supplementary
            </Badge>
          ) : null}
        </span>
      ),
    }),
    ...(showCustomer ? [col.accessor("customerName", { id: "customer", header: "Customer" })] : []),
    col.accessor("state", { header: "Status", cell: (c) => <Badge tone={STATE[c.getValue()][0]}>{STATE[c.getValue()][1]}</Badge> }),
    col.accessor("issuedAt", { header: "Issued", cell: (c) => <span className="whitespace-nowrap">{c.getValue().slice(0, 10)}</span> }),
    col.accessor("dueAt", { id: "due", header: "Due", cell: (c) => <span className="whitespace-nowrap">{c.getValue().slice(0, 10)}</span> }),
    col.accessor("totalCents", { id: "total", header: "Total", meta: { align: "end" }, cell: (c) => <span className="whitespace-nowrap tabular-nums">{formatMoney(c.getValue(), c.row.original.currency)}</span> }),
  ]);
}

const CUSTOMER_COLUMNS = columnsFor("/buyer/bills", false);
const REP_COLUMNS = columnsFor("/marketplace/bills", true);
const FILTERS = [{ id: "state" as const, label: "Status", options: [{ value: "open", label: "Issued, not yet due" }, { value: "overdue", label: "Overdue" }, { value: "paid", label: "Paid" }] }];

export function BillsTable(props: { rows: BillRow[]; total: number; params: TableParams<(typeof BILLS_TABLE.sortable)[number], "state">; rep?: boolean }) {
  return (
    <DataTable
      rows={props.rows}
      total={props.total}
      params={props.params}
      columns={props.rep ? REP_COLUMNS : CUSTOMER_COLUMNS}
      spec={BILLS_TABLE}
      filters={FILTERS}
      label="Bills"
      getRowId={(r) => r.id}
      rowTestId="bill-row"
      searchPlaceholder={props.rep ? "Bill number, customer or account id" : "Bill number"}
      emptyState={
        props.rep ? (
          <p>No bills yet: they are issued by the billing run (the scheduler bills every day, or run it from Billing).</p>
        ) : (
          <p>No bills yet. Your subscriptions are billed monthly; the first bill appears after the first billing run.</p>
        )
      }
    />
  );
}
