"use client";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { OFFER_STATUSES } from "@/lib/enums";
import { formatMoney } from "@/lib/money";
import { OFFER_STATUS_LABELS, OFFER_STATUS_TONES } from "@/lib/offers/state";
import { PARTNER_OFFERS_TABLE, type PartnerOfferRow } from "@/lib/offers/table";
import type { TableParams } from "@/lib/tables/params";

const col = dataTableColumns<PartnerOfferRow>();
const columns = col.columns([
  col.accessor("name", {
    header: "Offer",
    cell: (c) => (
      <Link href={`/partner/offers/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {c.getValue()}
        <span className="block text-xs font-normal text-muted">{c.row.original.productName}</span>
      </Link>
    ),
  }),
  col.accessor("customerName", {
    id: "customer",
    header: "Customer",
    cell: (c) => (
      <>
        {c.getValue()}
        <span className="block font-mono text-xs text-muted">{formatAccountId(c.row.original.customerAccountId)}</span>
      </>
    ),
  }),
  col.accessor("status", { header: "Status", cell: (c) => <Badge tone={OFFER_STATUS_TONES[c.getValue()]}>{OFFER_STATUS_LABELS[c.getValue()]}</Badge> }),
  col.accessor("customerPerPeriodCents", {
    header: "Customer price",
    meta: { align: "end" },
    cell: (c) => {
      const r = c.row.original;
      return c.getValue() === null ? <span className="text-muted">priced when extended</span> : `${formatMoney(c.getValue()!, r.currency)} ${r.billing === "upfront" ? "upfront" : "/ month"}`;
    },
  }),
  col.accessor("expiresAt", { id: "expires", header: "Accept by", cell: (c) => c.getValue().slice(0, 10) }),
  col.accessor("updatedAt", { id: "updated", header: "Updated", cell: (c) => c.getValue().slice(0, 10) }),
]);

const FILTERS = [{ id: "status" as const, label: "Status", options: OFFER_STATUSES.map((s) => ({ value: s, label: OFFER_STATUS_LABELS[s] })) }];

export function OffersTable(props: { rows: PartnerOfferRow[]; total: number; params: TableParams<(typeof PARTNER_OFFERS_TABLE.sortable)[number], "status"> }) {
  return (
    <DataTable
      {...props}
      columns={columns}
      spec={PARTNER_OFFERS_TABLE}
      filters={FILTERS}
      label="Private offers"
      getRowId={(r) => r.id}
      searchPlaceholder="Search by offer or customer"
      emptyState={
        <p>
          No offers yet.{" "}
          <Link href="/partner/offers/new" className="font-medium text-brand-700 hover:underline">
            Create a private offer
          </Link>{" "}
          from one of your authorized products.
        </p>
      }
    />
  );
}
