"use client";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatAccountId } from "@/lib/account-id";
import { AUTHORIZATION_STATUSES } from "@/lib/enums";
import { daysLeft, STATUS_LABELS, STATUS_TONES } from "@/lib/invitations/state";
import { RECEIVED_TABLE, SENT_TABLE, type InvitationRow } from "@/lib/invitations/table";
import type { TableParams } from "@/lib/tables/params";

const STATUS_FILTER = [{ id: "status" as const, label: "Status", options: AUTHORIZATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) }];
const day = (iso: string) => iso.slice(0, 10);

function columnsFor(side: "vendor" | "partner", at: Date) {
  const col = dataTableColumns<InvitationRow>();
  return col.columns([
    col.accessor("counterpartyName", {
      id: side === "vendor" ? "partner" : "vendor",
      header: side === "vendor" ? "Partner" : "Vendor",
      cell: (c) => (
        <Link href={`/${side}/invitations/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
          <span className="block font-mono text-xs font-normal text-muted">{formatAccountId(c.row.original.counterpartyAccountId)}</span>
        </Link>
      ),
    }),
    col.accessor("products", { header: "Products", cell: (c) => c.getValue().join(", ") }),
    col.accessor("status", {
      header: "Status",
      cell: (c) => <Badge tone={STATUS_TONES[c.getValue()]}>{STATUS_LABELS[c.getValue()]}</Badge>,
    }),
    col.accessor("expiresAt", {
      id: "expires",
      header: "Accept by",
      cell: (c) => {
        const row = c.row.original;
        if (row.status !== "pending") return day(row.expiresAt);
        const left = daysLeft(new Date(row.expiresAt), at);
        return (
          <>
            {day(row.expiresAt)}
            <span className="block text-xs text-muted">{left <= 1 ? "last day" : `${left} day${left === 1 ? "" : "s"} left`}</span>
          </>
        );
      },
    }),
    col.accessor("use", { header: "Use", cell: (c) => (c.getValue() === "one_time" ? "One-time" : "Multi-use") }),
    col.accessor("createdAt", { id: side === "vendor" ? "sent" : "received", header: side === "vendor" ? "Sent" : "Received", cell: (c) => day(c.getValue()) }),
  ]);
}

export function InvitationsTable({
  side,
  rows,
  total,
  params,
  now,
  emptyState,
}: {
  side: "vendor" | "partner";
  rows: InvitationRow[];
  total: number;
  params: TableParams<string, "status">;
  now: string;
  emptyState: ReactNode;
}) {
  const columns = useMemo(() => columnsFor(side, new Date(now)), [side, now]);
  const common = { rows, total, columns, filters: STATUS_FILTER, getRowId: (r: InvitationRow) => r.id, emptyState, label: "Invitations", searchPlaceholder: `Search by ${side === "vendor" ? "partner" : "vendor"} name or account id` };
  return side === "vendor" ? (
    <DataTable {...common} spec={SENT_TABLE} params={params as TableParams<(typeof SENT_TABLE.sortable)[number], "status">} />
  ) : (
    <DataTable {...common} spec={RECEIVED_TABLE} params={params as TableParams<(typeof RECEIVED_TABLE.sortable)[number], "status">} />
  );
}
