"use client";
import type { AgreementStatus } from "@/lib/enums";
import { AGREEMENT_STATUS_LABELS } from "@/lib/offers/state";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import type { SaleRow, SubscriptionRow } from "@/lib/agreements/queries";
import { AGREEMENT_STATUSES } from "@/lib/enums";
import { formatMoney } from "@/lib/money";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import type { TableParams } from "@/lib/tables/params";

type Params = TableParams<(typeof AGREEMENTS_TABLE.sortable)[number], "status">;
const FILTERS = [{ id: "status" as const, label: "Status", options: AGREEMENT_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })) }];
const status = (s: AgreementStatus) => <Badge tone={s === "active" ? "good" : "neutral"}>{AGREEMENT_STATUS_LABELS[s]}</Badge>;

const sale = dataTableColumns<SaleRow>();
const saleColumns = sale.columns([
  sale.accessor("productName", { id: "product", header: "Product", cell: (c) => <>{c.getValue()}<span className="block text-xs text-muted">by {c.row.original.manufacturer}</span></> }),
  sale.accessor("customerName", { id: "counterparty", header: "Customer" }),
  sale.accessor("status", { header: "Status", cell: (c) => status(c.getValue()) }),
  sale.accessor("customerTotalCents", { header: "Customer pays", meta: { align: "end" }, cell: (c) => formatMoney(c.getValue(), c.row.original.currency) }),
  sale.accessor("wholesaleTotalCents", { header: "Your cost", meta: { align: "end" }, cell: (c) => formatMoney(c.getValue(), c.row.original.currency) }),
  sale.accessor("marginCents", { header: "Margin", meta: { align: "end" }, cell: (c) => <span className="font-semibold" data-testid="sale-margin">{formatMoney(c.getValue(), c.row.original.currency)}</span> }),
  sale.accessor("startsAt", { id: "starts", header: "Started", cell: (c) => c.getValue().slice(0, 10) }),
]);

export function SalesTable(props: { rows: SaleRow[]; total: number; params: Params }) {
  return (
    <DataTable
      {...props}
      columns={saleColumns}
      spec={AGREEMENTS_TABLE}
      filters={FILTERS}
      label="Sales"
      getRowId={(r) => r.id}
      searchPlaceholder="Search by product or customer"
      emptyState={
        <p>
          No sales yet. When a customer accepts one of your{" "}
          <Link href="/partner/offers" className="font-medium text-brand-700 hover:underline">
            offers
          </Link>
          , the agreement shows here with your margin.
        </p>
      }
    />
  );
}

const sub = dataTableColumns<SubscriptionRow>();
const subColumns = sub.columns([
  sub.accessor("productName", {
    id: "product",
    header: "Product",
    cell: (c) => (
      <Link href={`/buyer/subscriptions/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  sub.accessor("manufacturer", { header: "Manufacturer" }),
  sub.accessor("sellerOfRecord", { id: "counterparty", header: "Seller of record" }),
  sub.accessor("status", { header: "Status", cell: (c) => status(c.getValue()) }),
  sub.accessor("pricePerPeriodCents", { header: "Price", meta: { align: "end" }, cell: (c) => `${formatMoney(c.getValue(), c.row.original.currency)} ${c.row.original.billing === "upfront" ? "upfront" : "/ month"}` }),
  sub.accessor("startsAt", { id: "starts", header: "Term", cell: (c) => `${c.getValue().slice(0, 10)} – ${c.row.original.endsAt.slice(0, 10)}` }),
]);

export function SubscriptionsTable(props: { rows: SubscriptionRow[]; total: number; params: Params }) {
  return (
    <DataTable
      {...props}
      columns={subColumns}
      spec={AGREEMENTS_TABLE}
      filters={FILTERS}
      label="Subscriptions"
      getRowId={(r) => r.id}
      searchPlaceholder="Search by product or seller"
      emptyState={
        <p>
          No subscriptions yet. Accept one of the{" "}
          <Link href="/buyer/offers" className="font-medium text-brand-700 hover:underline">
            offers made for you
          </Link>{" "}
          to subscribe.
        </p>
      }
    />
  );
}
