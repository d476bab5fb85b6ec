"use client";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";
import { PRODUCTS_TABLE, type ProductRow } from "@/lib/products/table";

const col = dataTableColumns<ProductRow>();
const columns = col.columns([
  col.accessor("name", {
    header: "Product",
    cell: (c) => (
      <Link href={`/vendor/products/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("dimensions", {
    header: "Public prices (per unit per month)",
    cell: (c) => (
      <ul className="grid gap-0.5">
        {c.getValue().map((d) => (
          <li key={d.unitName}>
            {d.unitName}: <span className="tabular-nums">{formatMoney(d.unitPriceCents, c.row.original.currency)}</span>
          </li>
        ))}
      </ul>
    ),
  }),
  col.accessor("updatedAt", { id: "updated", header: "Updated", cell: (c) => new Date(c.getValue()).toISOString().slice(0, 10) }),
]);

export function ProductsTable(props: { rows: ProductRow[]; total: number; params: TableParams<"name" | "updated", never> }) {
  return (
    <DataTable
      {...props}
      columns={columns}
      spec={PRODUCTS_TABLE}
      label="Products"
      getRowId={(r) => r.id}
      searchPlaceholder="Search products"
      emptyState={
        <p>
          No products yet.{" "}
          <Link href="/vendor/products/new" className="font-medium text-brand-700 hover:underline">
            Create your first product
          </Link>{" "}
          with its public prices, then invite partners to resell it.
        </p>
      }
    />
  );
}
