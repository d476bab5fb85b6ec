"use client";
// The partner's authorized products as the portal's one table: each product of each authorization it
// may use now, with its public price and the partner's wholesale cost per unit.
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { AUTHORIZED_TABLE, type AuthorizedRow } from "@/lib/invitations/table";
import { bpsToPercent, formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";

const col = dataTableColumns<AuthorizedRow>();
const columns = col.columns([
  col.accessor("productName", {
    id: "product",
    header: "Product",
    cell: (c) => (
      <>
        <span className="font-medium">{c.getValue()}</span>
        {c.row.original.additionalTerms ? <span className="block max-w-64 whitespace-pre-wrap text-xs text-muted">Terms: {c.row.original.additionalTerms}</span> : null}
      </>
    ),
  }),
  col.accessor("isvName", {
    id: "vendor",
    header: "Vendor",
    cell: (c) => (
      <>
        {c.getValue()}
        <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(c.row.original.isvAccountId)}</span>
      </>
    ),
  }),
  col.accessor("discountBps", { id: "discount", header: "Wholesale discount", meta: { align: "end", testId: "discount" }, cell: (c) => `${bpsToPercent(c.getValue())}%` }),
  col.accessor("prices", {
    header: "Public → your cost (per unit / month)",
    cell: (c) => (
      <ul className="grid gap-0.5">
        {c.getValue().map((p) => (
          <li key={p.unitName} className="whitespace-nowrap">
            {p.unitName}: <span className="tabular-nums text-muted">{formatMoney(p.publicCents, c.row.original.currency)}</span> →{" "}
            <span className="font-medium tabular-nums" data-testid={`cost-${c.row.original.productName}-${p.unitName}`}>
              {formatMoney(p.wholesaleCents, c.row.original.currency)}
            </span>
          </li>
        ))}
      </ul>
    ),
  }),
  col.accessor("endsAt", {
    id: "ends",
    header: "Authorized until",
    cell: (c) => (
      <>
        <span className="whitespace-nowrap">{c.getValue()?.slice(0, 10) ?? "No end date"}</span>
        <span className="mt-1 flex flex-wrap gap-1">
          {c.row.original.remainingUses !== null ? <Badge tone="warn">{c.row.original.remainingUses} offer left (one-time)</Badge> : <Badge>Multi-use</Badge>}
          {c.row.original.buyerAccountId ? <Badge tone="info">Only for buyer {formatAccountId(c.row.original.buyerAccountId)}</Badge> : null}
        </span>
      </>
    ),
  }),
]);

export function AuthorizedTable(props: { rows: AuthorizedRow[]; total: number; params: TableParams<(typeof AUTHORIZED_TABLE.sortable)[number], never> }) {
  return (
    <DataTable
      {...props}
      columns={columns}
      spec={AUTHORIZED_TABLE}
      label="Authorized products"
      getRowId={(r) => r.id}
      rowTestId="authorized-product"
      searchPlaceholder="Search products or vendors"
      emptyState={
        <p>
          Nothing to resell yet. Accept a vendor&apos;s{" "}
          <Link href="/partner/invitations" className="font-medium text-brand-700 hover:underline">
            invitation
          </Link>{" "}
          and its products appear here.
        </p>
      }
    />
  );
}
