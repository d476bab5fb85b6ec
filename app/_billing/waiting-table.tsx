"use client";
// Every seller with collected money waiting, for the rep: amount, schedule, next payout or hold.
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { WAITING_TABLE, type WaitingRow } from "@/lib/billing/table";
import { formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";

const col = dataTableColumns<WaitingRow>();
const COLUMNS = col.columns([
  col.accessor("name", {
    id: "seller",
    header: "Seller",
    cell: (c) => (
      <>
        <Link href={`/marketplace/accounts/${c.row.original.sellerAccountId}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>{" "}
        <span className="text-xs text-muted">{c.row.original.role}</span>
        <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(c.row.original.sellerAccountId)}</span>
      </>
    ),
  }),
  col.accessor("amountCents", {
    id: "amount",
    header: "Waiting",
    meta: { align: "end" },
    cell: (c) => (
      <span className="whitespace-nowrap tabular-nums">
        {formatMoney(c.getValue(), c.row.original.currency)}
        <span className="block text-xs text-muted">{c.row.original.shares} shares</span>
      </span>
    ),
  }),
  col.accessor("schedule", { header: "Schedule", cell: (c) => c.getValue() ?? "—" }),
  col.accessor("nextPayout", {
    header: "Next payout",
    cell: (c) =>
      c.row.original.hold ? (
        <>
          <Badge tone="warn">Held</Badge> <span className="text-sm">{c.row.original.hold}</span>
        </>
      ) : (
        <span className="whitespace-nowrap">{c.getValue()?.slice(0, 10) ?? "—"}</span>
      ),
  }),
]);

const FILTERS = [{ id: "state" as const, label: "State", options: [{ value: "scheduled", label: "Will be paid" }, { value: "held", label: "Held" }] }];

export function WaitingTable(props: { rows: WaitingRow[]; total: number; params: TableParams<(typeof WAITING_TABLE.sortable)[number], "state"> }) {
  return (
    <DataTable
      {...props}
      columns={COLUMNS}
      spec={WAITING_TABLE}
      filters={FILTERS}
      label="Sellers with money waiting"
      getRowId={(r) => r.id}
      rowTestId="seller-waiting"
      searchPlaceholder="Seller name or account id"
      emptyState={<p>No seller has collected money waiting: every share of every paid bill has been paid out.</p>}
    />
  );
}
