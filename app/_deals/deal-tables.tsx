"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { STAGE_LABELS, STAGE_TONES } from "@/lib/deals/state";
import { DEAL_STAGES, OPPORTUNITIES_TABLE, REQUESTS_TABLE, type OpportunityRow, type RequestRow } from "@/lib/deals/table";
import { bpsToPercent, formatMoney } from "@/lib/money";
import type { TableParams } from "@/lib/tables/params";

const day = (iso: string) => iso.slice(0, 10);

function opportunityColumns(side: "partner" | "vendor") {
  const col = dataTableColumns<OpportunityRow>();
  return col.columns([
    col.accessor("name", {
      header: "Opportunity",
      cell: (c) => (
        <Link href={`/${side}/opportunities/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
          <span className="block text-xs font-normal text-muted">{c.row.original.products.join(", ")}</span>
        </Link>
      ),
    }),
    col.accessor("counterpartyName", {
      id: "counterparty",
      header: side === "partner" ? "Vendor" : "Partner",
      cell: (c) => (
        <>
          {c.getValue()}
          <span className="block font-mono text-xs text-muted">{formatAccountId(c.row.original.counterpartyAccountId)}</span>
        </>
      ),
    }),
    col.accessor("customerName", {
      header: "Customer",
      cell: (c) => (
        <>
          {c.getValue()}
          <span className="block font-mono text-xs text-muted">{formatAccountId(c.row.original.customerAccountId)}</span>
        </>
      ),
    }),
    col.accessor("expectedValueCents", { id: "value", header: "Expected value", meta: { align: "end" }, cell: (c) => formatMoney(c.getValue(), c.row.original.currency) }),
    col.accessor("stage", {
      header: "Stage",
      cell: (c) => (
        <span className="inline-flex flex-wrap items-center gap-1">
          <Badge tone={STAGE_TONES[c.getValue()]}>{STAGE_LABELS[c.getValue()]}</Badge>
          {c.row.original.needsAction ? <span className="text-xs font-medium text-amber-800">{side === "partner" ? "your markup is needed" : "to decide"}</span> : null}
        </span>
      ),
    }),
    col.accessor("createdAt", { id: "registered", header: "Registered", cell: (c) => day(c.getValue()) }),
  ]);
}

const PARTNER_COLUMNS = opportunityColumns("partner");
const VENDOR_COLUMNS = opportunityColumns("vendor");
const STAGE_FILTER = [{ id: "stage" as const, label: "Stage", options: DEAL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })) }];

export function OpportunitiesTable({
  side,
  rows,
  total,
  params,
  emptyState,
}: {
  side: "partner" | "vendor";
  rows: OpportunityRow[];
  total: number;
  params: TableParams<(typeof OPPORTUNITIES_TABLE.sortable)[number], "stage">;
  emptyState: ReactNode;
}) {
  return (
    <DataTable
      rows={rows}
      total={total}
      params={params}
      columns={side === "partner" ? PARTNER_COLUMNS : VENDOR_COLUMNS}
      spec={OPPORTUNITIES_TABLE}
      filters={STAGE_FILTER}
      label="Opportunities"
      getRowId={(r) => r.id}
      rowTestId="opportunity-row"
      searchPlaceholder={`Search by name, ${side === "partner" ? "vendor" : "partner"} or customer`}
      emptyState={emptyState}
    />
  );
}

function ageOf(since: string, at: Date): string {
  const hours = Math.max(0, Math.floor((at.getTime() - new Date(since).getTime()) / 3_600_000));
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function RequestsTable({ rows, total, params, now }: { rows: RequestRow[]; total: number; params: TableParams<(typeof REQUESTS_TABLE.sortable)[number], "stage">; now: string }) {
  const at = new Date(now);
  const col = dataTableColumns<RequestRow>();
  const columns = col.columns([
    col.accessor("name", {
      header: "Deal",
      cell: (c) => (
        <Link href={`/marketplace/deals/${c.row.original.opportunityId}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
          <span className="block text-xs font-normal text-muted">for {c.row.original.customerName}</span>
        </Link>
      ),
    }),
    col.accessor("partnerName", { id: "partner", header: "Partner" }),
    col.accessor("vendorName", { id: "vendor", header: "Vendor" }),
    col.accessor("additionalDiscountBps", { header: "Extra discount", meta: { align: "end" }, cell: (c) => `${bpsToPercent(c.getValue())}%` }),
    col.accessor("stage", { header: "State", cell: (c) => <Badge tone={STAGE_TONES[c.getValue()]}>{c.getValue() === "submitted" ? "New" : STAGE_LABELS[c.getValue()]}</Badge> }),
    col.accessor("since", { id: "age", header: "In this state", cell: (c) => <span title={c.getValue()}>{ageOf(c.getValue(), at)}</span> }),
    col.accessor("endsAt", { id: "ends", header: "Window", cell: (c) => `${day(c.row.original.startsAt)} → ${day(c.getValue())}` }),
  ]);
  return (
    <DataTable
      rows={rows}
      total={total}
      params={params}
      columns={columns}
      spec={REQUESTS_TABLE}
      filters={[{ id: "stage" as const, label: "State", options: REQUESTS_TABLE.filters.stage.map((s) => ({ value: s, label: s === "submitted" ? "New" : STAGE_LABELS[s] })) }]}
      label="Discount requests"
      getRowId={(r) => r.requestId}
      rowTestId="request-row"
      searchPlaceholder="Search by deal, partner, vendor or customer"
      emptyState={<p>No discount requests. They arrive here when a vendor approves a partner&apos;s opportunity.</p>}
    />
  );
}
